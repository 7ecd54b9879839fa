"""`ws.plan`: the ranked inbox placed into the agenda's free time as work blocks.

The rules are `domain/calendar/plan.py`; here they are fed: the inbox's urgency
order (`Inbox.ranked`), the stored events of the days, the VA's work hours, the
daily cap less what is already logged, the pomodoro settings and the clients'
retainers.

A planned block is a work block (an `Event` of kind "block", so the agenda,
exports and feeds show it as any other) whose uid starts with `plan-`: the mark
survives an export and a re-import, and it is how re-planning knows which
blocks are its own to replace. Blocks the VA booked by hand (`block-…`) are
never touched; they are busy time and count toward the cap. Planning sets no
task's `scheduled`: a plan is a proposal that the next plan replaces, not a
time the VA promised. Planning and clearing are one change each for `va undo`.

The plan is computed inside the write transaction from the events as they are
on disk then, so a meeting imported by another terminal a moment before is
still planned around.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from vaworkspace.domain.calendar.event import Event
from vaworkspace.domain.calendar.plan import AtRisk, Day, PlanBlock, PlanRules, PlanTask
from vaworkspace.domain.dates import day_start, to_instant
from vaworkspace.errors import InputError
from vaworkspace.service.context import Context, Service
from vaworkspace.store import block_records, counters, tables, undo_records
from vaworkspace.store.records import event_to_record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import tzinfo
    from typing import Any

    from vaworkspace.domain.models import Task
    from vaworkspace.domain.time.worktime import WorkHours
    from vaworkspace.service.reading import Inbox

UTC = timezone.utc
MAX_DAYS = 31
DEFAULT_BUFFER_MINUTES = 10


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


class PlanService(Service):
    """Plan, write and clear the planned work blocks."""

    def __init__(self, ctx: Context, inbox: Inbox) -> None:
        super().__init__(ctx)
        self.inbox = inbox

    def plan(
        self,
        first: date | None = None,
        days: int = 1,
        write: bool = True,
        buffer_minutes: int = DEFAULT_BUFFER_MINUTES,
    ) -> PlanResult:
        """Plan `days` days from `first` (default today). With `write`, the
        planned blocks of those days that have not ended are replaced by the new
        ones in one transaction; without, nothing is written."""
        first = self._check(first, days)
        if not 0 <= buffer_minutes <= 240:
            raise InputError(f"a buffer of {buffer_minutes} minutes: give 0 to 240")
        tasks = [task for _, task in self.inbox.ranked() if task.status != "waiting"]
        if not write:
            return self._compute(first, days, self.file.read()["events"], tasks, buffer_minutes)
        now = self.now()
        with self.file.transaction() as db:
            undo_records.journal(db)
            events = tables.records(db, "events")
            result = self._compute(first, days, events, tasks, buffer_minutes)
            start, end = day_start(first, self.tz), day_start(first + timedelta(days=days), self.tz)
            stale = block_records.planned_blocks(db, start, end, now)
            tables.delete(db, "events", [event.id for event in stale])
            for block in result.blocks:
                event_id = counters.take_id(db, "events")
                event = Event(
                    id=event_id,
                    uid=block_records.planned_uid(event_id),
                    summary=result.titles[block.task],
                    start=block.start,
                    end=block.end,
                    client=block.client,
                    last_modified=now,
                    kind="block",
                    task=block.task,
                )
                tables.put(db, "events", event_id, event_to_record(event))
            block_records.note_planned_tasks(db)
            undo_records.keep(db, f"plan {_days_text(first, days)}")
        result.written = True
        return result

    def clear(self, first: date | None = None, days: int = 1) -> int:
        """Remove the planned blocks of `days` days from `first`; how many went.
        Blocks booked by hand stay."""
        first = self._check(first, days)
        start, end = day_start(first, self.tz), day_start(first + timedelta(days=days), self.tz)
        with self.file.transaction() as db:
            undo_records.journal(db)
            gone = block_records.planned_blocks(db, start, end, start)
            tables.delete(db, "events", [event.id for event in gone])
            block_records.note_planned_tasks(db)
            undo_records.keep(db, f"clear the plan of {_days_text(first, days)}")
        return len(gone)

    def _check(self, first: date | None, days: int) -> date:
        if not 1 <= days <= MAX_DAYS:
            raise InputError(f"plan 1 to {MAX_DAYS} days at a time, not {days}")
        return first if first is not None else self.now().astimezone(self.tz).date()

    def _compute(
        self,
        first: date,
        days: int,
        events: Mapping[Any, dict[str, Any]],
        tasks: list[Task],
        buffer_minutes: int,
    ) -> PlanResult:
        from vaworkspace.domain.calendar.agenda import block_minutes, work_window
        from vaworkspace.domain.calendar.plan import client_window, plan_days
        from vaworkspace.service.occurrences import occurrences
        from vaworkspace.store.table_reads import entries_since

        tz, now = self.tz, self.now()
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
        booked: dict[int, int] = {}
        for lo, hi, task_id in fixed:
            if task_id is not None and hi > now:
                booked[task_id] = booked.get(task_id, 0) + int((hi - lo).total_seconds()) // 60
        logged = entries_since(self.file.read()["entries"], start - timedelta(days=1))
        plan_tasks = []
        for task in tasks:
            minutes = block_minutes(task) - booked.get(task.id, 0)
            if minutes > 0:
                due = to_instant(task.due, tz, end=True) if task.due is not None else None
                plan_tasks.append(PlanTask(task.id, task.client, minutes, due))
        hours = self._client_hours()
        plan_days_list = []
        for offset in range(days):
            day = first + timedelta(days=offset)
            opens, closes = day_start(day, tz), day_start(day + timedelta(days=1), tz)
            window = work_window(day, self.config.work, tz)
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
                    not_before=_next_quarter(now),
                    ends=closes,
                    worked_minutes=sum(_overlap(e.start, e.end, opens, closes) for e in logged),
                )
            )
        burns = self.inbox.budget_burns()
        retainer = {client: bought - used for client, (used, bought) in burns.items()}
        plan = plan_days(plan_days_list, plan_tasks, self._rules(buffer_minutes), tz, retainer)
        titles = {task.id: task.title for task in tasks}
        return PlanResult(first, days, plan.blocks, plan.at_risk, titles)

    def _client_hours(self) -> dict[str, tuple[WorkHours, tzinfo]]:
        """Each client's business hours and zone (the VA's zone when it has none)."""
        from zoneinfo import ZoneInfo

        from vaworkspace.domain.time.worktime import parse_work_hours

        return {
            client.id: (
                parse_work_hours(client.hours),
                ZoneInfo(client.timezone) if client.timezone else self.tz,
            )
            for client in self.snapshot().clients.values()
            if client.hours
        }

    def _rules(self, buffer_minutes: int) -> PlanRules:
        from vaworkspace.domain.time.timer import PomodoroSettings

        pomodoro = self.config.pomodoro or PomodoroSettings()
        return PlanRules(
            cap_minutes=round(self.config.daily_cap_hours * 60),
            buffer_minutes=buffer_minutes,
            cycle_minutes=pomodoro.focus_minutes * pomodoro.long_break_every,
            break_minutes=pomodoro.break_minutes,
            long_break_minutes=pomodoro.long_break_minutes,
        )


def _overlap(lo: datetime, hi: datetime, opens: datetime, closes: datetime) -> int:
    return max(0, int((min(hi, closes) - max(lo, opens)).total_seconds()) // 60)


def _next_quarter(moment: datetime) -> datetime:
    """Plans start at the next quarter hour, as the agenda's free slots do."""
    quarter = 15 * 60
    rounded = -(-int(moment.timestamp()) // quarter) * quarter
    return datetime.fromtimestamp(rounded, UTC)


def _days_text(first: date, days: int) -> str:
    """`Mon 07 Dec`, or `Mon 07 Dec + 6 days`: how an undo names the plan."""
    return f"{first:%a %d %b}" + (f" + {days - 1} days" if days > 1 else "")
