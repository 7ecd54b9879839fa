"""Lengths of work as a VA types them (`45m`, `1h30`, `~45 min`, `1 h 30`) and
writes them back (`1h30m`): estimates, focus blocks, logged time.

Kept apart from `dates`, which re-exports both functions for its many callers.
Pure: no clock, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vaworkspace.errors import InputError
from vaworkspace.i18n import _

_DURATION_HOURS = (
    r"([0-9]{1,4}(?:[.,][0-9]{1,4})?)(?:h|hr|hrs|hours?|heures?)(?:([0-9]{1,4})(?:m|min|mins)?)?"
)
_DURATION_MINUTES = r"([0-9]{1,6})(?:m|min|mins|minutes?)?"
MAX_DURATION = 7 * 24 * 60
"""Minutes: an estimate longer than a week is a project, not a task."""
_NUMBER = r"[0-9]+(?:[.,][0-9]+)?"
_HOURS = r"[0-9]+(?:h|hr|hrs|hours?|heures?)"
_HOUR_UNITS = ("h", "hr", "hrs", "hour", "hours", "heure", "heures")
_UNITS = ("m", "min", "mins", "minute", "minutes", *_HOUR_UNITS)


def duration_run(words: Sequence[str]) -> int:
    """How many of the leading words make one length of time, as French types it
    with spaces (`45 min`, `1 h 30`, `1h 30 min`, `2 heures`): a unit word after
    a bare number, minutes (00-59) after an hour unit, `min` after those minutes.
    At least 1. A bare number never joins (`45 2 factures`: 45, then the title),
    nor a unit after a unit (`30m H`). `parse_duration` reads the words joined."""
    first = words[0].lower() if words else ""
    state = "number" if re.fullmatch(_NUMBER, first) else ""
    if re.fullmatch(_HOURS, first):
        state = "hours"
    count = 1
    for follower in words[1:4]:
        lower = follower.lower()
        if state == "number" and lower in _UNITS:
            state = "hours" if lower in _HOUR_UNITS else ""
        elif state == "hours" and re.fullmatch(r"[0-5][0-9]", lower):
            state = "minutes"
        elif state == "minutes" and lower in ("m", "min", "mins"):
            state = ""
        else:
            break
        count += 1
    return count


def parse_duration(text: str) -> int:
    """Minutes from `30m`, `1h`, `1h30m`, `1h30`, `1.5h` or a bare `45` (minutes).

    Days are refused on purpose: an estimate of days is a project, not a task.
    """
    raw = str(text).strip().lower().replace(" ", "")
    minutes = None
    if match := re.fullmatch(_DURATION_HOURS, raw):
        hours, extra = match[1].replace(",", "."), match[2]
        if extra is None or ("." not in hours and int(extra) < 60):
            minutes = round(float(hours) * 60) + int(extra or 0)
    elif match := re.fullmatch(_DURATION_MINUTES, raw):
        minutes = int(match[1])
    if minutes is None:
        raise InputError(
            _("can't read the duration '{text}': try 30m, 45, 1h, 1h30m or 1.5h").format(text=text)
        )
    if minutes <= 0:
        raise InputError(_("the duration '{text}' must be at least one minute").format(text=text))
    if minutes > MAX_DURATION:
        raise InputError(
            _("the duration '{text}' is more than 7 days; split the task").format(text=text)
        )
    return minutes


def format_duration(minutes: int) -> str:
    """Short duration text that `parse_duration` reads back: 45m, 1h, 1h30m."""
    hours, rest = divmod(int(minutes), 60)
    return f"{rest}m" if not hours else f"{hours}h{rest}m" if rest else f"{hours}h"
