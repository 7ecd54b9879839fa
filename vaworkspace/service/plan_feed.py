"""What the planner is fed: the stored events, the ranked tasks, the work hours,
the cap, the pomodoro pacing and the retainers, turned into the pure inputs of
`domain/calendar/plan.py`, and its answer as a `PlanResult`.

Read-only: `PlanService` calls `compute` with the events as it reads them (from
the file for a dry run, from inside its write transaction otherwise), so the
same days give the same plan whichever way it is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from vaworkspace.domain.calendar.plan import AtRisk, Day, PlanBlock, PlanRules, PlanTask
from vaworkspace.domain.dates import day_start, to_instant
from vaworkspace.store import block_records

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Collection, Mapping
    from typing import Any

    from vaworkspace.domain.models import Task
    from vaworkspace.service.context import Service
    from vaworkspace.service.reading import Inbox

UTC = timezone.utc


@dataclass(slots=True)
class PlanResult:
    """The plan of `days` local days from `first`: blocks by start, the tasks at
    risk, each planned task's title, and whether it was written."""

    first: date
    days: int
    blocks: list[PlanBlock] = field(default_factory=list)
    at_risk: list[AtRisk] = field(default_factory=list)
    titles: dict[int, str] = field(default_factory=dict)
    written: bool = False

    def as_json(self) -> dict[str, object]:
        """What `va plan --json` prints."""
        return {
            "blocks": [
                {"task": b.task, "client": b.client, "start": b.start, "end": b.end}
                for b in self.blocks
            ],
            "at_risk": [{"task": r.task, "reason": r.reason} for r in self.at_risk],
        }


def plan_tasks(inbox: Inbox, leave_out: Collection[int] = ()) -> list[Task]:
    """The tasks a plan places, most urgent first: the inbox less waiting tasks
    and `leave_out` (tasks closed by the change that asks for a re-plan, which
    the ranking read before that change still shows open)."""
    return [
        task for _, task in inbox.ranked() if task.status != "waiting" and task.id not in leave_out
    ]


def compute(
    svc: Service,
    inbox: Inbox,
    first: date,
    days: int,
    events: Mapping[Any, dict[str, Any]],
    tasks: list[Task],
    buffer_minutes: int,
) -> PlanResult:
    """Plan `days` days from `first` over the `events` table, with `tasks` in
    urgency order. The planned blocks already stored are not busy time (a new
    plan replaces them); blocks booked by hand are."""
    from vaworkspace.domain.calendar.agenda import block_minutes, work_window
    from vaworkspace.domain.calendar.plan import client_window, plan_days
    from vaworkspace.service.occurrences import occurrences
    from vaworkspace.store.table_reads import entries_since

    tz, now = svc.tz, svc.now()
    start, end = day_start(first, tz), day_start(first + timedelta(days=days), tz)
    found, _ = occurrences(events, start, end, tz)
    busy: list[tuple[datetime, datetime]] = []
    fixed: list[tuple[datetime, datetime, int | None]] = []
    for event, lo, hi in found:
        if not isinstance(lo, datetime) or not isinstance(hi, datetime) or hi <= lo:
            continue  # an all-day event blocks nothing (as in the agenda)
        if event.status == "cancelled" or block_records.is_planned(event):
            continue
        if event.kind == "block":
            fixed.append((lo, hi, event.task))
        else:
            busy.append((lo, hi))
    # Work already booked for a task: by hand on these days, or planned on other
    # days (a re-plan of one day must not place again what another day holds).
    booked: dict[int, int] = {}
    elsewhere = [
        (b.start, b.end, b.task)
        for b in block_records.blocks(events)
        if block_records.is_planned(b)
        and isinstance(b.start, datetime)
        and isinstance(b.end, datetime)
        and (b.end <= start or b.start >= end)
    ]
    for lo, hi, task_id in fixed + elsewhere:
        if task_id is not None and hi > now:
            booked[task_id] = booked.get(task_id, 0) + int((hi - lo).total_seconds()) // 60
    logged = entries_since(svc.file.read()["entries"], start - timedelta(days=1))
    wanted = []
    for task in tasks:
        minutes = block_minutes(task) - booked.get(task.id, 0)
        if minutes > 0:
            due = to_instant(task.due, tz, end=True) if task.due is not None else None
            wanted.append(PlanTask(task.id, task.client, minutes, due))
    hours = inbox.client_hours()
    periods = _RetainerPeriods(svc, now)
    plan_days_list = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        opens, closes = day_start(day, tz), day_start(day + timedelta(days=1), tz)
        window = work_window(day, svc.config.work, tz)
        windows = {}
        for client, (span, zone) in hours.items():
            bounds = client_window(day, span, zone, window)
            # No overlap at all: an empty window, so nothing of theirs is placed.
            windows[client] = bounds or (opens, opens)
        plan_days_list.append(
            Day(
                window=window,
                client_windows=windows,
                events=[(lo, hi) for lo, hi in busy if lo < closes and hi > opens],
                fixed=[(lo, hi) for lo, hi, _ in fixed if lo < closes and hi > opens],
                not_before=next_quarter(now),
                ends=closes,
                worked_minutes=sum(_overlap(e.start, e.end, opens, closes) for e in logged),
                retainer_reset=periods.opened_by(opens),
            )
        )
    burns = inbox.budget_burns()
    retainer = {client: bought - used for client, (used, bought) in burns.items()}
    plan = plan_days(plan_days_list, wanted, _rules(svc, buffer_minutes), tz, retainer)
    titles = {task.id: task.title for task in tasks}
    return PlanResult(first, days, plan.blocks, plan.at_risk, titles)


class _RetainerPeriods:
    """Which planned day opens a new retainer period (week or month) for which
    client: what was used up before it does not hold that day back."""

    def __init__(self, svc: Service, now: datetime) -> None:
        from vaworkspace.domain.time.reports import budget_period

        self.tz, self.period_of = svc.tz, budget_period
        self.budgets = {
            c.id: c.budget
            for c in svc.snapshot().clients.values()
            if c.budget is not None and not c.archived
        }
        self.current = {
            client: budget_period(budget.period, now, svc.tz)[0]
            for client, budget in self.budgets.items()
        }

    def opened_by(self, day_start: datetime) -> dict[str, int]:
        """client → minutes bought, for each client whose period changes on the
        day starting at `day_start` (days asked in order)."""
        opened = {}
        for client, budget in self.budgets.items():
            period = self.period_of(budget.period, day_start, self.tz)[0]
            if period > self.current[client]:
                self.current[client] = period
                opened[client] = budget.minutes
        return opened


def _rules(svc: Service, buffer_minutes: int) -> PlanRules:
    from vaworkspace.domain.time.timer import PomodoroSettings

    pomodoro = svc.config.pomodoro or PomodoroSettings()
    return PlanRules(
        cap_minutes=round(svc.config.daily_cap_hours * 60),
        buffer_minutes=buffer_minutes,
        cycle_minutes=pomodoro.focus_minutes * pomodoro.long_break_every,
        break_minutes=pomodoro.break_minutes,
        long_break_minutes=pomodoro.long_break_minutes,
    )


def _overlap(lo: datetime, hi: datetime, opens: datetime, closes: datetime) -> int:
    return max(0, int((min(hi, closes) - max(lo, opens)).total_seconds()) // 60)


def next_quarter(moment: datetime) -> datetime:
    """Plans start at the next quarter hour, as the agenda's free slots do."""
    quarter = 15 * 60
    rounded = -(-int(moment.timestamp()) // quarter) * quarter
    return datetime.fromtimestamp(rounded, UTC)
