"""Where work blocks are found among the stored events (issue #8).

A work block is stored as an event record of kind "block" that names its task;
a block the planner wrote (`va plan`) has a uid that starts with `plan-`, the
mark that survives an export and a re-import and tells re-planning which blocks
are its own to replace. The service asks here, by task or by time, and gets
`Event`s: it never compares a stored string.

A planned block sets no task's `scheduled`, so closing a task cannot tell from
the task alone whether it has blocks to release, and `va done` must not read the
calendar to find out. One `state` record (read by every undoable change anyway,
for its undo record) names the tasks that have planned blocks:

    {"kind": "planned-tasks", "tasks": [3, 12]}

`note_planned_tasks` rewrites it from the events whenever planned blocks are
written or brought back (a plan, a clear, an undo that touched events). It may
name a task whose blocks went since (a block removed by hand, a task closed):
a superset only costs that task's close a read of the calendar.
"""

from __future__ import annotations

from datetime import datetime

from vaworkspace.domain.calendar.blocks import BLOCK
from vaworkspace.store import tables
from vaworkspace.store.records import event_from_record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Collection, Mapping
    from typing import Any

    from vaworkspace.domain.calendar.event import Event

PLANNED_PREFIX = "plan-"
PLANNED_TASKS = "planned-tasks"


def planned_uid(event_id: int) -> str:
    """The uid of a block the planner writes as event `event_id`."""
    return f"{PLANNED_PREFIX}{event_id}@vaworkspace"


def is_planned(event: Event) -> bool:
    """Whether an event is a block the planner wrote (and may replace)."""
    return event.kind == BLOCK and is_planned_uid(event.uid)


def is_planned_uid(uid: str) -> bool:
    """Whether a block's uid (an agenda item's) is one the planner wrote."""
    return uid.startswith(PLANNED_PREFIX)


def blocks(events: Mapping[Any, dict[str, Any]]) -> list[Event]:
    """The work blocks of an `events` table (as read), in stored order."""
    return [
        event_from_record(int(doc_id), record)
        for doc_id, record in events.items()
        if record.get("kind") == BLOCK
    ]


def blocks_of(db: Any, task_ids: Collection[int]) -> list[Event]:
    """Inside a transaction: the stored work blocks of the tasks `task_ids`."""
    return [
        event_from_record(doc_id, record)
        for doc_id, record in tables.records(db, "events").items()
        if record.get("kind") == BLOCK and record.get("task") in task_ids
    ]


def block(db: Any, event_id: int) -> Event | None:
    """Inside a transaction: event `event_id` if it is a work block."""
    record = tables.record(db, "events", event_id)
    if record is None or record.get("kind") != BLOCK:
        return None
    return event_from_record(event_id, record)


def planned_blocks(db: Any, start: datetime, end: datetime, now: datetime) -> list[Event]:
    """Inside a transaction: the planned blocks that overlap [start, end) and
    have not ended by `now` (those a new plan, or a clear, replaces). A block
    with an all-day date is never one of them."""
    found = []
    for event in blocks(tables.records(db, "events")):
        if not is_planned(event):
            continue
        lo, hi = event.start, event.end
        timed = isinstance(lo, datetime) and isinstance(hi, datetime)
        if timed and lo < end and hi > max(start, now):
            found.append(event)
    return found


def planned_tasks(db: Any) -> frozenset[int]:
    """Inside a transaction: the tasks that may have planned blocks."""
    for record in tables.records(db, "state").values():
        if record.get("kind") == PLANNED_TASKS:
            return frozenset(record["tasks"])
    return frozenset()


def note_planned_tasks(db: Any) -> None:
    """Inside a transaction: record which tasks have planned blocks, as the
    events table is now."""
    found = sorted(
        {
            e.task
            for e in blocks(tables.records(db, "events"))
            if e.task is not None and is_planned(e)
        }
    )
    state = tables.records(db, "state")
    doc_id = next(
        (i for i, r in state.items() if r.get("kind") == PLANNED_TASKS), max(state, default=0) + 1
    )
    if state.get(doc_id) != {"kind": PLANNED_TASKS, "tasks": found}:
        tables.put(db, "state", doc_id, {"kind": PLANNED_TASKS, "tasks": found})
