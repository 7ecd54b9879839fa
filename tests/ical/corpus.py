"""The events of the benchmark corpus, from the very script the benchmarks run
(`benchmarks/make_corpus.py`, the shared bench's generator kept verbatim): VEVENTs
in three TZIDs and UTC, all-day ones, and about one in ten recurring (DAILY or
WEEKLY; COUNT, UNTIL or open-ended; always with EXDATEs), dated around `today`.
Loaded by path: `benchmarks/` is a folder of scripts, not a package."""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "make_corpus.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_ics(today: dt.date, events: int = 5000, seed: int = 43) -> bytes:
    """The calendar as bytes, as `make_corpus.py` writes events.ics (its events use
    the seed after the tasks' one, 42 + 1), without its to-dos."""
    make = _generator()
    moment = dt.datetime(today.year, today.month, today.day, 8, 0)
    clients = make.make_clients(random.Random(seed - 1), 50)
    text = make.make_ics(random.Random(seed), events, 0, clients, [], moment)
    return text.encode()
