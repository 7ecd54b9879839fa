"""Importing a Taskwarrior export: convert, then merge into the tasks in one transaction.

Calendars are imported by `calendar.py`; which of the two a file is, is decided
from its content before either is called.
"""

from __future__ import annotations

import contextlib

from vaworkspace.errors import InputError
from vaworkspace.service.context import Context
from vaworkspace.service.lookup import clients_for_write, next_doc_id
from vaworkspace.store import tables
from vaworkspace.store.records import client_to_record, task_from_record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.domain.tasks.merge import ImportSummary
    from vaworkspace.taskwarrior.convert import TaskwarriorImport


def import_taskwarrior(
    ctx: Context, data: bytes, source: str, dry_run: bool = False
) -> ImportSummary:
    """Import a file whose format is recognised from its content; all or nothing.
    `dry_run` does the same work and reports the same summary, writing nothing."""
    from vaworkspace.domain.tasks.merge import ImportSummary
    from vaworkspace.service.calendar import DryRun
    from vaworkspace.taskwarrior import convert as taskwarrior
    from vaworkspace.taskwarrior import export as taskwarrior_export

    if not taskwarrior_export.looks_like_taskwarrior(data):
        raise InputError(
            f"{source} is not a Taskwarrior export (a JSON array from `task export`); "
            "nothing was imported"
        )
    columns = taskwarrior_export.read_export(data)
    converted = taskwarrior.convert(columns, ctx.now(), ctx.tz)
    summary = ImportSummary(source, warnings=converted.warnings, skipped=converted.skipped)
    summary.dry_run = dry_run
    with contextlib.suppress(DryRun):  # raised to leave the file as it was
        _import_records(ctx, converted, summary, dry_run)
    return summary


def _import_records(
    ctx: Context, converted: TaskwarriorImport, summary: ImportSummary, dry_run: bool
) -> None:
    """Merge the converted tasks and their new clients, in one transaction."""
    from vaworkspace.domain.tasks.merge import merge_records, new_clients
    from vaworkspace.service.calendar import DryRun

    with ctx.file.transaction() as db:
        # Read as the workspace reads them: a damaged task stops the import.
        stored = tables.records(db, "tasks")
        tasks = {i: task_from_record(i, record) for i, record in stored.items()}
        existing = {task.uuid: (i, stored[i]) for i, task in tasks.items()}
        clients = clients_for_write(db)
        summary.new_clients = new_clients(set(clients), converted.clients)
        first = next_doc_id(clients)
        tables.put_many(
            db,
            "clients",
            {first + n: client_to_record(c) for n, c in enumerate(summary.new_clients)},
        )
        next_id = tables.meta(db).get("next_task_id", 1)
        writes, next_id = merge_records(
            existing,
            converted.records,
            next_id,
            summary,
            lambda i, imported: tasks[i] == task_from_record(i, imported),
        )
        tables.put_many(db, "tasks", writes)
        tables.set_meta(db, {"next_task_id": next_id})
        if dry_run:
            raise DryRun  # leaves the file as it was
