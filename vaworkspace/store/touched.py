"""Which published feeds a saved change can have changed: the clients it touched.

The store answers it because it is a question about stored records (their
`client`, `task` and `id` fields, and which fields are derived).

Known from the transaction itself, in this process only: `store.tables` never
changes a table or a record in place, so the records a transaction wrote are
exactly those that are no longer the same object in the document it saved
(`WorkspaceFile.after_save` hands over both). A change made by another
process is published by that process.

A record touches the client it belonged to and the one it belongs to now. A
task also touches the clients of the time entries and events that show it
(its title, its UID), and a client record touches that client (its name is
the feed's name and appears in its time entries). Fields derived from others
(an event's rendered text, `rendered.py`; a series' stored expansion) change no feed.
"""

from __future__ import annotations

from vaworkspace.store.rendered import TEXT_FIELD

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import MutableMapping
    from typing import Any

    Record = dict[str, Any]
    Doc = MutableMapping[str, dict[str, Record]]

DERIVED_FIELDS = (TEXT_FIELD, "expansion")
"""Event record fields computed from the rest: writing them changes no content."""

ITEMS = ("tasks", "closed_tasks", "entries", "events")
"""The tables whose records a feed shows (`closed_tasks` holds the closed ones)."""


def touched_clients(before: Doc | None, after: Doc) -> set[str | None] | None:
    """The clients whose feeds the change from `before` to `after` may change:
    client ids (None among them: an item without a client, which only the
    everyone feed shows); an empty set if none; None if any may have.

    Reads only the tables the change wrote (`store.document.changes`): a new
    task appended to a table nobody parsed costs nothing to find."""
    from vaworkspace.store.document import changes

    if before is None:  # a migration rewrote the file: trust nothing
        return None
    touched: set[str | None] = set()
    tasks: set[int] = set()
    for name in (*ITEMS, "clients"):
        for key, was, now in changes(before, after, name) or ():
            if name == "clients":
                touched.update(r.get("id") for r in (was, now) if r is not None)
                continue
            if was is not None and now is not None and _same_content(was, now):
                continue
            touched.update(r.get("client") for r in (was, now) if r is not None)
            if name in ("tasks", "closed_tasks") and was is not None:
                tasks.add(int(key))  # a new task is shown by no entry yet
    if tasks:
        for name in ("entries", "events"):
            for record in (after.get(name) or {}).values():
                if record.get("task") in tasks:
                    touched.add(record.get("client"))
    return touched


def _same_content(was: Record, now: Record) -> bool:
    """Whether two versions of a record differ only in derived fields."""
    if was == now:
        return True
    if not any(name in was or name in now for name in DERIVED_FIELDS):
        return False
    return _without_derived(was) == _without_derived(now)


def _without_derived(record: Record) -> Record:
    return {key: value for key, value in record.items() if key not in DERIVED_FIELDS}
