"""The one application API: every use case of the CLI and the TUI, once.

`Workspace` reads through a cached snapshot of the file (no lock: a reader sees
either the old file or the new one, never half of one, because writes are atomic
renames) and changes the file only inside `WorkspaceFile.transaction()`, which
locks, re-reads and writes exactly once. Rules live in `domain/`; this module
resolves names, assigns ids and decides what to store.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

from vaworkspace.config import Config
from vaworkspace.domain import tasks as rules
from vaworkspace.domain.models import OPEN_STATUSES, Client, Task
from vaworkspace.domain.urgency import UrgencyContext, effective_status, is_hidden, rank, terms
from vaworkspace.errors import InputError, NotFoundError
from vaworkspace.store import tables
from vaworkspace.store.file import WorkspaceFile
from vaworkspace.store.records import (
    client_from_record,
    client_to_record,
    task_from_record,
    task_to_record,
)

UTC = timezone.utc


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def new_uuid() -> str:
    """A random (version 4) UUID without importing `uuid` (6 ms on every command)."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@dataclass(slots=True)
class Snapshot:
    """The workspace as last read: clients built, tasks built on demand."""

    clients: dict[str, Client]
    records: dict[str, dict]
    _built: dict[int, Task] = field(default_factory=dict)
    _open_uuids: frozenset[str] | None = None
    counts: tuple[int, dict[str, int]] | None = None  # (minute, open tasks per client)

    def task(self, task_id: int) -> Task:
        built = self._built.get(task_id)
        if built is None:
            record = self.records.get(str(task_id))
            if record is None:
                raise NotFoundError(f"no task {task_id}; `va list --all` shows every task")
            built = self._built[task_id] = task_from_record(task_id, record)
        return built

    def tasks(self, open_only: bool = False) -> list[Task]:
        out = []
        for key, record in self.records.items():
            if open_only and record.get("status", "todo") not in OPEN_STATUSES:
                continue
            out.append(self.task(int(key)))
        return out

    def reuse(self, older: Snapshot) -> None:
        """Keep the tasks built from records that did not change (the very same
        record objects after this process's own write): the TUI re-ranks 10k
        tasks after each change without rebuilding them."""
        records = self.records
        for task_id, task in older._built.items():
            key = str(task_id)
            if records.get(key) is older.records.get(key):
                self._built[task_id] = task

    def open_uuids(self) -> frozenset[str]:
        if self._open_uuids is None:
            self._open_uuids = frozenset(
                record["uuid"]
                for record in self.records.values()
                if record.get("status", "todo") in OPEN_STATUSES
            )
        return self._open_uuids


@dataclass(slots=True)
class Added:
    task: Task
    quick: object  # the QuickAdd that was understood
    new_client: Client | None = None


@dataclass(slots=True)
class Completion:
    task: Task
    spawned: Task | None = None


class Workspace:
    """A workspace file plus the user's settings and a clock (injectable for tests)."""

    def __init__(self, path: str, config: Config | None = None, clock=None) -> None:
        self.file = WorkspaceFile(path)
        self.config = config or Config()
        self.tz = self.config.tz
        self._clock = clock or utcnow
        self._snapshot: tuple[object, Snapshot] | None = None
        self._scores: tuple[tuple, dict] | None = None

    @property
    def path(self) -> str:
        return str(self.file.path)

    def now(self) -> datetime:
        return self._clock()

    # -- reading ---------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """The current state; rebuilt only when the file changed on disk."""
        doc = self.file.read()
        if self._snapshot is None or self._snapshot[0] is not doc:
            clients = {}
            for record in doc["clients"].values():
                client = client_from_record(record)
                clients[client.id] = client
            fresh = Snapshot(clients, doc["tasks"])
            if self._snapshot is not None:
                fresh.reuse(self._snapshot[1])
            self._snapshot = (doc, fresh)
        return self._snapshot[1]

    def clients(self, include_archived: bool = False) -> list[Client]:
        found = self.snapshot().clients.values()
        return sorted((c for c in found if include_archived or not c.archived), key=lambda c: c.id)

    def client(self, ref: str) -> Client:
        from vaworkspace.domain.clients import resolve_client

        return resolve_client(ref, list(self.snapshot().clients.values()))

    def task(self, task_id: int) -> Task:
        return self.snapshot().task(task_id)

    def context(self, snapshot: Snapshot | None = None, now=None) -> UrgencyContext:
        snapshot = snapshot or self.snapshot()
        return UrgencyContext(
            now=now or self.now(),
            tz=self.tz,
            coefficients=self.config.coefficients,
            client_weights={c.id: c.weight for c in snapshot.clients.values()},
            open_uuids=snapshot.open_uuids(),
            work=self.config.work,
        )

    def inbox(
        self,
        client: str | None = None,
        tag: str | None = None,
        status: str | None = None,
        include_all: bool = False,
        limit: int | None = None,
        text: str | None = None,
        now: datetime | None = None,
    ) -> list[tuple[float, Task]]:
        """Tasks most urgent first; by default the open ones that are not snoozed.

        `now` (default: the clock) lets the TUI rank at whole minutes, so that the
        scores of unchanged tasks are reused until the minute turns.
        """
        snapshot = self.snapshot()
        ctx = self.context(snapshot, now)
        client_id = self.client(client).id if client else None
        needle = text.casefold() if text else None
        chosen = []
        for task in snapshot.tasks(open_only=not (include_all or status)):
            if client_id is not None and task.client != client_id:
                continue
            if tag is not None and tag not in task.tags:
                continue
            if status is not None:
                if effective_status(task, ctx.now, self.tz) != status:
                    continue
            elif not include_all and is_hidden(task, ctx.now, self.tz):
                continue
            if (
                needle
                and needle not in task.title.casefold()
                and needle not in task.notes.casefold()
            ):
                continue
            chosen.append(task)
        ranked = rank(chosen, ctx, self._score_cache(ctx))
        return ranked if limit is None else ranked[:limit]

    def _score_cache(self, ctx: UrgencyContext) -> dict:
        """Scores by task id, valid while the moment and the settings are the same."""
        key = (ctx.now, tuple(sorted(ctx.client_weights.items())), ctx.coefficients, ctx.work)
        if self._scores is None or self._scores[0] != key:
            self._scores = (key, {})
        return self._scores[1]

    def why(self, task_id: int):
        """The task's urgency terms (name, value, reason) and its total."""
        snapshot = self.snapshot()
        task = snapshot.task(task_id)
        found = terms(task, self.context(snapshot))
        return task, found, round(sum(t.value for t in found), 6)

    def status_of(self, task: Task) -> str:
        return effective_status(task, self.now(), self.tz)

    def hidden(self, task: Task) -> bool:
        return is_hidden(task, self.now(), self.tz)

    # -- tasks -----------------------------------------------------------------

    def add_task(self, text: str, new_client: bool = False, source: str = "cli") -> Added:
        """Create a task from a quick-add line (see domain.quickadd for the grammar)."""
        from vaworkspace.domain.quickadd import parse_quick_add

        now = self.now()
        quick = parse_quick_add(text, now, self.tz)
        with self.file.transaction() as db:
            client, created = self._resolve_for_write(db, quick.client, new_client)
            meta = tables.meta(db)
            task_id = meta.get("next_task_id", 1)
            task = rules.new_task(quick, client, task_id, new_uuid(), now, self.tz)
            task.source = source
            tables.put(db, "tasks", task_id, task_to_record(task))
            tables.set_meta(db, {"next_task_id": task_id + 1})
        return Added(task, quick, created)

    def edit_task(self, task_id: int, text: str, new_client: bool = False) -> Added:
        from vaworkspace.domain.quickadd import parse_quick_add

        now = self.now()
        quick = parse_quick_add(text, now, self.tz)
        if not quick.given:
            raise InputError(
                "nothing to change: give fields like due:fri, !h, @client or a new title"
            )
        with self.file.transaction() as db:
            task = self._task_for_write(db, task_id)
            client, created = task.client, None
            if "client" in quick.given:
                client, created = self._resolve_for_write(db, quick.client, new_client)
            changed = rules.apply_edit(task, quick, client, now, self.tz)
            tables.put(db, "tasks", task_id, task_to_record(changed))
        return Added(changed, quick, created)

    def complete(self, task_ids: list[int]) -> list[Completion]:
        """Mark tasks done (all or none); a recurring task spawns its next occurrence."""
        now = self.now()
        done = []
        with self.file.transaction() as db:
            next_id = tables.meta(db).get("next_task_id", 1)
            for task_id in _unique(task_ids):
                task = rules.complete(self._task_for_write(db, task_id), now)
                tables.put(db, "tasks", task_id, task_to_record(task))
                spawned = rules.next_occurrence(task, next_id, new_uuid(), now, self.tz)
                if spawned is not None:
                    tables.put(db, "tasks", next_id, task_to_record(spawned))
                    next_id += 1
                done.append(Completion(task, spawned))
            tables.set_meta(db, {"next_task_id": next_id})
        return done

    def undo_complete(self, completion: Completion) -> Task:
        """Reopen a completed task and drop the occurrence it spawned, if untouched."""
        now = self.now()
        with self.file.transaction() as db:
            task = rules.reopen(self._task_for_write(db, completion.task.id), now)
            tables.put(db, "tasks", task.id, task_to_record(task))
            spawned = completion.spawned
            if spawned is not None:
                current = tables.record(db, "tasks", spawned.id)
                if current == task_to_record(spawned):
                    tables.delete(db, "tasks", [spawned.id])
        return task

    def wait(self, task_id: int, expression: str) -> Task:
        from vaworkspace.domain.dates import parse_when

        now = self.now()
        until = parse_when(expression, now, self.tz)
        with self.file.transaction() as db:
            task = rules.set_wait(self._task_for_write(db, task_id), until, now, self.tz)
            tables.put(db, "tasks", task_id, task_to_record(task))
        return task

    def remove(self, task_ids: list[int]) -> list[Task]:
        with self.file.transaction() as db:
            removed = [self._task_for_write(db, task_id) for task_id in _unique(task_ids)]
            tables.delete(db, "tasks", [task.id for task in removed])
        return removed

    def update_task(self, task_id: int, texts: dict[str, str], new_client: bool = False) -> Task:
        """Change fields typed one by one (the task form); same rules as `va edit`."""
        from vaworkspace.domain.fields import parse_fields

        now = self.now()
        with self.file.transaction() as db:
            task = self._task_for_write(db, task_id)
            quick = parse_fields(texts, task, now, self.tz)
            client = task.client
            if "client" in quick.given:
                client = self._resolve_for_write(db, quick.client, new_client)[0]
            changed = rules.apply_edit(task, quick, client, now, self.tz)
            tables.put(db, "tasks", task_id, task_to_record(changed))
        return changed

    def cycle_priority(self, task_id: int) -> Task:
        """none → high → medium → low → none: one key in the inbox."""
        order = [None, "high", "medium", "low"]
        current = self.task(task_id).priority
        following = order[(order.index(current) + 1) % len(order)]
        return self.update_task(task_id, {"priority": following or "none"})

    def triage_queue(self) -> list[Task]:
        """Open tasks still to sort: in the inbox, or without a client or an estimate."""
        return [
            task
            for _, task in self.inbox()
            if task.status == "inbox" or not task.client or not task.estimate_minutes
        ]

    def open_counts(self) -> dict[str, int]:
        """Open, visible tasks per client id (`""` for tasks without a client).

        Kept per snapshot for a minute (a wait date may pass): the TUI's sidebar
        asks on every keystroke of a search.
        """
        snapshot = self.snapshot()
        now = self.now()
        minute = int(now.timestamp() // 60)
        if snapshot.counts is None or snapshot.counts[0] != minute:
            counts: dict[str, int] = {}
            for task in snapshot.tasks(open_only=True):
                if not is_hidden(task, now, self.tz):
                    key = task.client or ""
                    counts[key] = counts.get(key, 0) + 1
            snapshot.counts = (minute, counts)
        return snapshot.counts[1]

    def preference(self, name: str, default=None):
        """A user preference kept in the workspace's `state` table (e.g. the theme)."""
        for record in self.file.read()["state"].values():
            if record.get("kind") == "preference" and record.get("name") == name:
                return record.get("value", default)
        return default

    def set_preference(self, name: str, value) -> None:
        with self.file.transaction() as db:
            state = tables.records(db, "state")
            doc_id = next(
                (
                    i
                    for i, r in state.items()
                    if r.get("kind") == "preference" and r.get("name") == name
                ),
                max(state, default=0) + 1,
            )
            tables.put(db, "state", doc_id, {"kind": "preference", "name": name, "value": value})

    # -- import ----------------------------------------------------------------

    def import_data(self, data: bytes, source: str):
        """Import a file whose format is recognised from its content; all or nothing."""
        from vaworkspace.domain import taskwarrior
        from vaworkspace.domain.merge import ImportSummary, merge_tasks, new_clients

        if not taskwarrior.looks_like_taskwarrior(data):
            raise InputError(
                f"{source} is not a Taskwarrior export (a JSON array from `task export`); "
                "nothing was imported"
            )
        converted = taskwarrior.convert(taskwarrior.parse_export(data), self.now(), self.tz)
        summary = ImportSummary(source, warnings=converted.warnings, skipped=converted.skipped)
        with self.file.transaction() as db:
            records = tables.records(db, "tasks")
            existing = {r["uuid"]: task_from_record(i, r) for i, r in records.items()}
            clients = self._clients_for_write(db)
            summary.new_clients = new_clients(set(clients), converted.clients)
            doc_id = _next_doc_id(clients)
            for client in summary.new_clients:
                tables.put(db, "clients", doc_id, client_to_record(client))
                doc_id += 1
            next_id = tables.meta(db).get("next_task_id", 1)
            writes, next_id = merge_tasks(existing, converted.tasks, next_id, summary)
            tables.put_many(db, "tasks", {t.id: task_to_record(t) for t in writes})
            tables.set_meta(db, {"next_task_id": next_id})
        return summary

    def fill_demo(self) -> None:
        """Write the demo week (clients and tasks relative to now) into an empty file."""
        from vaworkspace.domain.demo import demo_workspace

        clients, demo_tasks = demo_workspace(self.now(), self.tz)
        with self.file.transaction() as db:
            if tables.records(db, "tasks") or tables.records(db, "clients"):
                raise InputError(f"{self.path} is not empty; the demo needs a new file")
            for doc_id, client in enumerate(clients, start=1):
                tables.put(db, "clients", doc_id, client_to_record(client))
            tables.put_many(db, "tasks", {t.id: task_to_record(t) for t in demo_tasks})
            tables.set_meta(db, {"next_task_id": max(t.id for t in demo_tasks) + 1})

    # -- clients ---------------------------------------------------------------

    def add_client(self, name: str, **fields: str | int | None) -> Client:
        """Create a client; `fields` are the user's texts, validated like an edit."""
        from vaworkspace.domain.clients import apply_client_fields, suggest_id, validate_id

        name = name.strip()
        if not name:
            raise InputError("a client needs a name")
        with self.file.transaction() as db:
            existing = self._clients_for_write(db)
            wanted = fields.pop("id", None)
            twin = next(
                (c for _, c in existing.values() if c.name.casefold() == name.casefold()), None
            )
            if twin is not None and not wanted:
                raise InputError(
                    f"there is already a client '@{twin.id}' named '{twin.name}'; "
                    "pass --id to add another one"
                )
            client_id = validate_id(str(wanted)) if wanted else suggest_id(name, set(existing))
            if client_id in existing:
                raise InputError(f"there is already a client '@{client_id}'; pick another --id")
            client = Client(id=client_id, name=name, currency=self.config.currency)
            client = apply_client_fields(client, fields)
            tables.put(db, "clients", _next_doc_id(existing), client_to_record(client))
        return client

    def edit_client(self, ref: str, **fields: str | int | bool | None) -> Client:
        from vaworkspace.domain.clients import apply_client_fields

        with self.file.transaction() as db:
            doc_id, client = self._client_for_write(db, ref)
            changed = apply_client_fields(client, fields)
            tables.put(db, "clients", doc_id, client_to_record(changed))
        return changed

    def archive_client(self, ref: str, archived: bool = True) -> Client:
        return self.edit_client(ref, archived=archived)

    # -- internals -------------------------------------------------------------

    def _clients_for_write(self, db) -> dict[str, tuple[int, Client]]:
        found = {}
        for doc_id, record in tables.records(db, "clients").items():
            client = client_from_record(record)
            found[client.id] = (doc_id, client)
        return found

    def _client_for_write(self, db, ref: str) -> tuple[int, Client]:
        from vaworkspace.domain.clients import resolve_client

        existing = self._clients_for_write(db)
        client = resolve_client(ref, [pair[1] for pair in existing.values()])
        return existing[client.id]

    def _resolve_for_write(
        self, db, ref: str | None, create: bool
    ) -> tuple[str | None, Client | None]:
        """The client id for an `@ref`; `create` adds an unknown one instead of failing."""
        if ref is None:
            return None, None
        try:
            return self._client_for_write(db, ref)[1].id, None
        except NotFoundError:
            if not create:
                raise
        from vaworkspace.domain.clients import validate_id

        existing = self._clients_for_write(db)
        client = Client(id=validate_id(ref.lower()), name=ref, currency=self.config.currency)
        tables.put(db, "clients", _next_doc_id(existing), client_to_record(client))
        return client.id, client

    def _task_for_write(self, db, task_id: int) -> Task:
        record = tables.record(db, "tasks", task_id)
        if record is None:
            raise NotFoundError(f"no task {task_id}; `va list --all` shows every task")
        return task_from_record(task_id, record)


def _next_doc_id(existing: dict[str, tuple[int, Client]]) -> int:
    return max((pair[0] for pair in existing.values()), default=0) + 1


def _unique(ids: list[int]) -> list[int]:
    return list(dict.fromkeys(ids))
