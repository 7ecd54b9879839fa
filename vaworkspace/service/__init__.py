"""The one application API: every use case of the CLI and the TUI, once.

`Workspace` reads through a cached snapshot of the file (no lock: a reader sees
either the old file or the new one, never half of one, because writes are atomic
renames) and changes the file only inside `WorkspaceFile.transaction()`, which
locks, re-reads if needed and writes exactly once. Rules live in `domain/`; the
service resolves names, assigns ids and decides what to store. It is one class
assembled from its read side and its write sides, each in its own module.
"""

from __future__ import annotations

from datetime import datetime

from vaworkspace.config import Config
from vaworkspace.service.agenda import AgendaChanges
from vaworkspace.service.calendar import CalendarChanges
from vaworkspace.service.clients import ClientChanges
from vaworkspace.service.publishing import PublishChanges
from vaworkspace.service.reading import Reading
from vaworkspace.service.snapshot import Added, Completion, Snapshot, new_uuid, utcnow
from vaworkspace.service.subscriptions import SubscriptionChanges
from vaworkspace.service.tasks import TaskChanges
from vaworkspace.service.time import TimeChanges
from vaworkspace.store.file import WorkspaceFile

__all__ = ["Added", "Completion", "Snapshot", "Workspace", "new_uuid", "utcnow"]


class Workspace(
    Reading,
    TaskChanges,
    ClientChanges,
    TimeChanges,
    CalendarChanges,
    SubscriptionChanges,
    PublishChanges,
    AgendaChanges,
):
    """A workspace file plus the user's settings and a clock (injectable for tests)."""

    def __init__(self, path: str, config: Config | None = None, clock=None) -> None:
        self.file = WorkspaceFile(path)
        self.config = config or Config()
        self.tz = self.config.tz
        self._clock = clock or utcnow
        self._snapshot: tuple[object, Snapshot] | None = None
        self._scores: tuple[tuple, dict] | None = None
        self._pending: list = []  # see PublishChanges
        if self.config.raw.get("publish"):
            self.file.after_save = self._note_change

    @property
    def path(self) -> str:
        return str(self.file.path)

    def now(self) -> datetime:
        return self._clock()
