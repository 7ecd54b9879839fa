"""Pilot tests: keys act on what has focus.

After `c` the client sidebar has focus: a VA typing a client's name must not
complete, edit or re-prioritise the task still selected in the table behind it.
"""

from __future__ import annotations

import json

from tests.tui.conftest import SIZE, app_for
from vaworkspace.tui.inbox_table import InboxTable
from vaworkspace.tui.widgets import ClientSidebar


def stored(ws) -> dict:
    with open(ws.path) as handle:
        return json.load(handle)["tasks"]


def open_titles(ws) -> list[str]:
    return [t["title"] for t in stored(ws).values() if t.get("status", "todo") == "todo"]


async def test_letters_in_the_client_sidebar_never_act_on_the_selected_task(ws) -> None:
    before = open_titles(ws)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("c")
        sidebar = app.screen.query_one(ClientSidebar)
        assert sidebar.has_focus
        await pilot.press(*"xpwtae")  # a client name typed, or a slip of the finger
        await pilot.pause()
        assert type(app.screen).__name__ == "InboxScreen" and sidebar.has_focus
        assert open_titles(ws) == before
        assert "priority" not in stored(ws)["1"]
        assert not ws.time.has_timer()


async def test_j_and_k_move_in_the_client_sidebar(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        table = app.screen.query_one(InboxTable)
        await pilot.press("c")
        sidebar = app.screen.query_one(ClientSidebar)
        start = sidebar.highlighted
        await pilot.press("j", "j")
        assert sidebar.highlighted == start + 2
        await pilot.press("k")
        assert sidebar.highlighted == start + 1
        assert table.cursor == 0  # the table behind did not move
        await pilot.press("escape")
        assert table.has_focus


async def test_a_palette_task_action_from_the_sidebar_acts_on_the_selected_task(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("c")
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        await commands["Task: priority"].callback()
        await pilot.pause()
        assert stored(ws)["1"]["priority"] == "high"
        assert app.screen.query_one(InboxTable).has_focus
