"""How the benchmarks time a command: wall time and the peak memory of that process alone.

Every command runs in a fresh process, as a user runs it. A small launcher
(`python -S -c LAUNCHER`) forks the command, waits for it with `wait4` and
reports the wall time from fork to exit and the child's `ru_maxrss`.

Why a launcher: Linux counts in a child's peak RSS the memory of the process it
was forked from (at `exec`, the peak of the old address space is kept). Forked
straight from the benchmark, a 50 MB Python holding the results, every command
was reported at the benchmark's own peak (45.9 MB for all of them). Forked from
the launcher, the floor is the launcher's few MB (`LAUNCHER_FLOOR_MB` shows it),
far below any Python command, so the figure is the command's own peak.

Commands compared with each other run in alternation (`paired`): run 1 of each,
then run 2 of each in the opposite order, and so on, so a burst of load on a
shared machine hits both sides of a ratio alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

LAUNCHER = r"""
import os, sys, time
argv = sys.argv[1:]
start = time.perf_counter_ns()
pid = os.fork()
if pid == 0:
    try:
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        os.dup2(null, 1)
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter_ns() - start
cpu_us = round((usage.ru_utime + usage.ru_stime) * 1e6)
print(elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status), cpu_us)
"""


@dataclass
class Command:
    """One program to time: `setup` (not timed) runs before each run."""

    label: str
    argv: Sequence[str]
    env: dict[str, str]
    setup: Callable[[int], None] | None = None
    argv_for: Callable[[int], Sequence[str]] | None = None  # e.g. a new task id per run
    ok_codes: tuple[int, ...] = (0,)


@dataclass
class Samples:
    """The runs of one command: wall milliseconds, peak resident kB and CPU
    milliseconds (user + system, the process's own) of each.

    Wall time is what a user waits for and what the targets are about. CPU time
    is shown beside it because this machine is shared: other processes' load
    stretches wall time (a command waits for a core), far less the CPU time
    the command itself spends."""

    label: str
    ms: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.ms)

    @property
    def median_cpu_ms(self) -> float:
        return statistics.median(self.cpu_ms)

    @property
    def peak_mb(self) -> float:
        return max(self.peak_kb) / 1024


def run_once(argv: Sequence[str], env: dict[str, str], ok_codes=(0,)) -> tuple[float, int]:
    """Wall milliseconds and peak RSS (kB) of one run of `argv` in its own process."""
    ms, kb, _ = launch(argv, env, ok_codes)
    return ms, kb


def launch(argv: Sequence[str], env: dict[str, str], ok_codes=(0,)) -> tuple[float, int, float]:
    """Wall milliseconds, peak RSS (kB) and CPU milliseconds of one run of `argv`."""
    launched = subprocess.run(
        [sys.executable, "-S", "-c", LAUNCHER, *argv],
        env=env,
        capture_output=True,
        text=True,
    )
    try:
        elapsed_ns, peak_kb, code, cpu_us = (int(x) for x in launched.stdout.split())
    except ValueError:
        raise SystemExit(f"launcher failed for {' '.join(argv)}: {launched.stderr}") from None
    if code not in ok_codes:
        raise SystemExit(f"{' '.join(argv)} exited {code}: {launched.stderr.strip()[-2000:]}")
    return elapsed_ns / 1e6, peak_kb, cpu_us / 1e3


def measure(command: Command, run: int, into: Samples) -> None:
    if command.setup is not None:
        command.setup(run)
    argv = command.argv_for(run) if command.argv_for else command.argv
    ms, kb, cpu = launch(argv, command.env, command.ok_codes)
    into.ms.append(ms)
    into.peak_kb.append(kb)
    into.cpu_ms.append(cpu)


def paired(commands: Sequence[Command], runs: int) -> list[Samples]:
    """`runs` runs of each command, alternated (the order flips every run)."""
    found = [Samples(c.label) for c in commands]
    order = list(range(len(commands)))
    for run in range(runs):
        for at in order if run % 2 == 0 else reversed(order):
            measure(commands[at], run, found[at])
    return found


def timed(argv: list[str], env: dict, runs: int, setup=None) -> tuple[float, int]:
    """Median wall ms and peak RSS (kB) of `runs` runs of one command."""
    samples = paired([Command(argv[0], argv, env, setup)], runs)[0]
    return samples.median_ms, max(samples.peak_kb)


def launcher_floor_mb() -> float:
    """The peak a trivial command shows: what the launcher's fork lends every child."""
    return run_once(["true"], dict(os.environ))[1] / 1024
