"""Clients, imports and the demo: the remaining write use cases."""

from __future__ import annotations

import contextlib

from vaworkspace.domain.models import Client
from vaworkspace.errors import InputError, NotFoundError
from vaworkspace.store import tables
from vaworkspace.store.records import (
    client_from_record,
    client_to_record,
    task_from_record,
    task_to_record,
)


class ClientChanges:
    """Client, import and demo use cases of `Workspace`."""

    def import_data(self, data: bytes, source: str, dry_run: bool = False):
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
        converted = taskwarrior.convert(columns, self.now(), self.tz)
        summary = ImportSummary(source, warnings=converted.warnings, skipped=converted.skipped)
        summary.dry_run = dry_run
        with contextlib.suppress(DryRun):  # raised to leave the file as it was
            self._import_records(converted, summary, dry_run)
        return summary

    def _import_records(self, converted, summary, dry_run: bool) -> None:
        """Merge the converted tasks and their new clients, in one transaction."""
        from vaworkspace.domain.tasks.merge import merge_records, new_clients
        from vaworkspace.service.calendar import DryRun

        with self.file.transaction() as db:
            # Read as the workspace reads them: a damaged task stops the import.
            stored = tables.records(db, "tasks")
            tasks = {i: task_from_record(i, record) for i, record in stored.items()}
            existing = {task.uuid: (i, stored[i]) for i, task in tasks.items()}
            clients = self._clients_for_write(db)
            summary.new_clients = new_clients(set(clients), converted.clients)
            first = _next_doc_id(clients)
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

    def fill_demo(self) -> None:
        """Write the demo week (clients and tasks relative to now) into an empty file."""
        from vaworkspace.service.demo import demo_entries, demo_workspace
        from vaworkspace.store.records import entry_to_record

        clients, demo_tasks = demo_workspace(self.now(), self.tz)
        entries = demo_entries(self.now(), self.tz)
        with self.file.transaction() as db:
            if tables.records(db, "tasks") or tables.records(db, "clients"):
                raise InputError(f"{self.path} is not empty; the demo needs a new file")
            for doc_id, client in enumerate(clients, start=1):
                tables.put(db, "clients", doc_id, client_to_record(client))
            tables.put_many(db, "tasks", {t.id: task_to_record(t) for t in demo_tasks})
            tables.put_many(db, "entries", {e.id: entry_to_record(e) for e in entries})
            tables.set_meta(
                db,
                {
                    "next_task_id": max(t.id for t in demo_tasks) + 1,
                    "next_entry_id": max(e.id for e in entries) + 1,
                },
            )

    def add_client(self, name: str, **fields: str | int | None) -> Client:
        """Create a client; `fields` are the user's texts, validated like an edit."""
        from vaworkspace.domain.clients import apply_client_fields, suggest_id, validate_id

        name = name.strip()
        if not name:
            raise InputError("a client needs a name")
        with self.file.transaction() as db:
            existing = self._clients_for_write(db)
            wanted = fields.pop("id", None)
            twin = next(
                (c for _, c in existing.values() if c.name.casefold() == name.casefold()), None
            )
            if twin is not None and not wanted:
                raise InputError(
                    f"there is already a client '@{twin.id}' named '{twin.name}'; "
                    "pass --id to add another one"
                )
            client_id = validate_id(str(wanted)) if wanted else suggest_id(name, set(existing))
            if client_id in existing:
                raise InputError(f"there is already a client '@{client_id}'; pick another --id")
            client = Client(id=client_id, name=name, currency=self.config.currency)
            client = apply_client_fields(client, fields)
            tables.put(db, "clients", _next_doc_id(existing), client_to_record(client))
        return client

    def edit_client(self, ref: str, **fields: str | int | bool | None) -> Client:
        from vaworkspace.domain.clients import apply_client_fields

        with self.file.transaction() as db:
            doc_id, client = self._client_for_write(db, ref)
            changed = apply_client_fields(client, fields)
            tables.put(db, "clients", doc_id, client_to_record(changed))
        return changed

    def archive_client(self, ref: str, archived: bool = True) -> Client:
        return self.edit_client(ref, archived=archived)

    # -- internals -------------------------------------------------------------

    def _clients_for_write(self, db) -> dict[str, tuple[int, Client]]:
        found = {}
        for doc_id, record in tables.records(db, "clients").items():
            client = client_from_record(record)
            found[client.id] = (doc_id, client)
        return found

    def _client_for_write(self, db, ref: str) -> tuple[int, Client]:
        from vaworkspace.domain.clients import resolve_client

        existing = self._clients_for_write(db)
        client = resolve_client(ref, [pair[1] for pair in existing.values()])
        return existing[client.id]

    def _resolve_for_write(
        self, db, ref: str | None, create: bool
    ) -> tuple[str | None, Client | None]:
        """The client id for an `@ref`; `create` adds an unknown one instead of failing."""
        if ref is None:
            return None, None
        try:
            return self._client_for_write(db, ref)[1].id, None
        except NotFoundError:
            if not create:
                raise
        from vaworkspace.domain.clients import validate_id

        existing = self._clients_for_write(db)
        client = Client(id=validate_id(ref.lower()), name=ref, currency=self.config.currency)
        tables.put(db, "clients", _next_doc_id(existing), client_to_record(client))
        return client.id, client


def _next_doc_id(existing: dict[str, tuple[int, Client]]) -> int:
    return max((pair[0] for pair in existing.values()), default=0) + 1
