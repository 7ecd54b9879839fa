"""Clients: the people the VA works for, their rates, retainers and weights."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from vaworkspace.domain.models import Client
from vaworkspace.errors import InputError
from vaworkspace.i18n import _
from vaworkspace.service.context import Service
from vaworkspace.service.lookup import client_for_write, clients_for_write, next_doc_id
from vaworkspace.store import tables, undo_records
from vaworkspace.store.records import client_to_record

TYPE_CHECKING = False
if TYPE_CHECKING:  # results imports typing, which `va list` does without
    from vaworkspace.service.lookup import Db
    from vaworkspace.service.results import ClientChange


class ClientService(Service):
    """`ws.clients`: list, find, add, edit and archive clients."""

    def all(self, include_archived: bool = False) -> list[Client]:
        found = self.snapshot().clients.values()
        return sorted((c for c in found if include_archived or not c.archived), key=lambda c: c.id)

    def get(self, ref: str) -> Client:
        """The client an id, or an unambiguous prefix of its id or name, names."""
        from vaworkspace.domain.clients import resolve_client

        return resolve_client(ref, list(self.snapshot().clients.values()))

    def add(self, name: str, rates: Sequence[str] = (), **fields: str | int | None) -> Client:
        """Create a client; `fields` are the user's texts, validated like an edit,
        `rates` the `--rate` values (`40`, `seo=60`: `domain.kind_rates`)."""
        from vaworkspace.domain.clients import apply_client_fields, suggest_id, validate_id
        from vaworkspace.domain.kind_rates import apply_rate_settings

        name = name.strip()
        if not name:
            raise InputError(_("a client needs a name"))
        with self.file.transaction() as db:
            undo_records.journal(db)
            existing = clients_for_write(db)
            wanted = fields.pop("id", None)
            twin = next(
                (c for _, c in existing.values() if c.name.casefold() == name.casefold()), None
            )
            if twin is not None and not wanted:
                raise InputError(
                    _(
                        "there is already a client '@{id}' named '{name}'; "
                        "pass --id to add another one"
                    ).format(id=twin.id, name=twin.name)
                )
            client_id = validate_id(str(wanted)) if wanted else suggest_id(name, set(existing))
            if client_id in existing:
                raise InputError(
                    _("there is already a client '@{id}'; pick another --id").format(id=client_id)
                )
            client = Client(id=client_id, name=name, currency=self.config.currency)
            client = apply_rate_settings(apply_client_fields(client, fields), rates)
            tables.put(db, "clients", next_doc_id(existing), client_to_record(client))
            undo_records.keep(db, "add-client", client=client.id)
        return client

    def edit(self, ref: str, **fields: str | int | bool | None) -> Client:
        return self.change(ref, (), None, **fields).client

    def change(
        self,
        ref: str,
        rates: Sequence[str] = (),
        reprice_from: date | None = None,
        **fields: str | int | bool | None,
    ) -> ClientChange:
        """Edit a client's fields and rate table (`rates`: `40`, `seo=60`,
        `seo=none`) in one write. Entries keep the rate fixed when they were logged;
        with `reprice_from`, the client's entries starting that local day or later
        are re-fixed at the new rates (their kind kept), and counted."""
        from vaworkspace.domain.clients import apply_client_fields
        from vaworkspace.domain.kind_rates import apply_rate_settings
        from vaworkspace.service.results import ClientChange

        with self.file.transaction() as db:
            undo_records.journal(db)
            doc_id, client = client_for_write(db, ref)
            changed = apply_rate_settings(apply_client_fields(client, fields), rates)
            tables.put(db, "clients", doc_id, client_to_record(changed))
            repriced = None if reprice_from is None else self._reprice(db, changed, reprice_from)
            undo_records.keep(db, "edit-client", client=client.id)
        return ClientChange(changed, repriced)

    def _reprice(self, db: Db, client: Client, since: date) -> int:
        """Re-fix the rate of `client`'s entries from local day `since` on."""
        from vaworkspace.domain.dates import day_start
        from vaworkspace.service.entry_writes import all_entries, priced, put_entry

        first = day_start(since, self.tz)
        count = 0
        for entry in all_entries(db):
            if entry.client == client.id and entry.start >= first:
                put_entry(db, priced(db, entry))
                count += 1
        return count

    def archive(self, ref: str, archived: bool = True) -> Client:
        return self.edit(ref, archived=archived)
