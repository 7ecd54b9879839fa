"""Snapshots of the agenda (6) at 80×24, fixed clock (Tuesday 1 December, 14:00).

The workspace of `test_agenda_screen.build`: a weekly sync, two calls that overlap,
all-day events, a task due today; plus one work block booked into a free slot, so
the day shows events, a block, free slots and a clash, and the week its columns.
Regenerate with `pytest --snapshot-update tests/tui/test_snapshots_agenda.py` and
look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest

from tests.tui.conftest import SIZE, app_for
from tests.tui.test_agenda_screen import at, build

THEMES = ["va-dark", "va-high-contrast"]
VIEWS = {"day": ["6", "j"], "week": ["6", "v"]}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("view", list(VIEWS))
def test_agenda_snapshot(snap_compare, tmp_path, theme: str, view: str) -> None:
    ws = build(tmp_path)
    ws.agenda.schedule_block(2, at("14:00"))

    async def steady(pilot) -> None:
        pilot.app.theme = theme
        await pilot.pause()
        for key in VIEWS[view]:
            await pilot.press(key)
        await pilot.pause()

    assert snap_compare(app_for(ws), terminal_size=SIZE, run_before=steady)


@pytest.mark.parametrize("step", ["proposed", "accepted"])
def test_agenda_snapshot_of_a_planned_day(snap_compare, tmp_path, step: str) -> None:
    """P on the day above: the proposed blocks (◇) around the events and the
    block booked by hand, the plan and its risks beside them; then, after a,
    the day as written (◆)."""
    ws = build(tmp_path)
    ws.agenda.schedule_block(2, at("15:30"))

    async def planned(pilot) -> None:
        pilot.app.theme = "va-dark"
        await pilot.pause()
        await pilot.press("6", "P")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if step == "accepted":
            await pilot.press("a")
        await pilot.pause()

    assert snap_compare(app_for(ws), terminal_size=SIZE, run_before=planned)
