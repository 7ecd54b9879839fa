"""The last change, kept in the file so that it can be undone (`u`, `va undo`).

One `state` record of kind "undo" holds the records one change wrote, each as it
was before and as the change left it (None: absent):

    {"kind": "undo", "label": "delete task 12: Call Bob", "undone": false,
     "changes": [{"table": "tasks", "id": 12, "before": {...}, "after": null}, ...]}

A use case opts in: `journal(db)` at the start of its transaction makes
`tables.put_many` and `tables.delete` note every record of the VA's tables they
touch (`UNDOABLE`; never `meta`'s counters, so an id is never given twice, nor
`state`), and `keep(db, label)` at its end stores what was noted, replacing the
previous record. Being in the file, the last change can be undone by any
process: the TUI after a `va rm`, `va undo` after a delete in the TUI.

`restore` writes every record back as it was, and only if every one is still as
the change left it: a task edited since in another terminal is never silently
overwritten; the undo is refused whole. The record then holds the inverse, so a
second undo redoes. Records are compared as stored, so the check costs nothing
to reason about: equal JSON, or a refusal.
"""

from __future__ import annotations

from collections import namedtuple

from vaworkspace.errors import InputError
from vaworkspace.store import tables
from vaworkspace.store.tables import UNDOABLE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any, NamedTuple

    Record = dict[str, Any]

    class Change(NamedTuple):
        """One record a change wrote: where, and its stored form before and after."""

        table: str
        id: int
        before: Record | None
        after: Record | None

    class LastChange(NamedTuple):
        """What `u` would undo: `label` says it in the VA's words; `undone` is True
        when it was undone already (a second undo redoes it)."""

        label: str
        undone: bool
        changes: tuple[Change, ...]

else:  # the same tuples without `typing`, nor a dataclass's compiled methods, on every write
    Change = namedtuple("Change", "table id before after")
    LastChange = namedtuple("LastChange", "label undone changes")

UNDO_KIND = "undo"
_NOUNS = {"tasks": "task", "clients": "client", "entries": "time entry", "events": "event"}


def journal(db: Any) -> None:
    """Inside a transaction: note, from now on, every record the VA's tables get
    or lose (`tables.put_many` and `tables.delete` look for the journal)."""
    db.storage.journal = {}


def keep(db: Any, label: str) -> None:
    """End the journal and store what it noted as the last change (a write that
    changed nothing leaves the previous last change in place)."""
    notes = db.storage.journal
    db.storage.journal = None
    changes = [
        Change(name, int(key), before, after)
        for (name, key), (before, after) in notes.items()
        if before != after
    ]
    if changes:
        _store(db, LastChange(label, False, tuple(changes)))


def last_change(state: Mapping[Any, Record]) -> LastChange | None:
    """The last change kept in a `state` table, if any."""
    for record in state.values():
        if record.get("kind") == UNDO_KIND:
            return _from_record(record)
    return None


def restore(db: Any) -> LastChange:
    """Inside a transaction: put back every record of the last change as it was
    before; the record now holds the inverse. Returns the change as it was kept.
    Refused (InputError, nothing written) when there is none, or when a record
    changed since."""
    kept = last_change(tables.records(db, "state"))
    if kept is None:
        raise InputError("nothing to undo yet: changes made from now on can be undone")
    moved = [c for c in kept.changes if tables.record(db, c.table, c.id) != c.after]
    if moved:
        what = ", ".join(f"{_NOUNS[c.table]} {c.id}" for c in moved[:3])
        raise InputError(
            f"cannot {'redo' if kept.undone else 'undo'} '{kept.label}': {what} changed "
            "since (another change or terminal); nothing was changed"
        )
    for name in UNDOABLE:
        mine = [c for c in kept.changes if c.table == name]
        tables.delete(db, name, [c.id for c in mine if c.before is None])
        tables.put_many(db, name, {c.id: c.before for c in mine if c.before is not None})
    inverse = tuple(Change(c.table, c.id, c.after, c.before) for c in kept.changes)
    _store(db, LastChange(kept.label, not kept.undone, inverse))
    return kept


def check_record(record: Mapping[str, Any]) -> str | None:
    """What is wrong with a stored undo record (`schema`'s check), or None."""
    changes = record.get("changes")
    if not isinstance(changes, list):
        return 'has no list of "changes"'
    for change in changes:
        if not (
            isinstance(change, dict)
            and change.get("table") in UNDOABLE
            and type(change.get("id")) is int
            and all(isinstance(change.get(k), (dict, type(None))) for k in ("before", "after"))
        ):
            return f"holds a damaged change ({str(change)[:40]})"
    return None


def _store(db: Any, change: LastChange) -> None:
    state = tables.records(db, "state")
    doc_id = next(
        (i for i, r in state.items() if r.get("kind") == UNDO_KIND), max(state, default=0) + 1
    )
    record = {
        "kind": UNDO_KIND,
        "label": change.label,
        "undone": change.undone,
        "changes": [
            {"table": c.table, "id": c.id, "before": c.before, "after": c.after}
            for c in change.changes
        ],
    }
    tables.put(db, "state", doc_id, record)


def _from_record(record: Mapping[str, Any]) -> LastChange:
    changes = tuple(Change(c["table"], c["id"], c["before"], c["after"]) for c in record["changes"])
    return LastChange(record["label"], bool(record.get("undone", False)), changes)
