"""Closed tasks in their own table (`closed_tasks`), so open-task commands never parse them.

Schema 2 moved done and cancelled tasks out of `tasks`; `store.tables` treats
both tables as the one "tasks" and files each record by its status, so `va
done`, a reopen and an undo move a task between them. Before, every command
parsed a 10k-closed-task history to show 300 open tasks.
"""

from __future__ import annotations

import json

import orjson
import pytest

from tests.store.valid import task
from vaworkspace.errors import StoreError
from vaworkspace.store import WorkspaceFile, migrations, skeleton, tables
from vaworkspace.store.layout import read_layout


def schema_one(path, tasks: dict[str, dict]) -> bytes:
    """A file as vaworkspace wrote it before schema 2: every task in `tasks`."""
    doc = {name: {} for name in ("clients", "tasks", "entries", "events", "state", "meta")}
    doc["meta"]["1"] = {"app": "vaworkspace", "schema": 1, "next_task_id": len(tasks) + 1}
    doc["tasks"] = tasks
    data = json.dumps(doc).encode()
    path.write_bytes(data)
    return data


MIXED = {
    "1": task(title="open"),
    "2": task(title="done", status="done", completed="2024-01-02T00:00:00Z"),
    "3": task(title="waiting", status="waiting"),
    "4": task(title="cancelled", status="cancelled"),
}


def test_the_domain_and_the_store_agree_on_what_is_closed():
    from vaworkspace.domain.models import OPEN_STATUSES, STATUSES

    assert set(STATUSES) - OPEN_STATUSES == migrations.CLOSED_STATUSES


def test_a_schema_one_file_is_split_in_memory_and_written_split_after_a_backup(tmp_path):
    from tinydb import TinyDB

    path = tmp_path / "ws.json"
    data = schema_one(path, MIXED)
    doc = WorkspaceFile(path).read()
    assert list(doc["tasks"]) == ["1", "3"] and list(doc["closed_tasks"]) == ["2", "4"]
    assert path.read_bytes() == data  # reading never writes
    with WorkspaceFile(path).transaction():
        pass  # a migration is written by the next transaction
    written = path.read_bytes()
    assert read_layout(written) is not None
    whole = orjson.loads(written)
    assert whole["meta"]["1"]["schema"] == migrations.SCHEMA  # and on through every step
    assert whole["tasks"] == {"1": MIXED["1"], "3": MIXED["3"]}
    assert whole["closed_tasks"] == {"2": MIXED["2"], "4": MIXED["4"]}
    backups = list((tmp_path / "backups").iterdir())
    assert any(p.name.endswith("-schema1.json") and p.read_bytes() == data for p in backups)
    db = TinyDB(path, access_mode="r")
    assert sorted(d.doc_id for d in db.table("closed_tasks").all()) == [2, 4]
    db.close()


def test_tables_read_both_and_file_each_record_by_its_status(tmp_path):
    path = tmp_path / "ws.json"
    schema_one(path, MIXED)
    wf = WorkspaceFile(path)
    with wf.transaction() as db:
        assert tables.record(db, "tasks", 2)["title"] == "done"
        assert list(tables.records(db, "tasks")) == [1, 3, 2, 4]
        tables.put(db, "tasks", 1, task(title="open", status="done"))  # va done
        tables.put(db, "tasks", 2, task(title="done"))  # reopened
        tables.put(db, "tasks", 5, task(title="new"))
        tables.delete(db, "tasks", [4])
    doc = WorkspaceFile(path).read()
    assert list(doc["tasks"]) == ["3", "2", "5"]
    assert list(doc["closed_tasks"]) == ["1"]


def test_completing_an_open_task_does_not_parse_the_closed_ones(tmp_path, parses):
    path = tmp_path / "ws.json"
    schema_one(path, MIXED)
    with WorkspaceFile(path).transaction():
        pass
    parses.clear()
    with WorkspaceFile(path).transaction() as db:
        record = tables.record(db, "tasks", 3)
        tables.put(db, "tasks", 3, {**record, "status": "done"})
    assert "closed_tasks" not in parses
    with WorkspaceFile(path).transaction() as db:  # a new task: nothing parsed at all
        tables.put(db, "tasks", 9, task(title="new"))
    assert parses == ["meta", "tasks", "meta"]
    doc = WorkspaceFile(path).read()
    assert list(doc["tasks"]) == ["1", "9"] and list(doc["closed_tasks"]) == ["2", "4", "3"]


def test_a_foreign_file_with_a_task_in_the_wrong_table_reads_it_in_the_right_one(tmp_path):
    path = tmp_path / "ws.json"
    doc = skeleton()
    doc["tasks"] = {"1": MIXED["2"]}  # a hand edit, or plain TinyDB
    doc["closed_tasks"] = {"2": MIXED["1"]}
    path.write_bytes(json.dumps(doc).encode())
    read = WorkspaceFile(path).read()
    assert list(read["tasks"]) == ["2"] and list(read["closed_tasks"]) == ["1"]


def test_a_task_in_both_tables_is_refused(tmp_path):
    path = tmp_path / "ws.json"
    doc = skeleton()
    doc["tasks"] = {"1": MIXED["1"]}
    doc["closed_tasks"] = {"1": MIXED["2"]}
    data = json.dumps(doc).encode()
    path.write_bytes(data)
    refusal = 'task 1 in both tables "tasks" and "closed_tasks"'
    with pytest.raises(StoreError, match=refusal):
        WorkspaceFile(path).read()
    with pytest.raises(StoreError, match=refusal), WorkspaceFile(path).transaction():
        pass
    assert path.read_bytes() == data
