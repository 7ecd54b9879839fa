"""`[[publish]]` in the TUI: written by a worker, never on the event loop, and
problems shown as a notification."""

from __future__ import annotations

import threading

from tests.tui.conftest import NOW, SIZE, app_for
from vaworkspace.config import Config, PublishTarget
from vaworkspace.service import Workspace


def publishing_ws(tmp_path, target) -> Workspace:
    config = Config(
        timezone_name="America/Montreal",
        publish=(PublishTarget(str(target), "evelyne"),),
    )
    ws = Workspace(str(tmp_path / "ws.json"), config, clock=lambda: NOW)
    ws.clients.add("Évelyne Couture", id="evelyne")
    ws.tasks.add("Book hotel @evelyne due:fri")
    ws.tasks.add("Call the bank @evelyne due:thu")
    ws.tasks.add("Idea for the blog")
    ws.publishing.publish()
    return ws


async def test_a_keypress_is_handled_while_publishing_is_slow(tmp_path, monkeypatch) -> None:
    from vaworkspace.service import publishing

    target = tmp_path / "feed" / "evelyne.ics"
    ws = publishing_ws(tmp_path, target)
    entered, release = threading.Event(), threading.Event()
    real_write = publishing.write_published

    def slow_write(path, data):
        entered.set()
        assert release.wait(10), "the test never released the writer"
        real_write(path, data)

    monkeypatch.setattr(publishing, "write_published", slow_write)
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("InboxTable")
        before = table.cursor
        await pilot.press("p")  # a change: cycles the selected task's priority
        await pilot.pause()
        assert entered.wait(5), "publishing did not start after the change"
        await pilot.press("down")  # handled while the writer is still stuck
        await pilot.pause()
        assert table.cursor == before + 1
        assert not release.is_set()
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert b"PRIORITY:" in target.read_bytes()


async def test_publishing_problems_are_a_notification(tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    ws = publishing_ws(tmp_path, tmp_path / "ok.ics")
    blocker.write_text("a file where a folder should be")
    ws.config.publish += (PublishTarget(str(blocker / "evelyne.ics")),)
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
    assert any("publishing" in m and "not-a-folder" in m for m in messages), messages
    assert not ws.publishing.unpublished
