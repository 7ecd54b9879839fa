"""Pilot tests: the inbox's quick-add bar empties a field with the French `aucun`,
`aucune` as with `none`, in both UI languages (a user's report: `@aucun` asked
for a client named aucun, `~aucune` was refused)."""

from __future__ import annotations

import pytest

from tests.tui.conftest import SIZE, app_for, errors
from vaworkspace.tui.command_bar import CommandBar


@pytest.mark.parametrize("language", ["en", "fr_CA"])
async def test_the_bar_adds_a_task_with_aucun_fields(ws, language) -> None:
    ws.config.language = language
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("a")
        bar = app.screen.query_one(CommandBar)
        await pilot.press(*"Relire le devis @aucun ~aucune !aucun échéance:aucune chaque:aucun")
        await pilot.pause()
        assert not bar.query_one("#preview").has_class("-error")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "InboxScreen" and not bar.has_class("-open")
        [task] = [t for t in ws.tasks.all() if t.title == "Relire le devis"]
        assert (task.client, task.estimate_minutes, task.priority, task.due) == (None,) * 4
        assert task.recurrence is None and not errors(app)
