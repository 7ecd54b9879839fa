"""What a French screen shows, as text, and the English UI words it must not show."""

from __future__ import annotations

import re

from tests.tui.test_french_chrome import ENGLISH_UI_WORDS, SAME_IN_FRENCH

ENGLISH_BODY = """
    name rate weight currency colour color notes save cancel yes no none new saved
    added title priority wait until scheduled repeats tags every week month or
    typed default kind is neutral the and task tasks open archived again took
    theirs yours unchanged changed nothing work hours days time zone settings
    welcome asked keep suggested
"""
ENGLISH_WORDS = (
    (ENGLISH_UI_WORDS | set(ENGLISH_BODY.split()))
    - SAME_IN_FRENCH
    - {
        "notes",  # French too
        "zone",
        "est",
    }
)


def screen_lines(app) -> list[str]:
    """The 80×24 screen as it is drawn now, one string per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def form_text(app) -> str:
    """The lines of the modal form or question on top, inside its border (`▊ … ▎`):
    what it says, without the screen it covers."""
    inside = [line.split("▊", 1)[1].rsplit("▎", 1)[0] for line in screen_lines(app) if "▊" in line]
    return "\n".join(inside)


def english_words(text: str) -> set[str]:
    words = {word.lower() for word in re.findall(r"[A-Za-zÀ-ÿ]+", text)}
    return words & ENGLISH_WORDS
