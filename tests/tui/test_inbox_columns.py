"""The inbox's columns use the width they have: a wide list shows client ids whole."""

from __future__ import annotations

from dataclasses import replace

from tests.tui.conftest import app_for
from vaworkspace.tui.inbox_rows import CLIENT_W, header, row_cells, title_width


async def test_a_wide_inbox_shows_a_long_client_id_whole(ws) -> None:
    ws.clients.add("Marketing team", id="marketing-team")
    ws.tasks.add("Post the launch @marketing-team due:tomorrow")
    async with app_for(ws).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = pilot.app.screen.query_one("InboxTable")
        lines = [table.render_line(y).text for y in range(1, len(table.rows) + 1)]
        assert any("@marketing-team " in line for line in lines), lines


def test_columns_fit_the_width_and_stay_as_they_were_at_80_columns(ws) -> None:
    for width in range(60, 200):
        assert len(header(width).rstrip()) <= width
        assert title_width(width) >= 8
    task = replace(ws.tasks.get(1), client="x" * 24)
    cells = [text for text, _ in row_cells(1.0, task, 62, None, None)]
    assert len(cells[3]) == CLIENT_W + 1  # the 62-wide list of an 80-column terminal
