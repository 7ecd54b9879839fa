"""Real processes against one workspace: no lost writes, no torn files, clear waits."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from tests.store.valid import task
from vaworkspace.errors import StoreError
from vaworkspace.store import WorkspaceFile, doc_table, skeleton

pytestmark = pytest.mark.slow

# Each transaction reads meta.next_task_id, bumps it and inserts a task with that
# id; `Document(..., doc_id=n)` makes TinyDB raise if the id is already taken, so
# a lost update shows up as a crash, a missing task or a wrong counter.
ADDER = """
import sys
from tinydb.table import Document
from vaworkspace.store import WorkspaceFile, doc_table
path, who, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
TASK = {"uuid": "u", "title": "t", "created": "2024-01-01", "modified": "2024-01-01"}
wf = WorkspaceFile(path, lock_timeout=60)
i = 0
while count < 0 or i < count:
    with wf.transaction() as db:
        meta = doc_table(db, "meta")
        n = meta.get(doc_id=1)["next_task_id"]
        meta.update({"next_task_id": n + 1}, doc_ids=[1])
        doc_table(db, "tasks").insert(Document({"who": who, "i": i, **TASK}, doc_id=n))
    print(n, flush=True)
    i += 1
"""


def spawn_adder(path, who: str, count: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", ADDER, str(path), who, str(count)],
        stdout=subprocess.PIPE,
        text=True,
    )


def test_four_processes_never_lose_a_write(tmp_path):
    path = tmp_path / "ws.json"
    children = [spawn_adder(path, f"p{k}", 50) for k in range(4)]
    outputs = [child.communicate(timeout=120)[0] for child in children]
    assert [child.returncode for child in children] == [0, 0, 0, 0]
    printed = [int(line) for out in outputs for line in out.split()]
    doc = WorkspaceFile(path).read()
    assert len(doc["tasks"]) == 200
    assert sorted(map(int, doc["tasks"])) == list(range(1, 201)) == sorted(printed)
    assert doc["meta"]["1"]["next_task_id"] == 201
    for k in range(4):
        mine = [t["i"] for t in doc["tasks"].values() if t["who"] == f"p{k}"]
        assert mine == list(range(50))


def test_sigkill_at_random_moments_never_tears_the_file(tmp_path):
    path = tmp_path / "ws.json"
    doc = skeleton()
    # ~0.5 MB so each write takes long enough for kills to land inside it
    doc["tasks"] = {str(i): task(title=f"seed task {i}", notes="x" * 200) for i in range(1, 2001)}
    doc["meta"]["1"]["next_task_id"] = 2001
    path.write_bytes(json.dumps(doc).encode())
    rng = random.Random(20240501)
    acknowledged: set[int] = set()
    for _round in range(30):
        child = spawn_adder(path, "crash", -1)
        first = child.stdout.readline()  # wait until it is writing in a loop
        began = time.monotonic()
        second = child.stdout.readline()
        assert first and second, "child died before its second transaction"
        acknowledged.update((int(first), int(second)))
        # One transaction's length on this machine now (a loaded one writes slower):
        # the kill lands anywhere in the next one or two, whatever the load.
        time.sleep(rng.uniform(0, 2 * (time.monotonic() - began)))
        os.kill(child.pid, signal.SIGKILL)
        rest = child.communicate(timeout=30)[0]
        assert child.returncode == -signal.SIGKILL
        # a line is only complete if the process printed it whole
        lines = rest.split("\n")
        acknowledged.update(int(line) for line in lines[:-1] if line)
        current = WorkspaceFile(path).read()  # parses and validates
        missing = acknowledged - set(map(int, current["tasks"]))
        assert not missing, f"acknowledged ids lost: {sorted(missing)}"
        assert current["meta"]["1"]["next_task_id"] > max(acknowledged)


HOLDER = """
import sys, time
from vaworkspace.store import WorkspaceFile, doc_table
with WorkspaceFile(sys.argv[1]).transaction() as db:
    doc_table(db, "tasks").insert({"title": "held", "uuid": "u", "created": "2024-01-01",
                                   "modified": "2024-01-01"})
    print("locked", flush=True)
    time.sleep(60)
"""


def test_lock_timeout_names_the_holder_and_a_killed_holder_frees_the_lock(tmp_path):
    path = tmp_path / "ws.json"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        waiter = WorkspaceFile(path, lock_timeout=0.3)
        started = time.monotonic()
        with pytest.raises(StoreError) as info, waiter.transaction():
            pass
        assert time.monotonic() - started >= 0.3
        assert str(info.value) == (
            f"workspace {path} is locked by process {holder.pid} (another va?); try again"
        )
    finally:
        holder.kill()
        holder.wait(timeout=30)
    # the kernel dropped the dead holder's lock; its unfinished write never happened
    with WorkspaceFile(path, lock_timeout=5).transaction() as db:
        doc_table(db, "tasks").insert(task(title="after"))
    assert [t["title"] for t in WorkspaceFile(path).read()["tasks"].values()] == ["after"]
