"""Two writers, one through a symlink and one through the real path, lose nothing.

Before the path was resolved once, each took the lock named after the path it
was given (`link.json.lock`, `ws.json.lock`) and wrote the same file: 17-39 of
200 confirmed adds were lost per run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from vaworkspace.service import Workspace

pytestmark = pytest.mark.slow

WRITER = """
import os, sys
from vaworkspace.service import Workspace
# Durability is tested elsewhere; an fsync costs ~10 ms on a VM disk and 4,000
# of them would take a minute. The lock and the replace are what is tested here.
os.fsync = lambda fd: None
who, count = sys.argv[1], int(sys.argv[2])
print("ready", flush=True)
for line in sys.stdin:  # one workspace path per run; both writers start together
    ws = Workspace(line.strip())
    for i in range(count):
        ws.tasks.add(f"{who} {i}")
    print(" ".join(f"{who}-{i}" for i in range(count)), flush=True)  # all confirmed
"""


def linked_workspace(folder) -> tuple[str, str]:
    real = folder / "real" / "ws.json"
    real.parent.mkdir(parents=True)
    Workspace(str(real)).tasks.add("first")
    link = folder / "link.json"
    link.symlink_to(real)
    return str(link), str(real)


def test_writers_through_a_link_and_the_real_path_lose_no_add(tmp_path):
    """20 runs of 2 writers x 100 adds; the same two processes serve every run
    (starting Python costs more than the adds)."""
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, who, "100"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for who in ("link", "real")
    ]
    try:
        assert [writer.stdout.readline() for writer in writers] == ["ready\n"] * 2
        for run in range(20):
            link, real = linked_workspace(tmp_path / f"run{run}")
            for writer, path in zip(writers, (link, real), strict=True):
                writer.stdin.write(path + "\n")
                writer.stdin.flush()
            confirmed = [
                w.replace("-", " ") for writer in writers for w in writer.stdout.readline().split()
            ]
            assert len(confirmed) == 200
            titles = [task.title for task in Workspace(real).snapshot().tasks()]
            assert sorted(titles) == sorted(["first", *confirmed]), f"run {run}"
            assert os.path.islink(link)
    finally:
        for writer in writers:
            writer.stdin.close()
            writer.wait(timeout=60)


def test_va_add_processes_through_a_link_and_the_real_path_lose_nothing(tmp_path):
    va = shutil.which("va") or pytest.fail("the `va` script is not installed")
    link, real = linked_workspace(tmp_path)
    loop = 'for i in $(seq 1 5); do "$0" --db "$1" add "$2 $i" >/dev/null || exit 1; done'
    shells = [
        subprocess.Popen(["sh", "-c", loop, va, path, name])
        for path, name in ((link, "via-link"), (real, "via-real"))
    ]
    assert [shell.wait(timeout=300) for shell in shells] == [0, 0]
    titles = sorted(task.title for task in Workspace(real).snapshot().tasks())
    expected = ["first"] + [f"{name} {i}" for name in ("via-link", "via-real") for i in range(1, 6)]
    assert titles == sorted(expected)
