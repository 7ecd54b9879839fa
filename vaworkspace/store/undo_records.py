"""The last change, kept in the file so that it can be undone (`u`, `va undo`).

One `state` record of kind "undo" holds the records one change wrote, each as it
was before and as the change left it (None: absent), and what the change did: an
action and its arguments, never words, so the UI says it in its own language
(`change_text.py`):

    {"kind": "undo", "action": "delete-tasks", "args": {"tasks": [[12, "Call Bob"]]},
     "undone": false,
     "changes": [{"table": "tasks", "id": 12, "before": {...}, "after": null}, ...]}

A file written before holds an English `label` instead of `action` and `args`
("delete task 12: Call Bob"): it is read, undone and shown as it was written.

A use case opts in: `journal(db)` at the start of its transaction makes
`tables.put_many` and `tables.delete` note every record of the VA's tables they
touch (`UNDOABLE`; never `meta`'s counters, so an id is never given twice, nor
`state`), and `keep(db, action, **args)` at its end stores what was noted, replacing the
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

from vaworkspace.errors import InputError, UndoRefused
from vaworkspace.store import tables
from vaworkspace.store.tables import UNDOABLE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any, NamedTuple

    Record = dict[str, Any]

    class Change(NamedTuple):
        """One record a change wrote: where, and its stored form before and after."""

        table: str
        id: int
        before: Record | None
        after: Record | None

    class LastChange(NamedTuple):
        """What `u` would undo: `action` (a key of `ACTIONS`) and its `args` say what
        it did; an older file's record has no action (None) but an English `label`.
        `undone` is True when it was undone already (a second undo redoes it)."""

        action: str | None
        args: Mapping[str, Any]
        label: str | None
        undone: bool
        changes: tuple[Change, ...]

else:  # the same tuples without `typing`, nor a dataclass's compiled methods, on every write
    Change = namedtuple("Change", "table id before after")
    LastChange = namedtuple("LastChange", "action args label undone changes")

UNDO_KIND = "undo"


def _is_task(value: object) -> bool:
    """`[12, "Call Bob"]`: a task's id and its title when the change was made."""
    return (
        type(value) is list and len(value) == 2 and type(value[0]) is int and type(value[1]) is str
    )


def _is_block(value: object) -> bool:
    """`[12, "Call Bob"]` or `[null, "Standup"]`: a work block's task and its summary."""
    return (
        type(value) is list
        and len(value) == 2
        and (value[0] is None or type(value[0]) is int)
        and type(value[1]) is str
    )


def _is_day(value: object) -> bool:
    from datetime import date

    try:
        return type(value) is str and len(value) == 10 and bool(date.fromisoformat(value))
    except ValueError:
        return False


_ARGS: dict[str, Callable[[object], bool]] = {
    "task": _is_task,
    "tasks": lambda v: type(v) is list and bool(v) and all(_is_task(t) for t in v),
    "block": _is_block,
    "client": lambda v: type(v) is str,
    "entry": lambda v: type(v) is int,
    "entries": lambda v: type(v) is list and bool(v) and all(type(i) is int for i in v),
    "first": _is_day,
    "days": lambda v: type(v) is int and v >= 1,
}
"""What each argument of an action holds (JSON values, checked on read and write)."""

ACTIONS: dict[str, frozenset[str]] = {
    "add-task": frozenset({"task"}),
    "add-client-and-task": frozenset({"client", "task"}),
    "edit-task": frozenset({"task"}),
    "complete-tasks": frozenset({"tasks"}),
    "snooze-task": frozenset({"task"}),
    "delete-tasks": frozenset({"tasks"}),
    "prioritize-task": frozenset({"task"}),
    "book-task": frozenset({"task"}),
    "remove-block": frozenset({"block"}),
    "move-block": frozenset({"block"}),
    "add-client": frozenset({"client"}),
    "edit-client": frozenset({"client"}),
    "plan": frozenset({"first", "days"}),
    "clear-plan": frozenset({"first", "days"}),
    "log-entry": frozenset({"entry"}),
    "edit-entry": frozenset({"entry"}),
    "delete-entries": frozenset({"entries"}),
}
"""Every change that can be undone, and the arguments it is said with (`change_text`
has the words of each)."""


def journal(db: Any) -> None:
    """Inside a transaction: note, from now on, every record the VA's tables get
    or lose (`tables.put_many` and `tables.delete` look for the journal)."""
    db.storage.journal = {}


def keep(db: Any, action: str, **args: Any) -> None:
    """End the journal and store what it noted as the last change, said as `action`
    (a key of `ACTIONS`) with its `args` (a write that changed nothing leaves the
    previous last change in place)."""
    notes = db.storage.journal
    db.storage.journal = None
    changes = [
        Change(name, int(key), before, after)
        for (name, key), (before, after) in notes.items()
        if before != after
    ]
    if changes:
        _store(db, LastChange(action, args, None, False, tuple(changes)))


def last_change(state: Mapping[Any, Record]) -> LastChange | None:
    """The last change kept in a `state` table, if any."""
    for record in state.values():
        if record.get("kind") == UNDO_KIND:
            return _from_record(record)
    return None


def restore(db: Any) -> LastChange:
    """Inside a transaction: put back every record of the last change as it was
    before; the record now holds the inverse. Returns the change as it was kept.
    Refused, nothing written: InputError when there is none, `UndoRefused` (naming
    them) when a record changed since."""
    from vaworkspace.i18n import _

    kept = last_change(tables.records(db, "state"))
    if kept is None:
        raise InputError(_("nothing to undo yet: changes made from now on can be undone"))
    moved = [(c.table, c.id) for c in kept.changes if tables.record(db, c.table, c.id) != c.after]
    if moved:
        raise UndoRefused(kept, tuple(moved))
    for name in UNDOABLE:
        mine = [c for c in kept.changes if c.table == name]
        tables.delete(db, name, [c.id for c in mine if c.before is None])
        tables.put_many(db, name, {c.id: c.before for c in mine if c.before is not None})
    inverse = tuple(Change(c.table, c.id, c.after, c.before) for c in kept.changes)
    _store(db, kept._replace(undone=not kept.undone, changes=inverse))
    return kept


def check_record(record: Mapping[str, Any]) -> str | None:
    """What is wrong with a stored undo record (`schema`'s check), or None: it says
    what it did (an action and its arguments, or an older file's `label`) and holds
    a list of changes."""
    from vaworkspace.i18n import _

    if "action" in record:
        problem = _check_action(record["action"], record.get("args"))
        if problem is not None:
            return problem
    elif type(record.get("label")) is not str:
        return _('has no "action" (nor an older "label")')
    changes = record.get("changes")
    if not isinstance(changes, list):
        return _('has no list of "changes"')
    for change in changes:
        if not (
            isinstance(change, dict)
            and change.get("table") in UNDOABLE
            and type(change.get("id")) is int
            and all(isinstance(change.get(k), (dict, type(None))) for k in ("before", "after"))
        ):
            return _("holds a damaged change ({change})").format(change=str(change)[:40])
    return None


def _check_action(action: object, args: object) -> str | None:
    from vaworkspace.i18n import _

    if type(action) is not str or action not in ACTIONS:
        return _("names an unknown action ({action})").format(action=str(action)[:40])
    if type(args) is not dict or args.keys() != ACTIONS[action]:
        return _('lacks the arguments of "{action}" ({args})').format(
            action=action, args=str(args)[:40]
        )
    for name, value in args.items():
        if not _ARGS[name](value):
            return _('has an invalid "{field}" ({value})').format(field=name, value=str(value)[:40])
    return None


def _store(db: Any, change: LastChange) -> None:
    state = tables.records(db, "state")
    doc_id = next(
        (i for i, r in state.items() if r.get("kind") == UNDO_KIND), max(state, default=0) + 1
    )
    record: Record = {"kind": UNDO_KIND}
    if change.action is None:
        record["label"] = change.label  # an older file's: undone and redone as it came
    else:
        record["action"], record["args"] = change.action, change.args
    record |= {
        "undone": change.undone,
        "changes": [
            {"table": c.table, "id": c.id, "before": c.before, "after": c.after}
            for c in change.changes
        ],
    }
    tables.put(db, "state", doc_id, record)


def _from_record(record: Mapping[str, Any]) -> LastChange:
    changes = tuple(Change(c["table"], c["id"], c["before"], c["after"]) for c in record["changes"])
    undone = bool(record.get("undone", False))
    if "action" in record:
        return LastChange(record["action"], record["args"], None, undone, changes)
    return LastChange(None, {}, record["label"], undone, changes)
