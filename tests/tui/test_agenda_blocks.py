"""Pilot tests: a booked work block is moved (m) into the chosen free slot or removed
(x) on the agenda screen, and `u` undoes either; the clock is Tuesday 14:00 in
Montreal, today's free slots 14:00–15:00 and 15:30–17:00 (`tests/agenda_workspace.py`)."""

from __future__ import annotations

import pytest

from tests.agenda_workspace import at, build
from tests.tui.conftest import SIZE, app_for, errors, messages, show
from vaworkspace.tui.help import help_rows


@pytest.fixture
def agenda_ws(tmp_path):
    ws = build(tmp_path)
    ws.agenda.schedule_block(2, at("14:00"))  # Book hotel, 45 min
    return ws


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def blocks(ws) -> list:
    return [e for e in ws.calendar.events() if e.kind == "block"]


async def test_m_moves_a_block_into_the_selected_free_slot(agenda_ws) -> None:
    [block] = blocks(agenda_ws)
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        screen = await show(pilot, "6", "AgendaScreen")
        await pilot.press("j")  # the second free slot: 15:30–17:00
        await pilot.press("m")
        await pilot.pause()
        prompt = pilot.app.screen
        assert type(prompt).__name__ == "BlockPrompt"
        assert "Book hotel" in text(prompt, "#hint") and "14:00–14:45" in text(prompt, "#hint")
        await pilot.press(*str(block.id), "enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        [moved] = blocks(agenda_ws)
        assert (moved.start, moved.end) == (at("15:30"), at("16:15"))
        assert any("Moved" in m and "Book hotel" in m for m in messages(pilot.app))
        assert "15:30–16:15 Book hotel" in text(screen, "#day")
        await pilot.press("u")
        assert blocks(agenda_ws)[0].start == at("14:00")


async def test_x_removes_a_block_and_a_wrong_id_stays_in_the_prompt(agenda_ws) -> None:
    [block] = blocks(agenda_ws)
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        screen = await show(pilot, "6", "AgendaScreen")
        assert "14:00–14:45 Book hotel" in text(screen, "#day")
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("9", "9", "enter")
        await pilot.pause()
        prompt = pilot.app.screen
        assert type(prompt).__name__ == "BlockPrompt"
        assert "no work block 99" in text(prompt, "#problem")
        await pilot.press("backspace", "backspace", *str(block.id), "enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert blocks(agenda_ws) == []
        assert agenda_ws.tasks.get(2).scheduled is None
        assert "Book hotel" not in text(screen, "#day")
        assert "free 14:00–15:00" in text(screen, "#day")
        assert not errors(pilot.app)


async def test_block_keys_are_in_the_footer_and_the_help(agenda_ws) -> None:
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        screen = await show(pilot, "6", "AgendaScreen")
        await pilot.pause()
        labels = [str(label.render()) for label in screen.query("FooterLabel")]
        assert "Block" in labels
        keys = [key.key for key in screen.query("FooterKey")]
        assert "m" in keys and "x" in keys
        footer = screen.query_one("KeyFooter")
        assert max(key.region.right for key in screen.query("FooterKey")) <= footer.region.right
        rows = {description: keys for keys, description in help_rows(screen)}
        assert rows["Move a booked block into the selected free slot"] == "m"
        assert rows["Remove a booked work block"] == "x"


async def test_a_block_moved_to_another_day_is_said_with_its_day(agenda_ws) -> None:
    """The notice names the day as the inbox and `va done` do (`tomorrow 09:00`),
    not only the hours, which would read as today's."""
    [block] = blocks(agenda_ws)
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        await show(pilot, "6", "AgendaScreen")
        await pilot.press("l", "m")  # tomorrow's first free slot
        await pilot.pause()
        await pilot.press(*str(block.id), "enter")
        await pilot.pause()
        [moved] = blocks(agenda_ws)
        assert moved.start.date() != at("14:00").date()
        [said] = [m for m in messages(pilot.app) if m.startswith("Moved")]
        assert "the block of Book hotel tomorrow 09:00–09:45" in said, said
