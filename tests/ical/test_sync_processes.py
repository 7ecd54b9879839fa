"""`va sync` and `va calendar add` as users run them: a real `va` process.

The server runs in this test process on 127.0.0.1; `va` is the installed script,
so the exit code and stderr are exactly what a user (or cron) sees.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from tests.ical.hostile_server import cut_short, feed, raw, trickle, whole

VA = os.path.join(os.path.dirname(sys.executable), "va")


def run_va(*argv: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([VA, *argv], capture_output=True, text=True, timeout=timeout)


def stored_events() -> dict:
    with open(os.environ["VAWORKSPACE_DB"], encoding="utf-8") as handle:
        return json.load(handle)["events"]


def test_va_sync_reports_each_failing_source_on_one_line(hostile, isolated_env) -> None:
    config = isolated_env / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[sync]\ndeadline = 1.5\n")
    names = {
        "acme": feed(60),
        "bakery": feed(20, "Bakery"),
        "coach": feed(10, "Coach"),
        "dental": feed(5, "Dental"),
    }
    for name, body in names.items():
        hostile.routes[f"/{name}.ics"] = whole(body)
        assert run_va("calendar", "add", name, hostile.url(f"/{name}.ics")).returncode == 0
    first = run_va("sync")
    assert first.returncode == 0, first.stderr
    before = stored_events()
    assert len(before) == 95

    hostile.routes["/acme.ics"] = cut_short(names["acme"], 0.45)
    hostile.routes["/bakery.ics"] = raw(b"SPAM\r\n\r\n")
    hostile.routes["/coach.ics"] = trickle(names["coach"], every=0.05, give_up=20)
    hostile.routes["/dental.ics"] = whole(feed(6, "Dental"))
    started = time.monotonic()
    result = run_va("sync")
    elapsed = time.monotonic() - started

    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert [line.split(":", 2)[1].strip() for line in lines] == [
        "calendar 'acme' not synced",
        "calendar 'bakery' not synced",
        "calendar 'coach' not synced",
    ]
    assert all(line.startswith("va: ") and line.endswith("; nothing changed") for line in lines)
    assert "45 %" in lines[0] and "status line" in lines[1] and "deadline" in lines[2]
    assert "Imported dental: 1 created, 0 updated, 5 unchanged" in result.stdout
    after = stored_events()
    assert {i: r for i, r in after.items() if r["calendar"] != "dental"} == {
        i: r for i, r in before.items() if r["calendar"] != "dental"
    }
    assert elapsed < 10


def test_a_fifo_source_is_refused_at_once(isolated_env) -> None:
    path = isolated_env / "acme.ics"
    path.write_bytes(feed(5))
    assert run_va("calendar", "add", "acme", str(path)).returncode == 0
    assert run_va("sync").returncode == 0
    path.unlink()
    os.mkfifo(path)  # nobody will ever write to it: opening it must not wait
    result = run_va("sync", timeout=10)
    assert result.returncode == 1
    assert result.stderr == (
        f"va: calendar 'acme' not synced: {path} is a FIFO, not a file; nothing changed\n"
    )
    assert len(stored_events()) == 5


@pytest.mark.parametrize(
    "source, message",
    [
        ("ftp://example.com/acme.ics", "only http://, https:// and webcal:// addresses"),
        ("https://", "https:// has no host"),
        ("http://127.0.0.1:99999/acme.ics", "bad port"),
        ("https://exa mple.com/acme.ics", "spaces or control characters"),
        ("", "a calendar needs a file path or an https:// address"),
        ("missing.ics", "no calendar file at"),
        (".", "is a folder, not a file"),
    ],
)
def test_a_bad_source_is_one_clear_line_and_nothing_is_written(
    isolated_env, source, message
) -> None:
    result = run_va("calendar", "add", "acme", source)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("va: "), result.stderr
    assert message in result.stderr
    assert not os.path.exists(os.environ["VAWORKSPACE_DB"])
