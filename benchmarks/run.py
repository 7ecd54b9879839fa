"""Time the installed `va` on a generated 10,000-task workspace, beside Taskwarrior.

    python benchmarks/run.py [--runs 9] [--tasks 10000] [--keep DIR]

Generates 50 clients and 10,000 tasks (about 20 % done, 5 % waiting, 5 %
recurring), then reports the median wall time of each command over several runs,
served by the workspace server (the default; the first command starts it) and in
place (VAWORKSPACE_SERVER=off), the peak resident memory of any in-place run and
the server's own peak. If Taskwarrior (`task`) is installed, the
same tasks are imported into a throwaway Taskwarrior database and its equivalent
commands are timed the same way, with the ratio va/task. Then the TUI figures of
`benchmarks/tui.py` on the same workspace, and the time-tracking figures of
`benchmarks/timing.py` (10,000 entries, `va report` beside `timew summary` when
Timewarrior is installed). Timing lives here, apart from the tests: tests assert
behaviour, this measures it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

UTC = timezone.utc
NOW = datetime.now(UTC).replace(microsecond=0)
WORDS = [
    "book",
    "call",
    "send",
    "update",
    "draft",
    "invoice",
    "post",
    "schedule",
    "confirm",
    "review",
    "order",
    "reply",
    "prepare",
    "file",
    "renew",
    "check",
    "plan",
    "organise",
    "follow-up",
    "pay",
]
THINGS = [
    "hotel",
    "flight",
    "newsletter",
    "agenda",
    "supplier",
    "quote",
    "blog",
    "photos",
    "minutes",
    "receipts",
    "payroll",
    "contract",
    "webinar",
    "podcast",
    "meeting",
    "CRM",
    "spreadsheet",
    "tickets",
]


@dataclass
class Timing:
    name: str
    median_ms: float
    peak_kb: int


def generate_taskwarrior_export(count: int, clients: int, rng: random.Random) -> list[dict]:
    """Taskwarrior-shaped tasks: the common input of both programs."""
    names = [f"Client{n:02d}" for n in range(clients)]
    out = []
    for n in range(count):
        entry = NOW - timedelta(days=rng.randint(0, 120), minutes=rng.randint(0, 600))
        item = {
            "uuid": f"{rng.getrandbits(32):08x}-{n % 65536:04x}-4{rng.getrandbits(12):03x}-"
            f"8{rng.getrandbits(12):03x}-{rng.getrandbits(48):012x}",
            "description": f"{rng.choice(WORDS)} {rng.choice(THINGS)} {n}",
            "project": rng.choice(names),
            "entry": entry.strftime("%Y%m%dT%H%M%SZ"),
            "modified": entry.strftime("%Y%m%dT%H%M%SZ"),
            "status": "pending",
        }
        roll = rng.random()
        if rng.random() < 0.7:
            due = NOW + timedelta(days=rng.randint(-20, 60), hours=rng.randint(0, 23))
            item["due"] = due.strftime("%Y%m%dT%H%M%SZ")
        if rng.random() < 0.5:
            item["priority"] = rng.choice("HML")
        if rng.random() < 0.4:
            item["tags"] = rng.sample(["mail", "travel", "social", "admin", "next"], 2)
        if roll < 0.20:
            item["status"] = "completed"
            item["end"] = (entry + timedelta(days=1)).strftime("%Y%m%dT%H%M%SZ")
        elif roll < 0.25:
            item["status"] = "waiting"
            item["wait"] = (NOW + timedelta(days=rng.randint(1, 20))).strftime("%Y%m%dT%H%M%SZ")
        out.append(item)
    return out


def add_recurrence(path: str, share: float, rng: random.Random) -> None:
    """Give ~5 % of the open tasks a rule, through the service like `va edit` would."""
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
    from vaworkspace.store import tables
    from vaworkspace.store.file import WorkspaceFile

    with WorkspaceFile(path).transaction() as db:
        records = tables.records(db, "tasks")
        open_ids = [i for i, r in records.items() if r.get("status", "todo") == "todo"]
        chosen = rng.sample(open_ids, int(len(records) * share))
        changed = {}
        for doc_id in chosen:
            record = dict(records[doc_id])
            record["recurrence"] = rng.choice(
                ["FREQ=WEEKLY;BYDAY=MO", "FREQ=DAILY", "FREQ=MONTHLY"]
            )
            record.setdefault("due", NOW.date().isoformat())
            changed[doc_id] = record
        tables.put_many(db, "tasks", changed)


def timed(argv: list[str], env: dict, runs: int, setup=None) -> tuple[float, int]:
    """Median wall milliseconds and peak RSS (kB) of `runs` runs of a command."""
    times, peak = [], 0
    for run in range(runs):
        if setup:
            setup(run)
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} failed: {proc.stderr.read().decode()}")
        times.append(elapsed * 1000)
        peak = max(peak, usage.ru_maxrss)
    return statistics.median(times), peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--keep", help="generate into this folder and keep it")
    args = parser.parse_args()
    va = shutil.which("va")
    if va is None:
        raise SystemExit("install the project first: pip install '.[test]'")
    folder = args.keep or tempfile.mkdtemp(prefix="va-bench-")
    os.makedirs(folder, exist_ok=True)
    # This run's own workspace server (a short path: socket addresses are limited),
    # holding only this run's workspaces as a VA's holds theirs; stopped at the end.
    runtime = tempfile.mkdtemp(prefix="va-run-", dir="/tmp")
    os.environ["XDG_RUNTIME_DIR"] = runtime
    try:
        return measure(args, va, folder)
    finally:
        stop_servers(runtime)


def stop_servers(runtime: str) -> None:
    import glob
    import signal

    from vaworkspace.relay import server_pid

    for path in glob.glob(os.path.join(runtime, "vaworkspace-*", "server-*.sock")):
        pid = server_pid(path)
        if pid:
            os.kill(pid, signal.SIGTERM)
    shutil.rmtree(runtime, ignore_errors=True)


def measure(args, va: str, folder: str) -> int:
    rng = random.Random(42)
    export = os.path.join(folder, "taskwarrior-export.json")
    items = generate_taskwarrior_export(args.tasks, 50, rng)
    with open(export, "w") as handle:
        json.dump(items, handle)

    db = os.path.join(folder, "workspace.json")
    env = dict(os.environ, VAWORKSPACE_DB=db, VAWORKSPACE_CONFIG=os.path.join(folder, "none.toml"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure what an installed va does: cached bytecode
    if os.path.exists(db):
        os.remove(db)
    subprocess.run([va, "import", export], env=env, check=True, stdout=subprocess.DEVNULL)
    add_recurrence(db, 0.05, rng)
    size = os.path.getsize(db)

    listing = json.loads(
        subprocess.run([va, "list", "--json"], env=env, check=True, capture_output=True).stdout
    )
    todo = iter([t["id"] for t in listing][::-1])
    fresh = os.path.join(folder, "fresh.json")

    def reset_fresh(_run: int) -> None:
        for path in (fresh, fresh + ".lock"):
            if os.path.exists(path):
                os.remove(path)

    runs = args.runs
    modes = {
        "in place": dict(env, VAWORKSPACE_SERVER="off"),
        "served": env,  # the default: the first command starts the workspace server
    }
    add = [va, "add", "Book hotel @client07 !h due:fri ~45m #travel"]
    results = {}
    for label, env_used in modes.items():
        fresh_env = dict(env_used, VAWORKSPACE_DB=fresh)
        results[label] = {
            "list": timed([va, "list"], env_used, runs),
            "list --all --json": timed([va, "list", "--all", "--json"], env_used, runs),
            "add": timed(add, env_used, runs),
            "done": timed_done(va, env_used, runs, todo),
            "import 10k": timed([va, "import", export], fresh_env, runs, setup=reset_fresh),
        }
    server_kb = server_peak_kb(os.environ["XDG_RUNTIME_DIR"])
    tw = taskwarrior_results(folder, export, runs) if shutil.which("task") else {}

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, "
        f"Python {platform.python_version()}"
    )
    print(f"workspace: {args.tasks} tasks, 50 clients, {size / 1e6:.1f} MB; median of {runs} runs")
    print("va: served by the workspace server (the default); in place: VAWORKSPACE_SERVER=off")
    print(f"{'command':<20}{'va ms':>9}{'in place':>10}{'peak MB':>9}{'task ms':>9}{'va/task':>9}")
    for name, (ms, _) in results["served"].items():
        local_ms, peak = results["in place"][name]
        other = tw.get(name)
        ratio = f"{ms / other:.2f}" if other else "-"
        print(
            f"{name:<20}{ms:>9.1f}{local_ms:>10.1f}{peak / 1024:>9.1f}{other or 0:>9.1f}{ratio:>9}"
        )
    print(f"(peak MB: of the process in place; the server's own peak: {server_kb / 1024:.1f} MB)")
    if not tw:
        print("(Taskwarrior not installed: apt-get install taskwarrior to compare)")
    from tui import tui_results

    targets = {
        "first screen": 300, "(tmux baseline)": 0, "cursor move": 16, "search 10k": 50,
        "complete": 50,
    }  # fmt: skip
    print(f"\nTUI on the same workspace, median of {runs} (first screen: wall; keys: CPU)")
    for name, ms in tui_results(db, runs).items():
        target = f"   target ≤ {targets[name]} ms" if targets.get(name) else ""
        print(f"{name:<20}{ms:>9.1f}{target}")
    from timing import print_results, time_results

    print(f"\nTime tracking on 10,000 generated entries, median of {runs}")
    print_results(time_results(folder, runs, 10_000))
    return 0


def server_peak_kb(runtime: str) -> int:
    """Peak resident memory of the workspace server this run started."""
    import glob

    from vaworkspace.relay import server_pid

    for path in glob.glob(os.path.join(runtime, "vaworkspace-*", "server-*.sock")):
        try:
            with open(f"/proc/{server_pid(path)}/status") as status:
                return int(next(x for x in status if x.startswith("VmHWM:")).split()[1])
        except (OSError, StopIteration):
            pass
    return 0


def timed_done(va: str, env: dict, runs: int, ids) -> tuple[float, int]:
    times, peak = [], 0
    for _ in range(runs):
        ms, kb = timed([va, "done", str(next(ids))], env, 1)
        times.append(ms)
        peak = max(peak, kb)
    return statistics.median(times), peak


def taskwarrior_results(folder: str, export: str, runs: int) -> dict[str, float]:
    """The same tasks in Taskwarrior 2.6; the command names map to ours."""
    data = os.path.join(folder, "taskdata")
    shutil.rmtree(data, ignore_errors=True)
    os.makedirs(data)
    rc = os.path.join(folder, "taskrc")
    with open(rc, "w") as handle:
        handle.write(
            f"data.location={data}\nconfirmation=off\nverbose=nothing\nrecurrence=off\ngc=on\n"
        )
    env = dict(os.environ, TASKRC=rc, TASKDATA=data)
    task = ["task", "rc.confirmation=off", "rc.verbose=nothing"]
    subprocess.run([*task, "import", export], env=env, check=True, capture_output=True)
    fresh = os.path.join(folder, "taskdata-fresh")

    def reset(_run: int) -> None:
        shutil.rmtree(fresh, ignore_errors=True)
        os.makedirs(fresh)

    pending = subprocess.run([*task, "_ids"], env=env, capture_output=True, text=True)
    ids = iter(pending.stdout.split()[::-1])
    out = {
        "list": timed([*task, "next"], env, runs)[0],
        "list --all --json": timed([*task, "list"], env, runs)[0],
        "add": timed(
            [*task, "add", "Book hotel project:Client07 priority:H due:friday +travel"], env, runs
        )[0],
        "done": statistics.median(
            timed([*task, next(ids), "done"], env, 1)[0] for _ in range(runs)
        ),
        "import 10k": timed(
            [*task, f"rc.data.location={fresh}", "import", export], env, runs, setup=reset
        )[0],
    }
    return out


if __name__ == "__main__":
    sys.exit(main())
