"""A calendar event, apart from the task and client nouns of `domain.models`.

Only calendar commands (import, export, agenda, sync) use events; keeping the
dataclass here spares `va add`, `va list` and `va done` building it at import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

EVENT_STATUSES = ("confirmed", "tentative", "cancelled")


@dataclass(slots=True)
class Event:
    """A calendar event from a client's agenda (imported), or a work block.

    Identity is `uid` plus `recurrence_id` (the original start of an overridden
    instance, as iCalendar text, e.g. "20261204T090000Z" or "20261204"): a
    re-import updates the same record. `raw` keeps the component's original
    text so that re-export loses nothing (attendees, alarms, X- properties);
    `tzid` is the zone its times were written in (None: UTC or floating).
    `start`/`end` are dates for all-day events (end exclusive) or aware UTC
    instants.
    """

    id: int
    uid: str
    summary: str
    start: date | datetime
    end: date | datetime
    recurrence_id: str | None = None
    sequence: int = 0
    rrule: str | None = None
    status: str = "confirmed"
    tzid: str | None = None
    client: str | None = None
    calendar: str | None = None
    location: str = ""
    description: str = ""
    last_modified: datetime | None = None
    raw: str = ""
    kind: str = "event"  # "event" (imported) or "block" (a task scheduled into a slot)
    task: int | None = None  # the task a block is for

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)
