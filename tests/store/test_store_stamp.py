"""The writer's stamp inside the workspace file (`store/stamp.py`).

A file a transaction wrote is not checked again record by record; any other
bytes (a hand edit, a restore, damage of a byte or three, an older vaworkspace)
are. These replaced a sidecar `.ws.json.checked` that outlived the command:
the stamp tests failed before (no `checksum` in the file, a sidecar beside it).
"""

from __future__ import annotations

import json
import os

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.store.valid import task
from vaworkspace.errors import StoreError
from vaworkspace.store import WorkspaceFile, doc_table, schema, skeleton, tables
from vaworkspace.store.stamp import STAMP_PREFIX, is_sealed


def add(path, title: str) -> None:
    """Add a task the way the service does (`store.tables` checks what it
    writes, so the save does not run `check_document` again)."""
    with WorkspaceFile(path).transaction() as db:
        doc_id = max(tables.records(db, "tasks"), default=0) + 1
        tables.put(db, "tasks", doc_id, task(title=title))


@pytest.fixture
def checks(monkeypatch) -> list[int]:
    """Counts full record checks (`decode` imports `check_document` at call time)."""
    calls: list[int] = []
    real = schema.check_document

    def counting(doc: dict) -> None:
        calls.append(1)
        real(doc)

    monkeypatch.setattr(schema, "check_document", counting)
    return calls


def test_a_written_file_carries_a_matching_stamp_and_stays_plain_tinydb(tmp_path):
    from tinydb import TinyDB

    path = tmp_path / "ws.json"
    add(path, "first")
    data = path.read_bytes()
    assert data.startswith(STAMP_PREFIX) and data.count(STAMP_PREFIX) == 1
    assert is_sealed(data)
    head = orjson.loads(data)["meta"]["1"]
    assert len(head["checksum"]) == 8 and head["checksum"] != "00000000"
    assert WorkspaceFile(path).read()["meta"]["1"]["checksum"] == head["checksum"]
    db = TinyDB(path, access_mode="r")
    assert [r["title"] for r in db.table("tasks").all()] == ["first"]
    assert db.table("meta").get(doc_id=1)["app"] == "vaworkspace"
    db.close()
    assert path.read_bytes() == data


def test_a_file_a_transaction_wrote_is_not_checked_again(tmp_path, checks):
    path = tmp_path / "ws.json"
    add(path, "first")
    add(path, "second")  # its transaction read a stamped file
    assert checks == []
    assert len(WorkspaceFile(path).read()["tasks"]) == 2
    assert checks == []


def test_a_file_without_a_stamp_is_checked_and_gains_one_on_its_next_write(tmp_path, checks):
    path = tmp_path / "ws.json"
    doc = skeleton()
    doc["tasks"] = {"1": task(title="older")}
    doc["meta"]["1"]["next_task_id"] = 2
    path.write_bytes(json.dumps(doc).encode())  # as an older vaworkspace or a hand edit
    assert WorkspaceFile(path).read()["tasks"]["1"]["title"] == "older"
    assert checks == [1]
    add(path, "newer")
    assert checks == [1, 1]
    assert is_sealed(path.read_bytes())
    WorkspaceFile(path).read()
    assert checks == [1, 1]


@pytest.mark.parametrize(
    ("old", "new", "refused"),
    [
        (b"first", b"firsu", False),  # one byte inside a record, still a valid record
        (b'"title"', b'"titlE"', True),  # a field name: the task lacks a title
        (b"2024-01-01T00", b"2024-13-01T00", True),  # a date that does not exist
        (b"01T00:00:00Z", b"01T00:00:0Z", True),  # a byte deleted inside a record
        (b'Z","', b'Z" ,"', False),  # a space inserted between fields
    ],
)
def test_a_few_bytes_changed_anywhere_mean_a_full_check(tmp_path, checks, old, new, refused):
    path = tmp_path / "ws.json"
    add(path, "first")
    data = path.read_bytes()
    assert data.count(old) >= 1
    changed = data.replace(old, new, 1)
    path.write_bytes(changed)
    assert not is_sealed(changed)
    try:
        WorkspaceFile(path).read()
    except StoreError as exc:
        assert "cannot be read" in str(exc) and "\n" not in str(exc)
        assert refused
    else:
        assert not refused
    assert checks == [1]
    assert path.read_bytes() == changed


def test_a_changed_or_malformed_stamp_means_a_full_check(tmp_path, checks):
    path = tmp_path / "ws.json"
    add(path, "first")
    data = path.read_bytes()
    at = len(STAMP_PREFIX)
    digit = data[at : at + 1]
    for stamp in (b"0" if digit != b"0" else b"1", b"X"):
        path.write_bytes(data[:at] + stamp + data[at + 1 :])
        assert WorkspaceFile(path).read()["tasks"]["1"]["title"] == "first"
    assert checks == [1, 1]


def test_a_damaged_record_with_an_old_stamp_is_refused_on_read_and_write(tmp_path):
    path = tmp_path / "ws.json"
    add(path, "first")
    data = path.read_bytes().replace(b'"uuid"', b'"uuiX"')
    path.write_bytes(data)
    with pytest.raises(StoreError, match=r'task 1 .* has no "uuid"'):
        WorkspaceFile(path).read()
    with pytest.raises(StoreError, match=r'task 1 .* has no "uuid"'):
        add(path, "must not be written")
    assert path.read_bytes() == data


def test_a_non_text_stamp_is_a_damaged_meta_record(tmp_path):
    path = tmp_path / "ws.json"
    doc = skeleton()
    doc["meta"]["1"]["checksum"] = 5
    path.write_bytes(json.dumps(doc).encode())
    with pytest.raises(StoreError, match="checksum"):
        WorkspaceFile(path).read()


@settings(max_examples=60, deadline=None)
@given(title=st.text(min_size=1, max_size=60))
def test_user_text_can_never_pose_as_the_stamp(tmp_path_factory, title):
    """JSON escapes every `"` inside a string (as `\\"`), so the stamp's
    `":"` can only be structure, and the writer puts it at byte 0."""
    path = tmp_path_factory.mktemp("stamp") / "ws.json"
    fake = STAMP_PREFIX.decode() + '00000000","app":"vaworkspace"'
    add(path, fake + title)
    with WorkspaceFile(path).transaction() as db:
        doc_table(db, "tasks").update({"checksum": "00000000"}, doc_ids=[1])
    data = path.read_bytes()
    assert data.count(STAMP_PREFIX) == 1 and data.startswith(STAMP_PREFIX)
    assert is_sealed(data)
    read = WorkspaceFile(path).read()
    assert read["tasks"]["1"]["title"] == fake + title
    assert read["tasks"]["1"]["checksum"] == "00000000"


def test_writing_leaves_no_file_but_the_workspace_its_lock_and_backups(tmp_path):
    path = tmp_path / "ws.json"
    for title in ("one", "two", "three"):
        add(path, title)
        WorkspaceFile(path).read()
    assert set(os.listdir(tmp_path)) <= {"ws.json", "ws.json.lock", "backups"}
    assert "ws.json" in os.listdir(tmp_path)
