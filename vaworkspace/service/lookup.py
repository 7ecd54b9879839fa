"""Finding what a change is about, inside its transaction.

Every write use case re-reads the task or client it changes from the
transaction's own document (never from the snapshot, which another process may
have made stale). These helpers are shared by the sub-services explicitly,
as plain functions of the transaction's database.
"""

from __future__ import annotations

from vaworkspace.domain.models import Client, Task
from vaworkspace.errors import InputError, NotFoundError
from vaworkspace.i18n import _
from vaworkspace.store import tables
from vaworkspace.store.records import client_from_record, client_to_record, task_from_record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    Db = Any
    """A transaction's TinyDB database (see `store/transaction.py`)."""


def task_for_write(db: Db, task_id: int) -> Task:
    record = tables.record(db, "tasks", task_id)
    if record is None:
        raise NotFoundError(_("no task {id}; `va list --all` shows every task").format(id=task_id))
    return task_from_record(task_id, record)


def clients_for_write(db: Db) -> dict[str, tuple[int, Client]]:
    """Every client by id, with the id of its record."""
    found = {}
    for doc_id, record in tables.records(db, "clients").items():
        client = client_from_record(record)
        found[client.id] = (doc_id, client)
    return found


def client_for_write(db: Db, ref: str) -> tuple[int, Client]:
    """The client a reference (id, unambiguous prefix of its id or name) names."""
    from vaworkspace.domain.clients import resolve_client

    existing = clients_for_write(db)
    client = resolve_client(ref, [pair[1] for pair in existing.values()])
    return existing[client.id]


def resolve_for_write(
    db: Db,
    ref: str | None,
    create: bool,
    currency: str,
    fields: Mapping[str, str] | None = None,
) -> tuple[str | None, Client | None]:
    """The client id for an `@ref`; `create` adds an unknown one (billed in
    `currency`, with the typed `fields` of a client form) instead of failing,
    and returns it as the second value.

    With `fields`, the client must not exist: they were typed for a new client,
    and applying them to one another terminal added meanwhile would edit it."""
    if ref is None:
        return None, None
    try:
        found = client_for_write(db, ref)[1]
    except NotFoundError:
        if not create:
            raise
    else:
        if fields is not None:
            raise InputError(
                _(
                    "there is already a client '@{id}' (added meanwhile?); "
                    "cancel this form and add the task again"
                ).format(id=found.id)
            )
        return found.id, None
    from vaworkspace.domain.clients import apply_client_fields, validate_id

    existing = clients_for_write(db)
    client = Client(id=validate_id(ref.lower()), name=ref, currency=currency)
    client = apply_client_fields(client, fields or {})
    tables.put(db, "clients", next_doc_id(existing), client_to_record(client))
    return client.id, client


def next_doc_id(existing: dict[str, tuple[int, Client]]) -> int:
    return max((pair[0] for pair in existing.values()), default=0) + 1
