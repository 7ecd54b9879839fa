"""What the service hands out: the workspace as last read, and results of changes."""

from __future__ import annotations

import os
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


class Snapshot:
    """The workspace as last read: clients built, tasks built on demand.

    A command about open tasks (`va list`, the inbox, triage) never turns a closed
    one into a `Task`: the table decodes lazily (`store/table_reads.TaskTable`).

    This module's classes are plain slotted classes, not dataclasses: every
    command imports them, and a dataclass costs each process the compiling of
    its generated methods (about half a millisecond each, measured).
    """

    __slots__ = ("burns", "clients", "counts", "rankings", "table")

    def __init__(self, clients: dict[str, Client], table: TaskTable) -> None:
        self.clients = clients
        self.table = table
        self.counts: tuple[int, dict[str, int]] | None = None  # (minute, open tasks per client)
        self.burns: tuple[int, dict[str, tuple[int, int]]] | None = None  # (minute, retainers)
        # (moment and settings, filter → (how many, the first (score, task id) rows, all?))
        self.rankings: (
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


class Added:
    """A task just added (or edited), with the quick-add line as understood;
    `replaced_title`: an edit whose words became a new title, the title it
    replaced, to be shown."""

    __slots__ = ("new_client", "quick", "replaced_title", "task")

    def __init__(
        self,
        task: Task,
        quick: object,  # the QuickAdd that was understood
        new_client: Client | None = None,
        replaced_title: str | None = None,
    ) -> None:
        self.task = task
        self.quick = quick
        self.new_client = new_client
        self.replaced_title = replaced_title

    def __repr__(self) -> str:
        return f"Added({self.task!r}, {self.quick!r}, {self.new_client!r}, {self.replaced_title!r})"


class Completion:
    """A task just completed, and the next occurrence it spawned, if it recurs."""

    __slots__ = ("spawned", "task")

    def __init__(self, task: Task, spawned: Task | None = None) -> None:
        self.task = task
        self.spawned = spawned

    def __repr__(self) -> str:
        return f"Completion({self.task!r}, {self.spawned!r})"
