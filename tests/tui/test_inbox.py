"""Pilot tests: the inbox screen and each of its keys, at 80×24."""

from __future__ import annotations

import json
from pathlib import Path

from tests.tui.conftest import SIZE, app_for, make_ws, titles
from vaworkspace.tui.command_bar import CommandBar
from vaworkspace.tui.inbox_table import InboxTable


def selected(app):
    return app.screen.query_one(InboxTable).selected


def stored(ws) -> dict[int, dict]:
    with open(ws.path) as handle:
        doc = json.load(handle)
    return {int(k): v for k, v in {**doc["tasks"], **doc["closed_tasks"]}.items()}


async def test_inbox_ranks_tasks_and_shows_the_selected_one(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert titles(app) == [
            "Late invoice",
            "Book hotel",
            "Newsletter draft",
            "Idea for the blog",
        ]
        detail = str(app.screen.query_one("#detail").render())
        assert "Late invoice" in detail and "overdue" in detail
        topbar = app.screen.query_one("#where").render()
        assert "Inbox" in str(topbar) and "Tue 01 Dec 14:00" in str(topbar)


async def test_cursor_keys(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("j")
        assert selected(app).title == "Book hotel"
        await pilot.press("down", "down")
        assert selected(app).title == "Idea for the blog"
        await pilot.press("down")  # stays on the last row
        assert selected(app).title == "Idea for the blog"
        await pilot.press("k")
        assert selected(app).title == "Newsletter draft"
        await pilot.press("up", "g")
        assert selected(app).title == "Late invoice"
        await pilot.press("G")
        assert selected(app).title == "Idea for the blog"
        assert "Idea for the blog" in str(app.screen.query_one("#detail").render())


async def test_quick_add_previews_then_saves_to_disk(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("a")
        bar = app.screen.query_one(CommandBar)
        assert bar.has_class("-open")
        await pilot.press(*"Call the dentist @dental !h due:tomorrow")
        preview = str(bar.query_one("#preview").render())
        assert "title: Call the dentist" in preview
        assert "@dental" in preview and "high" in preview and "2026-12-02" in preview
        await pilot.press("enter")
        await pilot.pause()
        assert not bar.has_class("-open")
        saved = [t for t in stored(ws).values() if t["title"] == "Call the dentist"]
        assert saved and saved[0]["client"] == "dental" and saved[0]["source"] == "tui"
        assert "Call the dentist" in titles(app)
        assert selected(app).title == "Call the dentist"


async def test_quick_add_error_keeps_the_line_and_writes_nothing(ws) -> None:
    before = Path(ws.path).read_bytes()
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("a", *"Thing due:frday")
        bar = app.screen.query_one(CommandBar)
        assert "frday" in str(bar.query_one("#preview").render())
        await pilot.press("enter")
        assert bar.has_class("-open")
        assert bar.query_one("Input").value == "Thing due:frday"
        await pilot.press("escape")
        assert not bar.has_class("-open")
        assert isinstance(app.focused, InboxTable)
    assert Path(ws.path).read_bytes() == before


async def test_complete_then_undo(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("x")
        assert stored(ws)[1]["status"] == "done"
        assert "Late invoice" not in titles(app)
        assert any("u to undo" in str(n.message) for n in app._notifications)
        await pilot.press("u")
        assert stored(ws)[1].get("status", "todo") == "todo"
        assert titles(app)[0] == "Late invoice"


async def test_space_completes_and_u_undoes_it_however_late(ws, monkeypatch) -> None:
    """The last change is kept in the file, not for 5 seconds: `u` a minute later
    still reopens the task (the undo is refused only if it changed since)."""
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await pilot.pause(0.2)
        await pilot.press("u")
        assert stored(ws)[1].get("status", "todo") == "todo"


async def test_wait_hides_the_task(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("j", "w", *"next monday", "enter")
        await pilot.pause()
        assert stored(ws)[2]["status"] == "waiting"
        assert stored(ws)[2]["wait"] == "2026-12-07"
        assert "Book hotel" not in titles(app)


async def test_p_cycles_priority(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert stored(ws)[1]["priority"] == "high"
        await pilot.press("p")
        assert stored(ws)[1]["priority"] == "medium"
        await pilot.press("p", "p")
        assert "priority" not in stored(ws)[1]


async def test_c_picks_a_client_filter_and_escape_clears(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("c")
        assert app.focused.id == "sidebar"
        await pilot.press("down", "down", "enter")  # All, @dental, @evelyne
        assert titles(app) == ["Book hotel"]
        assert "@evelyne" in str(app.screen.query_one("#filters").render())
        await pilot.press("escape")
        assert len(titles(app)) == 4


async def test_slash_searches_titles_and_notes_live(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("slash", *"hotel")
        assert titles(app) == ["Book hotel"]
        await pilot.press("enter", "escape")
        assert len(titles(app)) == 4


async def test_number_keys_switch_screens(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("2")
        assert type(app.screen).__name__ == "TriageScreen"
        await pilot.press("3")
        assert type(app.screen).__name__ == "ClientsScreen"
        await pilot.press("1")
        assert type(app.screen).__name__ == "InboxScreen"
        await pilot.press("i")
        assert type(app.screen).__name__ == "TriageScreen"


async def test_empty_workspace_explains_the_keys(tmp_path) -> None:
    async with app_for(make_ws(tmp_path / "empty.json")).run_test(size=SIZE) as pilot:
        app = pilot.app
        empty = app.screen.query_one("#empty")
        assert empty.display
        text = str(empty.render())
        assert "a   add a task" in text and "i   triage" in text and "?" in text


async def test_ctrl_q_quits(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not pilot.app.is_running


async def test_outside_write_refreshes_and_keeps_selection(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("j")
        other = make_ws(ws.path)  # a second process, as far as the file knows
        other.tasks.add("Urgent call back @dental !h due:2026-11-20")
        app.check_outside_changes()
        await pilot.pause()
        assert titles(app)[0] == "Urgent call back"
        assert selected(app).title == "Book hotel"


async def test_live_refresh_happens_within_two_seconds(ws) -> None:
    from vaworkspace.tui.app import VaApp

    async with VaApp(ws, watch=True).run_test(size=SIZE) as pilot:
        make_ws(ws.path).tasks.add("From another terminal @dental")
        for _ in range(40):
            await pilot.pause(0.05)
            if "From another terminal" in titles(pilot.app):
                break
        assert "From another terminal" in titles(pilot.app)


async def test_small_terminal_keeps_titles_and_keys_usable(ws) -> None:
    async with app_for(ws).run_test(size=(60, 20)) as pilot:
        app = pilot.app
        assert not app.screen.query_one("#sidebar").display
        table = app.screen.query_one(InboxTable)
        assert table.size.width >= 55
        await pilot.press("j", "x")
        assert titles(app) == ["Late invoice", "Newsletter draft", "Idea for the blog"]


async def test_page_keys_move_a_screenful(demo) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        app = pilot.app
        table = app.screen.query_one(InboxTable)
        await pilot.press("pagedown")
        assert table.cursor == min(len(table.rows) - 1, table.size.height - 2)
        await pilot.press("pageup")
        assert table.cursor == 0


async def test_the_gc_is_back_on_once_the_first_screen_is_drawn(ws) -> None:
    import gc

    gc.disable()  # as the `va` console script starts
    try:
        async with app_for(ws).run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
