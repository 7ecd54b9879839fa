"""The few table operations the service needs, on a transaction's document.

Every table read and write of the service goes through here. TinyDB's `update`
merges fields into the stored dict, which would keep a key the new record
dropped (a cleared due date) and mutate a dict others may hold; `put` replaces
the whole document instead, working on the table dicts themselves.
"""

from __future__ import annotations

from vaworkspace.errors import StoreError
from vaworkspace.store.document import Document
from vaworkspace.store.schema import BadRecord, check_records

META_ID = 1


def records(db, name: str) -> dict[int, dict]:
    """Every document of a table by id (the raw dicts: treat as read-only)."""
    return {int(doc_id): doc for doc_id, doc in db.storage.read().get(name, {}).items()}


def record(db, name: str, doc_id: int) -> dict | None:
    """One document, without converting the whole table's keys (read-only)."""
    return db.storage.read().get(name, {}).get(str(doc_id))


def put(db, name: str, doc_id: int, record: dict) -> None:
    """Insert or wholly replace the document `doc_id` (a copy of `record`)."""
    put_many(db, name, {doc_id: dict(record)})


def put_many(db, name: str, items: dict[int, dict]) -> None:
    """Insert or wholly replace documents; a new table dict is swapped in.

    Never an in-place update: neither the old table nor any record is mutated,
    so a reader still holding the previous document (the TUI's snapshot, the
    file's read cache) keeps seeing exactly what was on disk. Replaced documents
    move to the end, as TinyDB's remove + insert would. Done on the table dict at
    C speed: TinyDB's own `insert`/`remove` convert all 10k keys to int and back
    (~4 ms per `va add`) and `insert_multiple` spent ~20 ms checking and copying
    a 10k import. The records become the file's: the caller must not change them.
    They are checked as every read checks them (`schema`), so the file a
    transaction writes is marked as checked (`checked.py`) without rereading it.
    """
    if not items:
        return
    doc = db.storage.read()
    fresh = dict(zip(map(str, items), items.values(), strict=True))
    try:
        check_records(name, fresh)
    except BadRecord as exc:
        raise StoreError(
            f"the workspace was not saved: {exc}, which could not be read back "
            "(a bug; please report it); nothing was changed"
        ) from None
    if isinstance(doc, Document) and doc.try_append(name, fresh):
        db.storage.write_checked(doc)  # new ids only: the table need not be parsed
        return
    table = dict(doc.get(name, {}))
    if not table.keys().isdisjoint(fresh):
        for key in fresh:
            table.pop(key, None)  # a replaced document moves to the end
    table.update(fresh)
    doc[name] = table
    db.storage.write_checked(doc)


def delete(db, name: str, doc_ids: list[int]) -> None:
    if doc_ids:
        doc = db.storage.read()
        table = dict(doc.get(name, {}))
        for doc_id in doc_ids:
            table.pop(str(doc_id), None)
        doc[name] = table
        db.storage.write_checked(doc)


def meta(db) -> dict:
    return dict(record(db, "meta", META_ID) or {})


def set_meta(db, values: dict) -> None:
    put(db, "meta", META_ID, {**meta(db), **values})
