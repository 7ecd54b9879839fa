"""The benchmark's own measuring tools do what their figures claim (not the timings)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import anchors  # noqa: E402
from measure import Command, paired, run_once  # noqa: E402


def test_peak_memory_is_the_commands_own_not_the_benchmarks() -> None:
    ballast = bytearray(200 * 1024 * 1024)  # this process: 200 MB resident
    for at in range(0, len(ballast), 4096):
        ballast[at] = 1
    _, small_kb = run_once(["true"], dict(os.environ))
    grow = "b = bytearray(120 * 1024 * 1024)\nfor i in range(0, len(b), 4096): b[i] = 1"
    _, big_kb = run_once([sys.executable, "-c", grow], dict(os.environ))
    assert small_kb < 40 * 1024, "the child was charged the benchmark's memory"
    assert 120 * 1024 < big_kb < 190 * 1024
    del ballast


def test_paired_commands_alternate_and_run_the_setup_first(tmp_path) -> None:
    log = tmp_path / "log"
    order = []

    def note(name):
        return lambda run: order.append((name, run))

    first = Command("a", ["sh", "-c", f"echo a >> {log}"], dict(os.environ), note("a"))
    second = Command("b", ["sh", "-c", f"echo b >> {log}"], dict(os.environ), note("b"))
    found = paired([first, second], 3)
    assert [s.label for s in found] == ["a", "b"]
    assert all(len(s.ms) == 3 and len(s.peak_kb) == 3 for s in found)
    assert log.read_text().split() == ["a", "b", "b", "a", "a", "b"]
    assert order == [("a", 0), ("b", 0), ("b", 1), ("a", 1), ("a", 2), ("b", 2)]


def test_the_khal_folder_holds_one_file_per_event_with_its_zones(tmp_path) -> None:
    zone = "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nEND:VTIMEZONE\r\n"
    events = [
        f"BEGIN:VEVENT\r\nUID:e{n}\r\nSUMMARY:Call {n}\r\n"
        "DTSTART;TZID=Europe/London:20261201T090000\r\nEND:VEVENT\r\n"
        for n in range(3)
    ]
    todo = "BEGIN:VTODO\r\nUID:t1\r\nSUMMARY:Todo\r\nEND:VTODO\r\n"
    ics = tmp_path / "in.ics"
    body = zone + "".join(events) + todo
    ics.write_bytes(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n".encode())
    vdir = tmp_path / "vdir"
    vdir.mkdir()
    assert anchors.write_vdir(str(ics), str(vdir)) == 3
    files = sorted(vdir.iterdir())
    assert len(files) == 3
    for n, path in enumerate(files):
        text = path.read_bytes().decode()
        assert zone in text and events[n] in text and "VTODO" not in text
        assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")


def test_cpu_time_is_the_commands_own_and_not_its_waiting(tmp_path) -> None:
    """A command that sleeps takes wall time but next to no CPU; one that computes
    takes both (the CPU column stays meaningful on a loaded machine)."""
    spin = "import time\nend = time.process_time() + 0.2\nwhile time.process_time() < end: pass"
    sleep, busy = paired(
        [
            Command(
                "sleep", [sys.executable, "-c", "import time; time.sleep(0.3)"], dict(os.environ)
            ),
            Command("spin", [sys.executable, "-c", spin], dict(os.environ)),
        ],
        1,
    )
    assert sleep.ms[0] >= 300 and sleep.cpu_ms[0] < 150
    assert busy.cpu_ms[0] >= 200 and busy.median_cpu_ms == busy.cpu_ms[0]
