"""Occurrences of the stored events in a window: the agenda's hot path.

The store answers what its records can (`store/event_window.py`): single events
that touch the window, and each recurring series whose expansion a calendar
write stored. Any other series (an old file, a window past the horizon, a member
changed by someone else) is expanded here from its raw text, lazily and within
the cap (`ical/expand.py`), and so is each series a write refreshes. Both ways
give the same occurrences; tests/ical/test_agenda_fast_path.py checks it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from vaworkspace.domain.calendar.event import Event
from vaworkspace.domain.calendar.occurrences import sort_found
from vaworkspace.store.event_window import read_window, refresh_series

TYPE_CHECKING = False
if TYPE_CHECKING:  # the agenda never pays for `collections.abc`
    from collections.abc import Mapping
    from datetime import tzinfo
    from typing import Any

    from vaworkspace.service.lookup import Db

MAX_OCCURRENCES = 2000  # = ical.expand.MAX_OCCURRENCES, which the fast path does not import

Found = tuple[Event, "date | datetime", "date | datetime"]


def occurrences(
    events: Mapping[Any, dict[str, Any]], start: datetime, end: datetime, tz: tzinfo
) -> tuple[list[Found], list[str]]:
    """(event, start, end) of every occurrence overlapping [start, end) of the
    `events` table, sorted by start, and warnings (a series cut at the cap, one
    that cannot be expanded)."""
    read = read_window(events, start, end, tz, MAX_OCCURRENCES)
    found = read.found
    warnings = [truncation_warning(uid, summary) for uid, summary in read.cut]
    if read.missed:
        found += _expanded(read.missed, start, end, tz, warnings)
    sort_found(found, tz)
    return found, warnings


def _over(members: list[Event], after: datetime, tz: tzinfo) -> bool:
    """Whether a series certainly has no occurrence from `after` on (a COUNT or
    UNTIL reached): then a window past the horizon needs no expansion."""
    from vaworkspace.ical.expand import expand_series

    far = after + timedelta(days=100 * 366)
    try:
        probe = expand_series(members, after, far, tz, cap=1)
    except Exception:  # the agenda expands it and says why
        return False
    return not probe.found and probe.exact_until == far


def truncation_warning(uid: str, summary: str) -> str:
    from vaworkspace.ical.expand import truncation_warning

    return truncation_warning(uid, summary, MAX_OCCURRENCES)


def _expanded(
    missed: list[list[Event]], start: datetime, end: datetime, tz: tzinfo, warnings: list[str]
) -> list[Found]:
    from vaworkspace.ical.expand import Budget, expand_safely

    budget = Budget()
    out: list[Found] = []
    for members in missed:
        found, warning = expand_safely(members, start, end, tz, budget)
        out += found
        if warning:
            warnings.append(warning)
    return out


def refresh(db: Db, now: datetime, tz: tzinfo) -> int:
    """Store each series' expansion over the horizon where it is missing or stale;
    how many master records were rewritten (`store/event_window.refresh_series`).

    Runs inside a calendar write's transaction, so an agenda after the write
    finds every series ready.
    """
    from vaworkspace.ical.expand import expand_series

    def expand(
        events: list[Event], begin: datetime, until: datetime
    ) -> tuple[list[Found], datetime] | None:
        try:
            expansion = expand_series(events, begin, until, tz)
        except Exception:  # a broken series: the agenda expands it and says why
            return None
        if expansion.exact_until is None:
            return None
        return expansion.found, expansion.exact_until

    return refresh_series(db, now, tz, expand, lambda events, end: _over(events, end, tz))
