"""What every sub-service of `Workspace` shares: one file, one clock, one set of settings.

Each sub-service (tasks, clients, time, calendar, agenda, …) is handed the same
`Context` when the workspace is opened, so they all read the same cached
snapshot of the file, agree on what "now" is and on the user's zone. A
sub-service that needs another is given it explicitly by `Workspace`; the
context carries state, never use cases.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from vaworkspace.config import Config
from vaworkspace.service.snapshot import Snapshot, utcnow
from vaworkspace.store import facts_index
from vaworkspace.store.file import WorkspaceFile
from vaworkspace.store.records import client_from_record
from vaworkspace.store.table_reads import TaskTable

Clock = Callable[[], datetime]


class DryRun(Exception):
    """Raised inside a transaction to leave the file untouched (`--dry-run`)."""


class Context:
    """The workspace file, the settings, the zone and the clock (injectable for tests),
    plus the snapshot of the file as last read."""

    def __init__(self, path: str, config: Config | None = None, clock: Clock | None = None):
        self.file = WorkspaceFile(path)
        self.config = config or Config()
        self.tz: tzinfo = self.config.tz
        self.clock: Clock = clock or utcnow
        self._snapshot: tuple[object, Snapshot] | None = None

    @property
    def path(self) -> str:
        return str(self.file.path)

    def now(self) -> datetime:
        return self.clock()

    def snapshot(self) -> Snapshot:
        """The current state; rebuilt only when the file changed on disk."""
        doc = self.file.read()
        if self._snapshot is None or self._snapshot[0] is not doc:
            clients = {}
            for record in doc["clients"].values():
                client = client_from_record(record)
                clients[client.id] = client
            tasks = TaskTable(
                lambda: doc["tasks"],
                lambda: doc.get("closed_tasks") or {},
                lambda: facts_index.read(doc),
            )
            fresh = Snapshot(clients, tasks)
            if self._snapshot is not None:
                fresh.reuse(self._snapshot[1])
            self._snapshot = (doc, fresh)
        return self._snapshot[1]


class Service:
    """The base of every sub-service: the shared context, and short names for what
    it holds (`self.file`, `self.tz`, `self.now()`…) so each use case reads plainly."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @property
    def file(self) -> WorkspaceFile:
        return self.ctx.file

    @property
    def config(self) -> Config:
        return self.ctx.config

    @property
    def tz(self) -> tzinfo:
        return self.ctx.tz

    @property
    def path(self) -> str:
        return self.ctx.path

    def now(self) -> datetime:
        return self.ctx.clock()

    def snapshot(self) -> Snapshot:
        return self.ctx.snapshot()
