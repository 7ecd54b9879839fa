"""Clients: the people the VA works for, their rates, retainers and weights."""

from __future__ import annotations

from vaworkspace.domain.models import Client
from vaworkspace.errors import InputError
from vaworkspace.service.context import Service
from vaworkspace.service.lookup import client_for_write, clients_for_write, next_doc_id
from vaworkspace.store import tables, undo_records
from vaworkspace.store.records import client_to_record


class ClientService(Service):
    """`ws.clients`: list, find, add, edit and archive clients."""

    def all(self, include_archived: bool = False) -> list[Client]:
        found = self.snapshot().clients.values()
        return sorted((c for c in found if include_archived or not c.archived), key=lambda c: c.id)

    def get(self, ref: str) -> Client:
        """The client an id, or an unambiguous prefix of its id or name, names."""
        from vaworkspace.domain.clients import resolve_client

        return resolve_client(ref, list(self.snapshot().clients.values()))

    def add(self, name: str, **fields: str | int | None) -> Client:
        """Create a client; `fields` are the user's texts, validated like an edit."""
        from vaworkspace.domain.clients import apply_client_fields, suggest_id, validate_id

        name = name.strip()
        if not name:
            raise InputError("a client needs a name")
        with self.file.transaction() as db:
            undo_records.journal(db)
            existing = clients_for_write(db)
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
            tables.put(db, "clients", next_doc_id(existing), client_to_record(client))
            undo_records.keep(db, f"add client @{client.id}")
        return client

    def edit(self, ref: str, **fields: str | int | bool | None) -> Client:
        from vaworkspace.domain.clients import apply_client_fields

        with self.file.transaction() as db:
            undo_records.journal(db)
            doc_id, client = client_for_write(db, ref)
            changed = apply_client_fields(client, fields)
            tables.put(db, "clients", doc_id, client_to_record(changed))
            undo_records.keep(db, f"edit client @{client.id}")
        return changed

    def archive(self, ref: str, archived: bool = True) -> Client:
        return self.edit(ref, archived=archived)
