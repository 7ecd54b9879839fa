"""What the service hands out: the workspace as last read, and results of changes."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone

from vaworkspace.domain.models import Client, Task

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.store.table_reads import TaskTable

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

    A command about open tasks (`va list`, the inbox, triage) never turns a closed
    one into a `Task`: the table decodes lazily (`store/table_reads.TaskTable`).
    """

    clients: dict[str, Client]
    table: TaskTable
    counts: tuple[int, dict[str, int]] | None = None  # (minute, open tasks per client)
    burns: tuple[int, dict[str, tuple[int, int]]] | None = None  # (minute, retainer use)
    # (moment and settings, filter → (how many, the first (score, task id) rows, all?))
    rankings: (
        tuple[
            tuple[object, ...],
            dict[tuple[object, ...], tuple[int, list[tuple[float, int]], bool]],
        ]
        | None
    ) = None

    def task(self, task_id: int) -> Task:
        return self.table.task(task_id)

    def tasks(self, open_only: bool = False) -> list[Task]:
        """Every task, or the open ones (closed records are skipped undecoded)."""
        return self.table.tasks(open_only)

    def reuse(self, older: Snapshot) -> None:
        """Keep the tasks built from records that did not change since `older`."""
        self.table.reuse(older.table)

    def open_uuids(self) -> frozenset[str]:
        return self.table.open_uuids()


@dataclass(slots=True)
class Added:
    """A task just added (or edited), with the quick-add line as understood."""

    task: Task
    quick: object  # the QuickAdd that was understood
    new_client: Client | None = None
    replaced_title: str | None = None
    """An edit whose words became a new title: the title it replaced, to be shown."""


@dataclass(slots=True)
class Completion:
    """A task just completed, and the next occurrence it spawned, if it recurs."""

    task: Task
    spawned: Task | None = None
