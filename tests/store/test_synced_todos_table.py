"""Imported to-dos' records live in their own table `synced_todos` (schema 3), so
every change that keeps itself for undo parses a `state` table of a few small
records, not hundreds; a schema-2 file moves them there on its next write."""

from __future__ import annotations

import json

from tinydb import TinyDB

from tests.store.test_store_backups_migrations import Clock
from tests.store.valid import task
from vaworkspace.store import WorkspaceFile, migrations, skeleton
from vaworkspace.store.records import task_from_record
from vaworkspace.store.state_records import SyncedTodos


def synced(uid: str) -> dict:
    return {"kind": "ical-task", "uid": uid, "record": task(title=uid), "theirs": None}


def schema_two_file(path) -> bytes:
    doc = skeleton()
    del doc["synced_todos"]
    doc["meta"]["1"]["schema"] = 2
    doc["tasks"] = {"1": task(title="first")}
    doc["state"] = {
        "1": {"kind": "preference", "name": "theme", "value": "nord"},
        "2": synced("a"),
        "3": {"kind": "undo", "label": "add task 1: first", "undone": False, "changes": []},
        "7": synced("b"),
    }
    data = json.dumps(doc).encode()
    path.write_bytes(data)
    return data


def test_a_schema_two_file_reads_with_its_synced_todos_apart(tmp_path):
    path = tmp_path / "ws.json"
    data = schema_two_file(path)
    doc = WorkspaceFile(path).read()
    assert doc["meta"]["1"]["schema"] == migrations.SCHEMA == 3
    assert doc["synced_todos"] == {"2": synced("a"), "7": synced("b")}
    assert [r["kind"] for r in doc["state"].values()] == ["preference", "undo"]
    assert path.read_bytes() == data  # read, never written


def test_its_next_write_keeps_them_apart_and_backs_up_the_old_file(tmp_path):
    path = tmp_path / "ws.json"
    data = schema_two_file(path)
    wf = WorkspaceFile(path, clock=Clock("2026-12-08"))
    with wf.transaction() as db:
        assert sorted(SyncedTodos(db)._found) == ["a", "b"]
    with TinyDB(path) as db:  # plain TinyDB reads the new table
        assert [r["uid"] for r in db.table("synced_todos").all()] == ["a", "b"]
        assert not [r for r in db.table("state").all() if r["kind"] == "ical-task"]
    assert (tmp_path / "backups" / "ws-2026-12-08-schema2.json").read_bytes() == data


def test_an_import_remembers_its_to_dos_in_their_table(tmp_path):
    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path)
    with wf.transaction() as db:
        todos = SyncedTodos(db)
        todos.remember("c", None, task_from_record(1, task(title="theirs")))
    doc = wf.read()
    [record] = doc["synced_todos"].values()
    assert record["uid"] == "c" and not doc["state"]
