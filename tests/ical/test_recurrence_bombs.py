"""Recurrence bombs: whatever a file's rules say, an agenda query stays small.

Each file is imported, then `va agenda` runs in its own process with a memory
ceiling (RLIMIT_AS) and a timeout, so a regression fails here instead of hanging
the suite or the machine. The targets are 1 s and 200 MB; the limits below are
looser because the test machine is shared, but far below what a bomb costs
(tens of seconds, gigabytes).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

NOW = "2026-12-01T14:00:00Z"
CPU_SECONDS = 4.0
ADDRESS_SPACE = 1024 * 1024 * 1024
TIMEOUT = 60
EVERY = ",".join(str(n) for n in range(60))


def _calendar(*events: str) -> bytes:
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bombs//EN\r\n"
    return (head + "".join(events) + "END:VCALENDAR\r\n").encode()


def _event(uid: str, start: str, *lines: str, summary: str = "Bomb") -> str:
    body = "".join(f"{line}\r\n" for line in lines)
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:{summary}\r\n"
        f"DTSTART:{start}\r\nDURATION:PT1S\r\n{body}END:VEVENT\r\n"
    )


def _stamps(first: datetime, count: int, step: timedelta) -> list[str]:
    return [f"{first + step * n:%Y%m%dT%H%M%SZ}" for n in range(count)]


def _hourly_every_second() -> bytes:
    rule = f"RRULE:FREQ=HOURLY;BYMINUTE={EVERY};BYSECOND={EVERY}"
    return _calendar(_event("hourly@bomb", "20261130T000000Z", rule))


def _daily_every_second_for_a_year() -> bytes:
    hours = ",".join(str(n) for n in range(24))
    rule = f"RRULE:FREQ=DAILY;BYHOUR={hours};BYMINUTE={EVERY};BYSECOND={EVERY}"
    return _calendar(_event("daily@bomb", "20251201T000000Z", rule))


def _largest_count() -> bytes:
    rule = f"RRULE:FREQ=HOURLY;BYMINUTE={EVERY};BYSECOND={EVERY};COUNT=99999"
    return _calendar(_event("count@bomb", "20261201T120000Z", rule))


def _rdates() -> bytes:
    stamps = _stamps(datetime(2026, 11, 20), 100_000, timedelta(seconds=17))
    lines = [f"RDATE:{stamp}" for stamp in stamps]
    return _calendar(_event("rdate@bomb", "20261120T000000Z", *lines))


def _exdates() -> bytes:
    rule = f"RRULE:FREQ=HOURLY;BYMINUTE={EVERY}"
    stamps = _stamps(datetime(2026, 11, 30), 50_000, timedelta(minutes=1))
    lines = [rule] + [f"EXDATE:{stamp}" for stamp in stamps]
    return _calendar(_event("exdate@bomb", "20261130T000000Z", *lines))


def _dates_within_the_limit() -> bytes:
    rule = f"RRULE:FREQ=HOURLY;BYMINUTE={EVERY}"
    first = datetime(2026, 12, 1, 12)
    exdates = [f"EXDATE:{s}" for s in _stamps(first, 1000, timedelta(minutes=1))]
    rdates = [f"RDATE:{s}" for s in _stamps(first, 1000, timedelta(seconds=7))]
    return _calendar(_event("listed@bomb", "20261130T000000Z", rule, *exdates, *rdates))


def _overrides() -> bytes:
    rule = f"RRULE:FREQ=HOURLY;BYMINUTE={EVERY}"
    master = _event("moved@bomb", "20261130T000000Z", rule)
    moved = [
        _event("moved@bomb", stamp, f"RECURRENCE-ID:{stamp}", summary="Moved")
        for stamp in _stamps(datetime(2026, 11, 30), 5_000, timedelta(minutes=1))
    ]
    return _calendar(master, *moved)


BOMBS = {
    "hourly, every second": (_hourly_every_second, "cut"),
    "daily, every second, from a year ago": (_daily_every_second_for_a_year, "cut"),
    "the largest COUNT, every second": (_largest_count, "cut"),
    "100k RDATEs": (_rdates, "refused"),
    "50k EXDATEs": (_exdates, "refused"),
    "2,000 RDATEs and EXDATEs": (_dates_within_the_limit, "cut"),
    "5,000 RECURRENCE-ID overrides": (_overrides, "cut"),
}


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


MEASURED = (
    "import atexit, resource, runpy, sys\n"
    "atexit.register(lambda: print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
    " file=sys.stderr))\n"
    "sys.argv = ['va', *sys.argv[1:]]\n"
    "runpy.run_module('vaworkspace', run_name='__main__')\n"
)
"""`python -m vaworkspace` that prints its own peak resident memory (KiB) last."""


def _va(*args: str, limited: bool = True) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run `va` in a child with the limits; its CPU seconds and peak memory (KiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = dict(os.environ, VAWORKSPACE_NOW=NOW)
    try:
        done = subprocess.run(
            [sys.executable, "-c", MEASURED, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=TIMEOUT,
            preexec_fn=_limited if limited else None,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"va {' '.join(args)} ran longer than {TIMEOUT} s")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    last = done.stderr.rstrip().rsplit("\n", 1)[-1]
    peak = int(last.split()[1]) if last.startswith("peak ") else 1 << 40
    return done, cpu, peak


@pytest.mark.parametrize("name", list(BOMBS))
def test_an_agenda_over_a_recurrence_bomb_is_quick_small_and_says_it_was_cut(
    name: str, tmp_path
) -> None:
    make, expected = BOMBS[name]
    path = tmp_path / "bomb.ics"
    path.write_bytes(make())
    imported, _, _ = _va("import", str(path), limited=False)
    assert imported.returncode == 0, imported.stderr
    if expected == "refused":  # parsing that many dates is the bomb: refused unparsed
        assert "RDATE/EXDATE dates; at most 2000 are imported" in imported.stdout
        return
    assert "0 created" not in imported.stdout, imported.stdout

    shown, cpu, peak = _va("agenda", "--from", "2026-12-01", "--days", "7")

    assert shown.returncode == 0, shown.stderr[-2000:]
    assert cpu < CPU_SECONDS, f"{name}: {cpu:.1f} s of CPU"
    assert peak < 200 * 1024, f"{name}: {peak // 1024} MB"
    print(f"{name}: {cpu:.2f} s CPU, {peak // 1024} MB")
    assert "Bomb" in shown.stdout or "Moved" in shown.stdout
    assert "repeats too often to show in full" in shown.stderr
    assert len(shown.stdout.splitlines()) <= 2 + 8 * 2000  # header + capped series
