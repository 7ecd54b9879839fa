"""Time: the focus timer, time entries and reports.

The running timer is one record in the `state` table holding instants only, so
it survives quitting, a crash, a dropped SSH session and a reboot; every read
first catches the timer up (`timer.advance`), writing the focus blocks that
ended meanwhile as entries. All of it happens inside one transaction, so two
terminals can never run two timers nor log a block twice.
"""

from __future__ import annotations

from datetime import date, datetime

from vaworkspace.domain.models import TimeEntry
from vaworkspace.errors import InputError
from vaworkspace.i18n import N_, _
from vaworkspace.lazy import lazy
from vaworkspace.service.context import Context, Service
from vaworkspace.service.entry_writes import (
    all_entries,
    billable_default,
    entry_changes,
    entry_for_write,
    entry_owner,
    log_segments,
    priced,
    put_entry,
    timer_target,
)
from vaworkspace.service.results import Logged
from vaworkspace.store import counters, tables, undo_records
from vaworkspace.store.records import entry_from_record

NO_TIMER = N_("no timer is running; start one with `va timer start ID`")

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from vaworkspace.domain.time import timer as clock
    from vaworkspace.domain.time.entries import LogRequest
    from vaworkspace.domain.time.reports import Report
    from vaworkspace.domain.time.status import TimerStatus
    from vaworkspace.domain.time.timer import PomodoroSettings, TimerState
    from vaworkspace.domain.time.timesheet import CsvStyle
    from vaworkspace.service.clients import ClientService
    from vaworkspace.service.lookup import Db
    from vaworkspace.service.results import Period
    from vaworkspace.store import timer_records
else:
    clock = lazy("vaworkspace.domain.time.timer")  # 3 ms that `va list` need not pay
    timer_records = lazy("vaworkspace.store.timer_records")


class TimeService(Service):
    """`ws.time`: the focus timer, time entries and reports."""

    def __init__(self, ctx: Context, clients: ClientService) -> None:
        super().__init__(ctx)
        self.clients = clients
        self._entries_cache: tuple[object, list[TimeEntry]] | None = None

    # -- the timer ---------------------------------------------------------------

    def pomodoro_settings(self) -> PomodoroSettings:
        return self.config.pomodoro or clock.PomodoroSettings()

    def timer(self) -> tuple[TimerState | None, list[str]]:
        """The running timer caught up to now, and what happened since last asked."""
        state = timer_records.find_timer(self.file.read()["state"])
        if state is None:
            return None, []
        caught = clock.advance(state, self.now(), self.pomodoro_settings())
        if not caught.logged and caught.state == state:
            return state, []
        with self.file.transaction() as db:
            state, events = self._catch_up(db)
        return state, events

    def timer_now(self) -> TimerStatus:
        """The stored timer's status at this moment, without catching up or writing
        (the TUI repaints it every second; the app's tick does the catching up)."""
        from vaworkspace.domain.time.status import status

        return status(timer_records.find_timer(self.file.read()["state"]), self.now())

    def announce(self, message: str) -> None:
        """Run the config's `notify_command` with the message (`service/notify.py`)."""
        from vaworkspace.service.notify import announce

        announce(self.config.notify_command, message)

    def timer_status(self) -> TimerStatus:
        """The timer caught up to now, with what happened since it was last asked."""
        from vaworkspace.domain.time.status import status

        state, events = self.timer()
        return status(state, self.now(), tuple(events))

    def start_timer(
        self,
        *,
        task_id: int | None = None,
        client: str | None = None,
        mode: str = "pomodoro",
        minutes: int | None = None,
        kind: str | None = None,
    ) -> TimerStatus:
        """Start on a task (`task_id=12`, its client's time) or on a client alone
        (`client="acme"`, an id or its unambiguous prefix); one timer at a time.
        A countdown lasts `minutes`; `kind` (`"seo"`) is the kind of work its entries
        keep (else their task's priced tag). The status carries the events of the
        timer that was caught up first."""
        from vaworkspace.domain.kind_rates import parse_kind
        from vaworkspace.domain.time.status import status

        seconds = minutes * 60 if minutes is not None else None
        kind = parse_kind(kind) if kind is not None else None
        now = self.now()
        with self.file.transaction() as db:
            running, events = self._catch_up(db)
            task, owner = timer_target(db, task_id, client)
            started = clock.start(
                now, mode, task, owner, self.pomodoro_settings(), seconds, running, self.tz, kind
            )
            timer_records.save_timer(db, started.state)
        return status(started.state, now, tuple(events))

    def toggle_timer(self, task_id: int) -> tuple[str, Logged]:
        """The timer key on a task (`domain.time.toggle`): start a pomodoro on it,
        stop the timer that runs on it, or switch the running timer to it.
        Returns the action taken and what it logged."""
        from vaworkspace.domain.time.toggle import START, STOP, toggle_action

        status = self.timer_now()
        action = toggle_action(status.running, status.task, task_id)
        if action == START:
            self.start_timer(task_id=task_id)
            return action, Logged([])
        if action == STOP:
            return action, self.stop_timer()
        return action, self.switch_timer(task_id=task_id)

    def pause_timer(self) -> TimerStatus:
        return self._change_timer(lambda state, now: clock.pause(state, now))

    def resume_timer(self) -> TimerStatus:
        return self._change_timer(lambda state, now: clock.resume(state, now))

    def skip_break(self) -> TimerStatus:
        settings = self.pomodoro_settings()
        return self._change_timer(lambda state, now: clock.skip_break(state, now, settings))

    def stop_timer(self) -> Logged:
        """Stop; the focus time not yet logged becomes an entry unless it is shorter
        than `timer_minimum_minutes`. Returns what was logged (or not)."""
        now = self.now()
        with self.file.transaction() as db:
            state, _events = self._catch_up(db)
            if state is None:
                raise InputError(_(NO_TIMER))
            logged = log_segments(db, clock.stop(state, now).logged, self._minimum)
            timer_records.save_timer(db, None)
            return logged

    def switch_timer(
        self, *, task_id: int | None = None, client: str | None = None, kind: str | None = None
    ) -> Logged:
        """Log the current stretch (unless under the minimum) and carry on, same mode
        and phase, on another task (`task_id`) or client alone (`client`), as `kind`
        of work (`"seo"`, as `start_timer` takes it)."""
        from vaworkspace.domain.kind_rates import parse_kind

        kind = parse_kind(kind) if kind is not None else None
        now = self.now()
        with self.file.transaction() as db:
            state, _events = self._catch_up(db)
            if state is None:
                raise InputError(_(NO_TIMER))
            task, owner = timer_target(db, task_id, client)
            moved = clock.switch(state, now, task, owner, kind)
            logged = log_segments(db, moved.logged, self._minimum)
            timer_records.save_timer(db, moved.state)
            return logged

    # -- entries -----------------------------------------------------------------

    def log(self, words: list[str], start: str | None = None) -> TimeEntry:
        """`va log 1h30m @acme task:12 yesterday "call"`: one entry, never overlapping."""
        from vaworkspace.domain.time.entries import parse_log

        return self._log(parse_log(words, self.now(), self.tz, start))

    def log_entry(self, fields: dict[str, str]) -> TimeEntry:
        """The same from a form's texts (`client`, `task`, `day`, `start`, `end`,
        `duration`, `note`: `domain.time.log_fields`): a duration or a start and an end."""
        from vaworkspace.domain.time.log_fields import parse_log_fields

        return self._log(parse_log_fields(fields, self.now(), self.tz))

    def _log(self, request: LogRequest) -> TimeEntry:
        from vaworkspace.domain.time.entries import check_no_overlap

        with self.file.transaction() as db:
            undo_records.journal(db)
            client, task = entry_owner(db, request.client, request.task)
            check_no_overlap(all_entries(db), request.start, request.end, self.tz)
            entry = TimeEntry(
                counters.take_id(db, "entries"),
                request.start,
                request.end,
                client,
                task,
                billable_default(db, client),
                request.note,
                kind=request.kind,
            )
            entry = priced(db, entry)
            put_entry(db, entry)
            undo_records.keep(db, "log-entry", entry=entry.id)
        return entry

    def entries(
        self, start: datetime | None = None, end: datetime | None = None, client: str | None = None
    ) -> list[TimeEntry]:
        """Entries, by start (those starting in [start, end) when given); `client`
        keeps one client's (a typed ref) or, as `NO_CLIENT`, those without one
        (`domain.by_client`). Parsed once per version of the file: the top bar asks
        every second."""
        if client is not None:
            from vaworkspace.domain.by_client import NO_CLIENT, of_client

            wanted = client if client == NO_CLIENT else self.clients.get(client).id
            return of_client(self.entries(start, end), wanted)
        doc = self.file.read()
        cached = self._entries_cache
        if cached is None or cached[0] is not doc:
            records = doc["entries"]
            parsed = [entry_from_record(int(k), r) for k, r in records.items()]
            cached = (doc, sorted(parsed, key=lambda e: (e.start, e.id)))
            self._entries_cache = cached
        if start is None or end is None:
            return list(cached[1])
        # The rule of domain.entries.entries_in, without importing it (the top bar).
        return [e for e in cached[1] if start <= e.start < end]

    def edit_entry(self, entry_id: int, **changes: str | None) -> TimeEntry:
        """Change an entry's start, end, duration, note, client, task, billable flag
        or kind of work. An entry moved to another client or task, or given another
        kind (none: its task's), is priced again at its client's current rates (a
        moved entry keeps its kind); other edits keep the rate it was logged at."""
        from dataclasses import replace

        from vaworkspace.domain.time.entries import check_no_overlap

        with self.file.transaction() as db:
            undo_records.journal(db)
            entry = entry_for_write(db, entry_id)
            updated = replace(entry, **entry_changes(db, entry, changes, self.now(), self.tz))
            priced_by = ("client", "task", "kind")
            if any(getattr(updated, name) != getattr(entry, name) for name in priced_by):
                updated = priced(db, updated)
            if updated.end <= updated.start:
                raise InputError(_("entry {id} would end before it starts").format(id=entry_id))
            others = all_entries(db)
            check_no_overlap(others, updated.start, updated.end, self.tz, ignore_id=entry_id)
            put_entry(db, updated)
            undo_records.keep(db, "edit-entry", entry=entry_id)
        return updated

    def remove_entry(self, entry_id: int) -> TimeEntry:
        return self.remove_entries([entry_id])[0]

    def remove_entries(self, entry_ids: list[int]) -> list[TimeEntry]:
        """Delete entries, all or none: an unknown id is `NotFoundError` naming it,
        raised before anything is deleted. An id given twice is deleted once."""
        with self.file.transaction() as db:
            undo_records.journal(db)
            doomed = [entry_for_write(db, entry_id) for entry_id in dict.fromkeys(entry_ids)]
            tables.delete(db, "entries", [entry.id for entry in doomed])
            undo_records.keep(db, "delete-entries", entries=[entry.id for entry in doomed])
        return doomed

    def period(self, kind: str, first: date | None = None, last: date | None = None) -> Period:
        """UTC bounds of `day`/`week`/`month` (containing `first`, default today) or
        of a custom range of local dates, both included."""
        from vaworkspace.domain.time.entries import period_bounds
        from vaworkspace.service.results import Period

        start, end = period_bounds(kind, self.now(), self.tz, first, last)
        return Period(start, end)

    def report(self, start: datetime, end: datetime, client: str | None = None) -> Report:
        from vaworkspace.domain.time.reports import build_report

        snapshot = self.snapshot()
        every = self.entries()
        chosen = every
        if client:
            client_id = self.clients.get(client).id
            chosen = [e for e in every if e.client == client_id]
        tasks = {t.id: t for t in snapshot.tasks()}
        return build_report(chosen, snapshot.clients, tasks, start, end, self.tz, every, self.now())

    def timesheet(
        self, client: str, start: datetime, end: datetime, style: CsvStyle | None = None
    ) -> str:
        """One client's timesheet CSV (`domain.time.timesheet`); `style` as the
        spreadsheet at the other end wants it (default: plain CSV)."""
        from vaworkspace.domain.time.entries import entries_in
        from vaworkspace.domain.time.timesheet import CsvStyle, timesheet_csv

        found = self.clients.get(client)
        entries = [e for e in entries_in(self.entries(), start, end) if e.client == found.id]
        tasks = {t.id: t for t in self.snapshot().tasks()}
        return timesheet_csv(entries, found, tasks, self.tz, style or CsvStyle())

    def logged_today(self) -> int:
        """Seconds logged today, the running focus stretch included (the header)."""
        return sum(self.logged_today_by_client().values())

    def logged_today_by_client(self) -> dict[str | None, int]:
        """Today's seconds per client: entries plus the stretch not yet logged."""
        from vaworkspace.domain.dates import day_end, day_start

        today = self.now().astimezone(self.tz).date()
        start, end = day_start(today, self.tz), day_end(today, self.tz)
        found: dict[str | None, int] = {}
        for entry in self.entries(start, end):
            found[entry.client] = found.get(entry.client, 0) + entry.seconds
        client, seconds = self.unlogged_stretch()
        if seconds:
            found[client] = found.get(client, 0) + seconds
        return found

    def has_timer(self) -> bool:
        """Whether a timer is stored (cheap: the top bar asks every second)."""
        return timer_records.has_timer(self.file.read()["state"])

    def unlogged_stretch(self) -> tuple[str | None, int]:
        """The running timer's focus time that is not an entry yet: (client, seconds)."""
        if not self.has_timer():
            return None, 0
        state = timer_records.find_timer(self.file.read()["state"])
        if state is None:
            return None, 0
        pending = clock.stop(state, self.now()).logged
        return state.client, sum(segment.worked_seconds for segment in pending)

    # -- internals -----------------------------------------------------------------

    def _catch_up(self, db: Db) -> tuple[TimerState | None, list[str]]:
        """Inside a transaction: advance the stored timer, log what ended, save."""
        state = timer_records.find_timer(tables.records(db, "state"))
        if state is None:
            return None, []
        caught = clock.advance(state, self.now(), self.pomodoro_settings())
        events = list(caught.events)
        if caught.logged or caught.state != state:
            logged = log_segments(db, caught.logged, self._minimum)
            timer_records.save_timer(db, caught.state)
            if logged.too_short_seconds:
                from vaworkspace.domain.time.timer_text import unlogged_text

                events.append(unlogged_text(logged.too_short_seconds, self._minimum))
        return caught.state, events

    @property
    def _minimum(self) -> int:
        """`timer_minimum_minutes`: shorter focus stretches are not logged."""
        return self.config.timer_minimum_minutes

    def _change_timer(self, change: Callable[[TimerState, datetime], TimerState]) -> TimerStatus:
        from vaworkspace.domain.time.status import status

        now = self.now()
        with self.file.transaction() as db:
            state, _events = self._catch_up(db)
            if state is None:
                raise InputError(_(NO_TIMER))
            changed = change(state, now)
            timer_records.save_timer(db, changed)
        return status(changed, now)
