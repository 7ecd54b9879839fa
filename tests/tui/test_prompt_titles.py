"""The agenda's prompts cut a long task title with an ellipsis (`formats.fit`),
never in the middle of a word without saying so; the columns after it stay put."""

from __future__ import annotations

import pytest

from tests.agenda_workspace import at, build
from tests.tui.conftest import SIZE, app_for, show

LONG = "Prepare the quarterly newsletter for the dental clinic"


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


@pytest.mark.parametrize("language", ["en", "fr_CA"])
async def test_the_book_slot_prompt_cuts_a_long_title_with_an_ellipsis(tmp_path, language) -> None:
    ws = build(tmp_path)
    ws.config.language = language
    added = ws.tasks.add(f"{LONG} @evelyne due:tomorrow ~30m").task
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await show(pilot, "6", "AgendaScreen")
        await pilot.press("enter")
        await pilot.pause()
        prompt = pilot.app.screen
        assert type(prompt).__name__ == "BookSlot"
        [line] = [row for row in text(prompt, "#hint").splitlines() if f"#{added.id} " in row]
        assert f"#{added.id:<4}{LONG[:28]}… @evelyne      " in line


async def test_the_block_prompt_cuts_a_long_title_with_an_ellipsis(tmp_path) -> None:
    ws = build(tmp_path)
    added = ws.tasks.add(f"{LONG} @evelyne due:tomorrow ~15m").task
    ws.agenda.schedule_block(added.id, at("15:30"))
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await show(pilot, "6", "AgendaScreen")
        await pilot.press("x")
        await pilot.pause()
        prompt = pilot.app.screen
        assert type(prompt).__name__ == "BlockPrompt"
        [line] = [row for row in text(prompt, "#hint").splitlines() if "15:30" in row]
        assert line.endswith(f"#{added.id} {LONG[:29]}…")
