"""Daily backups with rotation, and the schema migration mechanism."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time

import pytest

from tests.store.valid import task
from vaworkspace.errors import StoreError
from vaworkspace.store import WorkspaceFile, doc_table, migrations, newest_backup, skeleton
from vaworkspace.store.backup import KEEP, rotate


class Clock:
    """An injectable local clock: `clock.day = "2024-05-01"`."""

    def __init__(self, day: str) -> None:
        self.day = day

    def __call__(self) -> time.struct_time:
        return time.strptime(self.day, "%Y-%m-%d")


def insert(wf: WorkspaceFile, **fields) -> None:
    with wf.transaction() as db:
        doc_table(db, "tasks").insert(task(**fields))


def mode_of(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# --- backups ---------------------------------------------------------------------


def test_first_write_of_each_day_backs_up_the_previous_bytes(tmp_path):
    path = tmp_path / "ws.json"
    clock = Clock("2024-05-01")
    wf = WorkspaceFile(path, clock=clock)
    insert(wf, title="created")  # no file yet: nothing to back up
    assert not (tmp_path / "backups").exists()
    end_of_creation_day = path.read_bytes()
    insert(wf, title="same day")  # first write of this day with an existing file
    backup = tmp_path / "backups" / "ws-2024-05-01.json"
    assert backup.read_bytes() == end_of_creation_day
    insert(wf, title="same day again")
    assert backup.read_bytes() == end_of_creation_day  # not retaken
    clock.day = "2024-05-02"
    before_day_two = path.read_bytes()
    insert(wf, title="next day")
    assert (tmp_path / "backups" / "ws-2024-05-02.json").read_bytes() == before_day_two
    assert mode_of(tmp_path / "backups") == 0o700
    assert mode_of(backup) == 0o600
    assert newest_backup(path) == tmp_path / "backups" / "ws-2024-05-02.json"
    assert [n for n in os.listdir(tmp_path / "backups") if n.endswith(".tmp")] == []


def test_only_the_newest_fourteen_daily_backups_are_kept(tmp_path):
    path = tmp_path / "ws.json"
    clock = Clock("2024-01-01")
    wf = WorkspaceFile(path, clock=clock)
    insert(wf, title="seed")
    for day in range(1, 21):
        clock.day = f"2024-01-{day:02d}"
        insert(wf, title=f"day {day}")
    names = sorted(os.listdir(tmp_path / "backups"))
    assert len(names) == KEEP == 14
    assert names[0] == "ws-2024-01-07.json" and names[-1] == "ws-2024-01-20.json"
    assert newest_backup(path) == tmp_path / "backups" / "ws-2024-01-20.json"


def test_rotation_ignores_other_workspaces_and_migration_backups(tmp_path):
    path = tmp_path / "ws.json"
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(1, 17):
        (folder / f"ws-2024-02-{day:02d}.json").write_bytes(b"{}")
        (folder / f"other-2024-02-{day:02d}.json").write_bytes(b"{}")
    (folder / "ws-2024-01-01-schema1.json").write_bytes(b"{}")
    deleted = rotate(str(path))
    assert sorted(os.path.basename(p) for p in deleted) == [
        "ws-2024-02-01.json",
        "ws-2024-02-02.json",
    ]
    assert (folder / "ws-2024-01-01-schema1.json").exists()
    assert len([n for n in os.listdir(folder) if n.startswith("other-")]) == 16


def test_newest_backup_none_when_there_is_none(tmp_path):
    assert newest_backup(tmp_path / "ws.json") is None


def dead_pid() -> int:
    """The pid of a process that has exited and been reaped."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], **PIPE)
    return int(child.stdout)


PIPE = {"capture_output": True, "text": True, "check": True}


def test_every_write_sweeps_temp_files_of_dead_writers_only(tmp_path):
    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path, clock=Clock("2024-03-01"))
    insert(wf, title="seed")
    insert(wf, title="takes the day's backup")  # later writes today make no backup
    dead = dead_pid()
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        stale = [
            tmp_path / f".ws.json.{dead}.tmp",
            tmp_path / f"backups/.ws-2024-02-28.json.{dead}.tmp",
        ]
        kept = [
            tmp_path / f".ws.json.{live.pid}.tmp",  # a live writer's: never touched
            tmp_path / f"backups/.ws-2024-03-01.json.{live.pid}.tmp",
            tmp_path / f".notes.txt.{dead}.tmp",
            tmp_path / ".ws.json.tmp",
            tmp_path / f"backups/.ws-old-2024-02-28.json.{dead}.tmp",  # ws-old.json's
        ]
        for victim in stale + kept:
            victim.write_bytes(b"half a fi")
        insert(wf, title="a later write the same day")
        assert [p.exists() for p in stale] == [False, False]
        assert all(p.exists() for p in kept)
    finally:
        live.kill()
        live.wait(timeout=30)


# --- migrations ------------------------------------------------------------------


def old_file(path) -> bytes:
    doc = skeleton()
    doc["meta"]["1"]["schema"] = 1
    doc["tasks"] = {"1": task(title="old", tag="x")}
    data = json.dumps(doc).encode()
    path.write_bytes(data)
    return data


@pytest.fixture
def schema_four(monkeypatch):
    """Pretend this build writes schema 4, whose tasks hold `tags` lists (after
    the real steps from 1 to 3: closed tasks, then imported to-dos' records, in
    their own tables)."""

    def three_to_four(doc: dict) -> dict:
        for record in doc["tasks"].values():
            record["tags"] = [record.pop("tag")] if "tag" in record else []
        return doc

    monkeypatch.setattr(migrations, "SCHEMA", 4)
    monkeypatch.setattr(migrations, "MIGRATIONS", {**migrations.MIGRATIONS, 3: three_to_four})


def test_migrate_steps_and_sets_the_version(schema_four):
    doc = skeleton()
    doc["meta"]["1"]["schema"] = 1
    doc["tasks"] = {"1": {"tag": "a"}}
    migrated, changed = migrations.migrate(doc)
    assert changed and migrated["meta"]["1"]["schema"] == 4
    assert migrated["tasks"]["1"] == {"tags": ["a"]}
    assert migrations.migrate(migrated) == (migrated, False)


def test_old_file_is_migrated_in_memory_on_read(tmp_path, schema_four):
    path = tmp_path / "ws.json"
    data = old_file(path)
    mtime = os.stat(path).st_mtime_ns
    doc = WorkspaceFile(path).read()
    assert doc["meta"]["1"]["schema"] == 4
    assert doc["tasks"]["1"] == task(title="old", tags=["x"])
    assert path.read_bytes() == data and os.stat(path).st_mtime_ns == mtime


def test_next_transaction_backs_up_then_writes_the_migrated_file(tmp_path, schema_four):
    path = tmp_path / "ws.json"
    data = old_file(path)
    wf = WorkspaceFile(path, clock=Clock("2024-07-09"))
    with wf.transaction() as db:  # writes nothing itself
        assert doc_table(db, "tasks").get(doc_id=1)["tags"] == ["x"]
    on_disk = json.loads(path.read_bytes())
    assert on_disk["meta"]["1"]["schema"] == 4
    assert on_disk["tasks"]["1"] == task(title="old", tags=["x"])
    assert (tmp_path / "backups" / "ws-2024-07-09-schema1.json").read_bytes() == data
    assert (tmp_path / "backups" / "ws-2024-07-09.json").read_bytes() == data


def test_missing_migration_step_is_an_error_and_leaves_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(migrations, "SCHEMA", 3)
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: lambda doc: doc})
    path = tmp_path / "ws.json"
    data = old_file(path)
    with pytest.raises(StoreError, match=r"cannot be upgraded from schema 1 .*schema 2 to 3"):
        WorkspaceFile(path).read()
    assert path.read_bytes() == data


def test_file_newer_than_this_build_is_refused(tmp_path):
    path = tmp_path / "ws.json"
    doc = skeleton()
    doc["meta"]["1"]["schema"] = migrations.SCHEMA + 1
    path.write_bytes(json.dumps(doc).encode())
    with pytest.raises(StoreError, match=r"newer vaworkspace.*upgrade vaworkspace"):
        WorkspaceFile(path).read()
