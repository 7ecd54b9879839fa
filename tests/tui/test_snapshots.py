"""Snapshots at 80×24 with a fixed clock, in the default dark and the high-contrast themes.

Regenerate after an intended visual change with `pytest --snapshot-update` and
look at the SVGs in `tests/tui/__snapshots__/` before committing them.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.tui.conftest import SIZE, app_for

THEMES = ["va-dark", "va-high-contrast"]
SCREENS = {  # name: keys pressed after start
    "inbox": [],
    "detail": ["j", "j", "j", "j", "j"],
    "form": ["j", "enter"],
    "triage": ["i"],
    "help": ["question_mark"],
    "clients": ["3"],
}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_snapshot(snap_compare, demo, theme: str, screen: str) -> None:
    async def prepare(pilot) -> None:
        pilot.app.theme = theme
        await pilot.pause()

    async def steady(pilot) -> None:
        await prepare(pilot)
        for key in SCREENS[screen]:
            await pilot.press(key)
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app_for(demo), terminal_size=SIZE, run_before=steady)
