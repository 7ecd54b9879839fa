"""Ids never reused: the next free id of tasks, time entries and events.

A removed task's number is never given to another, so `va done 12` typed from an
old list cannot hit a new task. The counters live in the `meta` document
(`next_task_id`, `next_entry_id`, `next_event_id`); a file without one starts at 1.
"""

from __future__ import annotations

from vaworkspace.store import tables

TYPE_CHECKING = False
if TYPE_CHECKING:  # `va add` never pays for `typing`
    from typing import Any, Literal

    Counted = Literal["tasks", "entries", "events"]

_KEYS: dict[str, str] = {
    "tasks": "next_task_id",
    "entries": "next_entry_id",
    "events": "next_event_id",
}


def next_id(db: Any, table: Counted) -> int:
    """Inside a transaction: the next free id of `table` (not taken yet)."""
    found: int = tables.meta(db).get(_KEYS[table], 1)
    return found


def set_next_id(db: Any, table: Counted, value: int) -> None:
    """Inside a transaction: ids below `value` are taken."""
    tables.set_meta(db, {_KEYS[table]: value})


def take_id(db: Any, table: Counted) -> int:
    """Inside a transaction: a fresh id of `table`, taken."""
    taken = next_id(db, table)
    set_next_id(db, table, taken + 1)
    return taken
