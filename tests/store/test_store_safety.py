"""Hostile and damaged workspace files: refused in one line, never rewritten.

Each test here failed on the store before it resolved paths once, checked every
record on read, refused read-only files and FIFOs, swept dead writers' temp
files on every write and named the real file on a full disk.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
import threading
import time

import pytest

from tests.store.valid import task
from vaworkspace.errors import StoreError
from vaworkspace.store import WorkspaceFile, doc_table, skeleton


def write_doc(path, doc) -> bytes:
    data = json.dumps(doc).encode()
    path.write_bytes(data)
    return data


def doc_with(**tasks) -> dict:
    doc = skeleton()
    doc["tasks"] = {str(k): v for k, v in tasks.items()}
    doc["meta"]["1"]["next_task_id"] = len(tasks) + 1
    return doc


def add(wf: WorkspaceFile, title: str) -> None:
    with wf.transaction() as db:
        doc_table(db, "tasks").insert(task(title=title))


def refusals(path) -> list[str]:
    """The messages of a read of every table and of a write of `path` (both must
    refuse; a laid-out file is parsed table by table, when each is read)."""
    messages = []
    for attempt in (
        lambda: dict(WorkspaceFile(path).read()),
        lambda: add(WorkspaceFile(path), "must not be written"),
    ):
        with pytest.raises(StoreError) as info:
            attempt()
        messages.append(str(info.value))
    return messages


# --- one workspace, one lock -------------------------------------------------------


def test_a_symlink_and_its_target_share_one_lock(tmp_path):
    real = tmp_path / "real" / "ws.json"
    real.parent.mkdir()
    write_doc(real, doc_with())
    link = tmp_path / "link.json"
    link.symlink_to(real)
    held, release = threading.Event(), threading.Event()

    def hold_through_the_link():
        with WorkspaceFile(link).transaction() as db:
            doc_table(db, "tasks").insert(task(title="via link"))
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold_through_the_link)
    holder.start()
    try:
        assert held.wait(10)
        with (
            pytest.raises(StoreError, match="is locked by"),
            WorkspaceFile(real, lock_timeout=0.3).transaction(),
        ):
            pass
    finally:
        release.set()
        holder.join(10)
    assert not (tmp_path / "link.json.lock").exists()
    assert link.is_symlink()
    assert [t["title"] for t in WorkspaceFile(real).read()["tasks"].values()] == ["via link"]


def test_backups_and_temp_files_go_beside_the_real_file(tmp_path):
    real = tmp_path / "real" / "ws.json"
    real.parent.mkdir()
    write_doc(real, doc_with())
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "ws.json"
    link.symlink_to(real)
    add(WorkspaceFile(link), "one")
    assert sorted(os.listdir(tmp_path / "elsewhere")) == ["ws.json"]
    assert (tmp_path / "real" / "backups").is_dir()


# --- damaged records ---------------------------------------------------------------

DAMAGED = {
    "task without uuid": (
        lambda doc: doc["tasks"]["1"].pop("uuid"),
        r'task 1 \(table "tasks"\) has no "uuid"',
    ),
    "title a number": (
        lambda doc: doc["tasks"]["1"].update(title=5),
        r'task 1 \(table "tasks"\) has an invalid "title" \(5\)',
    ),
    "impossible due date": (
        lambda doc: doc["tasks"]["1"].update(due="2026-02-30"),
        r'task 1 \(table "tasks"\) has an invalid "due"',
    ),
    "unknown status": (
        lambda doc: doc["tasks"]["1"].update(status="tode"),
        r'task 1 \(table "tasks"\) has an invalid "status"',
    ),
    "tags not text": (
        lambda doc: doc["tasks"]["1"].update(tags=["a", 3]),
        r'task 1 \(table "tasks"\) has an invalid "tags"',
    ),
    "client without name": (
        lambda doc: doc["clients"].update({"1": {"id": "acme"}}),
        r'client 1 \(table "clients"\) has no "name"',
    ),
    "entry start not a time": (
        lambda doc: doc["entries"].update({"4": {"start": "soon", "end": "2024-01-01"}}),
        r'time entry 4 \(table "entries"\) has an invalid "start"',
    ),
    "timer damaged": (
        lambda doc: doc["state"].update({"2": {"kind": "timer", "timer": {"mode": 1}}}),
        r'state record 2 \(table "state"\) \(timer\) is damaged',
    ),
    # A change kept for undo says what it did as an action and its arguments (or, in
    # an older file, an English label); a record with neither, or with arguments its
    # action does not take, is refused like any other.
    "undo neither action nor label": (
        lambda doc: doc["state"].update({"2": {"kind": "undo", "changes": []}}),
        r'state record 2 \(table "state"\) \(undo\) has no "action" \(nor an older "label"\)',
    ),
    "undo unknown action": (
        lambda doc: doc["state"].update({"2": undo_record("explode", {})}),
        r"\(undo\) names an unknown action \(explode\)",
    ),
    "undo arguments of another action": (
        lambda doc: doc["state"].update({"2": undo_record("delete-tasks", {"client": "a"})}),
        r'\(undo\) lacks the arguments of "delete-tasks"',
    ),
    "undo task without title": (
        lambda doc: doc["state"].update({"2": undo_record("delete-tasks", {"tasks": [[1]]})}),
        r'\(undo\) has an invalid "tasks" \(\[\[1\]\]\)',
    ),
    "undo impossible day": (
        lambda doc: doc["state"].update(
            {"2": undo_record("plan", {"first": "2026-02-30", "days": 1})}
        ),
        r'\(undo\) has an invalid "first" \(2026-02-30\)',
    ),
    "undo plan of no day": (
        lambda doc: doc["state"].update(
            {"2": undo_record("clear-plan", {"first": "2026-02-03", "days": 0})}
        ),
        r'\(undo\) has an invalid "days" \(0\)',
    ),
}


def undo_record(action: str, args: dict) -> dict:
    return {"kind": "undo", "action": action, "args": args, "undone": False, "changes": []}


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_a_damaged_record_is_named_on_read_and_refused_for_writing(tmp_path, case):
    path = tmp_path / "ws.json"
    damage, expected = DAMAGED[case]
    doc = doc_with(**{"1": task(title="first"), "2": task(title="second")})
    damage(doc)
    data = write_doc(path, doc)
    (tmp_path / "backups").mkdir()
    newest = tmp_path / "backups" / "ws-2024-01-01.json"
    newest.write_bytes(b"{}")
    for message in refusals(path):
        assert "\n" not in message
        assert message.startswith(f"workspace {path} cannot be read: ")
        assert f"restore the newest backup {newest}" in message
        assert __import__("re").search(expected, message), message
    assert path.read_bytes() == data


def test_a_damaged_table_name_is_refused_not_taken_for_an_empty_table(tmp_path):
    path = tmp_path / "ws.json"
    text = json.dumps(doc_with(**{"1": task(title="x")}))
    data = text.replace('"tasks"', '"{asks"')
    path.write_text(data)
    for message in refusals(path):
        assert "has an unknown table '{asks'" in message
    assert path.read_text() == data


def test_an_integer_beyond_64_bits_is_refused_not_turned_into_a_float(tmp_path):
    path = tmp_path / "ws.json"
    text = json.dumps(doc_with(**{"1": task(title="x", estimate_minutes=7)}))
    huge = "123456789012345678901234567890"
    data = text.replace('"estimate_minutes": 7', f'"estimate_minutes": {huge}')
    path.write_text(data)
    for message in refusals(path):
        assert 'task 1 (table "tasks") has an invalid "estimate_minutes"' in message
    assert path.read_text() == data


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_nan_and_infinity_are_refused_not_turned_into_null(tmp_path, value):
    path = tmp_path / "ws.json"
    text = json.dumps(doc_with(**{"1": task(title="x", estimate_minutes=7)}))
    data = text.replace('"estimate_minutes": 7', f'"estimate_minutes": {value}')
    path.write_text(data)
    for message in refusals(path):
        assert "is not valid JSON" in message
    assert path.read_text() == data


def test_an_unknown_field_is_kept_as_it_is(tmp_path):
    path = tmp_path / "ws.json"
    write_doc(path, doc_with(**{"1": task(title="x", later_field={"a": [1, 2]})}))
    add(WorkspaceFile(path), "another")
    assert WorkspaceFile(path).read()["tasks"]["1"]["later_field"] == {"a": [1, 2]}


def test_the_service_cannot_write_a_record_no_read_could_use(tmp_path):
    from vaworkspace.store import tables

    path = tmp_path / "ws.json"
    data = write_doc(path, doc_with(**{"1": task(title="x")}))
    no_uuid = {k: v for k, v in task().items() if k != "uuid"}
    with (
        pytest.raises(StoreError, match=r'task 2 .* has no "uuid".*a bug'),
        WorkspaceFile(path).transaction() as db,
    ):
        tables.put(db, "tasks", 2, no_uuid)
    assert path.read_bytes() == data


def test_a_file_changed_behind_the_writers_back_is_checked_again(tmp_path):
    """A stamped file skips the record checks; any change to it must not."""
    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path)
    add(wf, "first")
    assert WorkspaceFile(path).read()["tasks"]["1"]["title"] == "first"
    data = path.read_bytes().replace(b'"uuid"', b'"uuiX"')
    path.write_bytes(data)
    for message in refusals(path):
        assert 'task 1 (table "tasks") has no "uuid"' in message
    assert path.read_bytes() == data


# --- files we must not write or read -------------------------------------------------


def test_a_read_only_workspace_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "ws.json"
    data = write_doc(path, doc_with(**{"1": task(title="x")}))
    path.chmod(0o400)
    before = os.stat(path)
    with pytest.raises(StoreError) as info:
        add(WorkspaceFile(path), "must not be written")
    message = str(info.value)
    assert message == (
        f"workspace {path} is read-only (mode 0400); nothing was changed; "
        f"to allow changes: chmod u+w {path}"
    )
    after = os.stat(path)
    assert path.read_bytes() == data
    assert (after.st_ino, after.st_mtime_ns, stat.S_IMODE(after.st_mode)) == (
        before.st_ino,
        before.st_mtime_ns,
        0o400,
    )
    assert WorkspaceFile(path).read()["tasks"]["1"]["title"] == "x"  # reading is fine


def test_someone_elses_workspace_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "ws.json"
    data = write_doc(path, doc_with())
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(path).st_uid + 1)
    with pytest.raises(StoreError, match="belongs to another user"):
        add(WorkspaceFile(path), "must not be written")
    assert path.read_bytes() == data


PROBE = """
import resource, sys
from vaworkspace.errors import StoreError
from vaworkspace.store import WorkspaceFile, doc_table
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # /dev/zero must not eat the VM
for attempt in ("read", "write"):
    try:
        if attempt == "read":
            WorkspaceFile(sys.argv[1]).read()
        else:
            with WorkspaceFile(sys.argv[1]).transaction() as db:
                doc_table(db, "state").insert({"kind": "x"})
    except StoreError as exc:
        print(exc)
"""


def probe(path) -> list[str]:
    """What a read and a write of `path` say, in a process that must not hang."""
    run = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=20
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "ws.json"
    os.mkfifo(fifo)
    refused = f"workspace {fifo} is a FIFO, not a file; give the path of a file"
    assert probe(fifo) == [refused, refused]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_device_is_refused(tmp_path):
    link = tmp_path / "ws.json"
    link.symlink_to("/dev/zero")
    refused = f"workspace {link} is a device or socket, not a file; give the path of a file"
    assert probe(link) == [refused, refused]


def test_a_huge_file_is_refused_unread(tmp_path, monkeypatch):
    from vaworkspace.store import file_faults

    path = tmp_path / "ws.json"
    data = write_doc(path, doc_with())
    monkeypatch.setattr(file_faults, "MAX_BYTES", len(data) - 1)
    for message in refusals(path):
        assert "is too large" in message
    assert path.read_bytes() == data


# --- a full disk -------------------------------------------------------------------


def no_space(*args):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_names_the_backup_and_what_to_do(tmp_path, monkeypatch):
    path = tmp_path / "ws.json"
    data = write_doc(path, doc_with())
    wf = WorkspaceFile(path, clock=lambda: time.strptime("2024-05-01", "%Y-%m-%d"))
    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(StoreError) as info:
        add(wf, "x")
    backup = tmp_path / "backups" / "ws-2024-05-01.json"
    assert str(info.value) == (
        f"workspace {path} was not saved: its backup {backup} could not be written "
        "(No space left on device); nothing was changed; free some space on the disk "
        f"that holds {tmp_path / 'backups'} and try again"
    )
    assert path.read_bytes() == data
    assert not backup.exists()


def test_a_full_disk_while_writing_the_workspace_says_what_to_do(tmp_path, monkeypatch):
    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path)
    add(wf, "first")  # a new file: no backup is due
    data = path.read_bytes()
    wf.clock = lambda: time.strptime("1999-01-01", "%Y-%m-%d")
    add(wf, "second")  # takes the day's backup
    data = path.read_bytes()
    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(StoreError) as info:
        add(wf, "third")
    assert str(info.value) == (
        f"workspace {path} was not saved (No space left on device); nothing was changed; "
        f"free some space on the disk that holds {tmp_path} and try again"
    )
    assert path.read_bytes() == data
    assert [n for n in os.listdir(tmp_path) if n.endswith(".tmp")] == []
