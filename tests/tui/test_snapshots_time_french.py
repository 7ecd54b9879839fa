"""French snapshots (fr_CA, 80×24, dark theme) of the focus timer (4), the reports
(5) and the time entries (7) screens, over the French demo week at a fixed clock.

French words are longer than English ones: these pictures are where a cut heading or
an overlapping column shows. Regenerate with
`pytest --snapshot-update tests/tui/test_snapshots_time_french.py` and look at the
SVGs before committing them.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.tui.conftest import NOW, SIZE, app_for
from vaworkspace.config import Config
from vaworkspace.service import Workspace

SCREENS = {  # name: (timer running, keys pressed after start)
    "focus": (True, ["4"]),
    "focus-idle": (False, ["4"]),
    "reports-week": (True, ["5"]),
    "reports-day": (False, ["5", "d"]),
    "reports-month": (False, ["5", "m", "left_square_bracket"]),
    "entries": (False, ["7"]),
}


@pytest.fixture
def french_week(tmp_path):
    """The French demo (this morning's time logged); `build(True)` also starts a
    pomodoro 7 min 13 s ago."""

    def build(running: bool) -> Workspace:
        moment = [NOW]
        config = Config(timezone_name="America/Montreal")
        config.language = "fr_CA"
        ws = Workspace(str(tmp_path / "temps.json"), config, clock=lambda: moment[0])
        ws.fill_demo()
        if running:
            moment[0] = NOW - timedelta(minutes=7, seconds=13)
            ws.time.start_timer(task_id=2)
            moment[0] = NOW
        return ws

    return build


@pytest.mark.parametrize("screen", list(SCREENS))
def test_french_time_snapshot(snap_compare, french_week, screen: str) -> None:
    running, keys = SCREENS[screen]

    async def steady(pilot) -> None:
        pilot.app.theme = "va-dark"
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    assert snap_compare(app_for(french_week(running)), terminal_size=SIZE, run_before=steady)
