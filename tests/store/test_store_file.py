"""WorkspaceFile on real files: atomic writes, modes, validation, caching, guards."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from tests.store.valid import task
from vaworkspace.errors import StoreError
from vaworkspace.store import SCHEMA, TABLES, WorkspaceFile, doc_table, skeleton
from vaworkspace.store import file as store_file


def write_json(path, doc) -> bytes:
    data = json.dumps(doc).encode()
    path.write_bytes(data)
    return data


def valid_doc(**tasks) -> dict:
    doc = skeleton()
    doc["tasks"] = {str(k): v for k, v in tasks.items()}
    return doc


def mode_of(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def snapshot(path) -> tuple[bytes, int]:
    return path.read_bytes(), os.stat(path).st_mtime_ns


def temp_files(folder) -> list[str]:
    return [name for name in os.listdir(folder) if name.endswith(".tmp")]


def add_task(wf: WorkspaceFile, **fields) -> int:
    """The service's pattern: take `meta.next_task_id`, bump it, insert."""
    from tinydb.table import Document

    with wf.transaction() as db:
        meta = doc_table(db, "meta")
        task_id = meta.get(doc_id=1)["next_task_id"]
        meta.update({"next_task_id": task_id + 1}, doc_ids=[1])
        doc_table(db, "tasks").insert(Document(task(**fields), doc_id=task_id))
    return task_id


# --- creating and writing -------------------------------------------------------


def test_missing_file_reads_as_empty_workspace_without_creating_it(tmp_path):
    path = tmp_path / "sub" / "ws.json"
    wf = WorkspaceFile(path)
    doc = wf.read()
    assert set(doc) == set(TABLES)
    assert set(TABLES) >= {"clients", "tasks", "closed_tasks", "entries", "events", "state", "meta"}
    assert doc["meta"]["1"] == {"app": "vaworkspace", "schema": SCHEMA, "next_task_id": 1}
    assert wf.signature() is None
    assert not (tmp_path / "sub").exists()


def test_new_file_is_0600_in_new_0700_folders_and_compact_utf8(tmp_path):
    path = tmp_path / "a" / "b" / "ws.json"
    wf = WorkspaceFile(path)
    add_task(wf, title="Café für Zoë")
    assert mode_of(path) == 0o600
    assert mode_of(tmp_path / "a") == 0o700
    assert mode_of(tmp_path / "a" / "b") == 0o700
    assert mode_of(str(path) + ".lock") == 0o600
    raw = path.read_bytes()
    assert "Café für Zoë".encode() in raw  # UTF-8, not \u escapes
    assert b"\n" not in raw and b", " not in raw  # compact
    assert json.loads(raw)["tasks"] == {"1": task(title="Café für Zoë")}
    assert temp_files(path.parent) == []


def test_rewrites_leave_no_temp_files_and_keep_the_mode(tmp_path):
    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path)
    add_task(wf, title="one")
    os.chmod(path, 0o640)
    old = tmp_path / "old-link.json"
    os.link(path, old)
    old_bytes = old.read_bytes()
    add_task(wf, title="two")
    add_task(wf, title="three")
    assert mode_of(path) == 0o640
    assert old.read_bytes() == old_bytes  # replaced, never rewritten in place
    old.unlink()
    assert temp_files(tmp_path) == []
    assert temp_files(tmp_path / "backups") == []
    assert [t["title"] for t in wf.read()["tasks"].values()] == ["one", "two", "three"]


def test_every_write_changes_the_signature(tmp_path):
    # same size every time, as fast as possible: the inode gets reused and the
    # kernel's coarse mtime would repeat, but the signature must not
    wf = WorkspaceFile(tmp_path / "ws.json")
    seen = []
    for i in range(30):
        with wf.transaction() as db:
            doc_table(db, "state").upsert({"kind": "tick", "tick": i % 2}, lambda doc: True)
        seen.append(wf.signature())
    assert len(set(seen)) == 30
    assert seen == sorted(seen)


def test_transaction_without_writes_does_not_touch_the_file(tmp_path):
    path = tmp_path / "ws.json"
    write_json(path, valid_doc())
    before = snapshot(path)
    with WorkspaceFile(path).transaction() as db:
        assert doc_table(db, "tasks").all() == []
    assert snapshot(path) == before
    assert not (tmp_path / "backups").exists()


def test_exception_inside_transaction_leaves_file_unchanged(tmp_path):
    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path)
    add_task(wf, title="keep me")
    before = snapshot(path)

    class Boom(Exception):
        pass

    with pytest.raises(Boom), wf.transaction() as db:
        doc_table(db, "tasks").insert(task(title="lost"))
        doc_table(db, "tasks").truncate()
        raise Boom
    assert snapshot(path) == before
    assert temp_files(tmp_path) == []
    assert [t["title"] for t in wf.read()["tasks"].values()] == ["keep me"]
    add_task(wf, title="lock was released")


def test_symlinked_workspace_stays_a_symlink(tmp_path):
    real = tmp_path / "real.json"
    write_json(real, valid_doc())
    link = tmp_path / "link.json"
    link.symlink_to(real)
    add_task(WorkspaceFile(link), title="through the link")
    assert link.is_symlink()
    assert json.loads(real.read_bytes())["tasks"]["1"]["title"] == "through the link"


def test_missing_tables_are_added(tmp_path):
    path = tmp_path / "ws.json"
    write_json(path, {"meta": {"1": {"app": "vaworkspace", "schema": 1, "next_task_id": 1}}})
    doc = WorkspaceFile(path).read()
    assert doc["tasks"] == {} and doc["events"] == {}
    add_task(WorkspaceFile(path), title="x")
    assert set(json.loads(path.read_bytes())) >= {"clients", "tasks", "entries", "state"}


# --- the TinyDB handed out -------------------------------------------------------


def test_tables_never_cache_queries_and_there_is_no_default_table(tmp_path):
    wf = WorkspaceFile(tmp_path / "ws.json")
    with wf.transaction() as db:
        assert db.table("tasks")._query_cache.capacity == 0
        assert doc_table(db, "clients")._query_cache.capacity == 0
        with pytest.raises(AttributeError, match="no default table"):
            db.insert({"oops": True})
    assert not (tmp_path / "ws.json").exists()


def test_db_is_unusable_after_the_transaction(tmp_path):
    wf = WorkspaceFile(tmp_path / "ws.json")
    with wf.transaction() as db:
        tasks = doc_table(db, "tasks")
    with pytest.raises(StoreError, match="transaction is over"):
        tasks.insert({"late": True})
    assert not (tmp_path / "ws.json").exists()


def test_nested_transactions_raise(tmp_path):
    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path, lock_timeout=5)
    with wf.transaction() as db:
        doc_table(db, "tasks").insert(task(title="outer"))
        with pytest.raises(StoreError, match="nested"), wf.transaction():
            pass
        # a second object for the same file must not wait for itself either
        with pytest.raises(StoreError, match="nested"), WorkspaceFile(path).transaction():
            pass
    assert list(wf.read()["tasks"].values()) == [task(title="outer")]


def test_the_no_wait_thread_is_refused_at_once_and_other_threads_wait(tmp_path):
    """The TUI's event loop may not sleep on the lock (`no_wait_thread`); a
    worker's thread of the same process still waits for it."""
    import fcntl
    import threading
    import time

    from vaworkspace.errors import WorkspaceBusy

    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path, lock_timeout=5)
    wf.no_wait_thread = threading.get_ident()
    fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another process's lock: its own open file description
    began = time.monotonic()
    with pytest.raises(WorkspaceBusy):
        add_task(wf, title="refused")
    assert time.monotonic() - began < 0.5
    worker = threading.Thread(target=add_task, args=(wf,), kwargs={"title": "waited"})
    worker.start()
    time.sleep(0.2)
    assert worker.is_alive()  # waiting for the lock, not refused
    os.close(fd)
    worker.join(5)
    assert [t["title"] for t in wf.read()["tasks"].values()] == ["waited"]


def test_at_most_one_parse_per_transaction_and_cache_updated_after_write(tmp_path, monkeypatch):
    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path)
    add_task(wf, title="a")
    calls = []
    real = store_file.WorkspaceFile._decode

    def counting(self, *args):
        calls.append(1)
        return real(self, *args)

    monkeypatch.setattr(store_file.WorkspaceFile, "_decode", counting)
    add_task(wf, title="b")
    assert calls == []  # the file is as this process wrote it: no parse at all
    doc = wf.read()  # served from the cache the write refreshed
    assert calls == []
    assert [t["title"] for t in doc["tasks"].values()] == ["a", "b"]
    add_task(WorkspaceFile(path), title="c")  # another writer (a second terminal)
    assert len(calls) == 1  # it had no cache: one parse
    add_task(wf, title="d")
    assert len(calls) == 2  # changed on disk: parsed once, under the lock
    assert [t["title"] for t in wf.read()["tasks"].values()] == ["a", "b", "c", "d"]


def test_failed_transaction_leaves_cache_and_file_as_on_disk(tmp_path):
    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path)
    add_task(wf, title="a")
    before = path.read_bytes()
    with pytest.raises(RuntimeError), wf.transaction() as db:
        doc_table(db, "tasks").update({"title": "changed in memory"}, doc_ids=[1])
        raise RuntimeError("boom")
    assert path.read_bytes() == before
    assert [t["title"] for t in wf.read()["tasks"].values()] == ["a"]


# --- read() cache ------------------------------------------------------------------

CHILD_ADD = """
import sys
from tinydb.table import Document
from vaworkspace.store import WorkspaceFile, doc_table
TASK = {"uuid": "u", "title": "t", "created": "2024-01-01", "modified": "2024-01-01"}
wf = WorkspaceFile(sys.argv[1])
with wf.transaction() as db:
    meta = doc_table(db, "meta")
    n = meta.get(doc_id=1)["next_task_id"]
    meta.update({"next_task_id": n + 1}, doc_ids=[1])
    doc_table(db, "tasks").insert(Document({"by": "child", **TASK}, doc_id=n))
"""


def test_read_is_cached_until_another_process_writes(tmp_path):
    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path)
    add_task(wf, title="mine")
    first = wf.read()
    assert wf.read() is first
    signature = wf.signature()
    subprocess.run([sys.executable, "-c", CHILD_ADD, str(path)], check=True)
    assert wf.signature() != signature
    second = wf.read()
    assert second is not first
    assert second["tasks"]["2"]["by"] == "child"
    assert wf.read() is second


def test_read_path_never_imports_tinydb(tmp_path):
    path = tmp_path / "ws.json"
    write_json(path, valid_doc(**{"1": task(title="x")}))
    code = (
        "import sys, vaworkspace.store.file as f\n"
        "assert 'tinydb' not in sys.modules\n"
        "doc = f.WorkspaceFile(sys.argv[1]).read()\n"
        "assert doc['tasks']['1']['title'] == 'x'\n"
        "bad = [m for m in ('tinydb', 'tempfile', 'shutil') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)


# --- bad files -----------------------------------------------------------------------

BAD_FILES = {
    "empty": (b"", "is empty"),
    "blank": (b"  \n", "is empty"),
    "invalid json": (b'{"meta": {\n  "1": }', "is not valid JSON (.* at line 2 column 8)"),
    "truncated": (b'{"meta": {"1": {"app": "vaworkspace", "sch', "is not valid JSON"),
    "not utf-8": (b'{"meta": "\xff"}', "is not UTF-8"),
    "top-level array": (b"[1, 2]", "is not a vaworkspace file .*array"),
    "no meta": (b'{"tasks": {}}', "is not a vaworkspace file"),
    "foreign meta": (b'{"meta": {"1": {"app": "other"}}}', "is not a vaworkspace file"),
    "newer schema": (
        b'{"meta": {"1": {"app": "vaworkspace", "schema": 9}}}',
        rf"was written by a newer vaworkspace \(schema 9 > {SCHEMA}\); upgrade vaworkspace",
    ),
    "bad schema": (b'{"meta": {"1": {"app": "vaworkspace", "schema": "1"}}}', "invalid schema"),
    "table not object": (
        b'{"meta": {"1": {"app": "vaworkspace", "schema": 1}}, "tasks": []}',
        'malformed "tasks" table',
    ),
    "bad record id": (
        b'{"meta": {"1": {"app": "vaworkspace", "schema": 1}}, "tasks": {"x": {}}}',
        'malformed record in table "tasks"',
    ),
    "record not object": (
        b'{"meta": {"1": {"app": "vaworkspace", "schema": 1}}, "tasks": {"1": 5}}',
        'malformed record in table "tasks"',
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
@pytest.mark.parametrize("how", ["read", "transaction"])
def test_bad_file_raises_one_line_error_and_stays_byte_identical(tmp_path, case, how):
    content, pattern = BAD_FILES[case]
    path = tmp_path / "ws.json"
    path.write_bytes(content)
    before = snapshot(path)
    wf = WorkspaceFile(path)
    with pytest.raises(StoreError, match=pattern) as info:
        if how == "read":
            wf.read()
        else:
            with wf.transaction() as db:
                doc_table(db, "tasks").insert(task(title="must not be written"))
    message = str(info.value)
    assert str(path) in message
    assert "\n" not in message
    if case != "newer schema":
        assert f"no backup found in {tmp_path / 'backups'}" in message
    assert snapshot(path) == before
    assert sorted(os.listdir(tmp_path)) in (["ws.json"], ["ws.json", "ws.json.lock"])
    # the lock was released: a fixed file can be written at once
    write_json(path, valid_doc())
    add_task(WorkspaceFile(path, lock_timeout=1), title="after the fix")


def test_error_names_the_newest_backup(tmp_path):
    path = tmp_path / "ws.json"
    backups = tmp_path / "backups"
    backups.mkdir()
    for day in ("2024-05-01", "2024-05-03", "2024-05-02"):
        (backups / f"ws-{day}.json").write_bytes(b"{}")
    (backups / "other-2024-06-01.json").write_bytes(b"{}")  # another workspace's
    path.write_bytes(b"")
    with pytest.raises(StoreError) as info:
        WorkspaceFile(path).read()
    assert str(info.value) == (
        f"workspace {path} is empty; restore the newest backup "
        f"{backups / 'ws-2024-05-03.json'} or move it away"
    )


def test_unreadable_file_raises(tmp_path, monkeypatch):
    path = tmp_path / "ws.json"
    write_json(path, valid_doc())
    before = snapshot(path)

    opens = os.open

    def denied(target, *args, **kwargs):
        if os.fspath(target) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return opens(target, *args, **kwargs)

    # root ignores file modes, so simulate what chmod 000 does for a normal user
    monkeypatch.setattr(store_file.os, "open", denied)
    for attempt in (
        WorkspaceFile(path).read,
        lambda: WorkspaceFile(path).transaction().__enter__(),
    ):
        with pytest.raises(StoreError, match="cannot be read \\(permission denied\\)") as info:
            attempt()
        assert str(path) in str(info.value)
    assert snapshot(path) == before


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        WorkspaceFile(tmp_path).read()
