"""When an occurrence is in a window, and in which order an agenda lists them.

Shared by the stored-expansion path and the expansion from raw text, so both
decide alike. An all-day date starts at local midnight in the user's zone.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.domain.calendar.event import Event

UTC = timezone.utc


def instant(value: date | datetime, tz: tzinfo) -> datetime:
    """An instant as is; a date as the UTC instant of its local midnight."""
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time(0), tz).astimezone(UTC)


def overlaps(
    first: date | datetime, last: date | datetime, start: datetime, end: datetime, tz: tzinfo
) -> bool:
    """Whether a single event [first, last) touches [start, end); an event without
    length counts as one minute long."""
    begin, finish = instant(first, tz), instant(last, tz)
    if finish <= begin:
        finish = begin + timedelta(minutes=1)
    return begin < end and finish > start


def sort_found(found: list[tuple[Event, date | datetime, date | datetime]], tz: tzinfo) -> None:
    """(event, start, end) triples by start, then UID: the agenda's order."""
    found.sort(key=lambda item: (instant(item[1], tz), item[0].uid))
