"""`TaskColumns`: imported tasks as one list per `Task` field."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, timezone

import pytest

from vaworkspace.domain.models import Task
from vaworkspace.domain.tasks.imports import COLUMN_NAMES, TaskColumns

NOW = datetime(2026, 12, 1, 14, 0, tzinfo=timezone.utc)


def test_the_columns_are_the_task_fields_in_order_but_the_id() -> None:
    assert tuple(f.name for f in fields(Task))[1:] == COLUMN_NAMES
    assert tuple(f.name for f in fields(TaskColumns)) == COLUMN_NAMES


def columns_of(tasks: list[Task]) -> TaskColumns:
    return TaskColumns(*([getattr(t, name) for t in tasks] for name in COLUMN_NAMES))


def test_tasks_come_numbered_in_column_order() -> None:
    first = Task(7, "a", "Call", NOW, NOW, client="acme", tags=["x"], due=date(2026, 12, 4))
    second = Task(8, "b", "Mail", NOW, NOW, status="done", completed=NOW, source="taskwarrior")
    columns = columns_of([first, second])
    assert len(columns) == 2
    assert columns.tasks(first_id=7) == [first, second]


def test_columns_of_different_lengths_are_refused() -> None:
    lists = list(columns_of([Task(0, "a", "Call", NOW, NOW)]).columns())
    lists[3] = []
    with pytest.raises(ValueError, match="different lengths"):
        TaskColumns(*lists)
