"""At 80×24 every footer key is whole and clear of the palette hint.

The footer is one row: keys past its width are cut, and the last ones slide
under Textual's `^p palette` docked at its right. The keys a VA needs most
(Undo, Done, Help) were the ones lost. Every screen and every form with a
footer is measured here: each key's region must lie inside the footer and left
of the palette hint.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from tests.tui.conftest import SIZE, app_for, walk

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
        await walk(pilot, keys)
        screen = app.screen
        assert type(screen).__name__ == name
        assert list(screen.query("Footer FooterKey")), "no footer keys shown"
        assert overflowing(screen) == [], f"{name}: keys cut or under the palette hint"


def touching(screen) -> list[str]:
    """Footer items with no blank cell before the next one: their words run into
    each other on the screen (`Movev View`, `Exporter? Aide`). The palette hint
    is apart: a rule (`▏`) is drawn before it."""
    footer = screen.query_one("Footer")
    shown = sorted(
        (item for item in footer.query("FooterKey, FooterLabel") if item.region.width),
        key=lambda item: item.region.x,
    )
    return [
        f"{before.render()}|{after.render()}"
        for before, after in pairwise(shown)
        if after.region.x <= before.region.right
        and not after.has_class("-command-palette")
        and not str(before.render()).endswith(" ")
    ]


@pytest.mark.parametrize("language", ["en", "fr_CA"])
@pytest.mark.parametrize(
    ("keys", "name"), SCREENS, ids=[" ".join((name, *keys)) for keys, name in SCREENS]
)
async def test_no_footer_words_run_into_the_next_key(ws, keys, name, language) -> None:
    ws.config.language = language
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await walk(pilot, keys)
        assert touching(app.screen) == []


@pytest.mark.parametrize(
    ("keys", "name"), SCREENS, ids=[" ".join((name, *keys)) for keys, name in SCREENS]
)
async def test_every_french_footer_key_fits_at_80_columns(ws, keys, name) -> None:
    """French words are longer: the keys, translated, still fit, and so does the
    palette hint, whole (`^p palette`, as in English; not `^p` alone)."""
    ws.config.language = "fr_CA"
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        screen = app.screen
        assert type(screen).__name__ == name
        assert overflowing(screen) == [], f"{name}: keys cut or under the palette hint"
        footer = screen.query_one("Footer")
        [hint] = footer.query("FooterKey.-command-palette")
        assert str(hint.render()).split() == ["^p", "palette"]
        assert hint.region.right <= footer.region.right


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


DAY_KEYS = {
    # key: what the VA does with it all day (issue #9: "keys shown in the footer and ?")
    "a": "add a task, or log time by hand (7)",
    "d": "delete a task or a time entry",
    "e": "edit a task, a client or a time entry",
    "x": "complete a task, remove a work block",
    "m": "move a work block",
    "u": "undo",
    "I": "import an .ics or a Taskwarrior export",
    "E": "export a calendar",
    "S": "a client's timesheet CSV",
}
APP_KEYS = ("I", "E", "S", "R", "u", "?")
"""Keys of every screen: each screen's `?` lists them."""


async def test_every_key_of_the_day_is_in_a_footer_and_every_app_key_in_help(ws) -> None:
    from vaworkspace.tui.help import help_rows

    footers: set[str] = set()
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        for keys, name in SCREENS:
            await pilot.press("1")
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            await pilot.pause(0.1)
            screen = app.screen
            assert type(screen).__name__ == name
            footers |= {key.key for key in screen.query("Footer FooterKey")}
            in_help = {key for keys, _ in help_rows(screen) for key in keys.split()}
            assert set(APP_KEYS) <= in_help, f"{name}: {set(APP_KEYS) - in_help} not in ?"
            if keys == ("t", "4"):
                await pilot.press("s")  # stop the timer the last screen started
    assert set(DAY_KEYS) <= footers, f"in no footer: {sorted(set(DAY_KEYS) - footers)}"
