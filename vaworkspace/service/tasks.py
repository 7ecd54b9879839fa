"""Changing tasks: every write runs in one locked, atomic transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from vaworkspace.domain.models import Task
from vaworkspace.domain.tasks import lifecycle as rules
from vaworkspace.errors import EditConflict, InputError, NotFoundError
from vaworkspace.i18n import _
from vaworkspace.service.context import Context, Service
from vaworkspace.service.lookup import resolve_for_write, task_for_write
from vaworkspace.service.snapshot import Added, Completion, new_uuid
from vaworkspace.store import counters, tables, undo_records
from vaworkspace.store.records import task_to_record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from datetime import tzinfo

    from vaworkspace.domain.calendar.event import Event
    from vaworkspace.domain.models import Client
    from vaworkspace.domain.tasks.imports import ImportSummary
    from vaworkspace.domain.tasks.quickadd import QuickAdd
    from vaworkspace.service.lookup import Db
    from vaworkspace.service.plan import PlanService


class TaskService(Service):
    """`ws.tasks`: one task at a time (add, edit, complete, wait, remove, …).
    The ranked list of open tasks is `ws.inbox`. `planner` gives `ws.plan`,
    which re-plans a planned day a closed task's blocks leave free."""

    def __init__(self, ctx: Context, planner: Callable[[], PlanService] | None = None) -> None:
        super().__init__(ctx)
        self.planner = planner

    def get(self, task_id: int) -> Task:
        return self.snapshot().task(task_id)

    def all(self, open_only: bool = False) -> list[Task]:
        """Every task (or the open ones), in id order."""
        return self.snapshot().tasks(open_only=open_only)

    def add(
        self,
        text: str,
        new_client: bool = False,
        source: str = "cli",
        client_fields: Mapping[str, str] | None = None,
    ) -> Added:
        """Create a task from a quick-add line (see domain.quickadd for the grammar).

        `new_client` creates the `@client` the line names if there is none;
        `client_fields` does so with the fields typed in the TUI's client form
        (`name`, `rate_cents`, …), and refuses if the client exists. Either way the
        client and the task are one change: one undo takes both back."""
        from vaworkspace.domain.tasks.quickadd import parse_quick_add

        now = self.now()
        quick = parse_quick_add(text, now, self.tz)
        with self.file.transaction() as db:
            undo_records.journal(db)
            client, created = resolve_for_write(
                db,
                quick.client,
                new_client or client_fields is not None,
                self.config.currency,
                client_fields,
            )
            quick = self._due_in_client_zone(
                quick, created or client, lambda zone: parse_quick_add(text, now, zone)
            )
            task_id = counters.take_id(db, "tasks")
            task = rules.new_task(quick, client, task_id, new_uuid(), now, self.tz)
            task.source = source
            tables.put(db, "tasks", task_id, task_to_record(task))
            if created is None:
                undo_records.keep(db, "add-task", task=said(task))
            else:  # `u` says it takes the client back too
                undo_records.keep(db, "add-client-and-task", client=created.id, task=said(task))
        return Added(task, quick, created)

    def edit(self, task_id: int, text: str, new_client: bool = False) -> Added:
        from vaworkspace.domain.tasks.quickadd import parse_quick_add

        now = self.now()
        quick = parse_quick_add(text, now, self.tz)
        if not quick.given:
            raise InputError(
                _("nothing to change: give fields like due:fri, !h, @client or a new title")
            )
        with self.file.transaction() as db:
            undo_records.journal(db)
            task = task_for_write(db, task_id)
            client, created = task.client, None
            if "client" in quick.given:
                client, created = self._resolve(db, quick.client, new_client)
            quick = self._due_in_client_zone(
                quick, client, lambda zone: parse_quick_add(text, now, zone)
            )
            changed = rules.apply_edit(task, quick, client, now, self.tz)
            tables.put(db, "tasks", task_id, task_to_record(changed))
            undo_records.keep(db, "edit-task", task=said(changed))
        replaced = task.title if changed.title != task.title else None
        return Added(changed, quick, created, replaced)

    def complete(self, task_ids: list[int]) -> list[Completion]:
        """Mark tasks done (all or none); a recurring task spawns its next occurrence.
        Their work blocks are released (`domain.calendar.blocks`); `ws.undo`
        reopens them, blocks included, and drops the occurrences spawned."""
        from vaworkspace.service.block_writes import release_blocks

        now = self.now()
        done = []
        with self.file.transaction() as db:
            undo_records.journal(db)
            next_id = counters.next_id(db, "tasks")
            before = []
            for task_id in _unique(task_ids):
                before.append(task_for_write(db, task_id))
                task = rules.complete(before[-1], now)
                tables.put(db, "tasks", task_id, task_to_record(task))
                spawned = rules.next_occurrence(task, next_id, new_uuid(), now, self.tz)
                if spawned is not None:
                    tables.put(db, "tasks", next_id, task_to_record(spawned))
                    next_id += 1
                done.append(Completion(task, spawned))
            counters.set_next_id(db, "tasks", next_id)
            gone = release_blocks(db, {c.task.id: c.task for c in done}, before)
            self._replan(db, gone, {c.task.id for c in done})
            undo_records.keep(db, "complete-tasks", tasks=[said(c.task) for c in done])
        return done

    def _replan(self, db: Db, gone: list[Event], closed: set[int]) -> None:
        """Inside the closing transaction: plan again the planned days that the
        released blocks `gone` leave free (`closed`: the tasks just closed)."""
        from vaworkspace.service.block_writes import days_freed

        days = days_freed(gone, self.now(), self.tz)
        if days and self.planner is not None:
            self.planner().replan(db, days, leave_out=closed)

    def wait(self, task_id: int, expression: str) -> Task:
        from vaworkspace.domain.dates import parse_when

        now = self.now()
        until = parse_when(expression, now, self.tz)
        with self.file.transaction() as db:
            undo_records.journal(db)
            task = rules.set_wait(task_for_write(db, task_id), until, now, self.tz)
            tables.put(db, "tasks", task_id, task_to_record(task))
            undo_records.keep(db, "snooze-task", task=said(task))
        return task

    def remove(self, task_ids: list[int]) -> list[Task]:
        """Delete tasks for good (all or none), with their work blocks; `ws.undo`
        brings them back."""
        from vaworkspace.service.block_writes import release_blocks

        with self.file.transaction() as db:
            undo_records.journal(db)
            removed = [task_for_write(db, task_id) for task_id in _unique(task_ids)]
            tables.delete(db, "tasks", [task.id for task in removed])
            gone = release_blocks(db, dict.fromkeys(task.id for task in removed), removed)
            self._replan(db, gone, {task.id for task in removed})
            undo_records.keep(db, "delete-tasks", tasks=[said(task) for task in removed])
        return removed

    def update(
        self,
        task_id: int,
        texts: dict[str, str],
        new_client: bool = False,
        base: Task | None = None,
    ) -> Task:
        """Change fields typed one by one (the task form); same rules as `va edit`.

        Without `base`, every field in `texts` is set (triage's one-key writes).
        With `base` (the task as the form showed it), only the fields whose value
        differs from base are written, so whatever another terminal changed
        meanwhile stays; if it changed one of those same fields to something else,
        `EditConflict` is raised and nothing is written.
        """
        from vaworkspace.domain.tasks.fields import conflicting_fields, parse_fields

        now = self.now()
        with self.file.transaction() as db:
            undo_records.journal(db)
            task = task_for_write(db, task_id)
            if base is not None:
                texts = self._own_changes(db, texts, base, now)
            quick = parse_fields(texts, task, now, self.tz)
            client = task.client
            if "client" in quick.given:
                client = self._resolve(db, quick.client, new_client)[0]
            quick = self._due_in_client_zone(
                quick, client, lambda zone: parse_fields(texts, task, now, zone)
            )
            changed = rules.apply_edit(task, quick, client, now, self.tz)
            if base is not None:
                clashes = conflicting_fields(base, task, changed, texts)
                if clashes:
                    raise EditConflict(task_id, clashes, task)
            if changed != task:
                tables.put(db, "tasks", task_id, task_to_record(changed))
            undo_records.keep(db, "edit-task", task=said(changed))
        return changed

    def _own_changes(
        self, db: Db, texts: dict[str, str], base: Task, now: datetime
    ) -> dict[str, str]:
        """The texts whose value differs from `base`: what the VA really changed.

        A text is read against base (a reformatted date that means the same
        instant is no change); an unknown client counts as a change, and the
        real write then reports it."""
        from vaworkspace.domain.tasks.fields import changed_fields, parse_fields

        quick = parse_fields(texts, base, now, self.tz)
        client = base.client
        if "client" in quick.given:
            try:
                client = self._resolve(db, quick.client, False)[0]
            except NotFoundError:
                client = quick.client
        quick = self._due_in_client_zone(
            quick, client, lambda zone: parse_fields(texts, base, now, zone)
        )
        yours = rules.apply_edit(base, quick, client, now, self.tz)
        changed = changed_fields(base, yours, texts)
        return {name: text for name, text in texts.items() if name in changed}

    def cycle_priority(self, task_id: int) -> Task:
        """none → high → medium → low → none: one key in the inbox. The current
        priority is read inside the transaction, and nothing else is written."""
        order = [None, "high", "medium", "low"]
        now = self.now()
        with self.file.transaction() as db:
            undo_records.journal(db)
            task = task_for_write(db, task_id)
            following = order[(order.index(task.priority) + 1) % len(order)]
            changed = replace(task, priority=following, modified=now)
            tables.put(db, "tasks", task_id, task_to_record(changed))
            undo_records.keep(db, "prioritize-task", task=said(changed))
        return changed

    def import_taskwarrior(self, data: bytes, source: str, dry_run: bool = False) -> ImportSummary:
        """Import a Taskwarrior `task export`; all or nothing. `dry_run` does the same
        work and reports the same summary, writing nothing."""
        from vaworkspace.service.imports import import_taskwarrior

        return import_taskwarrior(self.ctx, data, source, dry_run)

    def _due_in_client_zone(
        self,
        quick: QuickAdd,
        client: str | Client | None,
        reparse: Callable[[tzinfo], QuickAdd],
    ) -> QuickAdd:
        """A deadline is the client's: "fri 17:00" typed for a client whose zone is
        Europe/Paris is 17:00 in Paris (the echo says so, `describe`). Only a
        deadline at a time of day moves; a date stays the VA's all-day date, and
        an instant typed with its offset means what it says. `reparse` reads the
        same text in another zone. (A client created by this change is given
        itself: the snapshot does not hold it yet.)"""
        if client is None or not isinstance(quick.due, datetime):
            return quick
        if isinstance(client, str):
            client = self.snapshot().clients.get(client)
        if client is None or not client.timezone or client.timezone == str(self.tz):
            return quick
        from vaworkspace.config import load_zone

        return replace(quick, due=reparse(load_zone(client.timezone)).due)

    def _resolve(self, db: Db, ref: str | None, create: bool) -> tuple[str | None, Client | None]:
        return resolve_for_write(db, ref, create, self.config.currency)


def _unique(ids: list[int]) -> list[int]:
    return list(dict.fromkeys(ids))


def said(task: Task) -> list[int | str]:
    """A task as a change kept for undo names it (`undo_records.ACTIONS`): its id
    and its title then; `change_text` words the change."""
    return [task.id, task.title]
