"""A task read straight from its record, without a `Task` (`va list --json`,
ranking): the same values, the same JSON and the same errors as through one."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.store.test_records import tasks
from vaworkspace.cli.output import _dumps, task_json
from vaworkspace.domain.models import Task
from vaworkspace.domain.tasks.facts import TaskFacts, facts_of
from vaworkspace.errors import StoreError
from vaworkspace.service.reading import ROW_SCORES
from vaworkspace.store.instants import DecodedDates
from vaworkspace.store.record_facts import facts_of_record, facts_of_table
from vaworkspace.store.records import TASK_ROW, task_from_record, task_row, task_to_record

FIT = (True, -12)


def row_of(task_id: int, record: dict) -> dict:
    template = dict(TASK_ROW, **dict.fromkeys(ROW_SCORES))
    row = task_row(task_id, record, DecodedDates(), template)
    row["urgency"] = 1.5
    row["at_risk"], row["slack_minutes"] = FIT
    return row


def json_of(task_id: int, record: dict) -> dict:
    task = task_from_record(task_id, record)
    return task_json(task, 1.5, task.status, FIT)


@settings(deadline=None)  # a loaded machine must not fail it
@given(tasks())
def test_a_row_prints_as_its_task(task: Task) -> None:
    record = task_to_record(task)
    row, expected = row_of(task.id, record), json_of(task.id, record)
    assert list(row) == list(expected)
    assert _dumps([row]) == _dumps([expected])


@pytest.mark.parametrize(
    "changes",
    [
        {"tags": None, "depends": None, "notes": None},  # as a hand edit may leave them
        {"due": "", "wait": None, "completed": ""},
        {"modified": "2026-12-04T17:00:00.250+01:00", "due": "2026-12-04"},  # older files
        {"status": "done", "completed": "2026-12-05T10:00:00Z", "scheduled": "2026-12-06"},
        {"someday": "a field of a later version"},  # not printed, as a `Task` has none
    ],
)
def test_unusual_records_print_as_their_task(changes: dict) -> None:
    record = {
        "uuid": "u",
        "title": "Call",
        "created": "2026-12-01T14:00:00Z",
        "modified": "2026-12-01T14:00:00Z",
        "tags": ["a"],
    }
    record.update(changes)
    assert _dumps([row_of(7, record)]) == _dumps([json_of(7, record)])


@pytest.mark.parametrize(
    "damage",
    [
        {"uuid": None},  # drop the key
        {"created": None},
        {"created": "yesterday"},
        {"modified": 12},
        {"due": "2026-13-01"},
        {"completed": "not a date", "someday": 1},
    ],
)
def test_a_damaged_record_is_named_as_through_a_task(damage: dict) -> None:
    record = {
        "uuid": "u",
        "title": "Call",
        "created": "2026-12-01T14:00:00Z",
        "modified": "2026-12-01T14:00:00Z",
    }
    for key, value in damage.items():
        if value is None:
            del record[key]
        else:
            record[key] = value
    with pytest.raises(StoreError) as through_task:
        task_from_record(7, record)
    with pytest.raises(StoreError) as through_row:
        task_row(7, record, DecodedDates())
    assert str(through_row.value) == str(through_task.value)
    assert "task 7" in str(through_row.value)


@settings(deadline=None)
@given(st.lists(tasks(), max_size=8, unique_by=lambda task: task.id), st.booleans())
def test_a_table_read_a_field_at_a_time_gives_each_records_facts(
    found: list[Task], open_only: bool
) -> None:
    table = {str(task.id): task_to_record(task) for task in found}
    dates = DecodedDates()
    expected = [
        TaskFacts(*facts_of_record(task.id, table[str(task.id)], task.status, dates))
        for task in found
        if not open_only or task.is_open
    ]
    assert facts_of_table(table, open_only, DecodedDates()) == expected
    assert expected == [facts_of(task) for task in found if not open_only or task.is_open]


def test_a_table_with_a_damaged_record_is_left_to_the_record_by_record_read() -> None:
    good = {"uuid": "u", "title": "Call", "created": "2026-12-01T14:00:00Z", "modified": "x"}
    assert facts_of_table({"1": good}, False, DecodedDates()) is not None
    assert facts_of_table({"1": good, "2": {"uuid": "v"}}, False, DecodedDates()) is None
    assert facts_of_table({"1": good, "x": good}, False, DecodedDates()) is None
    assert facts_of_table({"1": good, "2": ["not", "a", "record"]}, False, DecodedDates()) is None
    bad_due = dict(good, due="soon")
    assert facts_of_table({"1": bad_due}, False, DecodedDates()) is None


def test_json_of_dates_is_iso() -> None:
    record = {
        "uuid": "u",
        "title": "Call",
        "created": "2026-12-01T14:00:00Z",
        "modified": "2026-12-01T14:00:00Z",
        "due": "2026-12-04",
    }
    printed = orjson.loads(_dumps([row_of(1, record)]))[0]
    assert printed["due"] == "2026-12-04"
    assert printed["created"] == "2026-12-01T14:00:00Z"
