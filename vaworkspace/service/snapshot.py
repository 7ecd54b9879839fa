"""What the service hands out: the workspace as last read, and results of changes."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

from vaworkspace.domain.models import OPEN_STATUSES, Client, Task
from vaworkspace.errors import NotFoundError
from vaworkspace.store.instants import DecodedDates
from vaworkspace.store.records import task_from_record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

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
    """The workspace as last read: clients built, tasks built on demand.

    Closed tasks (done, cancelled) stay in the one `tasks` table and are decoded
    lazily: a record's status is read without building anything, so a command
    about open tasks (`va list`, the inbox, triage) never turns a closed one into
    a `Task`. Taskwarrior keeps pending and completed tasks in two files for this
    reason; in one TinyDB file a second table would still be parsed with the
    rest, and would cost a migration and a move between tables on every `done`
    and undo, for nothing the lazy decoding does not already give.
    """

    clients: dict[str, Client]
    records: dict[str, dict[str, Any]]
    _built: dict[int, Task] = field(default_factory=dict)
    _dates: DecodedDates = field(default_factory=DecodedDates)  # shared by the tasks built
    _open_uuids: frozenset[str] | None = None
    counts: tuple[int, dict[str, int]] | None = None  # (minute, open tasks per client)
    burns: tuple[int, dict[str, tuple[int, int]]] | None = None  # (minute, retainer use)
    # (moment and settings, filter → rows)
    rankings: (
        tuple[tuple[object, ...], dict[tuple[object, ...], list[tuple[float, Task]]]] | None
    ) = None

    def task(self, task_id: int) -> Task:
        built = self._built.get(task_id)
        if built is None:
            record = self.records.get(str(task_id))
            if record is None:
                raise NotFoundError(f"no task {task_id}; `va list --all` shows every task")
            built = self._built[task_id] = task_from_record(task_id, record, self._dates)
        return built

    def tasks(self, open_only: bool = False) -> list[Task]:
        """Every task, or the open ones (closed records are skipped undecoded)."""
        out = []
        built = self._built
        for key, record in self.records.items():
            if open_only and record.get("status", "todo") not in OPEN_STATUSES:
                continue
            task_id = int(key)
            task = built.get(task_id)
            if task is None:
                task = built[task_id] = task_from_record(task_id, record, self._dates)
            out.append(task)
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
