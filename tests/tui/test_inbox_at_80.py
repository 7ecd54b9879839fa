"""The inbox at 80 columns (issue #9): the urgency breakdown fits the detail pane in
whole terms, tags show although the list is narrower than the Tags column needs,
and a letter typed in the client sidebar jumps to the client it starts."""

from __future__ import annotations

from tests.tui.conftest import SIZE, app_for


async def select(pilot, title: str):
    table = pilot.app.screen.query_one("InboxTable")
    while table.selected.title != title:
        await pilot.press("j")
    await pilot.pause()
    return table


async def test_the_urgency_breakdown_fits_the_pane_in_whole_terms(ws) -> None:
    ws.tasks.update(2, {"tags": "travel next"})  # due, priority, next and client terms
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await select(pilot, "Book hotel")
        pane = pilot.app.screen.query_one("#detail")
        width = pane.content_region.width
        lines = str(pane.render()).splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("urgency"))
        breakdown = [line for line in lines[start:] if not line.startswith("notes")]
        assert all(len(line) <= width for line in lines), (width, lines)
        why = ws.inbox.why(2)
        for term in (t for t in why.terms if round(t.value, 1)):
            assert any(f"{term.name} {term.value:+.1f}" in line for line in breakdown), lines
        assert len(breakdown) >= 2  # it did need a second line at 80 columns


async def test_tags_show_in_the_list_at_80_columns(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        table = await select(pilot, "Book hotel")
        assert table.size.width < 90
        line = table.render_line(table.cursor + 1).text
        assert "Book hotel" in line and "#travel" in line, line


async def test_a_letter_in_the_client_sidebar_jumps_to_that_client(ws) -> None:
    ws.clients.add("Bakery", id="bakery")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.press("c")
        sidebar = pilot.app.screen.query_one("#sidebar")
        ids = [sidebar.get_option_at_index(i).id for i in range(sidebar.option_count)]
        await pilot.press("e")
        assert ids[sidebar.highlighted] == "evelyne"
        await pilot.press("b")
        assert ids[sidebar.highlighted] == "bakery"
        await pilot.press("d")
        assert ids[sidebar.highlighted] == "dental"
        await pilot.press("x")  # no client starts with x: nothing moves, nothing is done
        assert ids[sidebar.highlighted] == "dental"
        assert all(ws.tasks.get(task_id).is_open for task_id in (1, 2, 3, 4))
        await pilot.press("enter")
        assert pilot.app.screen.client_filter == "dental"
