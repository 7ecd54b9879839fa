"""Reading the `tasks` and `entries` tables without decoding every record.

A record's status, due date or start can be told from its stored text (instants
are UTC text that orders like time, dates first), so a command about open tasks
(`va list`, the inbox, triage), a week's agenda or this month's retainer use
never turns a closed task or an old entry into an object. Only this layer knows
that stored shape; the service gets domain objects.

Open tasks are the file's `tasks` table, closed ones (done, cancelled) its
`closed_tasks` table (`migrations.place_tasks`); each is parsed only when first
read, so a command about open tasks never even parses the closed ones.
Taskwarrior keeps pending and completed tasks in two files for this reason.
"""

from __future__ import annotations

from datetime import date, datetime
from operator import itemgetter

from vaworkspace.domain.models import OPEN_STATUSES, Task, TimeEntry
from vaworkspace.domain.tasks.facts import TaskFacts, facts_of
from vaworkspace.errors import NotFoundError
from vaworkspace.i18n import _
from vaworkspace.store.facts_index import COLUMNS
from vaworkspace.store.instants import (
    DecodedDates,
    decode_instants,
    encode_instant,
)
from vaworkspace.store.records import TASK_ROW, entry_from_record, task_from_record, task_row

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping
    from typing import Any

    from vaworkspace.store.facts_index import FactsIndex

    Record = dict[str, Any]


FEW_ROWS = 100
"""Fewer rows than this are cut from an unparsed table's bytes (`rows`); for
more, parsing the whole table once costs less than a parse per record."""


class TaskTable:
    """The tasks as last read: the open ones' records (the `tasks` table) and
    the closed ones' (`closed_tasks`), each table read from the file when first
    needed and never changed, each record built into a `Task` when first asked
    for and kept."""

    __slots__ = (
        "_built",
        "_closed",
        "_closed_source",
        "_dates",
        "_facts",
        "_index",
        "_index_source",
        "_open_facts",
        "_open_uuids",
        "_records",
        "_source",
    )

    def __init__(
        self,
        records: Mapping[str, Record] | Callable[[], Mapping[str, Record]],
        closed: Callable[[], Mapping[str, Record]] | None = None,
        index: Callable[[], FactsIndex | None] | None = None,
    ) -> None:
        self._source = records if callable(records) else None
        self._records: Mapping[str, Record] | None = None if callable(records) else records
        self._closed_source = closed
        self._closed: Mapping[str, Record] | None = None
        self._index_source = index  # the file's `open_facts` (`facts_index.py`), if any
        self._index: FactsIndex | None = None
        self._open_facts: list[TaskFacts] | None = None  # the open tasks', from the index
        self._built: dict[int, Task] = {}
        self._facts: dict[int, TaskFacts] = {}
        self._dates = DecodedDates()  # shared by the tasks built: equal texts, one value
        self._open_uuids: frozenset[str] | None = None

    @property
    def records(self) -> Mapping[str, Record]:
        """The open tasks' records (`va add` echoes a task without reading them)."""
        if self._records is None:
            assert self._source is not None
            self._records = self._source()
        return self._records

    def closed_records(self) -> Mapping[str, Record]:
        """The closed tasks' records, read when first asked (`va list --all`)."""
        if self._closed is None:
            source = self._closed_source
            self._closed = source() if source is not None else {}
        return self._closed

    def task(self, task_id: int) -> Task:
        built = self._built.get(task_id)
        if built is None and self._index is not None and self._records is None:
            self.build([task_id])
            built = self._built.get(task_id)
        if built is None:
            key = str(task_id)
            record = self.records.get(key)
            if record is None:
                record = self.closed_records().get(key)
            if record is None:
                said = _("no task {id}; `va list --all` shows every task")
                raise NotFoundError(said.format(id=task_id))
            built = self._built[task_id] = task_from_record(task_id, record, self._dates)
        return built

    def tasks(self, open_only: bool = False) -> list[Task]:
        """Every task (the open ones, then the closed ones), or the open ones."""
        out = []
        built = self._built
        tables = [self.records] if open_only else [self.records, self.closed_records()]
        for table in tables:
            for key, record in table.items():
                if open_only and record.get("status", "todo") not in OPEN_STATUSES:
                    continue
                task_id = int(key)
                task = built.get(task_id)
                if task is None:
                    task = built[task_id] = task_from_record(task_id, record, self._dates)
                out.append(task)
        return out

    def build(self, task_ids: list[int]) -> None:
        """Build these tasks now: the rows `va list` shows, each cut from the
        table's bytes through the index (`facts_index.py`) while the table is
        unparsed; any that cannot be are built from the parsed table."""
        wanted = [task_id for task_id in task_ids if task_id not in self._built]
        if not wanted or self._index is None or self._records is not None:
            return
        found = self._index.records(wanted)
        if found is None:
            self._index = None  # the parsed table serves from now on
            return
        for task_id, record in found.items():
            self._built[task_id] = task_from_record(task_id, record, self._dates)

    def rows(
        self, task_ids: list[int], more: tuple[str, ...] = ()
    ) -> Iterator[tuple[dict[str, Any], TaskFacts]]:
        """These tasks' values by field name (`records.task_row`), then the keys
        `more` (None, for the caller to set), each with its facts (`facts`
        asked first), in this order: `va list --json` prints thousands of tasks
        without building a `Task` each. Each row is made when the caller comes
        to it, so a writer that prints as it goes holds a few hundred at a time
        (their memory reused, warm), not 10k. A few open rows of a table nobody
        parsed are cut from its bytes through the index, as `build` does."""
        found: Mapping[int, Record] | None = None
        if self._index is not None and self._records is None and len(task_ids) < FEW_ROWS:
            found = self._index.records(task_ids)
        if found is None:  # every record is found before the first row is made
            records, closed = self.records, None
            found = {}
            for task_id in task_ids:
                key = str(task_id)
                record = records.get(key)
                if record is None:
                    closed = self.closed_records() if closed is None else closed
                    record = closed.get(key)
                if record is None:
                    raise NotFoundError(f"no task {task_id}; `va list --all` shows every task")
                found[task_id] = record
        kept = self._facts
        for task_id in [task_id for task_id in task_ids if task_id not in kept]:
            self.facts_of(task_id)  # now, as the records: a row is never missing later
        return self._rows(task_ids, found, dict(TASK_ROW, **dict.fromkeys(more)))

    def _rows(
        self, task_ids: list[int], found: Mapping[int, Record], template: dict[str, Any]
    ) -> Iterator[tuple[dict[str, Any], TaskFacts]]:
        dates, kept = self._dates, self._facts
        for task_id in task_ids:
            yield task_row(task_id, found[task_id], dates, template), kept[task_id]

    def facts_of(self, task_id: int) -> TaskFacts:
        """What `facts` gave for this task (or gives now, from its `Task`, and keeps)."""
        found = self._facts.get(task_id)
        if found is None:
            found = self._facts[task_id] = facts_of(self.task(task_id))
        return found

    def facts(self, open_only: bool = False) -> list[TaskFacts]:
        """What urgency reads of every task (or of the open ones), straight from
        the records: ranking builds no `Task`, so `va list` builds only the rows
        it prints. A task already built gives its own; each is kept, like a task.

        The open ones of a table nobody parsed are read from the file's index
        (`facts_index.py`), if it checks out."""
        if open_only and self._records is None:
            if self._index_source is not None and not (self._facts or self._built):
                self._open_facts = self._indexed_facts()
                self._index_source = None  # read once, whether it checked out or not
            if self._open_facts is not None:
                return list(self._open_facts)
        from vaworkspace.store.record_facts import facts_of_record, facts_of_table

        out: list[TaskFacts] = []
        kept, built, dates = self._facts, self._built, self._dates
        make = tuple.__new__  # a NamedTuple's own constructor costs a Python call
        tables = [self.records] if open_only else [self.records, self.closed_records()]
        fresh = not (kept or built)  # then every table is read a field at a time
        for table in tables:
            found_all = facts_of_table(table, open_only, dates) if fresh else None
            if found_all is not None:
                kept.update(zip(map(itemgetter(0), found_all), found_all, strict=True))
                out += found_all
                continue
            for key, record in table.items():
                get = record.get
                status = get("status", "todo")
                if open_only and status not in OPEN_STATUSES:
                    continue
                task_id = int(key)
                found = kept.get(task_id)
                if found is None:
                    task = built.get(task_id)
                    if task is not None:
                        found = facts_of(task)
                    else:
                        found = make(TaskFacts, facts_of_record(task_id, record, status, dates))
                    kept[task_id] = found
                out.append(found)
        return out

    def _indexed_facts(self) -> list[TaskFacts] | None:
        """The open tasks' facts from the file's index and the records appended
        after it (see `facts_index.py`); None if there is no usable index."""
        source = self._index_source
        index = source() if source is not None else None
        if index is None:
            return None
        dates, kept = self._dates, self._facts
        columns = index.columns
        make = tuple.__new__
        out = []
        try:
            made = decode_instants(columns["created"])
            rows = zip(index.ids, *(columns[name] for name in COLUMNS), made, strict=True)
            for (
                task_id,
                due,
                priority,
                tags,
                client,
                estimate,
                status,
                wait,
                depends,
                created,
            ) in rows:
                status = status or "todo"
                if status not in OPEN_STATUSES:
                    continue
                found = make(
                    TaskFacts,
                    (
                        task_id,
                        dates[due] if due else None,
                        priority,
                        tags or [],
                        client,
                        estimate,
                        status,
                        dates[wait] if wait else None,
                        depends or [],
                        created,
                    ),
                )
                kept[task_id] = found
                out.append(found)
        except (TypeError, ValueError, AttributeError):
            kept.clear()
            return None  # not what our writer writes: read the table itself
        from vaworkspace.store.record_facts import facts_of_record

        for key, record in index.tail.items():
            status = record.get("status", "todo")
            if status not in OPEN_STATUSES:
                continue
            task_id = int(key)
            found = make(TaskFacts, facts_of_record(task_id, record, status, dates))
            kept[task_id] = found
            out.append(found)
        self._index = index
        return out

    def open_due_between(self, first: date, end: date) -> list[Task]:
        """The open tasks due on a day from `first` up to, not including, `end`; a
        due instant counts on its UTC day, so callers widen the span by a day each way."""
        lowest, highest = first.isoformat(), end.isoformat()
        found = []
        for key, record in self.records.items():
            due = record.get("due")
            if not due or not lowest <= due < highest:  # stored text orders like time
                continue
            if record.get("status", "todo") in OPEN_STATUSES:
                found.append(self.task(int(key)))
        return found

    def ids_by_uuid(self) -> dict[str, int]:
        """Every open task's short id by its UUID (an agenda's task items are
        open tasks: the closed ones are not read for it)."""
        return {record["uuid"]: int(key) for key, record in self.records.items()}

    def open_uuids(self) -> frozenset[str]:
        if self._open_uuids is None:
            self._open_uuids = frozenset(
                record["uuid"]
                for record in self.records.values()
                if record.get("status", "todo") in OPEN_STATUSES
            )
        return self._open_uuids

    def reuse(self, older: TaskTable) -> None:
        """Keep the open tasks built from records that did not change (the very
        same record objects after this process's own write): the TUI re-ranks
        10k tasks after each change without rebuilding them."""
        if not (older._built or older._facts) or older._records is None:
            return
        records, before = self.records, older._records
        for task_id, task in older._built.items():
            key = str(task_id)
            record = records.get(key)
            if record is not None and record is before.get(key):
                self._built[task_id] = task
        for task_id, facts in older._facts.items():
            key = str(task_id)
            record = records.get(key)
            if record is not None and record is before.get(key):
                self._facts[task_id] = facts


def entries_since(entries: Mapping[str, Record], since: datetime) -> list[TimeEntry]:
    """The entries of an `entries` table that start at `since` or later; the
    others are skipped unparsed."""
    after = encode_instant(since)
    return [entry_from_record(int(k), r) for k, r in entries.items() if r["start"] >= after]
