"""Imported tasks handed over as columns are stored exactly as `task_to_record`
stores each task: same keys, same order, same text."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from tests.store.test_records import tasks
from vaworkspace.domain.models import Task
from vaworkspace.domain.tasks.imports import COLUMN_NAMES, TaskColumns
from vaworkspace.store.records import task_to_record
from vaworkspace.store.task_columns import task_records

UTC = timezone.utc


def as_columns(items: list[Task]) -> TaskColumns:
    return TaskColumns(*([getattr(t, name) for t in items] for name in COLUMN_NAMES))


@given(st.lists(tasks(), max_size=12))
def test_columns_are_stored_as_each_task_is(items: list[Task]) -> None:
    records = task_records(as_columns(items))
    assert [list(r.items()) for r in records] == [list(task_to_record(t).items()) for t in items]


def test_shared_and_unusual_dates_are_each_stored_as_their_value() -> None:
    """One value shared by many tasks, equal values that are distinct objects,
    a date beside the instant of its midnight, and instants not in UTC or with
    a fraction of a second (the codec's slow path)."""
    noon = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    paris = timezone(timedelta(hours=1))
    odd = [
        noon,
        noon.replace(),
        datetime(2026, 12, 4, tzinfo=UTC),
        noon.astimezone(paris),
        noon.replace(microsecond=5),
    ]
    items = [
        Task(0, f"u{n}", "t", noon, moment, due=date(2026, 12, 4), wait=moment)
        for n, moment in enumerate(odd)
    ]
    records = task_records(as_columns(items))
    assert records == [task_to_record(t) for t in items]
    assert [r["wait"] for r in records] == [
        "2026-12-04T12:00:00Z",
        "2026-12-04T12:00:00Z",
        "2026-12-04T00:00:00Z",
        "2026-12-04T12:00:00Z",
        "2026-12-04T12:00:00Z",
    ]


def test_no_tasks_no_records() -> None:
    assert task_records(as_columns([])) == []
