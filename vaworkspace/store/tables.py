"""The few table operations the service needs, on a transaction's TinyDB.

TinyDB's `update` merges fields into the stored dict, which would keep a key the
new record dropped (a cleared due date) and mutate a dict others may hold; `put`
replaces the whole document instead. Tables are opened with `cache_size=0` so
no query result can outlive the transaction.
"""

from __future__ import annotations

META_ID = 1


def table(db, name: str):
    return db.table(name, cache_size=0)


def records(db, name: str) -> dict[int, dict]:
    """Every document of a table by id (the raw dicts: treat as read-only)."""
    return {int(doc_id): doc for doc_id, doc in db.storage.read().get(name, {}).items()}


def record(db, name: str, doc_id: int) -> dict | None:
    """One document, without converting the whole table's keys (read-only)."""
    return db.storage.read().get(name, {}).get(str(doc_id))


def put(db, name: str, doc_id: int, record: dict) -> None:
    """Insert or wholly replace the document `doc_id`.

    Replacing is remove + insert, never an in-place update: record dicts are
    never mutated, so a reader still holding the previous document (the TUI's
    snapshot, the file's read cache) keeps seeing exactly what was on disk.
    """
    from tinydb.table import Document

    tbl = table(db, name)
    if tbl.contains(doc_id=doc_id):
        tbl.remove(doc_ids=[doc_id])
    tbl.insert(Document(dict(record), doc_id=doc_id))


def put_many(db, name: str, items: dict[int, dict]) -> None:
    """Insert or replace many documents at once (a 10k-task import).

    Writes the table dict itself, as TinyDB's own writes do: a new dict swapped
    into the transaction's document, so the old table and its records are never
    mutated. (`insert_multiple` spent ~20 ms on 10k documents checking, wrapping
    and copying each one.) Replaced documents move to the end, as remove + insert
    would. The records become the file's: the caller must not change them after.
    """
    if not items:
        return
    doc = db.storage.read()
    old = doc.get(name, {})
    fresh = dict(zip(map(str, items), items.values(), strict=True))
    if not old:
        table = fresh
    elif old.keys().isdisjoint(fresh):
        table = {**old, **fresh}
    else:
        table = {doc_id: record for doc_id, record in old.items() if doc_id not in fresh}
        table.update(fresh)
    doc[name] = table
    db.storage.write(doc)


def delete(db, name: str, doc_ids: list[int]) -> None:
    if doc_ids:
        table(db, name).remove(doc_ids=doc_ids)


def meta(db) -> dict:
    return dict(table(db, "meta").get(doc_id=META_ID) or {})


def set_meta(db, values: dict) -> None:
    record = meta(db)
    record.update(values)
    put(db, "meta", META_ID, record)
