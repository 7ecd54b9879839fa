"""Snapshots of the focus timer (4) and reports (5) screens at 80×24, fixed clock.

The demo week (this morning's time logged) and a pomodoro started 7 min 13 s ago,
so the digits, the today table, the week grid and the month bars all show data.
Regenerate with `pytest --snapshot-update tests/tui/test_snapshots_time.py` and
look at the SVGs before committing them.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.tui.conftest import NOW, SIZE, app_for
from vaworkspace.config import Config
from vaworkspace.service import Workspace

THEMES = ["va-dark", "va-high-contrast"]
SCREENS = {  # name: (timer running, keys pressed after start)
    "focus": (True, ["4"]),
    "focus-idle": (False, ["4"]),
    "reports-week": (True, ["5"]),
    "reports-month": (False, ["5", "m", "left_square_bracket"]),
}


@pytest.fixture
def timed(tmp_path):
    """The demo (today's morning logged); `timed(True)` also starts a pomodoro."""

    def build(running: bool) -> Workspace:
        moment = [NOW]
        ws = Workspace(
            str(tmp_path / "time.json"),
            Config(timezone_name="America/Montreal"),
            clock=lambda: moment[0],
        )
        ws.fill_demo()  # its week includes this morning's time
        if running:
            moment[0] = NOW - timedelta(minutes=7, seconds=13)
            ws.time.start_timer(task_id=2)
            moment[0] = NOW
        return ws

    return build


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_time_snapshot(snap_compare, timed, theme: str, screen: str) -> None:
    running, keys = SCREENS[screen]

    async def steady(pilot) -> None:
        pilot.app.theme = theme
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    assert snap_compare(app_for(timed(running)), terminal_size=SIZE, run_before=steady)
