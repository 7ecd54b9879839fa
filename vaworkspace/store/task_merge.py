"""Merging imported task records into the `tasks` table by uuid: re-imports never
duplicate.

An imported task whose uuid is already present replaces the fields of the local
task but keeps its short id; if nothing differs it counts as unchanged. New uuids
get fresh ids. Records, not tasks: a 10k import has no time to build and compare
10,000 `Task`s, so the comparison is on the stored form, which only this layer knows.
"""

from __future__ import annotations

from operator import itemgetter

from vaworkspace.store import counters, tables
from vaworkspace.store.records import task_from_record, task_to_record
from vaworkspace.store.task_columns import task_records

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from vaworkspace.domain.models import Task
    from vaworkspace.domain.tasks.imports import ImportSummary, TaskColumns

    Record = dict[str, Any]
    """A task as stored (JSON), compared without building a `Task`."""


def merge_imported_tasks(db: Any, imported: TaskColumns, summary: ImportSummary) -> None:
    """Inside a transaction: write the imported tasks (`task_columns`), counted in
    `summary`.

    The stored tasks are read as every command reads them, so a damaged one stops
    the import before anything is written. `imported` holds values the adapter
    checked (`taskwarrior.check`), and `task_records` writes them as
    `task_to_record` would: the records are not checked a second time on their
    way in (`tables.put_many`; a property test holds them to the check).
    """
    records = task_records(imported)
    stored = tables.records(db, "tasks")
    tasks = {i: task_from_record(i, record) for i, record in stored.items()}
    existing = {task.uuid: (i, stored[i]) for i, task in tasks.items()}
    writes, next_id = merge_records(
        existing,
        records,
        counters.next_id(db, "tasks"),
        summary,
        lambda i, record: tasks[i] == task_from_record(i, record),
    )
    tables.put_many(db, "tasks", writes, checked=True)
    counters.set_next_id(db, "tasks", next_id)


def merge_records(
    existing: dict[str, tuple[int, Record]],
    imported: list[Record],
    next_id: int,
    summary: ImportSummary,
    same: Callable[[int, Record], bool],
) -> tuple[dict[int, Record], int]:
    """Task records to write by id (created and updated), and the next free id.

    Records, not tasks: a 10k import has no time to build and compare 10,000
    `Task`s. `existing` maps uuid → (id, stored record). Equal records are
    unchanged; `same(id, imported)` decides for records that differ as dicts but
    may describe the same task (one an older version wrote with a default
    spelled out, say). Duplicated uuids inside one import keep the last one, like
    a later line overriding an earlier one.
    """
    uuids = list(map(itemgetter("uuid"), imported))
    if len(set(uuids)) < len(imported):
        latest = dict(zip(uuids, imported, strict=True))
        uuids, imported = list(latest), list(latest.values())
    found = list(map(existing.get, uuids)) if existing else None
    if not found or not any(found):  # all new (a first import): numbered in order, at C speed
        summary.created += len(imported)
        end = next_id + len(imported)
        return dict(zip(range(next_id, end), imported, strict=True)), end
    writes: dict[int, Record] = {}
    for record, local in zip(imported, found, strict=True):
        if local is None:
            writes[next_id] = record
            next_id += 1
            summary.created += 1
        elif local[1] == record or same(local[0], record):
            summary.unchanged += 1
        else:
            writes[local[0]] = record
            summary.updated += 1
    return writes, next_id


def task_ids_by_uuid(db: Any) -> dict[str, int]:
    """Inside a transaction: every task's short id by its UUID, nothing decoded."""
    return {r["uuid"]: i for i, r in tables.records(db, "tasks").items()}


def stored_unchanged(db: Any, task: Task) -> bool:
    """Inside a transaction: whether writing `task` would leave its record as it is."""
    return tables.record(db, "tasks", task.id) == task_to_record(task)
