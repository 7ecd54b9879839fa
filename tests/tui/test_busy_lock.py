"""A key pressed while another process holds the lock (issue #9): the TUI waits about a
second, not the store's 10 s, then says the file is busy; the app never freezes."""

from __future__ import annotations

import time

from tests.tui.conftest import SIZE, app_for
from tests.tui.test_write_boundary import lock_held, record_notifications
from vaworkspace.store import DEFAULT_LOCK_TIMEOUT


async def test_a_write_meeting_the_lock_says_busy_within_about_a_second(ws) -> None:
    assert ws.file.lock_timeout == DEFAULT_LOCK_TIMEOUT  # what a CLI command waits
    app = app_for(ws)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        with lock_held(ws):
            began = time.monotonic()
            await pilot.press("p")
            await pilot.pause()
            waited = time.monotonic() - began
        assert waited < 2.0, f"the app froze {waited:.1f} s"
        assert any(m.startswith("busy: another va is writing") for m in said), said
        assert any(m.endswith("try again") for m in said), said
        assert app.is_running
        await pilot.press("p")  # the lock is free again: the same key works
        assert ws.tasks.get(1).priority is not None


async def test_prompts_and_forms_say_busy_beside_the_text_typed(ws) -> None:
    """Each wait is timed alone: typing the text costs more than a second on a
    loaded machine, and is not what this measures."""
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        with lock_held(ws):
            await pilot.press("a", *"Call the dentist")
            bar = app.screen.query_one("CommandBar")
            waited = await _until_busy(pilot, "enter", lambda: bar.query_one("#preview"))
            assert waited < 3.0  # about a second, not the store's 10 s
            assert bar.query_one("Input").value == "Call the dentist"
            await pilot.press("escape", "e", "end", *" now")
            await pilot.pause()
            form = app.screen
            assert type(form).__name__ == "TaskForm"
            waited = await _until_busy(pilot, "ctrl+s", lambda: form.query_one("#problem"))
            assert waited < 3.0


async def _until_busy(pilot, key: str, where) -> float:
    """Press `key`; the seconds until `where()` says the file is busy."""
    began = time.monotonic()
    await pilot.press(key)
    while str(where().render()) != "busy: another va is writing, try again":
        assert time.monotonic() - began < 12.0, str(where().render())
        await pilot.pause(0.05)
    return time.monotonic() - began
