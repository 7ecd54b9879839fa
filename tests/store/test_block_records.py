"""Work blocks found among the stored events, and the record of the tasks the
planner placed (`store/block_records.py`)."""

from __future__ import annotations

import pytest

from vaworkspace.errors import StoreError
from vaworkspace.store import WorkspaceFile, tables
from vaworkspace.store.block_records import note_planned_tasks, planned_tasks, planned_uid


def block(uid: str, task: int, start: str = "2026-12-01T15:00:00Z") -> dict:
    end = start.replace("T15", "T16")
    return {"uid": uid, "summary": "x", "start": start, "end": end, "kind": "block", "task": task}


def test_the_planned_tasks_are_those_with_a_planned_block_and_kept_in_one_record(
    tmp_path,
) -> None:
    wf = WorkspaceFile(tmp_path / "ws.json")
    with wf.transaction() as db:
        assert planned_tasks(db) == frozenset()
        tables.put_many(
            db,
            "events",
            {
                1: block(planned_uid(1), 3),
                2: block("block-2@vaworkspace", 4),  # booked by hand: `scheduled` covers it
                3: {"uid": "e@t", "summary": "call", "start": "2026-12-01", "end": "2026-12-02"},
                4: block(planned_uid(4), 7),
            },
        )
        note_planned_tasks(db)
        assert planned_tasks(db) == {3, 7}
        tables.delete(db, "events", [1])
        note_planned_tasks(db)
    with wf.transaction() as db:
        assert planned_tasks(db) == {7}
        kept = [r for r in tables.records(db, "state").values() if r["kind"] == "planned-tasks"]
        assert kept == [{"kind": "planned-tasks", "tasks": [7]}]


def test_a_damaged_planned_tasks_record_is_refused_and_nothing_is_written(tmp_path) -> None:
    wf = WorkspaceFile(tmp_path / "ws.json")
    with wf.transaction() as db:
        tables.put(db, "state", 1, {"kind": "planned-tasks", "tasks": [1]})
    with pytest.raises(StoreError, match="planned-tasks"), wf.transaction() as db:
        tables.put(db, "state", 1, {"kind": "planned-tasks", "tasks": ["1"]})
    with wf.transaction() as db:
        assert planned_tasks(db) == {1}
