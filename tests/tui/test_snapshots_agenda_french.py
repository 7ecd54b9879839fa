"""Snapshots of the agenda (6) in French at 80×24, dark theme, fixed clock (Tuesday
1 December, 14:00): the day and the week of `test_snapshots_agenda.py`, and a plan
proposed, over the same workspace titled in French (`tests.agenda_workspace_fr`).

Regenerate with `pytest --snapshot-update tests/tui/test_snapshots_agenda_french.py`
and look at the SVGs before committing them: nothing of the UI cut, no English.
"""

from __future__ import annotations

import pytest

from tests.agenda_workspace import at
from tests.agenda_workspace_fr import build_french
from tests.tui.conftest import SIZE, app_for

VIEWS = {"day": ["6", "j"], "week": ["6", "v"], "proposed": ["6", "P"]}


@pytest.mark.parametrize("view", list(VIEWS))
def test_agenda_snapshot_in_french(snap_compare, tmp_path, view: str) -> None:
    ws = build_french(tmp_path)
    ws.agenda.schedule_block(2, at("15:30" if view == "proposed" else "14:00"))

    async def steady(pilot) -> None:
        pilot.app.theme = "va-dark"
        await pilot.pause()
        for key in VIEWS[view]:
            await pilot.press(key)
        await pilot.app.workers.wait_for_complete()  # P plans in a worker
        await pilot.pause()

    assert snap_compare(app_for(ws), terminal_size=SIZE, run_before=steady)
