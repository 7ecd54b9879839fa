"""The chrome of every screen in French at 80×24: the top bar (screen name, date,
timer) and the footer's keys, with no English UI word left in them.

The screens' bodies (tables, detail pane, forms) are not translated yet: this test
covers what is, and fails when a new key or title comes in untranslated."""

from __future__ import annotations

import re

import pytest

from tests.tui.conftest import SIZE, app_for, walk
from tests.tui.test_footer_fits import SCREENS

ENGLISH_CHROME = """
    add edit done del delete wait find search timer help undo quit client mine
    high med low due est estimate skip next prev archive show archived pause stop
    break again day week month now log view today slot book move unbook import
    plan accept clear back block inbox triage clients focus reports entries
    timesheet palette no timer keys
"""
ENGLISH_UI_WORDS = set(ENGLISH_CHROME.split())
"""Words of the English UI's chrome; `Client`, `Agenda`, `Pause`, `Plan`, `Prio` and
`palette` are French too and are allowed below."""
SAME_IN_FRENCH = {"client", "clients", "agenda", "pause", "plan", "prio", "palette"}


def english_words(text: str) -> set[str]:
    words = {word.lower() for word in re.findall(r"[A-Za-zÀ-ÿ]+", text)}
    return (words & ENGLISH_UI_WORDS) - SAME_IN_FRENCH


@pytest.mark.parametrize(
    ("keys", "name"), SCREENS, ids=[" ".join((name, *keys)) for keys, name in SCREENS]
)
async def test_the_chrome_of_every_screen_speaks_french(ws, keys, name) -> None:
    ws.config.language = "fr_CA"
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await walk(pilot, keys)
        screen = app.screen
        bar = " ".join(str(part.render()) for part in screen.query("TopBar Static"))
        footer = " ".join(
            str(key.render()) for key in screen.query("Footer FooterKey, FooterLabel")
        )
        assert "mar. 1 déc., 14 h" in bar and "aujourd'hui" in bar
        assert english_words(bar) == set(), bar
        assert english_words(footer) == set(), footer


async def test_english_chrome_is_unchanged(ws) -> None:
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = " ".join(str(part.render()) for part in app.screen.query("TopBar Static"))
        assert "Inbox  Tue 01 Dec 14:00" in bar and "no timer · today 0h00" in bar


async def test_the_french_top_bar_writes_today_s_time_as_french_does(ws) -> None:
    """`aujourd'hui 1 h 25` (issue #12: durations `1 h 30`), not the English `1h25`;
    under an hour `45 min`, as the focus screen's table writes them."""
    from vaworkspace.tui.bar_text import status_text

    ws.config.language = "fr_CA"
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert status_text(ws) == "aucun minuteur · aujourd'hui 0 min"
        ws.time.log(["45m", "@evelyne"], "9:00")
        assert status_text(ws) == "aucun minuteur · aujourd'hui 45 min"
        ws.time.log(["40m", "@evelyne"], "10:00")
        app.screen.refresh_bar()
        await pilot.pause()
        bar = str(app.screen.query_one("TopBar #timer").render())
        assert bar == "aucun minuteur · aujourd'hui 1 h 25"


async def test_the_focus_screen_has_one_french_name_everywhere(ws) -> None:
    """The screen `4` shows is Concentration in its top bar, its help's title, the
    help's list of screens and the palette (not Minuteur in some of them: the timer
    that runs there keeps that word, `aucun minuteur`)."""
    ws.config.language = "fr_CA"
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        bar = str(app.screen.query_one("TopBar #where").render())
        assert bar.startswith("Concentration  ")
        palette = {command.title for command in app.get_system_commands(app.screen)}
        assert "Concentration" in palette and "Minuteur" not in palette
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = str(app.screen.query_one("Static").render())
        assert help_text.startswith("Touches — Concentration\n")
        assert re.search(r"^4 +Concentration$", help_text, re.M), help_text
