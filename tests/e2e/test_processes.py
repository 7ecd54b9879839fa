"""The installed `va` in real processes: concurrent writers, SIGKILL, layering."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys

import pytest

VA = shutil.which("va") or pytest.fail("the `va` script is not installed; pip install '.[test]'")


def run_va(*argv: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([VA, *argv], capture_output=True, text=True, timeout=60)
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.mark.slow
def test_four_processes_fifty_adds_each_lose_nothing(isolated_env) -> None:
    script = (
        "import sys\n"
        "from vaworkspace.cli import main\n"
        "for i in range(50):\n"
        "    assert main(['add', f'task {sys.argv[1]}-{i} @acme', '--new-client']) == 0\n"
    )
    # Each worker is its own process, each add a full CLI command (lock, read, write).
    workers = [
        subprocess.Popen([sys.executable, "-c", script, str(n)], stdout=subprocess.DEVNULL)
        for n in range(4)
    ]
    assert [w.wait(timeout=120) for w in workers] == [0, 0, 0, 0]
    tasks = json.loads(run_va("list", "--all", "--json").stdout)
    assert len(tasks) == 200
    assert sorted(t["id"] for t in tasks) == list(range(1, 201))
    assert len({t["title"] for t in tasks}) == 200
    assert len({t["uuid"] for t in tasks}) == 200


# Where a round's `va add` is killed, each seen on disk rather than guessed from a
# timing (a loaded machine stretches one step and not another): at once, while it
# holds the lock, while its temp file exists, once the file is replaced but before
# it exits; or never, so some adds are confirmed.
KILL_POINTS = ("at once", "locked", "writing", "replaced", "never")


def _holds_flock(pid: int, lock_path: str) -> bool:
    """Whether `pid` holds a flock on `lock_path`, as /proc/locks lists it
    (`1: FLOCK  ADVISORY  WRITE <pid> <major>:<minor>:<inode> 0 EOF`)."""
    try:
        inode = os.stat(lock_path).st_ino
        with open("/proc/locks") as locks:
            rows = [line.split() for line in locks]
    except FileNotFoundError:
        return False
    return any(
        row[1] == "FLOCK" and row[4] == str(pid) and row[5].rsplit(":", 1)[1] == str(inode)
        for row in rows
        if len(row) > 5
    )


def _signature(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns)


def _reached(point: str, pid: int, path: str, before: tuple[int, int] | None) -> bool:
    folder, name = os.path.split(path)
    if point == "locked":
        return _holds_flock(pid, path + ".lock")
    if point == "writing":
        return os.path.exists(os.path.join(folder, f".{name}.{pid}.tmp"))
    if point == "replaced":
        return _signature(path) != before
    return point == "at once"


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/proc/locks"), reason="needs Linux's /proc/locks")
def test_sigkill_during_writes_never_corrupts_or_loses_a_confirmed_write(isolated_env) -> None:
    path = os.environ["VAWORKSPACE_DB"]
    run_va("add", "first @acme", "--new-client")  # the file and the client exist
    confirmed: set[int] = set()
    killed_at: list[str] = []
    for round_ in range(40):
        point = KILL_POINTS[round_ % len(KILL_POINTS)]
        before = _signature(path)
        proc = subprocess.Popen(
            [VA, "add", f"round {round_} @acme"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        killed = False
        while not killed and point != "never" and proc.poll() is None:
            killed = _reached(point, proc.pid, path, before)
            if killed:
                proc.send_signal(signal.SIGKILL)
                killed_at.append(point)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode in (0, -signal.SIGKILL), err
        if proc.returncode == 0:
            confirmed.add(int(out.split("Created task ")[1].split(":")[0]))
        tasks = json.loads(run_va("list", "--all", "--json").stdout)  # the file always parses
        assert confirmed <= {t["id"] for t in tasks}
        if killed and point == "replaced" and proc.returncode != 0:
            assert f"round {round_}" in {t["title"] for t in tasks}  # replaced is durable
    assert len(confirmed) >= 8, "every 'never' round must finish"
    mid_write = [p for p in killed_at if p in ("locked", "writing", "replaced")]
    assert mid_write, f"no kill landed inside a transaction: {killed_at}"
    leftovers = [n for n in os.listdir(os.path.dirname(path)) if n.endswith(".tmp")]
    assert leftovers == [] or all(n.startswith(".") for n in leftovers)


def test_layering_cli_list_and_domain_stay_light(isolated_env) -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "import vaworkspace.domain as d\n"
        "for m in pkgutil.walk_packages(d.__path__, 'vaworkspace.domain.'):\n"
        "    importlib.import_module(m.name)\n"
        "heavy = ('textual', 'tinydb', 'icalendar', 'click')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in heavy]\n"
        "assert not bad, bad\n"
        "from vaworkspace.cli import main\n"
        "main(['list'])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in heavy]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_add_and_done_import_neither_tinydb_nor_typing(isolated_env) -> None:
    """They work through `store.tables`; TinyDB's API (and `typing`, which it
    imports) is built only for a transaction that asks for it. `va add` ranks
    nothing and publishes nothing: it imports neither the urgency rules, the
    working hours nor the publishing service."""
    code = (
        "import sys\n"
        "from vaworkspace.cli import main\n"
        "assert main(['add', 'Call the bank !h due:fri']) == 0\n"
        "ranking = ('urgency', 'worktime', 'reading', 'publishing')\n"
        "bad = [m for m in sys.modules if m.startswith('vaworkspace.') and m.endswith(ranking)]\n"
        "assert bad == ['vaworkspace.service.reading'], bad  # its status_of, not its ranking\n"
        "assert main(['done', '1']) == 0\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('tinydb', 'typing')]\n"
        "assert not bad, bad\n"
        "from vaworkspace.store import WorkspaceFile, doc_table\n"
        "import os\n"
        "with WorkspaceFile(os.environ['VAWORKSPACE_DB']).transaction() as db:\n"
        "    assert doc_table(db, 'closed_tasks').get(doc_id=1)['status'] == 'done'\n"
        "    assert sorted(db.tables()) == sorted(db.storage.read())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_taskwarrior_import_imports_nothing_of_icalendar(isolated_env) -> None:
    """The export's size limit is the import's own: the iCalendar reader (with
    hashlib, typing and the ical modules) is for calendars only."""
    export = os.path.join(os.path.dirname(__file__), "..", "fixtures", "taskwarrior")
    code = (
        "import sys\n"
        "from vaworkspace.cli import main\n"
        f"assert main(['import', {os.path.join(export, 'export-2.6.2.json')!r}]) == 0\n"
        "heavy = ('vaworkspace.ical', 'icalendar', 'typing', 'tinydb')\n"
        "bad = [m for m in sys.modules if m.startswith(heavy)]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_version_and_help_for_every_command() -> None:
    assert run_va("--version").stdout.startswith("vaworkspace ")
    other = shutil.which("vaworkspace")  # the same program under its long name
    assert other is not None
    long_name = subprocess.run([other, "--version"], capture_output=True, text=True, check=True)
    assert long_name.stdout == run_va("--version").stdout
    assert "COMMAND" in run_va("--help").stdout
    every = (
        "add,list,show,edit,done,wait,rm,why,import,client,client add,client list,"
        "client edit,client archive,timer,timer start,timer status,timer switch,log,"
        "entries,entry edit,entry rm,report,export,calendar add,calendar list,calendar rm,"
        "sync,agenda,themes"
    )
    for command in every.split(","):
        out = run_va(*command.split(), "--help").stdout
        assert out.startswith("usage: va "), command
