"""Work blocks: time booked for one task in a free slot of the agenda.

A block is an `Event` of kind "block" that names its task. It is busy time only
while that task is open: completing, cancelling or deleting the task releases
its blocks, so they stop hiding free slots and leave every exported and
published calendar. (The time actually spent is in the time entries; a block is
a plan, and a plan for finished or dropped work is no plan.)

Blocks booked by hand are sought only for tasks that have a `scheduled` time:
booking (and moving) a block sets it. A plan (`va plan`) sets none; the store
keeps the ids of the tasks it placed (`store/block_records.py`). A task that is
neither has no block to release, and closing it never reads the calendar.
"""

from __future__ import annotations

from dataclasses import replace

from vaworkspace.domain.models import Task

TYPE_CHECKING = False
if TYPE_CHECKING:  # `va done` asks whether a task may hold blocks; no Event is built then
    from collections.abc import Iterable, Mapping

    from vaworkspace.domain.calendar.event import Event

BLOCK = "block"


def is_block(event: Event) -> bool:
    return event.kind == BLOCK


def may_hold_blocks(task: Task) -> bool:
    """Whether `task` can have blocks booked by hand: only a scheduled task can."""
    return task.scheduled is not None


def released(events: Iterable[Event], tasks: Mapping[int, Task | None]) -> list[Event]:
    """The blocks of `tasks` (by id; None: the task is deleted) that no longer
    stand: their task is closed or gone. Other events, and blocks of other
    tasks, are never released."""
    gone = []
    for event in events:
        if not is_block(event) or event.task is None or event.task not in tasks:
            continue
        task = tasks[event.task]
        if task is None or not task.is_open:
            gone.append(event)
    return gone


def unscheduled(task: Task, block: Event) -> Task:
    """`task` once `block` is removed: its `scheduled` time goes if the block set
    it (a time the VA typed for another moment stays)."""
    if task.scheduled is not None and task.scheduled == block.start:
        return replace(task, scheduled=None)
    return task
