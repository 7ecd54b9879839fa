"""The VA's days as an agenda: what falls on each day, free slots, clashes.

Pure functions over `AgendaItem`s (an event, a work block or a task due, with
`start`/`end` as aware UTC instants or all-day dates, and a `uid`).
Only timed events and work blocks take time: an all-day event (a client's
offsite, a holiday) shows on top of the day but blocks nothing, and a task due
that day is a reminder, not an appointment.

Work hours are local wall time: each day's window is built with the zone's own
rules (`datetime.combine(day, hours.start, tz)`), never as "midnight + 9 h", so
on a DST day 01:00–05:00 is three real hours and 09:00 is still 09:00.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo

from vaworkspace.domain.dates import day_start
from vaworkspace.domain.models import Task
from vaworkspace.domain.time.worktime import WorkHours

UTC = timezone.utc
Interval = tuple[datetime, datetime]
BUSY_TYPES = frozenset({"event", "block"})
DEFAULT_BLOCK_MINUTES = 30  # a work block for a task without an estimate
ROUND_SECONDS = 15 * 60  # a slot that starts "now" starts at the next quarter hour


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One agenda row: an event, a work block or a task due (`kind`).

    A task's `start` and `end` are its due value; `task_id` is its short id when
    the service knows it (the agenda's days), else None.
    """

    kind: str  # "event", "block" or "task"
    title: str
    start: date | datetime
    end: date | datetime
    uid: str
    client: str | None = None
    task_id: int | None = None

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    def as_json(self) -> dict[str, object]:
        """The object of `va agenda --json` (its key for the kind is `type`)."""
        return {
            "type": self.kind,
            "title": self.title,
            "client": self.client,
            "start": self.start,
            "end": self.end,
            "all_day": self.all_day,
            "uid": self.uid,
        }


@dataclass(slots=True)
class DayAgenda:
    """One local day, ready to lay out: every list is sorted by start."""

    day: date
    working: bool
    all_day: list[AgendaItem] = field(default_factory=list)
    timed: list[AgendaItem] = field(default_factory=list)  # events and blocks
    tasks: list[AgendaItem] = field(default_factory=list)  # due that day
    free: list[Interval] = field(default_factory=list)
    conflicts: set[str] = field(default_factory=set)  # uids of clashing timed items

    @property
    def free_minutes(self) -> int:
        return sum(int((end - start).total_seconds()) // 60 for start, end in self.free)


def work_window(day: date, work: WorkHours, tz: tzinfo) -> Interval | None:
    """The UTC bounds of the day's work hours; None on a day off."""
    if day.weekday() not in work.days:
        return None
    opens = datetime.combine(day, work.start, tz).astimezone(UTC)
    closes = datetime.combine(day, work.end, tz).astimezone(UTC)
    return opens, closes


def free_slots(
    day: date,
    busy: Iterable[tuple[date | datetime, date | datetime]],
    work: WorkHours,
    tz: tzinfo,
    min_minutes: int = 15,
    not_before: datetime | None = None,
) -> list[Interval]:
    """The free UTC intervals of the day's work hours, minus the busy ones.

    A busy pair of dates (an all-day event) blocks nothing; gaps shorter than
    `min_minutes` are dropped (no one books a 5-minute hole). `not_before`
    (usually now) hides the part of the day already gone, rounded up to the next
    quarter hour: every real zone's offset is a multiple of 15 minutes, so
    rounding the UTC instant rounds the wall clock too.
    """
    window = work_window(day, work, tz)
    if window is None:
        return []
    cursor, closes = window
    if not_before is not None:
        rounded = math.ceil(not_before.timestamp() / ROUND_SECONDS) * ROUND_SECONDS
        cursor = max(cursor, datetime.fromtimestamp(rounded, UTC))
    taken = sorted(
        (start.astimezone(UTC), end.astimezone(UTC))
        for start, end in busy
        if isinstance(start, datetime) and isinstance(end, datetime) and end > start
    )
    gaps: list[Interval] = []
    for start, end in taken:
        if start >= closes:
            break
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < closes:
        gaps.append((cursor, closes))
    shortest = timedelta(minutes=min_minutes)
    return [(start, end) for start, end in gaps if end - start >= shortest]


def busy_times(items: Iterable[AgendaItem]) -> list[tuple[date | datetime, date | datetime]]:
    """(start, end) of the events and blocks among agenda items (tasks take no time)."""
    return [(item.start, item.end) for item in items if item.kind in BUSY_TYPES]


def conflicts(items: Iterable[AgendaItem]) -> set[str]:
    """The uids of timed events and blocks that overlap another one.

    Ends touching (10:00–11:00 then 11:00–12:00) is no clash. A recurring series
    shares one uid across its occurrences, so ask about one day at a time.
    """
    timed = sorted(
        (item.start, item.end, item.uid)
        for item in items
        if item.kind in BUSY_TYPES and isinstance(item.start, datetime)
    )
    found: set[str] = set()
    for index, (start, end, uid) in enumerate(timed):
        for other_start, other_end, other_uid in timed[index + 1 :]:
            if other_start >= end:
                break  # sorted by start: nothing later can reach back into this one
            if other_end > start and other_uid != uid:
                found.update((uid, other_uid))
    return found


def falls_on(item: AgendaItem, day: date, tz: tzinfo) -> bool:
    """Whether an agenda item shows on a local day: a timed event on every day it
    touches, an all-day one on each of its dates (end exclusive), a task on the
    day it is due."""
    first, last = item.start, item.end
    if item.kind == "task":
        due = first.astimezone(tz).date() if isinstance(first, datetime) else first
        return bool(due == day)
    if not isinstance(first, datetime):
        return bool(first <= day < max(last, first + timedelta(days=1)))
    opens, closes = day_start(day, tz), day_start(day + timedelta(days=1), tz)
    if last <= first:  # an instant: it belongs to the day it happens in
        return bool(opens <= first < closes)
    return bool(first < closes and last > opens)


def plan_day(
    day: date,
    items: Iterable[AgendaItem],
    work: WorkHours,
    tz: tzinfo,
    not_before: datetime | None = None,
    min_minutes: int = 15,
) -> DayAgenda:
    """Sort a day's agenda items into what the agenda screen shows."""
    mine = [item for item in items if falls_on(item, day, tz)]
    busy = [item for item in mine if item.kind in BUSY_TYPES]
    timed = [item for item in busy if isinstance(item.start, datetime)]
    timed.sort(key=lambda item: (item.start, item.end, item.title))
    return DayAgenda(
        day=day,
        working=day.weekday() in work.days,
        all_day=[item for item in busy if not isinstance(item.start, datetime)],
        timed=timed,
        tasks=[i for i in mine if i.kind == "task"],
        free=free_slots(day, busy_times(timed), work, tz, min_minutes, not_before),
        conflicts=conflicts(timed),
    )


def block_minutes(task: Task, minutes: int | None = None) -> int:
    """How long a work block for `task` lasts: as asked, else its estimate, else 30."""
    return minutes or task.estimate_minutes or DEFAULT_BLOCK_MINUTES


def fitting(tasks: Iterable[Task], slot: Interval, limit: int = 5) -> list[Task]:
    """The first `limit` tasks (keep the caller's order: urgency) whose block fits."""
    room = int((slot[1] - slot[0]).total_seconds()) // 60
    return [task for task in tasks if block_minutes(task) <= room][:limit]


def overlapping(items: Iterable[AgendaItem], start: datetime, end: datetime) -> list[AgendaItem]:
    """Timed events and blocks that share some of [start, end) (touching is fine)."""
    return [
        item
        for item in items
        if item.kind in BUSY_TYPES
        and isinstance(item.start, datetime)
        and item.start < end
        and item.end > start
    ]


# -- how the agenda reads (the TUI, and any text output, say it the same way) ---------


def clock(moment: datetime, tz: tzinfo) -> str:
    """`14:30`: an instant on the local wall clock."""
    return f"{moment.astimezone(tz):%H:%M}"


def span_text(minutes: int) -> str:
    """`1h30`, `0h45`: a length of free time, aligned whatever its size."""
    return f"{minutes // 60}h{minutes % 60:02d}"


def slot_text(slot: Interval, tz: tzinfo, prefix: str = "free ") -> str:
    """`free 10:30–12:00 (1h30)`."""
    minutes = int((slot[1] - slot[0]).total_seconds()) // 60
    return f"{prefix}{clock(slot[0], tz)}–{clock(slot[1], tz)} ({span_text(minutes)})"
