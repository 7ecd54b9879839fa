"""The workspaces the benchmark measures, built the way a user would fill them.

- the corpus (`make_corpus.py`: 10,000 tasks over 50 clients, 5,000 events):
  `va import` of its Taskwarrior export and of its calendar;
- a realistic VA's workspace: 300 open tasks, 10,000 closed ones and 20,000 time
  entries over three years (plus the corpus's calendar, for the agenda). Its tasks
  are written as a Taskwarrior export too, so Taskwarrior holds the same tasks.
  The entries go straight through the store API in one transaction: 20,000 `va
  log` commands would take long and measure nothing reported here.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone

UTC = timezone.utc
OPEN, CLOSED, ENTRIES, CLIENTS = 300, 10_000, 20_000, 15
YEARS = 3


def corpus(folder: str, today: str | None) -> str:
    """Generate the corpus into `folder/corpus` (deterministic); its folder."""
    out = os.path.join(folder, "corpus")
    here = os.path.dirname(os.path.abspath(__file__))
    extra = ["--today", today] if today else []
    subprocess.run(
        [sys.executable, os.path.join(here, "make_corpus.py"), out, *extra],
        check=True,
        capture_output=True,
    )
    return out


def va_import(va: str, env: dict[str, str], *files: str) -> None:
    for path in files:
        done = subprocess.run([va, "import", path], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"va import {path} failed: {done.stderr}")


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def realistic_export(path: str, now: datetime, rng: random.Random) -> None:
    """300 open and 10,000 closed tasks of 15 clients, as `task export` writes them."""
    clients = [f"Client{n:02d}" for n in range(CLIENTS)]
    items = []
    for n in range(OPEN + CLOSED):
        closed = n >= OPEN
        age = timedelta(days=rng.randint(1, 365 * YEARS if closed else 60))
        made = now - age
        item = {
            "uuid": f"{rng.getrandbits(32):08x}-{n % 65536:04x}-4{rng.getrandbits(12):03x}-"
            f"8{rng.getrandbits(12):03x}-{rng.getrandbits(48):012x}",
            "description": f"{rng.choice(WORDS)} {rng.choice(THINGS)} {n}",
            "project": rng.choice(clients),
            "entry": _stamp(made),
            "modified": _stamp(made),
            "status": "pending",
        }
        if rng.random() < 0.7:
            due = made + timedelta(days=rng.randint(1, 30)) if closed else now
            item["due"] = _stamp(due + timedelta(days=0 if closed else rng.randint(-5, 40)))
        if rng.random() < 0.4:
            item["priority"] = rng.choice("HML")
        if rng.random() < 0.4:
            item["tags"] = rng.sample(["mail", "travel", "social", "admin", "next"], 2)
        if closed:
            cancelled = rng.random() < 0.1
            item["status"] = "deleted" if cancelled else "completed"
            item["end"] = _stamp(min(made + timedelta(days=rng.randint(0, 20)), now))
        elif rng.random() < 0.1:
            item["status"] = "waiting"
            item["wait"] = _stamp(now + timedelta(days=rng.randint(1, 20)))
        items.append(item)
    with open(path, "w") as handle:
        json.dump(items, handle)


def add_entries(db: str, count: int, now: datetime, rng: random.Random) -> None:
    """`count` non-overlapping time entries over the last three years, in one write."""
    from vaworkspace.domain.models import TimeEntry
    from vaworkspace.store import tables
    from vaworkspace.store.file import WorkspaceFile
    from vaworkspace.store.records import entry_to_record

    last = datetime(now.year, now.month, now.day, tzinfo=UTC) - timedelta(days=2)
    cursor = last - timedelta(days=365 * YEARS)
    step = (last - cursor) / count
    with WorkspaceFile(db).transaction() as txn:
        clients = [r["id"] for r in tables.records(txn, "clients").values()]
        task_ids = list(tables.records(txn, "tasks"))
        first = tables.meta(txn).get("next_entry_id", 1)
        entries = {}
        for n in range(count):
            start = cursor + step * n
            minutes = rng.choice((15, 20, 30, 45, 60, 90))
            start = start.replace(microsecond=0)
            entry = TimeEntry(
                first + n,
                start,
                start + timedelta(minutes=min(minutes, int(step.total_seconds() // 60))),
                rng.choice(clients),
                rng.choice(task_ids) if rng.random() < 0.4 else None,
                rng.random() < 0.85,
                rng.choice(("inbox zero", "call with supplier", "invoices", "")),
                rng.choice(("manual", "timer")),
            )
            entries[entry.id] = entry_to_record(entry)
        tables.put_many(txn, "entries", entries)
        tables.set_meta(txn, {"next_entry_id": first + count})


WORDS = ("book", "call", "send", "update", "draft", "invoice", "post", "schedule", "reply")
THINGS = ("hotel", "flight", "newsletter", "agenda", "supplier", "quote", "blog", "receipts")
