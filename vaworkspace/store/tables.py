"""The few table operations the service needs, on a transaction's document.

Every table read and write of the service goes through here. TinyDB's `update`
merges fields into the stored dict, which would keep a key the new record
dropped (a cleared due date) and mutate a dict others may hold; `put` replaces
the whole document instead, working on the table dicts themselves.

Tasks live in two tables: open ones in `tasks`, closed ones (done, cancelled)
in `closed_tasks`, so a command about open tasks never parses the years of closed
ones (`migrations.py`). Here `"tasks"` names both: `record` and `records` read
either, and `put_many` files each record by its status, moving it out of the
other table (`va done`, a reopen, an undo). An id is in at most one of the two.
"""

from __future__ import annotations

from itertools import compress
from operator import methodcaller, not_

from vaworkspace.errors import StoreError
from vaworkspace.store.document import Document
from vaworkspace.store.schema import BadRecord, check_records

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

META_ID = 1
TASKS, CLOSED = "tasks", "closed_tasks"
_CLOSED_STATUSES = frozenset({"done", "cancelled"})
UNDOABLE = frozenset({TASKS, "clients", "entries", "events"})
"""The tables whose writes a journal notes (`undo_records`): what the VA edits.
Never `meta` (an id is never given twice) nor `state`."""


def records(db, name: str) -> dict[int, dict]:
    """Every document of a table by id (the raw dicts: treat as read-only);
    for "tasks", the open ones then the closed ones."""
    doc = db.storage.read()
    found = {int(doc_id): record for doc_id, record in doc.get(name, {}).items()}
    if name == TASKS:
        found.update((int(doc_id), record) for doc_id, record in doc.get(CLOSED, {}).items())
    return found


def record(db, name: str, doc_id: int) -> dict | None:
    """One document, without converting the whole table's keys (read-only).
    A task is looked for among the open ones first: reading an open task never
    parses the closed ones."""
    doc = db.storage.read()
    key = str(doc_id)
    found = doc.get(name, {}).get(key)
    if found is None and name == TASKS and not _lacks(doc, CLOSED, key):
        found = doc.get(CLOSED, {}).get(key)
    return found


def put(db, name: str, doc_id: int, record: dict) -> None:
    """Insert or wholly replace the document `doc_id` (a copy of `record`)."""
    put_many(db, name, {doc_id: dict(record)})


def put_many(db, name: str, items: dict[int, dict], *, checked: bool = False) -> None:
    """Insert or wholly replace documents; a new table dict is swapped in.

    Never an in-place update: neither the old table nor any record is mutated,
    so a reader still holding the previous document (the TUI's snapshot, the
    file's read cache) keeps seeing exactly what was on disk. Replaced documents
    move to the end, as TinyDB's remove + insert would. Done on the table dict at
    C speed: TinyDB's own `insert`/`remove` convert all 10k keys to int and back
    (~4 ms per `va add`) and `insert_multiple` spent ~20 ms checking and copying
    a 10k import. Records with new ids are appended to a table nobody parsed
    without parsing it (`Document.try_append`). The records become the file's:
    the caller must not change them. They are checked as every read checks them
    (`schema`), so the file a transaction writes is vouched for by its layout
    (`layout.py`) without rereading it. `checked`: the caller built every
    record from values it had checked itself (a Taskwarrior import: its check,
    then its conversion, which tests hold to `check_records`), so they are not
    checked again (~50 ms of a 10k import).
    """
    if not items:
        return
    doc = db.storage.read()
    fresh = dict(zip(map(str, items), items.values(), strict=True))
    if not checked:
        try:
            check_records(name, fresh)
        except BadRecord as exc:
            raise StoreError(
                f"the workspace was not saved: {exc}, which could not be read back "
                "(a bug; please report it); nothing was changed"
            ) from None
    _note(db, name, fresh)
    if name != TASKS:
        _file(doc, name, fresh, set())
    else:
        statuses = map(methodcaller("get", "status"), fresh.values())
        shut = list(map(_CLOSED_STATUSES.__contains__, statuses))
        if any(shut):
            closed = dict(compress(fresh.items(), shut))
            opened = dict(compress(fresh.items(), map(not_, shut)))
        else:
            closed, opened = {}, fresh
        _file(doc, TASKS, opened, _take(doc, CLOSED, opened))
        _file(doc, CLOSED, closed, _take(doc, TASKS, closed))
    db.storage.write_checked(doc)


def _take(doc, name: str, moving: dict[str, dict]) -> set[str]:
    """Remove the ids of `moving` from table `name`; return those it held
    (which the other table therefore lacks)."""
    held = doc.may_hold(name, moving.keys()) if isinstance(doc, Document) else set(moving)
    if held:
        table = doc.get(name, {})
        held &= table.keys()
    if held:
        table = dict(table)
        for key in held:
            del table[key]
        doc[name] = table
    return held


def _lacks(doc, name: str, key: str) -> bool:
    """Whether table `name` certainly lacks `key`, known without parsing it."""
    if isinstance(doc, Document):
        return doc.lacks(name, key)
    return key not in doc.get(name, {})


def _file(doc, name: str, fresh: dict[str, dict], absent: set[str]) -> None:
    """Put `fresh` into table `name`; `absent`: keys known not to be there."""
    if not fresh:
        return
    if isinstance(doc, Document) and doc.try_append(name, fresh, absent):
        return  # new ids only: the table need not be parsed
    table = dict(doc.get(name, {}))
    if not table.keys().isdisjoint(fresh):
        for key in fresh:
            table.pop(key, None)  # a replaced document moves to the end
    table.update(fresh)
    doc[name] = table


def delete(db, name: str, doc_ids: list[int]) -> None:
    if not doc_ids:
        return
    doc = db.storage.read()
    keys: dict[str, dict] = {str(doc_id): {} for doc_id in doc_ids}
    _note(db, name, dict.fromkeys(keys))
    gone = _take(doc, name, keys)
    if name == TASKS:
        _take(doc, CLOSED, {key: {} for key in keys if key not in gone})
    db.storage.write_checked(doc)


def _note(db, name: str, keys: Mapping[str, dict | None]) -> None:
    """While the transaction keeps a journal (`undo_records.journal`): records
    `keys` of table `name` are about to become these values (None: deleted).
    The first before and the last after are kept; a new id is known absent
    without parsing its table, so `va add` still parses no tasks."""
    notes = getattr(db.storage, "journal", None)
    if notes is None or name not in UNDOABLE:
        return
    doc = db.storage.read()
    for key, after in keys.items():
        seen = notes.get((name, key))
        if seen is not None:
            seen[1] = after
            continue
        absent = _lacks(doc, name, key) and (name != TASKS or _lacks(doc, CLOSED, key))
        notes[(name, key)] = [None if absent else record(db, name, int(key)), after]


def meta(db) -> dict:
    return dict(record(db, "meta", META_ID) or {})


def set_meta(db, values: dict) -> None:
    put(db, "meta", META_ID, {**meta(db), **values})
