"""Plan a day: the ranked tasks placed as work blocks into the day's free time.

Pure: the service hands over the tasks in urgency order, the day's busy times
and hand-placed blocks, the windows and the rules; nothing here reads a clock.

What a plan guarantees (each one is a property test in tests/domain/calendar):
- blocks never overlap each other, an event (widened by `buffer_minutes` on both
  sides) nor a block the VA placed by hand, which is never moved;
- blocks stay inside the day's work window and, for a client with business
  hours, inside that client's window;
- the minutes planned plus the hand-placed blocks never exceed the daily cap;
- a piece of a split task lasts at least `min_block` minutes (a task shorter
  than that is one block of its own length);
- each block is followed by a break before the next block (a long break after
  a block of a whole pomodoro cycle), and no block is longer than a cycle.

Order: first the tasks whose deadline falls on the day, earliest deadline first,
each into the earliest free time before its deadline, but only when all of it
fits there (earliest-deadline-first is optimal for one worker, so every deadline
that some arrangement could meet is met); a task that cannot make it is reported
at risk with the reason. Then every other task (and the at-risk ones) in the
caller's urgency order, into the earliest time left. A client whose retainer is
used up gets no block unless the task is due that day.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from vaworkspace.domain.calendar.agenda import Interval, clock, span_text


@dataclass(frozen=True, slots=True)
class PlanTask:
    """A task as the planner sees it: work left in minutes, deadline as a UTC instant."""

    id: int
    client: str | None
    minutes: int
    due: datetime | None = None


@dataclass(frozen=True, slots=True)
class PlanRules:
    """How the day is cut up. Breaks of 0 minutes and a huge cycle turn pacing off."""

    cap_minutes: int
    buffer_minutes: int = 10
    min_block: int = 25
    cycle_minutes: int = 100  # the longest block: focus × long_break_every
    break_minutes: int = 5
    long_break_minutes: int = 15


@dataclass(frozen=True, slots=True)
class PlanBlock:
    task: int
    client: str | None
    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        return _minutes(self.start, self.end)


@dataclass(frozen=True, slots=True)
class AtRisk:
    task: int
    reason: str


@dataclass(slots=True)
class DayPlan:
    blocks: list[PlanBlock] = field(default_factory=list)
    at_risk: list[AtRisk] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Day:
    """One day to plan: its work window (None: a day off), events and hand-placed
    blocks (UTC), each client's business-hours window that day, the moment
    before which nothing is placed (now, on today) and the day's end."""

    window: Interval | None
    events: Sequence[Interval] = ()
    fixed: Sequence[Interval] = ()
    client_windows: Mapping[str, Interval] = field(default_factory=dict)
    not_before: datetime | None = None
    ends: datetime | None = None  # the next local midnight: what "due today" means


def _minutes(start: datetime, end: datetime) -> int:
    return int((end - start).total_seconds()) // 60


class _Free:
    """The free intervals of a day, each with whether a block follows its end
    (then a break must fit before it)."""

    def __init__(self, day: Day, rules: PlanRules) -> None:
        self.rules = rules
        self.slots: list[tuple[datetime, datetime, bool]] = []
        if day.window is None:
            return
        opens, closes = day.window
        if day.not_before is not None:
            opens = max(opens, day.not_before)
        pad = timedelta(minutes=rules.buffer_minutes)
        brk = timedelta(minutes=rules.break_minutes)
        taken = sorted(
            [(s - pad, e + pad, False) for s, e in day.events]
            + [(s, e + brk, True) for s, e in day.fixed]
        )
        cursor = opens
        for start, end, is_block in taken:
            if start > cursor and cursor < closes:
                self.slots.append((cursor, min(start, closes), is_block and start < closes))
            cursor = max(cursor, end)
        if cursor < closes:
            self.slots.append((cursor, closes, False))

    def gap_after(self, minutes: int) -> int:
        rules = self.rules
        return rules.long_break_minutes if minutes >= rules.cycle_minutes else rules.break_minutes

    def take(
        self,
        want: int,
        cap: int,
        bounds: Interval | None,
        before: datetime | None,
        commit: bool,
    ) -> list[Interval]:
        """Pieces for `want` minutes (at most `cap`) in the earliest free time inside
        `bounds` and ending by `before`; removed from the free time when `commit`."""
        pieces: list[Interval] = []
        slots = self.slots if commit else list(self.slots)
        index = 0
        while want > 0 and cap > 0 and index < len(slots):
            start, end, block_follows = slots[index]
            lo, hi = start, end
            if bounds is not None:
                lo, hi = max(lo, bounds[0]), min(hi, bounds[1])
            if before is not None:
                hi = min(hi, before)
            size = self._piece(_minutes(lo, hi), min(want, cap), want, block_follows, hi, end)
            if size <= 0:
                index += 1
                continue
            piece_end = lo + timedelta(minutes=size)
            pieces.append((lo, piece_end))
            want -= size
            cap -= size
            rest_from = piece_end + timedelta(minutes=self.gap_after(size))
            replacement = []
            if lo > start:
                replacement.append((start, lo, True))
            if rest_from < end:
                replacement.append((rest_from, end, block_follows))
            slots[index : index + 1] = replacement
            index += 1 if lo > start else 0
        return pieces

    def _piece(
        self, room: int, allowed: int, want: int, block_follows: bool, hi: datetime, end: datetime
    ) -> int:
        """The longest piece that fits `room`: within the cycle, leaving a break
        before a following block, and leaving no leftover shorter than `min_block`."""
        rules = self.rules
        size = min(room, allowed, rules.cycle_minutes)
        if block_follows and hi >= end:
            # A block comes right after this slot: keep its break free.
            while size > 0 and size + self.gap_after(size) > room:
                size -= 1
        if size <= 0:
            return 0
        if size < want:
            floor = min(rules.min_block, want)
            size = min(size, want - floor) if want - size < floor else size
            if size < floor:
                return 0
        return size


def plan_day(
    day: Day,
    tasks: Sequence[PlanTask],
    rules: PlanRules,
    tz: tzinfo,
    retainer_left: dict[str, int] | None = None,
) -> tuple[DayPlan, dict[int, int]]:
    """Place `tasks` (most urgent first) on `day`: the plan, and each task's
    minutes still unplanned. `retainer_left` (minutes per client) is spent as
    blocks are placed."""
    free = _Free(day, rules)
    left = {task.id: task.minutes for task in tasks}
    retainer = retainer_left if retainer_left is not None else {}
    fixed = sum(_minutes(s, e) for s, e in day.fixed)
    cap = max(0, rules.cap_minutes - fixed)
    plan = DayPlan()
    day_end = day.ends or (day.window[1] if day.window is not None else None)

    def due_today(task: PlanTask) -> bool:
        return task.due is not None and day_end is not None and task.due <= day_end

    def bounds(task: PlanTask) -> Interval | None:
        return day.client_windows.get(task.client) if task.client else None

    def place(task: PlanTask, pieces: list[Interval]) -> None:
        nonlocal cap
        for start, end in pieces:
            plan.blocks.append(PlanBlock(task.id, task.client, start, end))
            cap -= _minutes(start, end)
            left[task.id] -= _minutes(start, end)
            if task.client in retainer:
                retainer[task.client] -= _minutes(start, end)

    if day.window is not None:
        dated = [(t.due, t) for t in tasks if t.due is not None and due_today(t) and t.minutes > 0]
        dated.sort(key=lambda pair: pair[0])
        for _, task in dated:
            assert task.due is not None
            if day.not_before is not None and task.due <= day.not_before:
                plan.at_risk.append(AtRisk(task.id, f"overdue since {clock(task.due, tz)}"))
                continue
            trial = free.take(task.minutes, cap, bounds(task), task.due, commit=False)
            room = sum(_minutes(s, e) for s, e in trial)
            if room >= task.minutes:
                place(task, free.take(task.minutes, cap, bounds(task), task.due, commit=True))
            else:
                plan.at_risk.append(AtRisk(task.id, _reason(task.minutes, room, task.due, tz)))
        for task in tasks:
            want = left[task.id]
            if want <= 0:
                continue
            allowed = cap
            if task.client in retainer and not due_today(task):
                allowed = min(allowed, retainer[task.client])
            if allowed <= 0:
                continue
            place(task, free.take(want, allowed, bounds(task), None, commit=True))
    plan.blocks.sort(key=lambda b: b.start)
    return plan, left


def _reason(needs: int, room: int, due: datetime, tz: tzinfo) -> str:
    """ "needs 2h00, 1h15 free before 15:00": what the deadline asks, what the day has."""
    return f"needs {span_text(needs)}, {span_text(room)} free before {clock(due, tz)}"


def plan_days(
    days: Sequence[Day],
    tasks: Sequence[PlanTask],
    rules: PlanRules,
    tz: tzinfo,
    retainer_left: Mapping[str, int] | None = None,
) -> DayPlan:
    """Plan several days in a row: what a day could not hold moves to the next."""
    retainer = dict(retainer_left or {})
    remaining = list(tasks)
    total = DayPlan()
    for day in days:
        plan, left = plan_day(day, remaining, rules, tz, retainer)
        total.blocks.extend(plan.blocks)
        said = {risk.task for risk in total.at_risk}
        total.at_risk.extend(risk for risk in plan.at_risk if risk.task not in said)
        remaining = [
            PlanTask(t.id, t.client, left[t.id], t.due) for t in remaining if left[t.id] > 0
        ]
    return total
