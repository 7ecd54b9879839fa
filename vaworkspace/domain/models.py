"""The workspace's nouns: clients and the tasks they delegate.

Dataclasses, no I/O. Instants are timezone-aware `datetime`s in UTC; a due,
wait or scheduled value may instead be a bare `date` (an all-day value whose meaning
depends on the user's zone, see `dates.day_end` / `dates.day_start`). Money is
integer cents with an ISO currency code; durations are integer minutes.
Every command builds some of them, so each writes its own `__init__` rather
than have it generated at import (`field_methods.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from vaworkspace.domain.field_methods import FieldMethods, FrozenFieldMethods

PRIORITIES = ("high", "medium", "low")
"""Allowed priorities, highest first; `None` means no priority."""

STATUSES = ("inbox", "todo", "waiting", "done", "cancelled")
OPEN_STATUSES = frozenset({"inbox", "todo", "waiting"})

DateOrInstant = date | datetime
"""A `date` (all-day, in the user's zone) or an aware UTC `datetime`."""


@dataclass(slots=True, init=False, repr=False, eq=False)
class Budget(FrozenFieldMethods):
    """A block of hours a client buys for each week or month (a retainer). Frozen."""

    minutes: int
    period: str  # "week" or "month"

    def __init__(self, minutes: int, period: str) -> None:
        object.__setattr__(self, "minutes", minutes)
        object.__setattr__(self, "period", period)


@dataclass(slots=True, init=False, repr=False, eq=False)
class Client(FieldMethods):
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

    def __init__(
        self,
        id: str,
        name: str,
        rate_cents: int = 0,
        currency: str = "EUR",
        budget: Budget | None = None,
        weight: int = 3,
        timezone: str | None = None,
        color: str | None = None,
        notes: str = "",
        archived: bool = False,
        billable: bool = True,
        rounding_minutes: int = 0,
        round_per: str = "entry",
        hours: str | None = None,
        kind_rates: dict[str, int] | None = None,
    ) -> None:
        self.id = id
        self.name = name
        self.rate_cents = rate_cents
        self.currency = currency
        self.budget = budget
        self.weight = weight
        self.timezone = timezone
        self.color = color
        self.notes = notes
        self.archived = archived
        self.billable = billable
        self.rounding_minutes = rounding_minutes
        self.round_per = round_per
        self.hours = hours
        self.kind_rates = {} if kind_rates is None else kind_rates


ROUND_PER = ("entry", "total")


@dataclass(slots=True, init=False, repr=False, eq=False)
class TimeEntry(FieldMethods):
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

    def __init__(
        self,
        id: int,
        start: datetime,
        end: datetime,
        client: str | None = None,
        task: int | None = None,
        billable: bool = True,
        note: str = "",
        source: str = "manual",
        kind: str | None = None,
        rate_cents: int | None = None,
    ) -> None:
        self.id = id
        self.start = start
        self.end = end
        self.client = client
        self.task = task
        self.billable = billable
        self.note = note
        self.source = source
        self.kind = kind
        self.rate_cents = rate_cents

    @property
    def seconds(self) -> int:
        return int((self.end - self.start).total_seconds())


@dataclass(slots=True, init=False, repr=False, eq=False)
class Task(FieldMethods):
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

    def __init__(
        self,
        id: int,
        uuid: str,
        title: str,
        created: datetime,
        modified: datetime,
        client: str | None = None,
        tags: list[str] | None = None,
        priority: str | None = None,
        status: str = "todo",
        due: DateOrInstant | None = None,
        wait: DateOrInstant | None = None,
        scheduled: DateOrInstant | None = None,
        estimate_minutes: int | None = None,
        recurrence: str | None = None,
        recur_from_completion: bool = False,
        notes: str = "",
        completed: datetime | None = None,
        source: str = "cli",
        depends: list[str] | None = None,
    ) -> None:
        self.id = id
        self.uuid = uuid
        self.title = title
        self.created = created
        self.modified = modified
        self.client = client
        self.tags = [] if tags is None else tags
        self.priority = priority
        self.status = status
        self.due = due
        self.wait = wait
        self.scheduled = scheduled
        self.estimate_minutes = estimate_minutes
        self.recurrence = recurrence
        self.recur_from_completion = recur_from_completion
        self.notes = notes
        self.completed = completed
        self.source = source
        self.depends = [] if depends is None else depends

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES
