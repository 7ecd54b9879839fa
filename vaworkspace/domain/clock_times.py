"""Times of day as a VA types them, in either language: `17:00`, `5pm`, `17h`,
`17 h 30`, `9h30`, `noon`, `midi`. Apart from `dates` (which reads a day and
then, perhaps, one of these) because every field that takes a time alone reads
them here: the log and entry forms, `va log --start`, the work hours.
"""

from __future__ import annotations

import re
from datetime import time

# Patterns stay strings: `re` compiles and caches them on first use.
_CLOCK = r"([0-9]{1,2})(?::([0-9]{2}))?(am|pm)?"
_FRENCH_TIME = r"([0-9]{1,2})h([0-9]{2})?"


def parse_clock(text: str) -> time | None:
    """The time of day `text` is, alone, in either language (17:00, 5pm, 17h,
    `17 h 30` as Babel writes it, 9h30, noon, midi, minuit), or None: a bare
    number (17) is no time. The one reader of every field that takes a time
    (the log and entry forms, `va log --start`, work hours), so each reads what
    `parse_when` reads after a day."""
    from vaworkspace.domain.date_phrases import tokens  # only commands that read times

    words = tokens(text)
    return parse_time_word(words[0]) if len(words) == 1 else None


def is_time_token(word: str) -> bool:
    """Whether a word (or `17 h 30`) is a time of day; bare numbers are not."""
    return parse_clock(word) is not None


def parse_time_word(word: str) -> time | None:
    """The wall time a lowercase word names, or None."""
    if word in ("noon", "midi"):
        return time(12)
    if word in ("midnight", "minuit"):
        return time(0)
    if (match := re.fullmatch(_CLOCK, word)) and (match[2] or match[3]):  # a bare 17 is no time
        hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    elif match := re.fullmatch(_FRENCH_TIME, word):
        hour, minute, half = int(match[1]), int(match[2] or 0), None
    else:
        return None
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)
