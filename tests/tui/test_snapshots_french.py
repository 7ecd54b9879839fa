"""French snapshots at 80×24 in the default dark theme: the clients screen, the
client form and the task form, over the demo week in French (issue #12: nothing
cut or overlapping; the English snapshots stay as they are).

Regenerate after an intended visual change with `pytest --snapshot-update` and
look at the SVGs in `tests/tui/__snapshots__/` before committing them.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.tui.conftest import NOW, SIZE, app_for
from vaworkspace.config import Config
from vaworkspace.service import Workspace

SCREENS = {  # name: keys pressed after start
    "clients": ["3"],
    "client-form": ["3", "down", "down", "down", "e"],
    "task-form": ["j", "enter"],
}


@pytest.fixture
def french_demo(tmp_path) -> Workspace:
    config = Config(timezone_name="America/Montreal", language="fr_CA")
    ws = Workspace(str(tmp_path / "demo.json"), config, clock=lambda: NOW)
    ws.fill_demo()
    return ws


@pytest.mark.parametrize("screen", list(SCREENS))
def test_french_snapshot(snap_compare, french_demo, screen: str) -> None:
    async def steady(pilot) -> None:
        pilot.app.theme = "va-dark"
        await pilot.pause()
        for key in SCREENS[screen]:
            await pilot.press(key)
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app_for(french_demo), terminal_size=SIZE, run_before=steady)
