"""`va import` is safe to point at anything: dry runs write nothing, sizes are
checked before reading, and FIFOs, devices or endless standard input are refused
at once instead of hanging or filling the memory."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tracemalloc

import pytest

from tests.cli.test_cli_import import EXPORT, stored_tasks, workspace

VA = os.path.join(os.path.dirname(sys.executable), "va")
MB = 1024 * 1024


def limited_memory() -> None:
    """In the child: 1 GB of address space, so a runaway read fails, not the machine."""
    resource.setrlimit(resource.RLIMIT_AS, (1024 * MB, 1024 * MB))


def run_va(*argv: str, stdin=None, timeout: float = 10) -> subprocess.CompletedProcess:
    return subprocess.run(
        [VA, *argv],
        stdin=stdin,
        capture_output=True,
        timeout=timeout,
        preexec_fn=limited_memory,
    )


def sparse(path, size: int) -> str:
    with open(path, "wb") as handle:
        handle.truncate(size)
    return str(path)


def test_a_taskwarrior_dry_run_writes_nothing(va) -> None:
    va("client", "add", "Acme Corp", "--id", "acme")
    before = workspace()
    out = va("import", "--dry-run", "--verbose", EXPORT)
    assert out.startswith(f"Would import {EXPORT}: 15 created, 0 updated, 0 unchanged")
    assert "new clients: @dental, @coach, @bakery, @realtor" in out
    assert workspace() == before
    summary = json.loads(va("import", "--dry-run", "--json", EXPORT))[0]
    assert summary["dry_run"] is True and summary["created"] == 15
    assert workspace() == before
    assert "Imported" in va("import", EXPORT) and len(stored_tasks(workspace())) == 15


def test_a_large_file_is_refused_before_it_is_read(va, tmp_path) -> None:
    big = sparse(tmp_path / "tasks.json", 100 * MB)  # sparse: no disk used
    tracemalloc.start()
    try:
        err = va("import", big, code=1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert err == f"va: {big} is 100.0 MB; the limit is 32 MB for an import; nothing imported\n"
    assert peak < 4 * MB


def test_a_3_gb_file_is_one_line_in_a_real_process(tmp_path) -> None:
    big = sparse(tmp_path / "tasks.json", 3 * 1024 * MB)
    result = run_va("import", big)
    assert result.returncode == 1
    assert result.stderr.decode() == (
        f"va: {big} is 3072.0 MB; the limit is 32 MB for an import; nothing imported\n"
    )


def test_a_calendar_over_its_limit_is_refused_before_it_is_read(va, tmp_path) -> None:
    big = sparse(tmp_path / "agenda.ics", 20 * MB)
    tracemalloc.start()
    try:
        err = va("import", big, code=1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert f"{big} is 20.0 MB; the limit is 10 MB for one calendar file" in err
    assert peak < 4 * MB


def test_a_fifo_is_refused_at_once(tmp_path) -> None:
    fifo = tmp_path / "tasks.json"
    os.mkfifo(fifo)  # no writer: opening it for reading would wait forever
    result = run_va("import", str(fifo))
    assert result.returncode == 1
    assert result.stderr.decode() == f"va: {fifo} is a FIFO, not a file; nothing imported\n"
    assert not os.path.exists(os.environ["VAWORKSPACE_DB"]) or stored_tasks(workspace()) == {}


def test_a_device_is_refused_at_once() -> None:
    result = run_va("import", "/dev/zero")
    assert result.returncode == 1
    assert result.stderr.decode() == "va: /dev/zero is a device, not a file; nothing imported\n"


def test_a_folder_is_refused(tmp_path) -> None:
    result = run_va("import", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.decode() == f"va: {tmp_path} is a folder, not a file; nothing imported\n"


def test_endless_standard_input_stops_at_the_limit() -> None:
    with open("/dev/zero", "rb") as zero:
        result = run_va("import", "-", stdin=zero, timeout=20)
    assert result.returncode == 1
    assert result.stderr.decode() == (
        "va: standard input is over 32 MB, the limit for an import; nothing imported\n"
    )


def test_standard_input_still_imports(tmp_path) -> None:
    with open(EXPORT, "rb") as export:
        result = run_va("import", "-", stdin=export)
    assert result.returncode == 0, result.stderr
    assert b"Imported standard input: 15 created" in result.stdout
    assert len(stored_tasks(workspace())) == 15


@pytest.mark.parametrize("flag", ["--dry-run", None])
def test_the_real_command_honours_dry_run(flag) -> None:
    result = run_va("import", *([flag] if flag else []), EXPORT)
    assert result.returncode == 0, result.stderr
    stored = stored_tasks(workspace()) if os.path.exists(os.environ["VAWORKSPACE_DB"]) else {}
    assert len(stored) == (0 if flag else 15)
