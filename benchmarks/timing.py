"""Time `va report` and the timer on 10,000 generated time entries, beside Timewarrior.

    python benchmarks/timing.py [--runs 9] [--entries 10000] [--keep DIR]

Generates 50 clients (rates, some retainers, some rounding to 6 or 15 minutes per
entry or per total), 1,000 tasks and 10,000 non-overlapping time entries of
15 min to 3 h spread over the twelve months before yesterday (about 85 %
billable, 40 % on a task), written straight through the store API: going through
`va log` 10,000 times would take minutes and measure nothing we report. The same
intervals go into a throwaway Timewarrior database, written in its own monthly
files after checking the format against what the installed `timew track` writes.

Then the median wall time of: a report over every entry (`va report --from
FIRST --to LAST --json` against `timew summary :all`, both reading all 10,000
intervals), `va timer start @client01 --stopwatch` and `va timer stop` (against
`timew start client01` / `timew stop`). Generated entries end before yesterday,
so the entries the timer logs (one per stop) never overlap them. The module is
not called `time.py` because `run.py` imports it from this folder, where it
would shadow the standard library's `time`.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone

from measure import timed  # the task benchmarks' measurement, so the figures compare

UTC = timezone.utc
CLIENTS = 50
TASKS = 1_000
WINDOW_DAYS = 365
REPORT_RATIO = 0.75
"""`va report` over everything must take at most this share of `timew summary :all`."""
TARGETS = {
    "report all": (f"≤ {REPORT_RATIO}× timew", None),
    "timer start": ("≤ 100 ms", 100.0),
    "timer stop": ("≤ 100 ms", 100.0),
}
"""Command → (label, limit in ms; None: judged by the ratio to Timewarrior)."""

NOTES = ["inbox zero", "call with supplier", "invoices", "calendar", "travel booking", ""]


def _clients(rng: random.Random) -> list:
    """50 clients shaped like a VA's book: varied rates, a few retainers and roundings."""
    from vaworkspace.domain.models import Budget, Client

    out = []
    for n in range(CLIENTS):
        budget = None
        if n % 4 == 1:  # a quarter of them buy hours in advance
            period = rng.choice(["week", "month"])
            budget = Budget(rng.choice([5, 10, 15]) * 60 * (4 if period == "month" else 1), period)
        out.append(
            Client(
                id=f"client{n:02d}",
                name=f"Client {n:02d} {rng.choice(['Ltd', 'Studio', 'Coaching', 'Events'])}",
                rate_cents=rng.randrange(2_500, 9_001, 250),
                currency=rng.choice(["EUR", "EUR", "EUR", "USD", "CAD"]),
                budget=budget,
                weight=rng.randint(1, 5),
                rounding_minutes=rng.choice([0, 0, 6, 15]),
                round_per=rng.choice(["entry", "entry", "total"]),
            )
        )
    return out


def _intervals(count: int, first: datetime, last: datetime, rng: random.Random) -> list:
    """`count` sorted, non-overlapping (start, end) instants in `[first, last)`.

    Durations are whole minutes, 15 min to 3 h, skewed short (most blocks a VA logs
    are under an hour; 10,000 blocks of the mean of 15 min–3 h would not fit in a
    year). What the durations leave of the window is shared out as random gaps,
    floored to the minute, so the blocks never overlap and never pass `last`.
    """
    minutes = [min(180, 15 + 5 * round(rng.expovariate(1 / 22) / 5)) for _ in range(count)]
    window = int((last - first).total_seconds() // 60)
    spare = window - sum(minutes)
    if spare < 0:
        raise SystemExit(f"{count} entries do not fit in {WINDOW_DAYS} days; ask for fewer")
    weights = [rng.random() for _ in range(count + 1)]
    scale = spare / sum(weights)
    out, cursor = [], first  # the last weight is the gap left after the last block
    for length, weight in zip(minutes, weights[:count], strict=True):
        cursor += timedelta(minutes=int(weight * scale))
        out.append((cursor, cursor + timedelta(minutes=length)))
        cursor = out[-1][1]
    return out


def generate_workspace(path: str, count: int, rng: random.Random) -> list[tuple]:
    """Write the workspace in one transaction; returns (start, end, client) per entry."""
    from vaworkspace.domain.models import Task, TimeEntry
    from vaworkspace.store import tables
    from vaworkspace.store.file import WorkspaceFile
    from vaworkspace.store.records import client_to_record, entry_to_record, task_to_record

    now = datetime.now(UTC).replace(microsecond=0)
    last = datetime(now.year, now.month, now.day, tzinfo=UTC) - timedelta(days=2)
    first = last - timedelta(days=WINDOW_DAYS)
    clients = _clients(rng)
    tasks = {}
    for n in range(1, TASKS + 1):
        made = first + timedelta(minutes=rng.randrange(WINDOW_DAYS * 24 * 60))
        tasks[n] = Task(
            n,
            f"00000000-0000-4000-8000-{n:012d}",
            f"task {n} for the timesheet",
            made,
            made,
            clients[n % CLIENTS].id,
        )
        if rng.random() < 0.7:  # most tasks with logged time are finished
            tasks[n].status, tasks[n].completed = "done", made + timedelta(days=1)
    entries, spans = {}, []
    for n, (start, end) in enumerate(_intervals(count, first, last, rng), start=1):
        task = rng.randint(1, TASKS) if rng.random() < 0.4 else None
        client = tasks[task].client if task else clients[rng.randrange(CLIENTS)].id
        entry = TimeEntry(
            n,
            start,
            end,
            client,
            task,
            rng.random() < 0.85,
            rng.choice(NOTES),
            rng.choice(["manual", "timer"]),
        )
        entries[n] = entry_to_record(entry)
        spans.append((start, end, client))
    if os.path.exists(path):
        os.remove(path)
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(db, "clients", {n: client_to_record(c) for n, c in enumerate(clients, 1)})
        tables.put_many(db, "tasks", {n: task_to_record(t) for n, t in tasks.items()})
        tables.put_many(db, "entries", entries)
        tables.set_meta(db, {"next_entry_id": count + 1, "next_task_id": TASKS + 1})
    return spans


# -- Timewarrior --------------------------------------------------------------------


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def timew_lines(spans: list[tuple]) -> dict[str, list[str]]:
    """Timewarrior's `data/YYYY-MM.data` files (month of the start) and their lines."""
    files: dict[str, list[str]] = {}
    for start, end, tag in sorted(spans):
        files.setdefault(f"{start:%Y-%m}.data", []).append(
            f"inc {_stamp(start)} - {_stamp(end)} # {tag}"
        )
    return files


def _timew_env(data: str) -> dict:
    return dict(_measured_env(), TIMEWARRIORDB=data)


def _timew_folder(folder: str, name: str) -> str:
    data = os.path.join(folder, name)
    shutil.rmtree(data, ignore_errors=True)
    os.makedirs(os.path.join(data, "data"))
    with open(os.path.join(data, "timewarrior.cfg"), "w") as handle:
        handle.write("verbose = off\nconfirmation = off\n")
    return data


def check_timew_format(folder: str) -> None:
    """Refuse to go on if the installed `timew track` writes other lines than ours.

    Writing 10,000 intervals by hand is only a fair comparison when Timewarrior
    reads them as its own, so two tracked intervals must come out byte for byte.
    """
    data = _timew_folder(folder, "timew-format")
    env = _timew_env(data)
    spans = [
        (datetime(2026, 1, 5, 9, tzinfo=UTC), datetime(2026, 1, 5, 10, 30, tzinfo=UTC), "clientA"),
        (datetime(2026, 2, 3, 14, tzinfo=UTC), datetime(2026, 2, 3, 14, 15, tzinfo=UTC), "clientB"),
    ]
    for start, end, tag in spans:
        subprocess.run(
            ["timew", "track", f"{_stamp(start)}", "-", f"{_stamp(end)}", tag],
            env=env,
            check=True,
            capture_output=True,
        )
    for name, lines in timew_lines(spans).items():
        with open(os.path.join(data, "data", name)) as handle:
            written = handle.read().splitlines()
        if written != lines:
            raise SystemExit(f"timew writes {written!r}, this benchmark {lines!r}: update it")
    shutil.rmtree(data, ignore_errors=True)


def write_timew(folder: str, spans: list[tuple]) -> str:
    """The intervals as a Timewarrior database (with its tag counts); returns its folder."""
    data = _timew_folder(folder, "timew")
    for name, lines in timew_lines(spans).items():
        with open(os.path.join(data, "data", name), "w") as handle:
            handle.write("\n".join(lines) + "\n")
    counts: dict[str, int] = {}
    for _, _, tag in spans:
        counts[tag] = counts.get(tag, 0) + 1
    with open(os.path.join(data, "data", "tags.data"), "w") as handle:
        body = ",\n".join(f'  "{tag}":{{"count":{n}}}' for tag, n in sorted(counts.items()))
        handle.write("{\n" + body + "\n}")
    return data


def ensure_timew() -> bool:
    """Install Timewarrior with apt when missing (root only); False if it is absent."""
    if shutil.which("timew"):
        return True
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(
            ["apt-get", "install", "-y", "timewarrior"],
            capture_output=True,
            env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"),
        )
    return shutil.which("timew") is not None


# -- measuring ---------------------------------------------------------------------


def _measured_env() -> dict:
    """The caller's environment minus PYTHONDONTWRITEBYTECODE: a user's `va` runs from
    cached bytecode, and recompiling every module on each run would be measured too."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_bytecode(va: str) -> None:
    """Fill the bytecode cache once, with the interpreter the `va` script runs on."""
    with open(va, "rb") as handle:
        first = handle.readline().decode(errors="replace")
    python = first[2:].strip() if first.startswith("#!") else sys.executable
    package = subprocess.run(
        [python, "-c", "import os, vaworkspace; print(os.path.dirname(vaworkspace.__file__))"],
        env=_measured_env(),
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    subprocess.run([python, "-m", "compileall", "-q", package], env=_measured_env(), check=True)


def _timer_pair(start: list[str], stop: list[str], env: dict, runs: int) -> tuple[float, float]:
    """Medians of `runs` start/stop pairs, alternated so each start has its stop.

    The stop comes a little over a second after the start (not timed), so every
    stop really logs an entry, as it does for a user, instead of a zero-length one.
    """
    starts, stops = [], []
    for _ in range(runs):
        starts.append(timed(start, env, 1)[0])
        time.sleep(1.1)
        stops.append(timed(stop, env, 1)[0])
    return statistics.median(starts), statistics.median(stops)


def _check_totals(report: list[str], env: dict, spans: list[tuple]) -> None:
    """Both programs must see every generated minute, or the comparison means nothing."""
    import json

    expected = sum((end - start).total_seconds() for start, end, _ in spans) / 3600
    lines = json.loads(subprocess.run(report, env=env, check=True, capture_output=True).stdout)
    got = sum(line["hours"] for line in lines)
    if abs(got - expected) > 0.01 * len(lines):
        raise SystemExit(f"va report counts {got:.2f} h of the {expected:.2f} h generated")


def _check_timew_total(env: dict, spans: list[tuple]) -> None:
    out = subprocess.run(
        ["timew", "summary", ":all"], env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    hours, minutes, seconds = (int(x) for x in out[-1].split(":"))
    got = hours * 3600 + minutes * 60 + seconds
    expected = int(sum((end - start).total_seconds() for start, end, _ in spans))
    if got != expected:
        raise SystemExit(f"timew summary counts {got} s of the {expected} s generated")


def time_results(folder: str, runs: int, entries: int) -> dict[str, tuple[float, float | None]]:
    """Command → (va median ms, timew median ms or None when Timewarrior is missing).

    Works in its own files inside `folder` (`time-workspace.json`, `timew/`), so
    the task benchmark's workspace is left alone.
    """
    va = shutil.which("va")
    if va is None:
        raise SystemExit("install the project first: pip install '.[test]'")
    compile_bytecode(va)
    os.makedirs(folder, exist_ok=True)
    db = os.path.join(folder, "time-workspace.json")
    spans = generate_workspace(db, entries, random.Random(7))
    env = dict(
        _measured_env(), VAWORKSPACE_DB=db, VAWORKSPACE_CONFIG=os.path.join(folder, "none.toml")
    )
    # A day either side: the bounds are local days and the zone is the system's.
    first = min(s for s, _, _ in spans).date() - timedelta(days=1)
    last = max(s for s, _, _ in spans).date() + timedelta(days=1)
    report = [va, "report", "--from", first.isoformat(), "--to", last.isoformat(), "--json"]
    _check_totals(report, env, spans)

    results: dict[str, tuple[float, float | None]] = {}
    tw: dict[str, float] = {}
    if ensure_timew():
        check_timew_format(folder)
        tw_env = _timew_env(write_timew(folder, spans))
        _check_timew_total(tw_env, spans)
        tw["report all"] = timed(["timew", "summary", ":all"], tw_env, runs)[0]
        tw["timer start"], tw["timer stop"] = _timer_pair(
            ["timew", "start", "client01"], ["timew", "stop"], tw_env, runs
        )
    results["report all"] = (timed(report, env, runs)[0], tw.get("report all"))
    start, stop = _timer_pair(
        [va, "timer", "start", "@client01", "--stopwatch"], [va, "timer", "stop"], env, runs
    )
    results["timer start"] = (start, tw.get("timer start"))
    results["timer stop"] = (stop, tw.get("timer stop"))
    return results


def print_results(results: dict[str, tuple[float, float | None]]) -> None:
    """The table `run.py` prints too: va, timew, ratio and whether the target holds."""
    print(f"{'command':<14}{'va ms':>9}{'timew ms':>10}{'va/timew':>10}   target")
    for name, (ms, other) in results.items():
        ratio = ms / other if other else None
        label, limit = TARGETS[name]
        if limit is not None:
            verdict = "met" if ms <= limit else "MISSED"
        elif ratio is None:
            verdict = "no timew"
        else:
            verdict = "met" if ratio <= REPORT_RATIO else "MISSED"
        shown = f"{ratio:.2f}" if ratio is not None else "-"
        print(f"{name:<14}{ms:>9.1f}{other or 0:>10.1f}{shown:>10}   {label} ({verdict})")
    if all(other is None for _, other in results.values()):
        print("(Timewarrior not installed and not installable: apt-get install timewarrior)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--keep", help="generate into this folder and keep it")
    args = parser.parse_args()
    folder = args.keep or tempfile.mkdtemp(prefix="va-time-bench-")
    try:
        results = time_results(folder, args.runs, args.entries)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, "
        f"Python {platform.python_version()}"
    )
    print(f"{args.entries} time entries, {CLIENTS} clients, {TASKS} tasks; median of {args.runs}")
    print_results(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
