"""At 80×24 every footer key is whole and clear of the palette hint.

The footer is one row: keys past its width are cut, and the last ones slide
under Textual's `^p palette` docked at its right. The keys a VA needs most
(Undo, Done, Help) were the ones lost. Every screen and every form with a
footer is measured here: each key's region must lie inside the footer and left
of the palette hint.
"""

from __future__ import annotations

import pytest

from tests.tui.conftest import SIZE, app_for

# (how to reach it from the inbox, the screen expected)
SCREENS = [
    ((), "InboxScreen"),
    (("2",), "TriageScreen"),
    (("3",), "ClientsScreen"),
    (("4",), "FocusScreen"),
    (("5",), "ReportsScreen"),
    (("6",), "AgendaScreen"),
    (("7",), "EntriesScreen"),
    (("6", "v"), "AgendaScreen"),  # the week view: its own keys
    (("6", "P"), "AgendaScreen"),  # a proposed plan: its own keys
    (("t", "4"), "FocusScreen"),  # a timer running: its own keys
]
"""Forms and prompts (modal screens) show their keys in their own text: no footer."""


def overflowing(screen) -> list[str]:
    """The footer keys (and group labels, `m x Block`) not wholly visible: cut by
    the footer's edge or under the palette hint."""
    footer = screen.query_one("Footer")
    hints = list(footer.query("FooterKey.-command-palette"))
    right = hints[0].region.x if hints else footer.region.right
    return [
        f"{shown.render()} at {shown.region}"
        for shown in footer.query("FooterKey, FooterLabel")
        if shown not in hints and (shown.region.width == 0 or shown.region.right > right)
    ]


@pytest.mark.parametrize(
    ("keys", "name"), SCREENS, ids=[" ".join((name, *keys)) for keys, name in SCREENS]
)
async def test_every_footer_key_fits_at_80_columns(ws, keys, name) -> None:
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await app.workers.wait_for_complete()  # the agenda's P plans in a worker
        await pilot.pause(0.1)
        screen = app.screen
        assert type(screen).__name__ == name
        assert list(screen.query("Footer FooterKey")), "no footer keys shown"
        assert overflowing(screen) == [], f"{name}: keys cut or under the palette hint"


@pytest.mark.parametrize(
    ("keys", "name"), SCREENS, ids=[" ".join((name, *keys)) for keys, name in SCREENS]
)
async def test_every_french_footer_key_fits_at_80_columns(ws, keys, name) -> None:
    """French words are longer: the same keys, translated, still fit."""
    ws.config.language = "fr_CA"
    await test_every_footer_key_fits_at_80_columns(ws, keys, name)


async def test_the_french_footer_and_help_speak_french(ws) -> None:
    ws.config.language = "fr_CA"
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = " ".join(str(key.render()) for key in app.screen.query("Footer FooterKey"))
        assert "Aide" in shown and "Annul." in shown and "Chrono" in shown
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Touches — Boîte de réception" in str(app.screen.query_one("Static").render())
