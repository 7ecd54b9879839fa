"""Work blocks inside a write transaction: the blocks a closed or deleted task releases.

`domain/calendar/blocks.py` says which blocks no longer stand; here they are
found among the stored events and removed in the same transaction as the change
that released them, so the undo of that change brings them back. A day they
leave free and that was planned is planned again in that transaction too
(`PlanService.replan`): the time a task done early gives back is used.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from vaworkspace.domain.calendar import blocks as rules
from vaworkspace.domain.calendar.event import Event
from vaworkspace.domain.models import Task
from vaworkspace.store import block_records, tables

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.service.lookup import Db


def release_blocks(db: Db, tasks: dict[int, Task | None], before: list[Task]) -> list[Event]:
    """Remove the blocks of `tasks` (by id, as they are now; None: deleted) that
    no longer stand; the blocks that went. `before`: the same tasks as they were;
    the calendar is read only if one of them could hold a block it booked
    (`may_hold_blocks`) or the planner placed (`block_records.planned_tasks`)."""
    if not any(rules.may_hold_blocks(task) for task in before):
        planned = block_records.planned_tasks(db)
        if not any(task.id in planned for task in before):
            return []
    gone = rules.released(block_records.blocks_of(db, tasks), tasks)
    tables.delete(db, "events", [event.id for event in gone])
    return gone


def days_freed(gone: list[Event], now: datetime, tz: tzinfo) -> set[date]:
    """The local days on which released blocks still had time to come: the
    days a plan may fill again."""
    return {
        block.start.astimezone(tz).date()
        for block in gone
        if isinstance(block.start, datetime) and isinstance(block.end, datetime) and block.end > now
    }
