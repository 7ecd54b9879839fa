"""Pilot tests: the inbox list fits its width at 80×24; no horizontal scrollbar
covers the last row (the selected task, after G)."""

from __future__ import annotations

from tests.tui.conftest import SIZE, app_for
from vaworkspace.tui.inbox_table import InboxTable


async def test_no_horizontal_scrollbar_hides_the_last_row_after_a_reload(ws) -> None:
    for n in range(30):
        ws.tasks.add(f"Filler task {n}")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        table = app.screen.query_one(InboxTable)
        await pilot.press("p")  # a change: the list is shown again, laid out this time
        await pilot.pause()
        assert table.show_vertical_scrollbar and not table.show_horizontal_scrollbar
        await pilot.press("G")
        await pilot.pause()
        region = table.scrollable_content_region
        assert region.height == table.size.height
        row_on_screen = table.cursor + 1 - int(table.scroll_offset.y)  # below the header
        assert 0 < row_on_screen < region.height
        assert table.selected.title in table.render_line(row_on_screen).text
