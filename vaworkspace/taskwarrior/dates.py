"""Taskwarrior's dates as domain values, a whole export at once.

Taskwarrior writes an instant as "20261204T170000Z": it becomes an aware UTC
`datetime`. Taskwarrior stores a date typed without a time as local midnight: a
due, wait or scheduled value that is exactly midnight in the user's zone becomes
the all-day `date` 2026-12-10, and an annotation is dated by the user's day. A 10k
export holds ~11,000 distinct dates: each is converted once, to one value that
every task with that date shares (so the store encodes it once too), and each
step runs over all of them with `map`, so that no Python code runs per date.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from itertools import repeat

from vaworkspace.taskwarrior.columns import Columns

_MIDNIGHT = time()
_LOCAL = ("due", "wait", "scheduled")
"""The fields whose local midnight means a bare date."""


class DateValues:
    """Every date of checked items as a domain value, each distinct value once.

    `instants`: every date value -> the aware UTC `datetime`.
    `days`: every date value -> the user's day as text, "2026-11-20" (for
    annotations and UNTIL).
    `local`: due, wait and scheduled values -> the all-day `date` when the value
    is local midnight (Taskwarrior was given a bare date), else the instant.
    """

    def __init__(self, columns: Columns, tz: tzinfo) -> None:
        values = list(columns.dates())
        moments = list(map(datetime.fromisoformat, _iso_texts(values)))
        self.instants = dict(zip(values, moments, strict=True))
        in_zone = dict(zip(values, map(datetime.astimezone, moments, repeat(tz)), strict=True))
        days = dict(zip(values, map(datetime.date, in_zone.values()), strict=True))
        texts = {day: day.isoformat() for day in set(days.values())}  # fewer days than values
        self.days = dict(zip(values, map(texts.__getitem__, days.values()), strict=True))
        present = [columns.distinct(name) for name in _LOCAL if name in columns.present]
        planned = list(self.instants.keys() & set().union(*present))
        midnight = map(_MIDNIGHT.__eq__, map(datetime.time, map(in_zone.__getitem__, planned)))
        local = map(
            _day_or_instant,
            midnight,
            map(days.__getitem__, planned),
            map(self.instants.__getitem__, planned),
        )
        self.local = dict(zip(planned, local, strict=True))


def _day_or_instant(midnight: bool, day: date, instant: datetime) -> date | datetime:
    return day if midnight else instant


# Where the digits of a Taskwarrior date are, and where they go in an ISO text.
_TW_DIGITS = [at for at, char in enumerate("20261204T170000Z") if char.isdigit()]
_ISO_DIGITS = [at for at, char in enumerate("2026-12-04T17:00:00") if char.isdigit()]


def _iso_texts(values: list[str]) -> list[str]:
    """Checked Taskwarrior dates in the ISO form `datetime.fromisoformat` reads on
    Python 3.10 too: "20261204T170000Z" -> "2026-12-04T17:00:00+00:00".

    The values are joined, and each digit is copied into a row of templates for
    all values at once, by one slice assignment per digit position (~1 ms for
    10,000 dates).
    """
    source = "".join(values).encode("ascii")
    template = b"0000-00-00T00:00:00+00:00\n"
    rows = bytearray(template * len(values))
    for at, start in zip(_ISO_DIGITS, _TW_DIGITS, strict=True):
        rows[at :: len(template)] = source[start::16]
    return rows.decode("ascii").split("\n")[:-1]  # "" after the last newline
