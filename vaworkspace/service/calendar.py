"""Calendars: iCalendar import (events and to-dos), export, and the agenda.

The bytes are read and written by `vaworkspace/ical/` (the only code that uses
the icalendar library); this module decides identity and what to store, all in
one transaction, so an import is all or nothing and `--dry-run` is the same
work with nothing written. A planned day whose events the import changes is
planned again in that transaction (`PlanService.replan_changed`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from vaworkspace.domain.calendar.event import Event
from vaworkspace.errors import ImportFileError
from vaworkspace.i18n import _
from vaworkspace.service.context import Context, DryRun, Service
from vaworkspace.service.lookup import client_for_write, clients_for_write, task_for_write
from vaworkspace.service.snapshot import new_uuid
from vaworkspace.store import counters, tables
from vaworkspace.store.records import (
    event_from_record,
    event_to_record,
    task_to_record,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from vaworkspace.ical.reader import ImportedTodo, ReadResult
    from vaworkspace.service.clients import ClientService
    from vaworkspace.service.lookup import Db
    from vaworkspace.service.plan import PlanService
    from vaworkspace.service.time import TimeService


@dataclass(slots=True)
class CalendarImport:
    """What one calendar import did: counts of events and tasks, and what it set aside."""

    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0
    removed: int = 0
    tasks_created: int = 0
    tasks_updated: int = 0
    conflicts: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False
    replanned: list[date] = field(default_factory=list)
    """Planned days whose events changed, planned again (`PlanService.replan_changed`)."""

    def lines(self) -> list[str]:
        """`Imported work.ics: 2 created, … events; 1 task created, 0 updated`, then
        a line per conflict, skipped item and warning (`plan_text.summary_lines`
        adds the days planned again)."""
        from vaworkspace.i18n import _, ngettext

        events = _(
            "{created} created, {updated} updated, {unchanged} unchanged, {cancelled} cancelled"
        )
        events = events.format(
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
            cancelled=self.cancelled,
        )
        if self.removed:
            events += _(", {count} removed").format(count=self.removed)
        tasks = ngettext(
            "{count} task created, {updated} updated",
            "{count} tasks created, {updated} updated",
            self.tasks_created,
        ).format(count=self.tasks_created, updated=self.tasks_updated)
        if self.dry_run:
            head = _("Would import {source}: {events} events; {tasks}")
        else:
            head = _("Imported {source}: {events} events; {tasks}")
        out = [head.format(source=self.source, events=events, tasks=tasks)]
        out += [_("  conflict: {line}").format(line=line) for line in self.conflicts]
        out += [_("  skipped: {line}").format(line=line) for line in self.skipped]
        out += [_("  warning: {line}").format(line=line) for line in self.warnings]
        return out

    def as_json(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


class CalendarService(Service):
    """`ws.calendar`: import and export iCalendar, the stored events."""

    def __init__(
        self,
        ctx: Context,
        clients: ClientService,
        time: TimeService,
        planner: Callable[[], PlanService] | None = None,
    ) -> None:
        super().__init__(ctx)
        self.clients = clients
        self.time = time
        self.planner = planner  # `ws.plan`: a planned day whose events change is re-planned

    def import_file(
        self,
        data: bytes,
        source: str,
        client: str | None = None,
        dry_run: bool = False,
        theirs: bool = False,
        calendar: str | None = None,
    ) -> CalendarImport:
        """Import events and to-dos. With `calendar` (a subscription's name) the events
        are that calendar's, and its events missing from `data` are removed."""
        from vaworkspace.domain.calendar.events import key, merge_events
        from vaworkspace.ical.reader import read_calendar

        found = read_calendar(data, source, self.tz)
        if calendar is not None and found.cut_short:  # its missing events would be removed
            raise ImportFileError(_("the calendar has no END:VCALENDAR: it was cut short"))
        summary = CalendarImport(source, skipped=found.skipped, warnings=found.warnings)
        summary.dry_run = dry_run
        try:
            with self.file.transaction() as db:
                owner = self._calendar_client(db, client, found)
                plan = self.planner() if self.planner is not None else None
                planned = plan.planned_days(db) if plan is not None else {}
                records = tables.records(db, "events")
                existing = {
                    key(e): e for e in (event_from_record(i, r) for i, r in records.items())
                }
                label = calendar or found.calendar_name or source
                incoming = [
                    _owned(e, owner, label, forced=calendar is not None) for e in found.events
                ]
                next_id = counters.next_id(db, "events")
                merged, next_id = merge_events(existing, incoming, found.cancelled_uids, next_id)
                writes = merged.created + merged.updated + merged.cancelled
                tables.put_many(db, "events", {e.id: event_to_record(e) for e in writes})
                counters.set_next_id(db, "events", next_id)
                if calendar is not None:
                    present = {key(e) for e in incoming}
                    gone = [
                        e.id
                        for k, e in existing.items()
                        if e.calendar == calendar and k not in present
                    ]
                    tables.delete(db, "events", gone)
                    summary.removed = len(gone)
                summary.created, summary.updated = len(merged.created), len(merged.updated)
                summary.unchanged, summary.cancelled = merged.unchanged, len(merged.cancelled)
                self._import_todos(db, found.todos, owner, theirs, summary)
                self.refresh_expansions(db)
                if plan is not None and planned:
                    summary.replanned = plan.replan_changed(db, planned)
                if dry_run:
                    raise DryRun
        except DryRun:
            pass
        return summary

    def export(
        self,
        client: str | None = None,
        kinds: tuple[str, ...] = ("tasks", "events", "entries"),
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> bytes:
        from vaworkspace.ical.writer import export_calendar

        snapshot = self.snapshot()
        client_id = self.clients.get(client).id if client else None

        def mine(owner: str | None) -> bool:
            return client_id is None or owner == client_id

        def inside(moment: date | datetime | None) -> bool:
            if start is None or end is None or moment is None:
                return True
            from vaworkspace.domain.dates import to_instant

            return start <= to_instant(moment, self.tz) < end

        tasks = [t for t in snapshot.tasks() if mine(t.client)] if "tasks" in kinds else []
        tasks = [t for t in tasks if inside(t.due)]
        entries = [e for e in self.time.entries() if mine(e.client)] if "entries" in kinds else []
        entries = [e for e in entries if inside(e.start)]
        events = [e for e in self.events() if mine(e.client)] if "events" in kinds else []
        events = [e for e in events if e.rrule or inside(e.start)]
        name = snapshot.clients[client_id].name if client_id else "vaworkspace"
        return export_calendar(
            tasks=tasks,
            entries=entries,
            events=events,
            clients=snapshot.clients,
            tz=self.tz,
            tasks_by_id={t.id: t for t in snapshot.tasks()},
            name=name,
            dtstamp=self.now(),
        )

    def events(self) -> list[Event]:
        records = self.file.read()["events"]
        return [event_from_record(int(i), r) for i, r in records.items()]

    def refresh_expansions(self, db: Db) -> int:
        """Inside a calendar write: store the expansion of every recurring series
        that lacks a current one over the horizon (see `store/series.py`)."""
        from vaworkspace.service.occurrences import refresh

        return refresh(db, self.now(), self.tz)

    # -- internals -----------------------------------------------------------------

    def _calendar_client(self, db: Db, ref: str | None, found: ReadResult) -> str | None:
        """--client, else a client named like the calendar or one of its categories."""
        from vaworkspace.domain.clients import fold

        if ref:
            return client_for_write(db, ref)[1].id
        clients = [pair[1] for pair in clients_for_write(db).values()]
        names = [found.calendar_name or ""]
        for todo in found.todos:
            names += list(todo.categories)
        for name in names:
            for c in clients:
                if name and fold(name) in (fold(c.id), fold(c.name)):
                    return c.id
        return None

    def _import_todos(
        self,
        db: Db,
        todos: list[ImportedTodo],
        owner: str | None,
        theirs: bool,
        summary: CalendarImport,
    ) -> None:
        """To-dos become tasks by UID. A task edited here since the last import is
        kept; when its to-do changed in the calendar too, that is a conflict,
        reported once (the calendar's copy is remembered), unless `theirs`."""
        from vaworkspace.domain.tasks.lifecycle import current_due
        from vaworkspace.ical.todos import task_from_todo
        from vaworkspace.store.state_records import SyncedTodos
        from vaworkspace.store.task_merge import stored_unchanged, task_ids_by_uuid

        ids = task_ids_by_uuid(db)
        synced = SyncedTodos(db)
        now = self.now()
        next_id = counters.next_id(db, "tasks")
        for todo in todos:
            task = task_from_todo(todo, owner, now, new_uuid)
            calendar_copy = replace(task)
            if task.recurrence and task.due is None and task.is_open:
                # A recurring to-do with DTSTART but no DUE (Nextcloud Tasks,
                # Thunderbird) is due at its current occurrence: it shows in the
                # agenda and `va done` advances it. The calendar's copy stays
                # without, so time passing is no edit "there".
                task.due = current_due(task.recurrence, task.scheduled, now, self.tz)
            if todo.uid in ids:
                local = task_for_write(db, ids[todo.uid])
                if synced.edited_here(todo.uid, local.id) and not theirs:
                    if synced.edited_there(todo.uid, calendar_copy):
                        summary.conflicts.append(
                            f"task {local.id} ({local.title}) was edited here and in the "
                            "calendar since the last import; kept the local version "
                            "(--theirs takes the calendar's)"
                        )
                        synced.remember(todo.uid, None, calendar_copy)
                    continue
                task.id, task.created = local.id, local.created
                task.client = local.client or task.client
                if todo.last_modified is None:  # no DTSTAMP nor LAST-MODIFIED: the
                    task.modified = local.modified  # import is no change by itself
                if stored_unchanged(db, task):
                    continue
                task.modified = todo.last_modified or now
                summary.tasks_updated += 1
            else:
                task.id = next_id
                next_id += 1
                summary.tasks_created += 1
            tables.put(db, "tasks", task.id, task_to_record(task))
            synced.remember(todo.uid, task, calendar_copy)
        counters.set_next_id(db, "tasks", next_id)


def _owned(event: Event, owner: str | None, calendar: str, forced: bool = False) -> Event:
    label = calendar if forced else event.calendar or calendar
    return replace(event, client=event.client or owner, calendar=label)
