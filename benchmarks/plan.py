"""Time `va plan`: a working week with 300 open tasks and 60 events (target ≤ 200 ms).

    python benchmarks/plan.py [--runs 7] [--keep DIR]

Generates, through the service (quick-add lines and one calendar import), 8
clients (three with a weekly retainer), 300 open tasks of 15 minutes to 3 hours
(a third due during the week, some at a time of day) and 60 one-hour meetings
between 07:00 and 19:00 (some outside work hours) over the seven days of the
week of 2026-12-07, with the clock frozen on Monday 08:00 in Montreal. Then the median wall time of:

- `ws.plan.plan(days=7, write=False)` on a freshly opened workspace (reading the
  file, ranking the inbox, expanding the week's events, planning): what
  `va plan --days 7 --dry-run` costs apart from starting Python;
- the pure planner alone (`domain.calendar.plan.plan_days`) on the same input;
- `va plan --days 7 --dry-run --json` in a fresh process, start-up included.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone

UTC = timezone.utc
NOW = datetime(2026, 12, 7, 13, 0, tzinfo=UTC)  # Monday 08:00 in Montreal
ZONE = "America/Montreal"


def generate(path: str, rng: random.Random) -> None:
    from vaworkspace.config import Config
    from vaworkspace.service import Workspace

    ws = Workspace(path, Config(timezone_name=ZONE), clock=lambda: NOW)
    clients = [f"client{n}" for n in range(8)]
    for n, client in enumerate(clients):
        budget = {"budget": "10h/week"} if n < 3 else {}
        ws.clients.add(f"Client {n}", id=client, **budget)
    days = ["mon", "tue", "wed", "thu", "fri"]
    for n in range(300):
        words = [
            f"Task {n}",
            f"@{rng.choice(clients)}",
            f"~{rng.choice([15, 30, 45, 60, 90, 180])}m",
        ]
        if n % 3 == 0:
            hour = rng.choice(["", " 11:00", " 14:00", " 16:30"])
            words.append(f"due:{rng.choice(days)}{hour}")
        ws.tasks.add(" ".join(words))
    ws.calendar.import_file(meetings(rng), "week.ics")


def meetings(rng: random.Random) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//plan//EN"]
    monday = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)  # 07:00 in Montreal
    for n in range(60):
        start = monday + timedelta(days=n % 7, minutes=30 * rng.randrange(0, 24))
        lines += [
            "BEGIN:VEVENT",
            f"UID:bench-{n}@plan",
            "DTSTAMP:20261201T000000Z",
            f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
            f"DTEND:{start + timedelta(hours=1):%Y%m%dT%H%M%SZ}",
            f"SUMMARY:Meeting {n}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def time_service(path: str, runs: int) -> tuple[float, int]:
    from vaworkspace.config import Config
    from vaworkspace.service import Workspace

    samples, blocks = [], 0
    for _ in range(runs):
        ws = Workspace(path, Config(timezone_name=ZONE), clock=lambda: NOW)
        began = time.perf_counter()
        result = ws.plan.plan(days=7, write=False)
        samples.append(time.perf_counter() - began)
        blocks = len(result.blocks)
    return statistics.median(samples), blocks


def time_domain(path: str, runs: int) -> float:
    """The pure planner on the input the service builds (captured once)."""
    from vaworkspace.config import Config
    from vaworkspace.domain.calendar import plan as rules
    from vaworkspace.service import Workspace

    captured: list[tuple] = []
    original = rules.plan_days

    def capture(*args, **kwargs):  # type: ignore[no-untyped-def]
        captured.append((args, kwargs))
        return original(*args, **kwargs)

    rules.plan_days = capture  # type: ignore[assignment]
    try:
        Workspace(path, Config(timezone_name=ZONE), clock=lambda: NOW).plan.plan(
            days=7, write=False
        )
    finally:
        rules.plan_days = original  # type: ignore[assignment]
    args, kwargs = captured[0]
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        original(*args, **kwargs)
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def time_process(path: str, folder: str, runs: int) -> float:
    config = os.path.join(folder, "config.toml")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(f'timezone = "{ZONE}"\n')
    env = dict(os.environ, VAWORKSPACE_CONFIG=config, VAWORKSPACE_NOW="2026-12-07T13:00:00Z")
    argv = [
        sys.executable,
        "-m",
        "vaworkspace",
        "--db",
        path,
        "plan",
        "--days",
        "7",
        "--dry-run",
        "--json",
    ]
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", metavar="DIR", help="build the workspace here and keep it")
    args = parser.parse_args()
    folder = args.keep or tempfile.mkdtemp(prefix="va-bench-plan-")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "plan.json")
    if os.path.exists(path):
        os.remove(path)
    generate(path, random.Random(7))
    service, blocks = time_service(path, args.runs)
    domain = time_domain(path, args.runs)
    process = time_process(path, folder, args.runs)
    print(f"va plan, a week: 300 open tasks, 60 events, {blocks} blocks; median of {args.runs}")
    print(f"  service (ws.plan.plan, fresh workspace)  {service * 1000:7.1f} ms  target <= 200 ms")
    print(f"  planner alone (plan_days)                {domain * 1000:7.1f} ms")
    print(f"  va plan --days 7 --dry-run --json        {process * 1000:7.1f} ms  (a process)")
    load = os.getloadavg()[0]
    print(f"  machine load (1 min) {load:.2f} on {os.cpu_count()} cores")
    return 0 if service <= 0.2 else 1


if __name__ == "__main__":
    sys.exit(main())
