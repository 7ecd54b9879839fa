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
    """Insert or replace many documents in two table passes (a 10k-task import)."""
    if not items:
        return
    from tinydb.table import Document

    tbl = table(db, name)
    existing = [doc_id for doc_id in items if tbl.contains(doc_id=doc_id)]
    if existing:
        tbl.remove(doc_ids=existing)
    tbl.insert_multiple(Document(record, doc_id=doc_id) for doc_id, record in items.items())


def delete(db, name: str, doc_ids: list[int]) -> None:
    if doc_ids:
        table(db, name).remove(doc_ids=doc_ids)


def meta(db) -> dict:
    return dict(table(db, "meta").get(doc_id=META_ID) or {})


def set_meta(db, values: dict) -> None:
    record = meta(db)
    record.update(values)
    put(db, "meta", META_ID, record)
