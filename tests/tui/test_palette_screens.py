"""The command palette reaches every screen: a screen missing from it (the Agenda
was) is a screen a VA who lives in ctrl+p never finds."""

from __future__ import annotations

from tests.tui.conftest import SIZE, app_for
from vaworkspace.tui.app import VaApp


async def test_the_palette_switches_to_every_screen(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        shown = {}
        for mode in VaApp.MODES:
            names = [title for title in commands if title.lower().startswith(mode[:5])]
            assert names, f"no palette entry for the {mode} screen"
            await commands[names[0]].callback()
            await pilot.pause()
            shown[mode] = type(app.screen).__name__
        assert shown["agenda"] == "AgendaScreen"
        assert len(set(shown.values())) == len(VaApp.MODES)
