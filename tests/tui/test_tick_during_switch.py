"""The one-second tick may fire while a screen is still being built (keys typed
quickly: `i 3 4 6`): it must wait for the screen, never query a half-built one."""

from __future__ import annotations

import pytest

from tests.tui.conftest import SIZE, app_for


@pytest.mark.parametrize("mode", ["triage", "clients", "focus", "reports", "agenda", "inbox"])
async def test_a_tick_between_switch_and_mount_does_not_crash(ws, mode) -> None:
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if mode == "inbox":
            await app.switch_mode("agenda")
            await pilot.pause()
        switching = app.switch_mode(mode)
        app.check_outside_changes()  # the interval fires before the screen is mounted
        ws.tasks.add("Written by another terminal meanwhile")
        app.check_outside_changes()
        await switching
        await pilot.pause()
        app.check_outside_changes()
        await pilot.pause()
        assert app.return_code is None and app.is_running
        assert app.current_mode == mode
