"""Randomly damaged workspace files: every command works or refuses in one line.

A valid small workspace (a client with a retainer and a zone, tasks with dates,
tags, a rule and a wait, a time entry, an event) gets 1-3 bytes replaced,
inserted or deleted, and one command runs on it in-process. Whatever the damage,
the command either succeeds — and then, if it wrote, the damaged file was one
the store accepts — or exits 1 with a single `va: ...` line on stderr and the
file byte-identical. An exception escaping `main` (a traceback) fails the test.
"""

from __future__ import annotations

import io
import os
import shutil
from contextlib import redirect_stderr, redirect_stdout
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vaworkspace import cli
from vaworkspace.cli import main

NOW = "2026-12-01T19:00:00Z"
ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//EN\r
BEGIN:VEVENT\r
UID:standup-1@example.com\r
DTSTART:20261202T150000Z\r
DTEND:20261202T153000Z\r
SUMMARY:Standup\r
END:VEVENT\r
END:VCALENDAR\r
"""
TASKWARRIOR = (
    '[{"uuid":"9a1c3d2e-0000-4000-8000-000000000001","description":"From taskwarrior",'
    '"status":"pending","entry":"20261130T120000Z","modified":"20261130T120000Z"}]'
)
READERS = (
    ("list", "--all", "--json"),
    ("agenda",),
    ("report", "--month"),
    ("client", "list"),
)
"""Commands that only read: between them they read every table."""
COMMANDS = (
    ("list",),
    ("list", "--all", "--json"),
    ("show", "1"),
    ("add", "New task @acme due:tomorrow #new"),
    ("done", "2"),
    ("edit", "1", "due:mon", "!l"),
    ("agenda",),
    ("report", "--month"),
    ("client", "list"),
    ("import", "{tw}"),
)


def run(*argv: str) -> tuple[int, str]:
    """`va ARGV` in this process: (exit code, stderr)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, err.getvalue()


@cache
def workspace_bytes(folder: str) -> bytes:
    """The valid workspace every example damages (built once, with the CLI)."""
    path = os.path.join(folder, "seed", "ws.json")
    ics = os.path.join(folder, "seed.ics")
    with open(ics, "w") as handle:
        handle.write(ICS)
    steps = (
        (
            "client",
            "add",
            "Acme",
            "Corp",
            "--id",
            "acme",
            "--rate",
            "45",
            "--budget",
            "10h/week",
            "--tz",
            "America/Montreal",
            "--color",
            "#336699",
            "--rounding",
            "15",
        ),
        ("add", "Book flights @acme due:fri !h #travel ~30m"),
        ("add", "Weekly report @acme every:week due:mon"),
        ("add", "Call back wait:thu @acme #calls"),
        ("log", "1h30m", "@acme", "task:1", "yesterday", "call with supplier"),
        ("import", "--client", "acme", ics),
    )
    for step in steps:
        code, err = run("--db", path, *step)
        assert code == 0, err
    with open(path, "rb") as handle:
        return handle.read()


def structural(original: bytes) -> list[int]:
    """Offsets where damage changes meaning rather than text: punctuation,
    digits, and the letters of keys (a renamed `"uuid"` is a task without one)."""
    offsets = [i for i, byte in enumerate(original) if byte in b'{}[]":,0123456789']
    at = 0
    while (start := original.find(b'"', at)) != -1:
        end = original.find(b'"', start + 1)
        if original[end + 1 : end + 2] == b":":
            offsets += range(start + 1, end)
        at = end + 1
    return offsets


@st.composite
def damaged(draw, original: bytes) -> bytes:
    data = bytearray(original)
    hot = structural(original)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.one_of(st.sampled_from(hot), st.integers(0, len(original) - 1)))
        at = min(at, len(data) - 1)
        byte = draw(
            st.one_of(
                st.sampled_from(b'{}[]":,0123456789-.eE tfnulTZ\\'),
                st.integers(0, 255),
            )
        )
        how = draw(st.sampled_from(("replace", "insert", "delete")))
        if how == "replace":
            data[at] = byte
        elif how == "insert":
            data.insert(at, byte)
        elif len(data) > 1:
            del data[at]
    return bytes(data)


@pytest.fixture
def folder(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("VAWORKSPACE_NOW", NOW)
    # What is written is checked here, not whether it survives a power cut
    # (test_store_processes does that): an fsync costs ~10 ms on a VM disk.
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    # One parser for every run: building it costs most of a small command.
    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda command=None: parser)
    base = tmp_path_factory.mktemp("mutations")
    with open(base / "tw.json", "w") as handle:
        handle.write(TASKWARRIOR)
    return str(base)


def check_one(path: str, mutated: bytes, argv) -> bool:
    """Run `va ARGV`: exit 0, or exit 1 with one line and the file untouched.
    Returns whether it succeeded."""
    code, err = run("--db", path, *argv)
    if code != 0:
        assert code == 1, (argv, err)
        assert err.startswith("va: ") and err.endswith("\n") and err.count("\n") == 1, err
        with open(path, "rb") as handle:
            assert handle.read() == mutated, f"va {' '.join(argv)} refused but changed the file"
    return code == 0


@settings(
    max_examples=350,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_damaged_file_works_or_is_refused_in_one_line_untouched(folder, data):
    original = workspace_bytes(folder)
    mutated = data.draw(damaged(original), label="file")
    command = data.draw(st.sampled_from(COMMANDS), label="command")
    work = os.path.join(folder, "work")
    shutil.rmtree(work, ignore_errors=True)
    os.mkdir(work)
    path = os.path.join(work, "ws.json")
    with open(path, "wb") as handle:
        handle.write(mutated)
    argv = [word.format(tw=os.path.join(folder, "tw.json")) for word in command]
    check_one(path, mutated, argv)
    with open(path, "rb") as handle:
        if handle.read() == mutated:
            return
    # It wrote: then the damaged file must be one that every reader accepts.
    assert command not in READERS, f"va {' '.join(command)} only reads but wrote the file"
    again = os.path.join(work, "again.json")
    with open(again, "wb") as handle:
        handle.write(mutated)
    refused = [reader for reader in READERS if not check_one(again, mutated, reader)]
    assert not refused, f"va {command[0]} rewrote a file that va {' '.join(refused[0])} refuses"
