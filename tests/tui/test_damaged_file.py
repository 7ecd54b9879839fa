"""Pilot tests: the workspace file damaged or moved away while the TUI is open, and
what an error nothing caught prints.

The file is the VA's livelihood: it is never written over while it cannot be
read, the VA is told once with the CLI's own line (which names the newest
backup), and nothing the app prints on the way out shows the workspace's
contents (a Rich traceback's locals would print clients, rates and notes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import SIZE, app_for, titles
from tests.tui.test_write_boundary import record_notifications
from vaworkspace.errors import StoreError
from vaworkspace.tui.inbox import InboxScreen


async def test_a_file_damaged_while_open_is_said_once_and_never_written(ws) -> None:
    path = Path(ws.path)
    good = path.read_bytes()
    app = app_for(ws)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        path.write_bytes(b'{"tasks": ')  # another program (or a disk) damaged it
        app.check_outside_changes()
        app.check_outside_changes()  # the next second: not said again
        problems = [m for m in said if "not valid JSON" in m]
        assert len(problems) == 1, said
        assert "restore the newest backup" in problems[0] and "/backups/ws-" in problems[0]
        for key in ("x", "p", "t", "3", "x", "2", "h", "1"):
            await pilot.press(key)
            await pilot.pause()
            assert app.is_running, key
        assert path.read_bytes() == b'{"tasks": '
        assert titles(app)[0] == "Late invoice"  # the last good screen, still shown
        path.write_bytes(good)  # the VA restored the backup
        app.check_outside_changes()
        await pilot.press("x")
        assert titles(app) == ["Book hotel", "Newsletter draft", "Idea for the blog"]


async def test_a_file_moved_away_while_open_is_not_written_as_a_new_one(ws) -> None:
    path = Path(ws.path)
    app = app_for(ws)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        path.rename(path.with_name("moved.json"))
        await pilot.press("x")  # before the tick noticed
        await pilot.pause()
        assert not path.exists()
        assert any("is gone (moved or deleted" in m for m in said), said
        app.check_outside_changes()
        await pilot.press("a", *"New task", "enter")
        await pilot.pause()
        assert app.is_running and not path.exists()
        assert titles(app)[0] == "Late invoice"


async def test_a_bug_nothing_caught_prints_its_traceback_without_locals(
    ws, monkeypatch, capsys
) -> None:
    def broken_priority(self) -> None:
        secret = "rate " + str(9 * 5)  # a local a traceback must not print
        raise RuntimeError(f"a bug ({len(secret)})")

    monkeypatch.setattr(InboxScreen, "action_priority", broken_priority)
    app = app_for(ws)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("p")
            await pilot.pause()
    printed = capsys.readouterr().err
    assert "RuntimeError" in printed and "a bug (7)" in printed
    assert "rate 45" not in printed and "locals" not in printed
    assert app.return_code == 1


async def test_a_refusal_nothing_caught_ends_the_app_with_the_cli_line_only(
    ws, monkeypatch, capsys
) -> None:
    """Outside every boundary (a message handler), a `VaError` still ends the app
    cleanly: no traceback; `run_tui` raises it for the CLI's `va: …` line, exit 1."""

    def refusing(self, event) -> None:
        raise StoreError("workspace ws.json is not valid JSON; restore the newest backup")

    monkeypatch.setattr(InboxScreen, "on_inbox_table_highlighted", refusing)
    app = app_for(ws)
    with pytest.raises(StoreError):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j")
            await pilot.pause()
    assert isinstance(app.fatal, StoreError) and app.return_code == 1
    assert "Traceback" not in capsys.readouterr().err
