"""`ws.plan`: the ranked inbox placed into the agenda's free time as work blocks.

The rules are `domain/calendar/plan.py`; `service/plan_feed.py` feeds them (the
inbox's urgency order, the stored events of the days, the VA's work hours, the
daily cap less what is already logged, the pomodoro settings, the retainers).

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

A planned day follows its changes (`replan`, `replan_changed`): when an import
or a sync changes the busy time of a day that holds planned blocks, or a task
with blocks on such a day is done or deleted, that day's planned blocks (those
not yet ended) are planned again inside the same transaction, so the change
and its re-plan are one `va undo`. A day the VA never planned is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from vaworkspace.domain.calendar.event import Event
from vaworkspace.domain.dates import day_start
from vaworkspace.errors import InputError, PlanOutdated
from vaworkspace.i18n import _
from vaworkspace.service.context import Context, Service
from vaworkspace.service.plan_feed import PlanResult, compute, plan_tasks
from vaworkspace.store import block_records, counters, tables, undo_records
from vaworkspace.store.records import event_to_record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping
    from typing import Any

    from vaworkspace.domain.calendar.agenda import DayAgenda
    from vaworkspace.domain.models import Task
    from vaworkspace.service.agenda import AgendaService
    from vaworkspace.service.lookup import Db
    from vaworkspace.service.reading import Inbox

__all__ = ["PlanPreview", "PlanResult", "PlanService"]

MAX_DAYS = 31
BusyTimes = tuple[tuple["date | datetime", "date | datetime"], ...]


@dataclass(frozen=True, slots=True)
class PlanPreview:
    """A proposed plan of one day (`PlanService.preview`), for `accept_preview`: the
    plan, the day's agenda with it, and the busy time it was made around."""

    result: PlanResult
    agenda: DayAgenda
    busy: BusyTimes


class PlanService(Service):
    """Plan, write and clear the planned work blocks; re-plan a planned day that changed."""

    def __init__(self, ctx: Context, inbox: Inbox, agenda: AgendaService) -> None:
        super().__init__(ctx)
        self.inbox = inbox
        self.agenda = agenda

    @property
    def buffer(self) -> int:
        """Minutes kept free around each event: the config's `[plan] buffer`."""
        return self.config.plan_buffer_minutes

    def plan(
        self,
        first: date | None = None,
        days: int = 1,
        write: bool = True,
        buffer_minutes: int | None = None,
    ) -> PlanResult:
        """Plan `days` days from `first` (default today). With `write`, the
        planned blocks of those days that have not ended are replaced by the new
        ones in one transaction; without, nothing is written."""
        first = self._check(first, days)
        buffer = self.buffer if buffer_minutes is None else buffer_minutes
        if not 0 <= buffer <= 240:
            raise InputError(_("a buffer of {buffer} minutes: give 0 to 240").format(buffer=buffer))
        tasks = plan_tasks(self.inbox)
        if not write:
            events = self.file.read()["events"]
            return compute(self, self.inbox, first, days, events, tasks, buffer)
        with self.file.transaction() as db:
            undo_records.journal(db)
            result = self._write(db, first, days, tasks, buffer)
            undo_records.keep(db, "plan", first=first.isoformat(), days=days)
        return result

    def preview(self, day: date) -> PlanPreview:
        """What `plan(day)` would write, without writing: the plan, and the day's
        agenda as it would be once accepted (its planned blocks not yet ended
        replaced by the proposed ones, free slots and clashes counted again).
        Slow work (the whole inbox is ranked): the TUI runs it in a worker."""
        from dataclasses import replace

        from vaworkspace.domain.calendar import agenda as rules

        result = self.plan(day, 1, write=False)
        busy = self._busy(self.file.read()["events"], day)
        [shown], _ = self.agenda.days(day, 1)
        now = self.now()
        kept = [
            item
            for item in shown.timed
            if not (block_records.is_planned_uid(item.uid) and _ends_after(item.end, now))
        ]
        proposed = [
            rules.AgendaItem(
                "block",
                result.titles.get(block.task, ""),
                block.start,
                block.end,
                proposed_uid(n),
                block.client,
                block.task,
            )
            for n, block in enumerate(result.blocks)
        ]
        timed = sorted(kept + proposed, key=lambda item: (item.start, item.end, item.title))
        free = rules.free_slots(
            day, rules.busy_times(timed), self.config.work, self.tz, not_before=now
        )
        agenda = replace(shown, timed=timed, free=free, conflicts=rules.conflicts(timed))
        return PlanPreview(result, agenda, busy)

    def accept_preview(self, preview: PlanPreview) -> PlanResult:
        """Write the blocks of `preview` as they were proposed (no planning
        again: quick enough for a key). Refused (InputError, nothing written)
        when the day's busy time changed since (`PlanOutdated`) or one of its tasks was closed:
        the proposal no longer holds, and `preview` makes a fresh one."""
        result = preview.result
        day = result.first
        with self.file.transaction() as db:
            undo_records.journal(db)
            if self._busy(tables.records(db, "events"), day) != preview.busy:
                raise PlanOutdated(day)
            gone = {b.task for b in result.blocks if not _is_open(db, b.task)}
            if gone:
                raise InputError(
                    _("task {id} was closed since this plan was made; plan it again").format(
                        id=min(gone)
                    )
                )
            self._store(db, day, 1, result)
            undo_records.keep(db, "plan", first=day.isoformat(), days=1)
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
            undo_records.keep(db, "clear-plan", first=first.isoformat(), days=days)
        return len(gone)

    # -- inside another change's transaction: a planned day follows its changes -----

    def planned_days(self, db: Db) -> dict[date, BusyTimes]:
        """Inside a transaction: the local days that hold planned blocks not yet
        ended, each with its busy time (events and blocks booked by hand) as it
        is now, for `replan_changed` to compare with after the change."""
        now = self.now()
        days = {
            event.start.astimezone(self.tz).date()
            for event in block_records.planned_blocks(db, now, now + timedelta(days=366), now)
            if isinstance(event.start, datetime)
        }
        events = tables.records(db, "events")
        return {day: self._busy(events, day) for day in sorted(days)}

    def replan_changed(
        self, db: Db, before: dict[date, BusyTimes], leave_out: Collection[int] = ()
    ) -> list[date]:
        """Inside a transaction: re-plan the days of `before` (`planned_days`)
        whose busy time is no longer what it was; those days."""
        events = tables.records(db, "events")
        changed = [day for day, busy in before.items() if self._busy(events, day) != busy]
        return self.replan(db, changed, leave_out)

    def replan(self, db: Db, days: Iterable[date], leave_out: Collection[int] = ()) -> list[date]:
        """Inside a transaction: plan again each of `days` that holds planned
        blocks not yet ended (a day never planned stays so); `leave_out`: tasks
        closed by the change under way. The days re-planned."""
        now = self.now()
        done = []
        for day in sorted(set(days)):
            start, end = day_start(day, self.tz), day_start(day + timedelta(days=1), self.tz)
            if not block_records.planned_blocks(db, start, end, now):
                continue
            self._write(db, day, 1, plan_tasks(self.inbox, leave_out), self.buffer)
            done.append(day)
        return done

    # -- internals -----------------------------------------------------------------

    def _write(self, db: Db, first: date, days: int, tasks: list[Task], buffer: int) -> PlanResult:
        """Inside a transaction: replace the planned blocks of the days (those
        not yet ended) by a new plan made over the events as stored now."""
        result = compute(self, self.inbox, first, days, tables.records(db, "events"), tasks, buffer)
        self._store(db, first, days, result)
        return result

    def _store(self, db: Db, first: date, days: int, result: PlanResult) -> None:
        """Inside a transaction: `result`'s blocks in place of the days' planned
        blocks not yet ended."""
        now = self.now()
        start, end = day_start(first, self.tz), day_start(first + timedelta(days=days), self.tz)
        stale = block_records.planned_blocks(db, start, end, now)
        # A block the new plan keeps as it was stays, id and uid: a calendar
        # that follows the published feed sees only what moved.
        kept = {(event.task, event.start, event.end): event.id for event in stale}
        same = [kept.pop((b.task, b.start, b.end), None) for b in result.blocks]
        tables.delete(db, "events", list(kept.values()))
        for block, unchanged in zip(result.blocks, same, strict=True):
            if unchanged is not None:
                continue
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
        result.written = True

    def _busy(self, events: Mapping[Any, dict[str, Any]], day: date) -> BusyTimes:
        """The day's timed events and hand-booked blocks in an `events` table,
        as (start, end) by start."""
        from vaworkspace.service.occurrences import occurrences

        start, end = day_start(day, self.tz), day_start(day + timedelta(days=1), self.tz)
        found, _ = occurrences(events, start, end, self.tz)
        return tuple(
            (lo, hi)
            for event, lo, hi in found
            if isinstance(lo, datetime)
            and isinstance(hi, datetime)
            and event.status != "cancelled"
            and not block_records.is_planned(event)
        )

    def _check(self, first: date | None, days: int) -> date:
        if not 1 <= days <= MAX_DAYS:
            raise InputError(
                _("plan 1 to {most} days at a time, not {days}").format(most=MAX_DAYS, days=days)
            )
        return first if first is not None else self.now().astimezone(self.tz).date()


def _is_open(db: Db, task_id: int) -> bool:
    from vaworkspace.store.records import task_from_record

    record = tables.record(db, "tasks", task_id)
    return record is not None and task_from_record(task_id, record).is_open


def proposed_uid(n: int) -> str:
    """The uid of the `n`th block of a preview: never stored."""
    return f"proposed-{n}"


def _ends_after(end: date | datetime, now: datetime) -> bool:
    return isinstance(end, datetime) and end > now
