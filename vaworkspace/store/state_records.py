"""The `state` table's small records, each kind behind typed functions.

Besides the running timer (`timer_records.py`), the last change
(`undo_records.py`) and the calendar facts feeds keep (`rendered.py`), the table holds:

    {"kind": "preference", "name": "theme", "value": "nord"}
    {"kind": "calendar", "name": "acme", "source": "https://…", "client": "acme"}

and, one per imported to-do, in a table of their own (`synced_todos`: there
are hundreds, and every change that keeps itself for undo reads `state`):

    {"kind": "ical-task", "uid": "…", "record": {…the task as the last import stored it…},
     "theirs": {…the calendar's copy as the last import read it…}}

A state record's id means nothing: a new one takes the next free id.
"""

from __future__ import annotations

from vaworkspace.domain.calendar.subscriptions import Subscription
from vaworkspace.store import tables
from vaworkspace.store.records import task_to_record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from vaworkspace.domain.models import Task

    Record = dict[str, Any]

PREFERENCE = "preference"
CALENDAR = "calendar"
SYNCED_TODO = "ical-task"
SYNCED_TODOS = "synced_todos"


# -- preferences ---------------------------------------------------------------------


def preference(state: Mapping[Any, Record], name: str, default: Any = None) -> Any:
    """The stored value of preference `name` in a `state` table, else `default`."""
    for record in state.values():
        if record.get("kind") == PREFERENCE and record.get("name") == name:
            return record.get("value", default)
    return default


def set_preference(db: Any, name: str, value: Any) -> None:
    """Inside a transaction: store `value` (JSON) as preference `name`."""
    state = tables.records(db, "state")
    doc_id = next(
        (i for i, r in state.items() if r.get("kind") == PREFERENCE and r.get("name") == name),
        max(state, default=0) + 1,
    )
    tables.put(db, "state", doc_id, {"kind": PREFERENCE, "name": name, "value": value})


# -- calendar subscriptions ------------------------------------------------------------


def subscriptions(state: Mapping[Any, Record]) -> list[Subscription]:
    """The calendars followed, in the order they were stored."""
    return [
        Subscription(r["name"], r["source"], r.get("client"))
        for r in state.values()
        if r.get("kind") == CALENDAR
    ]


def has_subscription(db: Any, name: str) -> bool:
    """Inside a transaction: whether a calendar named `name` is followed."""
    return _subscription_id(tables.records(db, "state"), name) is not None


def add_subscription(db: Any, subscription: Subscription) -> None:
    """Inside a transaction: store a subscription (its name checked free first)."""
    state = tables.records(db, "state")
    record = {
        "kind": CALENDAR,
        "name": subscription.name,
        "source": subscription.source,
        "client": subscription.client,
    }
    tables.put(db, "state", max(state, default=0) + 1, record)


def remove_subscription(db: Any, name: str) -> int | None:
    """Inside a transaction: forget calendar `name` and the events it brought; how
    many events went, or None (nothing written) when there is no such calendar."""
    doc_id = _subscription_id(tables.records(db, "state"), name)
    if doc_id is None:
        return None
    tables.delete(db, "state", [doc_id])
    events = tables.records(db, "events")
    gone = [i for i, r in events.items() if r.get("calendar") == name]
    tables.delete(db, "events", gone)
    return len(gone)


def _subscription_id(state: Mapping[int, Record], name: str) -> int | None:
    return next(
        (i for i, r in state.items() if r.get("kind") == CALENDAR and r["name"] == name), None
    )


# -- to-dos synced from a calendar ------------------------------------------------------


class SyncedTodos:
    """Inside a transaction: each imported to-do's task as the last import stored
    it, by UID, and the calendar's copy as that import read it. A task that differs
    from the first was edited here since; a to-do that differs from the second was
    edited in the calendar since. Only both together are a conflict."""

    def __init__(self, db: Any) -> None:
        self._db = db
        synced = tables.records(db, SYNCED_TODOS)
        self._free_id = max(synced, default=0) + 1
        self._found: dict[str, tuple[int, Record]] = {
            r["uid"]: (i, r) for i, r in synced.items() if r.get("kind") == SYNCED_TODO
        }

    def edited_here(self, uid: str, task_id: int) -> bool:
        """Whether task `task_id`, imported from to-do `uid`, changed since the last
        import stored it (False when no import remembered it)."""
        stored = self._found.get(uid, (0, {}))[1].get("record")
        return stored is not None and stored != tables.record(self._db, "tasks", task_id)

    def edited_there(self, uid: str, theirs: Task) -> bool:
        """Whether the calendar's copy of to-do `uid` (`theirs`, as translated before
        any local field is kept) changed since the last import read it; True when
        no import remembered it (a record written before copies were kept)."""
        seen = self._found.get(uid, (0, {}))[1].get("theirs")
        return seen is None or seen != _calendar_copy(theirs)

    def remember(self, uid: str, task: Task | None, theirs: Task) -> None:
        """Record `task` as this import leaves it (None: the stored task is left
        as it was, a conflict kept it) and the calendar's copy as read: any later
        difference is an edit on that side, whatever the clocks say."""
        doc_id, record = self._found.get(uid, (0, {}))
        if not doc_id:
            doc_id, self._free_id = self._free_id, self._free_id + 1
        stored = task_to_record(task) if task is not None else record.get("record")
        fresh = {
            "kind": SYNCED_TODO,
            "uid": uid,
            "record": stored,
            "theirs": _calendar_copy(theirs),
        }
        tables.put(self._db, SYNCED_TODOS, doc_id, fresh)
        self._found[uid] = (doc_id, fresh)


def _calendar_copy(task: Task) -> Record:
    """A to-do's content as a record, without the instants an import fills in with
    its own clock when the to-do has none (CREATED, LAST-MODIFIED): a calendar that
    never changed reads the same on every sync."""
    record = task_to_record(task)
    record.pop("created", None)
    record.pop("modified", None)
    return record
