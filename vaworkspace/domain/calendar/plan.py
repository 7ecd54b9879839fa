"""Plan a day: the ranked tasks placed as work blocks into the day's free time.

Pure: the service hands over the tasks in urgency order, the day's busy times
and hand-placed blocks, the windows and the rules; nothing here reads a clock.

What a plan guarantees (each one is a property test in tests/domain/calendar):
- blocks never overlap each other, an event (widened by `buffer_minutes` on both
  sides) nor a block the VA placed by hand, which is never moved;
- blocks stay inside the day's work window and, for a client with business
  hours, inside that client's window;
- the minutes planned, the hand-placed blocks and the time already logged that
  day never exceed the daily cap;
- a piece of a split task lasts at least `min_block` minutes (a task shorter
  than that is one block of its own length);
- each block is followed by a break before the next block (a long break after
  a block of a whole pomodoro cycle), and no block is longer than a cycle.

Order: urgency first, deadlines kept. The tasks whose deadline falls on the day
are first checked earliest-deadline-first (optimal for one worker: every
deadline some arrangement could meet passes); a task that cannot make it is
reported at risk with the reason. Then each task, most urgent first, takes the
earliest free time left once the deadline tasks still to come are held back as
late as they can go (latest deadline first), so an urgent task goes first
whenever the deadlines still hold. A client whose retainer is used up gets no
block unless the task is due that day; a day of a later week (or month) has
that period's retainer whole, whatever this one's used.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from vaworkspace.domain.calendar.agenda import Interval, clock, span_text
from vaworkspace.domain.calendar.free_time import FreeTime, minutes_between
from vaworkspace.domain.time.worktime import WorkHours


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
    """A span of a day the plan gives to one task (UTC)."""

    task: int
    client: str | None
    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        return minutes_between(self.start, self.end)


@dataclass(frozen=True, slots=True)
class AtRisk:
    """A task the plan could not fit before its deadline, and why: `reason` in
    English (as `va plan --json` gives it), and its figures for a UI that words
    it in another language: the deadline, the minutes the task `needs` (0: the
    deadline has passed) and those free before it (`room`), and whether the
    deadline falls on the planned day (`same_day`: its hour alone says it)."""

    task: int
    reason: str
    due: datetime | None = None
    needs: int = 0
    room: int = 0
    same_day: bool = False


@dataclass(slots=True)
class DayPlan:
    """One planned day: its blocks, and the tasks left at risk."""

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
    worked_minutes: int = 0  # already logged that day: it counts toward the cap
    # client → minutes bought: the day opens a new retainer period for that client
    # (a new week or month), so what was used before does not count on it.
    retainer_reset: Mapping[str, int] = field(default_factory=dict)


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
    free = FreeTime(day, rules)
    left = {task.id: task.minutes for task in tasks}
    retainer = retainer_left if retainer_left is not None else {}
    fixed = sum(minutes_between(s, e) for s, e in day.fixed)
    cap = max(0, rules.cap_minutes - fixed - day.worked_minutes)
    plan = DayPlan()
    if day.window is None:
        return plan, left
    day_end = day.ends or day.window[1]

    def bounds(task: PlanTask) -> Interval | None:
        return day.client_windows.get(task.client) if task.client else None

    dated = sorted(
        ((t.due, t) for t in tasks if t.due is not None and t.due <= day_end and t.minutes > 0),
        key=lambda pair: pair[0],
    )
    pending = _can_make_it([t for _, t in dated], free, cap, bounds, day, plan, tz)
    for task in tasks:
        want = left[task.id]
        mine = task in pending
        if mine:
            pending.remove(task)
        allowed = cap
        due_today = task.due is not None and task.due <= day_end
        if task.client in retainer and not due_today:
            allowed = min(allowed, retainer[task.client])
        if want <= 0 or allowed <= 0:
            continue
        scratch = free.copy()
        for other in reversed(pending):  # latest deadline first, as late as it can go
            allowed -= scratch.take_late(other.minutes, cap, bounds(other), other.due)
        pieces = scratch.take(want, allowed, bounds(task), task.due if mine else None)
        for start, end in pieces:
            free.occupy((start, end))
            plan.blocks.append(PlanBlock(task.id, task.client, start, end))
            cap -= minutes_between(start, end)
            left[task.id] -= minutes_between(start, end)
            if task.client in retainer:
                retainer[task.client] -= minutes_between(start, end)
    plan.blocks.sort(key=lambda b: b.start)
    return plan, left


def _can_make_it(
    dated: list[PlanTask],
    free: FreeTime,
    cap: int,
    bounds: Callable[[PlanTask], Interval | None],
    day: Day,
    plan: DayPlan,
    tz: tzinfo,
) -> list[PlanTask]:
    """The tasks due that day (by deadline) that earliest-deadline-first fits
    before their deadlines; the others are added to `plan.at_risk` with why."""
    trial = free.copy()
    fits = []
    assert day.window is not None
    # A day planned ahead starts late for what fell due before it opens.
    overdue_by = day.not_before if day.not_before is not None else day.window[0]
    for task in dated:
        assert task.due is not None
        if task.due <= overdue_by:
            reason = f"overdue since {_when(task.due, day, tz)}"
            same = _on_the_day(task.due, day, tz)
            plan.at_risk.append(AtRisk(task.id, reason, task.due, same_day=same))
            continue
        attempt = trial.copy()
        room = sum(
            minutes_between(s, e)
            for s, e in attempt.take(task.minutes, cap, bounds(task), task.due)
        )
        if room >= task.minutes:
            trial, cap = attempt, cap - room
            fits.append(task)
        else:
            # Say the free time as the VA sees it on the agenda (a 22-minute gap is
            # 22 minutes free, even if too short for a block of this task).
            free_time = max(room, min(cap, trial.free_before(bounds(task), task.due)))
            reason = _reason(task.minutes, free_time, task.due, tz)
            same = _on_the_day(task.due, day, tz)
            plan.at_risk.append(
                AtRisk(task.id, reason, task.due, task.minutes, free_time, same_day=same)
            )
    return fits


def _on_the_day(moment: datetime, day: Day, tz: tzinfo) -> bool:
    assert day.window is not None
    return moment.astimezone(tz).date() == day.window[0].astimezone(tz).date()


def _when(moment: datetime, day: Day, tz: tzinfo) -> str:
    """`14:00` on the planned day, `Fri 27 Nov 14:00` before it."""
    if _on_the_day(moment, day, tz):
        return clock(moment, tz)
    return f"{moment.astimezone(tz):%a %d %b %H:%M}"


def _reason(needs: int, room: int, due: datetime, tz: tzinfo) -> str:
    """ "needs 2h00, 1h15 free before 15:00": what the deadline asks, what the day
    has; a date without a time is due by the end of its day."""
    local = due.astimezone(tz)
    by = "by the end of the day" if local.hour == local.minute == 0 else f"before {clock(due, tz)}"
    return f"needs {span_text(needs)}, {span_text(room)} free {by}"


def client_window(
    day: date, hours: WorkHours, zone: tzinfo, work: Interval | None
) -> Interval | None:
    """A client's business hours as UTC instants for the VA's `day`: the client's
    own date whose hours overlap the VA's work window the most (Tokyo's Tuesday
    morning is the Montreal VA's Monday evening); None when none overlaps."""
    if work is None:
        return None
    best: Interval | None = None
    most = 0
    for offset in (-1, 0, 1):
        theirs = day + timedelta(days=offset)
        opens = datetime.combine(theirs, hours.start, zone).astimezone(work[0].tzinfo)
        closes = datetime.combine(theirs, hours.end, zone).astimezone(work[0].tzinfo)
        shared = minutes_between(max(opens, work[0]), min(closes, work[1]))
        if shared > most:
            best, most = (opens, closes), shared
    return best


def plan_days(
    days: Sequence[Day],
    tasks: Sequence[PlanTask],
    rules: PlanRules,
    tz: tzinfo,
    retainer_left: Mapping[str, int] | None = None,
) -> DayPlan:
    """Plan several days in a row: what a day could not hold moves to the next.
    `retainer_left` is spent across the days, and starts again from what the
    client bought on a day that opens a new period (`Day.retainer_reset`)."""
    retainer = dict(retainer_left or {})
    remaining = list(tasks)
    total = DayPlan()
    for day in days:
        retainer.update(day.retainer_reset)
        plan, left = plan_day(day, remaining, rules, tz, retainer)
        total.blocks.extend(plan.blocks)
        said = {risk.task for risk in total.at_risk}
        total.at_risk.extend(risk for risk in plan.at_risk if risk.task not in said)
        remaining = [
            PlanTask(t.id, t.client, left[t.id], t.due) for t in remaining if left[t.id] > 0
        ]
    return total
