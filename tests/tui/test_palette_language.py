"""The palette speaks the UI's language and switches it: at once, and for the
next `va` of this workspace (remembered like the theme)."""

from __future__ import annotations

import re

from tests.tui.conftest import SIZE, app_for, make_ws
from vaworkspace.i18n import language


def _commands(app) -> dict:
    return {command.title: command for command in app.get_system_commands(app.screen)}


async def test_the_palette_switches_to_french_and_remembers_it(ws, tmp_path) -> None:
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        commands = _commands(app)
        assert "Language: Français" in commands and "Task: add" in commands
        commands["Language: Français"].callback()
        await pilot.pause()
        assert language() == "fr"
        french = _commands(app)
        assert {"Tâche : ajouter", "Thème", "Langue : English", "Filtre : @dental"} <= set(french)
        footer = " ".join(str(key.render()) for key in app.screen.query("Footer FooterKey"))
        assert "Ajout" in footer and "Add" not in footer
    reopened = make_ws(tmp_path / "ws.json")
    reopened.config.language = "en"
    app_for(reopened)
    assert language() == "fr"


async def test_a_chosen_language_keeps_the_configured_region(ws) -> None:
    ws.config.language = "fr_CA"
    ws.preferences.set("language", "fr")
    app_for(ws)
    assert language() == "fr_CA"
    ws.preferences.set("language", "en")
    app_for(ws)
    assert language() == "en"


async def test_french_palette_entries_are_whole_words_not_footer_abbreviations(ws) -> None:
    """The footer shortens (`u Annul.` fits 80 columns); the palette has a whole row
    for each entry and names it in full: no abbreviated word in a title, on any screen
    (a screen's palette is where `^p` was pressed)."""
    ws.config.language = "fr_CA"
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("1", "2", "3", "4", "5", "6", "7"):
            await pilot.press(key)
            await pilot.pause()
            titles = set(_commands(app))
            cut = {title for title in titles if re.search(r"\w\.(\s|$)", title)}
            assert cut == set(), f"{type(app.screen).__name__}: {sorted(cut)}"
            assert "Annuler" in titles
