"""Importing a Taskwarrior export: convert, then merge into the tasks in one transaction.

Calendars are imported by `calendar.py`; which of the two a file is, is decided
from its content before either is called.
"""

from __future__ import annotations

import contextlib

from vaworkspace.errors import InputError
from vaworkspace.i18n import _
from vaworkspace.service.context import Context, DryRun
from vaworkspace.service.lookup import clients_for_write, next_doc_id
from vaworkspace.store import tables
from vaworkspace.store.records import client_to_record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.domain.tasks.imports import ImportSummary
    from vaworkspace.taskwarrior.convert import TaskwarriorImport


def import_taskwarrior(
    ctx: Context, data: bytes, source: str, dry_run: bool = False
) -> ImportSummary:
    """Import a file whose format is recognised from its content; all or nothing.
    `dry_run` does the same work and reports the same summary, writing nothing."""
    from vaworkspace.domain.tasks.imports import ImportSummary
    from vaworkspace.taskwarrior import convert as taskwarrior
    from vaworkspace.taskwarrior import export as taskwarrior_export

    if not taskwarrior_export.looks_like_taskwarrior(data):
        raise InputError(
            _(
                "{source} is not a Taskwarrior export (a JSON array from `task export`); "
                "nothing was imported"
            ).format(source=source)
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
    from vaworkspace.domain.tasks.imports import new_clients
    from vaworkspace.store.task_merge import merge_imported_tasks

    with ctx.file.transaction() as db:
        clients = clients_for_write(db)
        summary.new_clients = new_clients(set(clients), converted.clients)
        first = next_doc_id(clients)
        tables.put_many(
            db,
            "clients",
            {first + n: client_to_record(c) for n, c in enumerate(summary.new_clients)},
        )
        merge_imported_tasks(db, converted.tasks, summary)
        if dry_run:
            raise DryRun  # leaves the file as it was
