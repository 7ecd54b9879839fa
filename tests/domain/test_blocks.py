"""Work blocks stand only while their task is open (`domain/calendar/blocks.py`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from vaworkspace.domain.calendar.blocks import may_hold_blocks, released, unscheduled
from vaworkspace.domain.calendar.event import Event
from vaworkspace.domain.models import Task

T0 = datetime(2026, 12, 1, 19, 0, tzinfo=timezone.utc)


def task(task_id: int, status: str = "todo", scheduled: datetime | None = T0) -> Task:
    return Task(
        id=task_id,
        uuid=f"u{task_id}",
        title=f"T{task_id}",
        created=T0,
        modified=T0,
        status=status,
        scheduled=scheduled,
    )


def block(event_id: int, task_id: int | None, kind: str = "block") -> Event:
    return Event(
        event_id, f"b{event_id}", "x", T0, T0 + timedelta(minutes=30), kind=kind, task=task_id
    )


def test_blocks_of_a_closed_or_deleted_task_are_released_no_other() -> None:
    events = [block(1, 1), block(2, 2), block(3, 3), block(4, 1, kind="event"), block(5, None)]
    tasks = {1: task(1, "done"), 2: None, 3: task(3, "waiting")}
    assert [e.id for e in released(events, tasks)] == [1, 2]
    assert released(events, {1: task(1, "cancelled")}) == [events[0]]
    assert released(events, {4: None}) == []  # no block names task 4


def test_only_a_scheduled_task_may_hold_blocks() -> None:
    assert may_hold_blocks(task(1))
    assert not may_hold_blocks(task(1, scheduled=None))


def test_removing_the_block_that_set_scheduled_clears_it() -> None:
    assert unscheduled(task(1), block(1, 1)).scheduled is None
    other = task(1, scheduled=T0 + timedelta(days=1))  # typed by the VA, for another time
    assert unscheduled(other, block(1, 1)) == other
    assert unscheduled(replace(other, scheduled=None), block(1, 1)).scheduled is None
