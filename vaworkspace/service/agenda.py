"""The agenda: the VA's days laid out, and tasks booked into free slots.

Reading goes through `AgendaService.items` (occurrences from `service/occurrences.py`:
recurring series from their stored expansion, see `store/series.py`) and the pure
rules of `domain/calendar/agenda.py`. Every calendar write calls
`CalendarService.refresh_expansions`.

Booking a slot writes a work block (an `Event` of kind "block") and the task's
`scheduled` instant in one transaction, after checking the block against the
events as they are on disk at that moment, so a clash created by an import in
another terminal is still refused. A block is moved (same length, the same
check) or removed here too; `domain/calendar/blocks.py` says when a block goes
with its task.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from vaworkspace.domain.calendar.event import Event
from vaworkspace.domain.dates import day_start
from vaworkspace.domain.models import Task
from vaworkspace.errors import InputError
from vaworkspace.i18n import _
from vaworkspace.lazy import lazy
from vaworkspace.service.context import Context, Service
from vaworkspace.service.lookup import task_for_write
from vaworkspace.store import counters, tables, undo_records
from vaworkspace.store.records import event_to_record, task_to_record

UTC = timezone.utc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.domain.calendar import agenda as rules
    from vaworkspace.domain.calendar.agenda import AgendaItem
    from vaworkspace.service.clients import ClientService
    from vaworkspace.service.lookup import Db
    from vaworkspace.service.reading import Inbox
else:
    rules = lazy("vaworkspace.domain.calendar.agenda")  # only the agenda needs it


class AgendaService(Service):
    """`ws.agenda`: days to show, slots to fill."""

    def __init__(self, ctx: Context, clients: ClientService, inbox: Inbox) -> None:
        super().__init__(ctx)
        self.clients = clients
        self.inbox = inbox

    def items(
        self, start: datetime, days: int, client: str | None = None
    ) -> tuple[list[AgendaItem], list[str]]:
        """Events (recurrences expanded) and tasks due in [start, start + days), by
        time; and warnings (a series cut at the cap, one that cannot be expanded)."""
        from vaworkspace.domain.dates import to_instant
        from vaworkspace.service.occurrences import occurrences

        end = start + timedelta(days=days)
        client_id = self.clients.get(client).id if client else None
        found, warnings = occurrences(self.file.read()["events"], start, end, self.tz)
        items: list[AgendaItem] = []
        for event, first, last in found:
            if client_id and event.client != client_id:
                continue
            kind = "block" if event.kind == "block" else "event"
            items.append(
                rules.AgendaItem(kind, event.summary, first, last, event.uid, event.client)
            )
        for task in self._open_tasks_due(start, end):
            if task.due is None or (client_id and task.client != client_id):
                continue
            due = to_instant(task.due, self.tz, end=True)
            if start <= due < end or (not isinstance(task.due, datetime) and start < due <= end):
                item = rules.AgendaItem(
                    "task", task.title, task.due, task.due, task.uuid, task.client
                )
                items.append(item)
        items.sort(key=lambda item: (to_instant(item.start, self.tz), item.title))
        return items, warnings

    def _open_tasks_due(self, start: datetime, end: datetime) -> list[Task]:
        """The inbox's tasks (open, not snoozed as of this minute) whose due text
        may fall in [start, end): found in the records, no urgency ranking."""
        from vaworkspace.domain.tasks.status import is_hidden

        first = (start - timedelta(days=1)).date()
        after = (end + timedelta(days=1)).date()
        minute = self.now().replace(second=0, microsecond=0)
        due = self.snapshot().table.open_due_between(first, after)
        return [task for task in due if not is_hidden(task, minute, self.tz)]

    def start_of(self, first: date | None = None) -> datetime:
        """The UTC instant of local midnight of `first` (default today): where
        `va agenda` starts."""
        day = first if first is not None else self.now().astimezone(self.tz).date()
        return day_start(day, self.tz)

    def days(
        self, first: date, days: int = 1, client: str | None = None
    ) -> tuple[list[rules.DayAgenda], list[str]]:
        """`days` local days from `first`, each with its free slots (from now on)
        and its clashes; task items also carry the task's short id (`task_id`)."""
        start = day_start(first, self.tz)
        # One day more than asked: a DST day is 23 or 25 hours, and `agenda` counts
        # 24-hour days; `plan_day` keeps each item to the local day it falls on.
        items, warnings = self.items(start, days + 1, client)
        ids = self.snapshot().table.ids_by_uuid()
        items = [
            replace(item, task_id=ids.get(item.uid)) if item.kind == "task" else item
            for item in items
        ]
        now = self.now()
        work = self.config.work
        plans = [
            rules.plan_day(first + timedelta(days=n), items, work, self.tz, not_before=now)
            for n in range(days)
        ]
        return plans, warnings

    def slot_tasks(self, slot: tuple[datetime, datetime], limit: int = 5) -> list[Task]:
        """The most urgent open tasks whose work block fits in `slot`."""
        return rules.fitting((task for _, task in self.inbox.ranked()), slot, limit)

    def schedule_block(self, task_id: int, start: datetime, minutes: int | None = None) -> Event:
        """Book a work block for a task at `start` (its estimate, else 30 minutes),
        and set the task's `scheduled` to that start.

        Refused (InputError) if the block would overlap a timed event or another
        block, or if the task is closed; nothing is written then.
        """
        if start.tzinfo is None:
            raise InputError(_("a work block needs a start with a time zone"))
        if minutes is not None and minutes <= 0:
            raise InputError(
                _("a work block lasts at least a minute, not {minutes}").format(minutes=minutes)
            )
        start = start.astimezone(UTC).replace(second=0, microsecond=0)
        now = self.now()
        with self.file.transaction() as db:
            undo_records.journal(db)
            task = task_for_write(db, task_id)
            if not task.is_open:
                raise InputError(
                    _("task {id} ({title}) is {status}: only open tasks are booked").format(
                        id=task_id, title=task.title, status=_(task.status)
                    )
                )
            end = start + timedelta(minutes=rules.block_minutes(task, minutes))
            self._check_free(db, task, start, end)
            event_id = counters.take_id(db, "events")
            block = Event(
                id=event_id,
                uid=f"block-{event_id}@vaworkspace",
                summary=task.title,
                start=start,
                end=end,
                client=task.client,
                last_modified=now,
                kind="block",
                task=task_id,
            )
            tables.put(db, "events", event_id, event_to_record(block))
            scheduled = replace(task, scheduled=start, modified=now)
            tables.put(db, "tasks", task_id, task_to_record(scheduled))
            undo_records.keep(db, "book-task", task=[task_id, task.title])
        return block

    def blocks(self, start: datetime, end: datetime) -> list[Event]:
        """The work blocks that overlap [start, end), by start (`remove_block` and
        `move_block` take their `id`)."""
        from vaworkspace.domain.calendar.blocks import is_block
        from vaworkspace.store.block_records import blocks

        found = blocks(self.file.read()["events"])
        return sorted(
            (b for b in found if is_block(b) and b.start < end and b.end > start),
            key=lambda b: (b.start, b.id),
        )

    def remove_block(self, block_id: int) -> Event:
        """Remove a work block; its task's `scheduled` goes too if the block set it
        (`domain.calendar.blocks.unscheduled`). `ws.undo` brings both back."""
        from vaworkspace.domain.calendar.blocks import unscheduled

        now = self.now()
        with self.file.transaction() as db:
            undo_records.journal(db)
            block = _block_for_write(db, block_id)
            tables.delete(db, "events", [block_id])
            task = self._task_of(db, block)
            if task is not None:
                freed = unscheduled(task, block)
                if freed != task:
                    tables.put(db, "tasks", task.id, task_to_record(replace(freed, modified=now)))
            undo_records.keep(db, "remove-block", block=[block.task, block.summary])
        return block

    def move_block(self, block_id: int, start: datetime) -> Event:
        """Move a work block to `start`, same length; refused (InputError, nothing
        written) if it would overlap an event or another block. Its task's
        `scheduled` follows."""
        if start.tzinfo is None:
            raise InputError(_("a work block needs a start with a time zone"))
        start = start.astimezone(UTC).replace(second=0, microsecond=0)
        now = self.now()
        with self.file.transaction() as db:
            undo_records.journal(db)
            block = _block_for_write(db, block_id)
            task = self._task_of(db, block)
            if task is None or not task.is_open:
                if block.task is None:
                    orphan = _("the work block {title} has no open task: remove it")
                else:
                    orphan = _("the work block of task {id}: {title} has no open task: remove it")
                raise InputError(orphan.format(id=block.task, title=block.summary))
            end = start + (block.end - block.start)  # type: ignore[operator]  # blocks are timed
            self._check_free(db, task, start, end, ignore=block.uid)
            moved = replace(block, start=start, end=end, last_modified=now)
            tables.put(db, "events", block_id, event_to_record(moved))
            if task.scheduled == block.start:
                tables.put(
                    db,
                    "tasks",
                    task.id,
                    task_to_record(replace(task, scheduled=start, modified=now)),
                )
            undo_records.keep(db, "move-block", block=[block.task, block.summary])
        return moved

    def _task_of(self, db: Db, block: Event) -> Task | None:
        from vaworkspace.errors import NotFoundError

        if block.task is None:
            return None
        try:
            return task_for_write(db, block.task)
        except NotFoundError:
            return None

    def _check_free(
        self, db: Db, task: Task, start: datetime, end: datetime, ignore: str | None = None
    ) -> None:
        """Refuse (InputError) [start, end) when it overlaps a timed event or a block
        as stored now (other than `ignore`, the uid of a block being moved)."""
        from vaworkspace.service.occurrences import occurrences

        found, _missing = occurrences(tables.records(db, "events"), start, end, self.tz)
        taken = [
            rules.AgendaItem(e.kind, e.summary, s, f, e.uid) for e, s, f in found if e.uid != ignore
        ]
        clashes = rules.overlapping(taken, start, end)
        if clashes:
            raise InputError(self._clash_message(task, start, end, clashes[0]))

    def _clash_message(self, task: Task, start: datetime, end: datetime, clash: AgendaItem) -> str:
        def hhmm(moment: date | datetime) -> str:
            return f"{moment.astimezone(self.tz):%H:%M}" if isinstance(moment, datetime) else ""

        return _(
            "task {id} ({title}) at {start}–{end} would overlap '{other}' "
            "({other_start}–{other_end}); pick a free slot or a shorter block"
        ).format(
            id=task.id,
            title=task.title,
            start=hhmm(start),
            end=hhmm(end),
            other=clash.title,
            other_start=hhmm(clash.start),
            other_end=hhmm(clash.end),
        )


def _block_for_write(db: Db, block_id: int) -> Event:
    from vaworkspace.errors import NotFoundError
    from vaworkspace.store.block_records import block

    found = block(db, block_id)
    if found is None:
        raise NotFoundError(
            _("no work block {id}; the agenda (6) shows the booked blocks").format(id=block_id)
        )
    return found
