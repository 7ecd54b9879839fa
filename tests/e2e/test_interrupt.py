"""ctrl+c during a long `va import`: the installed `va`, a real SIGINT, the real file.

`va` runs in the process that was started (no server finishing the work behind the
user's back), so ctrl+c stops the command itself. An interrupted import must leave
the workspace byte for byte as it was, exit with 130 (as shells report SIGINT) and
say so in one line, never with a traceback. The signal is sent at two points that
are certainly inside the command: while it reads the export (from a pipe the test
feeds) and while it holds the workspace lock (it writes its pid into the sidecar).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

VA = shutil.which("va") or pytest.fail("the `va` script is not installed; pip install '.[test]'")
COUNT = 10_000


def export(count: int, title: str) -> bytes:
    """A Taskwarrior 2.6 export of `count` pending tasks titled `title N`."""
    start = datetime(2026, 11, 1, 9, tzinfo=timezone.utc)
    items = []
    for n in range(count):
        made = (start - timedelta(minutes=n)).strftime("%Y%m%dT%H%M%SZ")
        items.append(
            {
                "uuid": f"00000000-0000-4000-8000-{n:012d}",
                "description": f"{title} {n}",
                "project": f"Client{n % 50:02d}",
                "status": "pending",
                "entry": made,
                "modified": made,
                "due": (start + timedelta(days=n % 60)).strftime("%Y%m%dT%H%M%SZ"),
                "tags": ["mail", "travel"][: n % 3],
                "annotations": [{"entry": made, "description": "Check the shared drive first."}],
            }
        )
    return json.dumps(items).encode()


def wait_for(condition, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.001)


def as_at_a_terminal() -> None:
    """Give `va` the SIGINT a foreground job at a terminal has.

    A suite started in the background (`cmd &` from a script) hands its children
    SIGINT ignored, and Python keeps an ignored SIGINT ignored: `va` would then
    run to the end and the test would fail for a reason that is not `va`'s.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def interrupted(proc: subprocess.Popen) -> tuple[int, str]:
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err


def assert_clean_interrupt(code: int, err: str) -> None:
    assert code == 130, f"exit {code}: {err}"
    assert "Traceback" not in err
    assert err.splitlines() == ["va: interrupted"], err


@pytest.fixture
def seeded(isolated_env) -> tuple[Path, bytes, Path]:
    """A workspace holding 10,000 imported tasks, its bytes, and a changed export."""
    first = isolated_env / "first.json"
    first.write_bytes(export(COUNT, "Book hotel"))
    done = subprocess.run([VA, "import", str(first)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    db = Path(os.environ["VAWORKSPACE_DB"])
    changed = isolated_env / "changed.json"
    changed.write_bytes(export(COUNT, "Renew contract"))  # every title differs: a real change
    return db, db.read_bytes(), changed


@pytest.mark.slow
def test_ctrl_c_while_reading_the_export_leaves_the_file_as_it_was(seeded) -> None:
    db, before, changed = seeded
    proc = subprocess.Popen(
        [VA, "import", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=as_at_a_terminal,
    )
    data = changed.read_bytes()
    half = len(data) // 2
    # Far beyond a pipe's buffer: once this returns, `va` is reading the export.
    proc.stdin.buffer.write(data[:half])
    proc.stdin.buffer.flush()
    proc.send_signal(signal.SIGINT)
    # Python acts on a signal that came between two reads only when the next read
    # returns (as at a terminal, where more input or EOF comes): give it the rest.
    with contextlib.suppress(BrokenPipeError):
        proc.stdin.buffer.write(data[half:])
    with contextlib.suppress(BrokenPipeError):
        proc.stdin.close()
    err = proc.stderr.read()
    assert_clean_interrupt(proc.wait(timeout=60), err)
    assert db.read_bytes() == before


@pytest.mark.slow
def test_ctrl_c_inside_the_write_transaction_leaves_the_file_as_it_was(seeded) -> None:
    db, before, changed = seeded
    lock = Path(f"{db}.lock")
    proc = subprocess.Popen(
        [VA, "import", str(changed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=as_at_a_terminal,
    )
    # The lock's holder writes its pid into the sidecar once it has the lock: from
    # then on the import is merging 10,000 tasks into the file it has read.
    wait_for(lambda: lock.read_text().strip() == str(proc.pid), "va to take the workspace lock")
    code, err = interrupted(proc)
    assert_clean_interrupt(code, err)
    assert db.read_bytes() == before
    leftovers = [name for name in os.listdir(db.parent) if name.endswith(".tmp")]
    assert leftovers == []
    # Left alone, the very same command does change the file: the check above means something.
    done = subprocess.run([VA, "import", str(changed)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert db.read_bytes() != before
