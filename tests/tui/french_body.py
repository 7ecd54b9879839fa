"""For the French Pilot tests of the time screens: the English words their bodies
used to show, and a check that a widget's every line fits its width (nothing cut)."""

from __future__ import annotations

import re

from rich.cells import cell_len

WORDS = """
    hours billed amount retainer name week month today this logged nothing worked free
    target back of no time entry entries focus timer previous next the logs command line
    call mo tu we th fr su day start end duration billable task log yes by hand empty
    deleted saved unchanged edit delete cancel save done blocks block running paused
    resumed skipped stopped what you did number optional instead
"""
ENGLISH_BODY = set(WORDS.split())
"""Lowercased; `client`, `total`, `note`, `pause` and `sa` are French too."""


def english_words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"[A-Za-zÀ-ÿ']+", text)} & ENGLISH_BODY


def shown(widget) -> str:
    return str(widget.render())


def cut_lines(widget) -> list[str]:
    """The lines of `widget` wider than the room it has on screen (none when it fits)."""
    width = widget.content_region.width
    return [line for line in shown(widget).splitlines() if cell_len(line) > width]
