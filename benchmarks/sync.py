"""Time `va sync` against a local CalDAV server (Radicale), full and incremental.

    python benchmarks/sync.py [--runs 5] [--todos 2000] [--events 5000] [--changed 10]

A Radicale server on 127.0.0.1 (the test suite's, `tests/dav/radicale.py`)
holds a client's task list of `--todos` to-dos and a calendar of `--events`
events, written straight into its storage before it starts (seeding through
HTTP would take minutes and is not what is measured). The workspace maps both to
the client. Then, each in a fresh `va sync` process, wall time:

    full sync           the first: every resource fetched, every task created
    no change           nothing changed on either side
    incremental         `--changed` changes since the last sync, half edited on
                        the server (another client's PUTs), half here (`va edit`)
                        target ≤ 2 s for 2,000 to-dos, 5,000 events, 10 changed

Median of `--runs` for the last two, each with the CPU seconds the `va` process
and the server spent (on a busy machine the wall time grows, CPU time much less).
Needs the test extra (Radicale, caldav).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.dav.phone import Phone  # noqa: E402
from tests.dav.radicale import USERS, RadicaleServer  # noqa: E402

TARGET_S = 2.0
STAMP = "DTSTAMP:20260101T090000Z"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--todos", type=int, default=2000)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--changed", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        server = RadicaleServer(Path(folder) / "radicale").start()
        try:
            return measure(server, Path(folder), args)
        finally:
            server.remove()


def measure(server: RadicaleServer, folder: Path, args) -> int:
    todos_url = server.make_collection("ann", "todos", "Acme tasks", ["VTODO"])
    server.make_collection("ann", "events", "Acme calendar", ["VEVENT"])
    server.stop()
    seed(server, args.todos, args.events)
    server.start()
    env = {
        **os.environ,
        "VAWORKSPACE_DB": str(folder / "workspace.json"),
        "VAWORKSPACE_CONFIG": str(folder / "config" / "config.toml"),
        "PYTHONPATH": str(ROOT),
    }
    run_va(env, "client", "add", "Acme", "--id", "acme")
    login = f"echo {USERS['ann']}"
    run_va(env, "account", "add", "work", server.url, "--user", "ann", "--password-command", login)
    run_va(env, "account", "map", "work", "todos", "--client", "acme")
    run_va(env, "account", "map", "work", "events", "--client", "acme")

    full = timed(env, server)
    quiet = [timed(env, server) for _ in range(args.runs)]
    phone = Phone(server.url, "ann", todos_url)
    incremental = []
    for run in range(args.runs):
        for n in range(args.changed // 2):
            phone.edit(f"todo-{(run * args.changed + n) % args.todos}", summary=f"Edited {run}.{n}")
        for n in range(args.changed - args.changed // 2):
            task_id = (run * args.changed + n + 500) % args.todos + 1
            run_va(env, "edit", str(task_id), f"Edited here {run}.{n}")
        incremental.append(timed(env, server))
    median = _median(incremental)
    print(f"sync of {args.todos} to-dos + {args.events} events (Radicale on 127.0.0.1)")
    print("                           wall    va CPU  server CPU")
    print(f"  full sync (first)       {_row(full)}")
    print(f"  no change               {_row(_median(quiet))}  (median of {args.runs})")
    verdict = "ok" if median[0] <= TARGET_S else "OVER"
    print(
        f"  incremental, {args.changed} changed {_row(median)}  (median of {args.runs}; "
        f"target ≤ {TARGET_S:.0f} s wall: {verdict})"
    )
    print(f"  load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0 if median[0] <= TARGET_S else 1


def _median(samples: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return min(samples, key=lambda s: abs(s[0] - statistics.median(x[0] for x in samples)))


def _row(sample: tuple[float, float, float]) -> str:
    wall, mine, server = sample
    return f"{wall:6.2f} s {mine:6.2f} s {server:8.2f} s"


def _cpu_of(pid: int) -> float:
    """User + system CPU seconds of process `pid` so far (Linux /proc)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def seed(server: RadicaleServer, todos: int, events: int) -> None:
    """Resources written into the stopped server's storage, one file each."""
    home = server.storage / "collection-root" / "ann"
    for n in range(todos):
        body = [f"UID:todo-{n}", STAMP, f"SUMMARY:To-do {n}", "STATUS:NEEDS-ACTION"]
        if n % 3 == 0:
            body.append(f"DUE;VALUE=DATE:2026{(n % 12) + 1:02}{(n % 28) + 1:02}")
        (home / "todos" / f"todo-{n}.ics").write_text(_calendar("VTODO", body))
    for n in range(events):
        day = f"2026{(n % 12) + 1:02}{(n % 28) + 1:02}"
        hour = 8 + n % 9
        body = [f"UID:event-{n}", STAMP, f"SUMMARY:Meeting {n}"]
        body += [f"DTSTART:{day}T{hour:02}0000Z", f"DTEND:{day}T{hour:02}4500Z"]
        (home / "events" / f"event-{n}.ics").write_text(_calendar("VEVENT", body))


def _calendar(kind: str, lines: list[str]) -> str:
    body = "\r\n".join(lines)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n"
        f"BEGIN:{kind}\r\n{body}\r\nEND:{kind}\r\nEND:VCALENDAR\r\n"
    )


def run_va(env: dict[str, str], *argv: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "vaworkspace", *argv], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"va {' '.join(argv)} failed: {done.stderr.strip()}")
    return done.stdout


def timed(env: dict[str, str], server: RadicaleServer) -> tuple[float, float, float]:
    """Wall seconds of one `va sync`, its own CPU seconds and the server's."""
    assert server.process is not None
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    served = _cpu_of(server.process.pid)
    start = time.perf_counter()
    out = run_va(env, "sync")
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    mine = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    if "conflict" in out:
        raise SystemExit(f"unexpected conflict:\n{out}")
    return elapsed, mine, _cpu_of(server.process.pid) - served


if __name__ == "__main__":
    raise SystemExit(main())
