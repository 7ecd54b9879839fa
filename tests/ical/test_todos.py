"""The VTODO → task rules, in the iCalendar adapter (`ical/todos.py`)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from vaworkspace.errors import InputError
from vaworkspace.ical.reader import ImportedTodo
from vaworkspace.ical.todos import task_from_todo

NOW = datetime(2026, 12, 1, 15, 0, tzinfo=timezone.utc)
EARLIER = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)


def _fresh() -> str:
    return "new-uuid"


@pytest.mark.parametrize(
    ("status", "owner", "becomes"),
    [
        ("todo", "acme", "todo"),
        ("todo", None, "inbox"),  # no client: still to triage
        ("done", None, "done"),
        ("cancelled", "acme", "cancelled"),
    ],
)
def test_status_follows_the_to_do_and_the_owner(status, owner, becomes) -> None:
    task = task_from_todo(ImportedTodo("u1", "Call", status=status), owner, NOW, _fresh)
    assert task.status == becomes and task.client == owner


def test_every_field_is_carried_over() -> None:
    todo = ImportedTodo(
        "u1",
        "  Book hotel  ",
        due=date(2026, 12, 4),
        start=date(2026, 12, 3),
        priority="high",
        tags=["travel"],
        notes="two nights",
        rrule="FREQ=WEEKLY",
        last_modified=EARLIER,
        created=EARLIER,
    )
    task = task_from_todo(todo, "acme", NOW, _fresh)
    assert (task.id, task.uuid, task.title, task.source) == (0, "u1", "Book hotel", "ical")
    assert (task.due, task.scheduled) == (date(2026, 12, 4), date(2026, 12, 3))
    assert (task.priority, task.tags, task.notes) == ("high", ["travel"], "two nights")
    assert task.recurrence == "FREQ=WEEKLY"
    assert task.created == task.modified == EARLIER


def test_defaults_and_refusals() -> None:
    task = task_from_todo(ImportedTodo("", "Call"), None, NOW, _fresh)
    assert task.uuid == "new-uuid" and task.created == task.modified == NOW
    with pytest.raises(InputError, match="to-do u9 has no summary"):
        task_from_todo(ImportedTodo("u9", "   "), None, NOW, _fresh)
