"""The workspace's nouns: clients and the tasks they delegate.

Plain dataclasses, no I/O. Instants are timezone-aware `datetime`s in UTC; a due,
wait or scheduled value may instead be a bare `date` (an all-day value whose meaning
depends on the user's zone, see `dates.day_end` / `dates.day_start`). Money is
integer cents with an ISO currency code; durations are integer minutes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

PRIORITIES = ("high", "medium", "low")
"""Allowed priorities, highest first; `None` means no priority."""

STATUSES = ("inbox", "todo", "waiting", "done", "cancelled")
OPEN_STATUSES = frozenset({"inbox", "todo", "waiting"})

DateOrInstant = date | datetime
"""A `date` (all-day, in the user's zone) or an aware UTC `datetime`."""


@dataclass(frozen=True, slots=True)
class Budget:
    """A block of hours a client buys for each week or month (a retainer)."""

    minutes: int
    period: str  # "week" or "month"


@dataclass(slots=True)
class Client:
    """Someone the VA works for. `id` is a short slug typed after `@`."""

    id: str
    name: str
    rate_cents: int = 0
    currency: str = "EUR"
    budget: Budget | None = None
    weight: int = 3  # importance 1..5; 3 is neutral for urgency
    timezone: str | None = None
    color: str | None = None
    notes: str = ""
    archived: bool = False
    billable: bool = True  # default for this client's time entries
    rounding_minutes: int = 0  # bill in blocks of N minutes (0: to the minute)
    round_per: str = "entry"  # one of ROUND_PER: round each entry, or the period's total
    hours: str | None = None  # business hours "09:00-17:00", in the client's zone
    kind_rates: dict[str, int] = field(default_factory=dict)
    """Hourly rates in cents per kind of work (a tag), in the order they were defined:
    that order breaks ties when a task has several priced tags (`domain.kind_rates`)."""


ROUND_PER = ("entry", "total")


@dataclass(slots=True)
class TimeEntry:
    """A block of time worked (or not billed) for a client, maybe on a task.

    `start`/`end` are aware UTC instants; elapsed time is always `end - start`
    in real seconds, so a block across a DST change counts what really passed.
    """

    id: int
    start: datetime
    end: datetime
    client: str | None = None
    task: int | None = None  # the task's short id
    billable: bool = True
    note: str = ""
    source: str = "manual"  # "manual" (va log), "timer"
    kind: str | None = None  # the kind of work (a tag), fixed when logged
    rate_cents: int | None = None  # hourly rate fixed when logged; None: an older entry

    @property
    def seconds(self) -> int:
        return int((self.end - self.start).total_seconds())


@dataclass(slots=True)
class Task:
    """A piece of delegated work.

    `id` is the short number the VA types; it is never reused. `uuid` is stable
    across exports and imports (the iCalendar UID, the Taskwarrior uuid).
    `recurrence` is RRULE text (without the `RRULE:` prefix); the next occurrence
    counts from the due date, or from the completion date when
    `recur_from_completion` is set (`every!` in quick add).
    """

    id: int
    uuid: str
    title: str
    created: datetime
    modified: datetime
    client: str | None = None
    tags: list[str] = field(default_factory=list)
    priority: str | None = None
    status: str = "todo"
    due: DateOrInstant | None = None
    wait: DateOrInstant | None = None
    scheduled: DateOrInstant | None = None
    estimate_minutes: int | None = None
    recurrence: str | None = None
    recur_from_completion: bool = False
    notes: str = ""
    completed: datetime | None = None
    source: str = "cli"
    depends: list[str] = field(default_factory=list)  # uuids of tasks to finish first

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES
