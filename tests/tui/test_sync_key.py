"""R syncs every subscribed calendar (`va sync`) from any screen, in a thread worker.

A progress screen names the calendar being fetched while the screen beneath
keeps answering; the end is a notice of what changed per calendar, a calendar
that failed is an error notice naming it (the others still sync), and a
refusal of the whole sync (a damaged file) is the app's one error notice.
"""

from __future__ import annotations

import threading

from tests.tui.conftest import SIZE, app_for, messages
from tests.tui.test_file_forms import ICS, stored
from vaworkspace.service import subscriptions


def _subscribe(ws, tmp_path, name: str, text: str = ICS):
    path = tmp_path / f"{name}.ics"
    path.write_text(text, newline="")
    ws.subscriptions.add(name, str(path), client="dental")
    return path


async def _sync(pilot) -> None:
    await pilot.press("R")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _errors(app) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "error"]


async def test_r_syncs_every_calendar_and_says_what_changed(ws, tmp_path) -> None:
    _subscribe(ws, tmp_path, "board")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await _sync(pilot)
        assert type(pilot.app.screen).__name__ == "InboxScreen"
        said = messages(pilot.app)[-1]
        assert said.startswith("Imported board: 1 created"), said
        await _sync(pilot)  # again: nothing changed, and it says so
        assert messages(pilot.app)[-1].startswith("Imported board: 0 created, 0 updated, 1 unch")
        assert _errors(pilot.app) == []
    assert [e["summary"] for e in stored(ws)["events"].values()] == ["Board meeting"]


async def test_a_failing_calendar_is_named_and_the_others_still_sync(ws, tmp_path) -> None:
    _subscribe(ws, tmp_path, "board")
    _subscribe(ws, tmp_path, "aaa-gone").unlink()
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await _sync(pilot)
        [error] = _errors(pilot.app)
        assert error.startswith("calendar 'aaa-gone' not synced"), error
        assert any(m.startswith("Imported board: 1 created") for m in messages(pilot.app))
        assert pilot.app.is_running
    assert [e["summary"] for e in stored(ws)["events"].values()] == ["Board meeting"]


async def test_without_calendars_r_says_how_to_subscribe(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await _sync(pilot)
        assert "va calendar add" in messages(pilot.app)[-1]  # or va account map


async def test_a_damaged_file_is_the_apps_one_error_notice(ws, tmp_path) -> None:
    _subscribe(ws, tmp_path, "board")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.pause()
        with open(ws.path, "w") as handle:
            handle.write("{ not json")
        await _sync(pilot)
        [error] = _errors(pilot.app)
        assert str(ws.path) in error, error
        assert pilot.app.is_running


async def test_the_progress_names_the_calendar_while_the_screen_answers(
    ws, tmp_path, monkeypatch
) -> None:
    _subscribe(ws, tmp_path, "board")
    slow, real = threading.Event(), subscriptions.fetch

    def waiting_fetch(source, **options):
        slow.wait(10)  # a slow server
        return real(source, **options)

    monkeypatch.setattr(subscriptions, "fetch", waiting_fetch)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("R")
        await pilot.pause(0.2)
        progress = app.screen
        assert type(progress).__name__ == "SyncScreen"
        assert "board" in str(progress.query_one("#step").render())
        await pilot.press("escape")  # hide it: the sync goes on
        await pilot.pause()
        assert type(app.screen).__name__ == "InboxScreen"
        await pilot.press("j")  # the screen answers keys meanwhile
        assert app.screen.query_one("InboxTable").selected.id != 1
        slow.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(m.startswith("Imported board: 1 created") for m in messages(app))


async def test_a_bug_in_the_sync_is_an_error_notice_not_a_crash(ws, tmp_path, monkeypatch) -> None:
    _subscribe(ws, tmp_path, "board")

    def broken(starting=None):
        raise RuntimeError("a bug")

    monkeypatch.setattr(ws.subscriptions, "sync", broken)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await _sync(pilot)
        [error] = _errors(pilot.app)
        assert error.startswith("sync failed: RuntimeError"), error
        assert pilot.app.is_running
