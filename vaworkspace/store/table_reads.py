"""Reading the `tasks` and `entries` tables without decoding every record.

A record's status, due date or start can be told from its stored text (instants
are UTC text that orders like time, dates first), so a command about open tasks
(`va list`, the inbox, triage), a week's agenda or this month's retainer use
never turns a closed task or an old entry into an object. Only this layer knows
that stored shape; the service gets domain objects.

Closed tasks (done, cancelled) stay in the one `tasks` table and are decoded
lazily. Taskwarrior keeps pending and completed tasks in two files for this
reason; in one TinyDB file a second table would still be parsed with the rest,
and would cost a migration and a move between tables on every `done` and undo,
for nothing the lazy decoding does not already give.
"""

from __future__ import annotations

from datetime import date, datetime

from vaworkspace.domain.models import OPEN_STATUSES, Task, TimeEntry
from vaworkspace.errors import NotFoundError
from vaworkspace.store.instants import DecodedDates, encode_instant
from vaworkspace.store.records import entry_from_record, task_from_record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    Record = dict[str, Any]


class TaskTable:
    """The `tasks` table as last read (raw records by document id, never changed),
    each record built into a `Task` when first asked for and kept."""

    __slots__ = ("_built", "_dates", "_open_uuids", "_records")

    def __init__(self, records: Mapping[str, Record]) -> None:
        self._records = records
        self._built: dict[int, Task] = {}
        self._dates = DecodedDates()  # shared by the tasks built: equal texts, one value
        self._open_uuids: frozenset[str] | None = None

    def task(self, task_id: int) -> Task:
        built = self._built.get(task_id)
        if built is None:
            record = self._records.get(str(task_id))
            if record is None:
                raise NotFoundError(f"no task {task_id}; `va list --all` shows every task")
            built = self._built[task_id] = task_from_record(task_id, record, self._dates)
        return built

    def tasks(self, open_only: bool = False) -> list[Task]:
        """Every task, or the open ones (closed records are skipped undecoded)."""
        out = []
        built = self._built
        for key, record in self._records.items():
            if open_only and record.get("status", "todo") not in OPEN_STATUSES:
                continue
            task_id = int(key)
            task = built.get(task_id)
            if task is None:
                task = built[task_id] = task_from_record(task_id, record, self._dates)
            out.append(task)
        return out

    def open_due_between(self, first: date, end: date) -> list[Task]:
        """The open tasks due on a day from `first` up to, not including, `end`; a
        due instant counts on its UTC day, so callers widen the span by a day each way."""
        lowest, highest = first.isoformat(), end.isoformat()
        found = []
        for key, record in self._records.items():
            due = record.get("due")
            if not due or not lowest <= due < highest:  # stored text orders like time
                continue
            if record.get("status", "todo") in OPEN_STATUSES:
                found.append(self.task(int(key)))
        return found

    def ids_by_uuid(self) -> dict[str, int]:
        """Every task's short id by its UUID."""
        return {record["uuid"]: int(key) for key, record in self._records.items()}

    def open_uuids(self) -> frozenset[str]:
        if self._open_uuids is None:
            self._open_uuids = frozenset(
                record["uuid"]
                for record in self._records.values()
                if record.get("status", "todo") in OPEN_STATUSES
            )
        return self._open_uuids

    def reuse(self, older: TaskTable) -> None:
        """Keep the tasks built from records that did not change (the very same
        record objects after this process's own write): the TUI re-ranks 10k
        tasks after each change without rebuilding them."""
        records, before = self._records, older._records
        for task_id, task in older._built.items():
            key = str(task_id)
            if records.get(key) is before.get(key):
                self._built[task_id] = task


def entries_since(entries: Mapping[str, Record], since: datetime) -> list[TimeEntry]:
    """The entries of an `entries` table that start at `since` or later; the
    others are skipped unparsed."""
    after = encode_instant(since)
    return [entry_from_record(int(k), r) for k, r in entries.items() if r["start"] >= after]
