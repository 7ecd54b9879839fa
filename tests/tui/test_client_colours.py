"""Client colours: every colour `va client edit` accepts paints, and a stored colour
that nothing can parse never crashes the paint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.style import Style

from tests.tui.conftest import app_for, titles
from vaworkspace.domain.clients import COLOR_NAMES, validate_color
from vaworkspace.tui.colours import client_style
from vaworkspace.tui.inbox_table import InboxTable


@pytest.mark.parametrize("colour", [*sorted(COLOR_NAMES), "#abc", "#E879F9"])
def test_every_colour_the_service_accepts_is_drawn_in_that_colour(colour) -> None:
    style = client_style(validate_color(colour))
    assert style.color is not None, colour


def test_a_colour_nothing_can_parse_draws_in_the_rows_own_colour() -> None:
    assert client_style("not-a-colour") == Style()
    assert client_style(None) == Style() and client_style("") == Style()


async def test_a_client_coloured_coral_paints_the_inbox_and_the_sidebar(ws) -> None:
    ws.clients.edit("dental", color="coral")  # accepted by `va client edit`
    async with app_for(ws).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app = pilot.app
        assert app.is_running and titles(app)[0] == "Late invoice"
        table = app.screen.query_one(InboxTable)
        coral = table.cell_style("client", Style(), "dental")
        assert coral.color is not None and coral.color.triplet.hex == "#ff7f50"
        sidebar = app.screen.query_one("#sidebar")
        prompts = [str(sidebar.get_option_at_index(i).prompt) for i in range(sidebar.option_count)]
        assert any("@dental" in prompt for prompt in prompts), prompts


async def test_a_file_holding_a_colour_nothing_parses_still_paints(ws) -> None:
    path = Path(ws.path)
    doc = json.loads(path.read_bytes())
    for record in doc["clients"].values():
        record["color"] = "not-a-colour"  # edited by hand, or by an older version
    path.write_text(json.dumps(doc))
    async with app_for(ws).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert pilot.app.is_running and titles(pilot.app)[0] == "Late invoice"
