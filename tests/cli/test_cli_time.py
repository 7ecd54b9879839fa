"""`va timer`, `va log`, `va entries`, `va entry`, `va report` in-process, at fixed moments."""

from __future__ import annotations

import csv
import io
import json

import pytest

from vaworkspace.cli import main


@pytest.fixture
def at(monkeypatch, capsys):
    """`at("14:10", "timer", "status")`: run va at that UTC time on 2026-12-01."""

    def run(hhmm: str, *argv: str, code: int = 0) -> str:
        monkeypatch.setenv("VAWORKSPACE_NOW", f"2026-12-01T{hhmm}:00Z")
        result = main(list(argv))
        out, err = capsys.readouterr()
        assert result == code, (out, err)
        return out if code == 0 else err

    run("09:00", "client", "add", "Acme", "--rate", "60", "--rounding", "15", "--budget", "2h/week")
    run("09:00", "add", "Call supplier @acme")
    return run


def status(at, hhmm: str) -> dict:
    return json.loads(at(hhmm, "timer", "status", "--json"))


def test_pomodoro_runs_from_stored_instants(at) -> None:
    at("14:00", "timer", "start", "1")
    now = status(at, "14:10")
    assert now["running"] and now["task"] == 1 and now["client"] == "acme"
    assert (now["mode"], now["elapsed_seconds"], now["remaining_seconds"]) == ("pomodoro", 600, 900)
    later = status(at, "14:27")  # the first focus block ended at 14:25 and was logged
    assert later["phase"] == "break" and later["pomodoros"] == 1
    entries = json.loads(at("14:27", "entries", "--json"))
    assert [(e["start"], e["end"]) for e in entries] == [
        ("2026-12-01T14:00:00Z", "2026-12-01T14:25:00Z")
    ]


def test_pause_resume_stop_logs_worked_time(at) -> None:
    at("14:00", "timer", "start", "1", "--stopwatch")
    at("14:10", "timer", "pause")
    assert status(at, "14:30")["elapsed_seconds"] == 600
    at("14:30", "timer", "resume")
    out = at("14:35", "timer", "stop")
    assert "logged entry 1: 0h15" in out
    [entry] = json.loads(at("14:40", "entries", "--json"))
    assert entry["seconds"] == 900 and entry["source"] == "timer"
    assert not status(at, "14:40")["running"]


def test_one_timer_at_a_time_and_countdown(at) -> None:
    at("14:00", "timer", "start", "@acme", "--for", "30m")
    assert "already running" in at("14:05", "timer", "start", "1", code=1)
    assert status(at, "14:20")["remaining_seconds"] == 600
    assert not status(at, "14:31")["running"]  # the countdown ended and logged itself
    [entry] = json.loads(at("14:31", "entries", "--json"))
    assert entry["seconds"] == 1800 and entry["task"] is None


def test_switch_logs_and_carries_on(at) -> None:
    at("09:00", "add", "Post photos @acme")
    at("14:00", "timer", "start", "1", "--stopwatch")
    assert "Logged entry 1: 0h20" in at("14:20", "timer", "switch", "2")
    assert status(at, "14:30")["task"] == 2


def test_log_refuses_overlaps_and_edit_and_rm(at, isolated_env) -> None:
    at("16:00", "log", "1h", "@acme", "call with supplier")
    path = isolated_env / "data" / "workspace.json"
    before = path.read_bytes()
    err = at("16:30", "log", "30m", "@acme", "--start", "10:30", code=1)
    assert "overlaps entry 1" in err
    assert path.read_bytes() == before
    at("16:30", "entry", "edit", "1", "--duration", "45m", "--note", "supplier call")
    [entry] = json.loads(at("16:30", "entries", "--json"))
    assert entry["seconds"] == 2700 and entry["note"] == "supplier call"
    at("16:30", "entry", "rm", "1", "--yes")
    assert json.loads(at("16:30", "entries", "--json")) == []


def test_report_json_csv_and_budget(at) -> None:
    at("16:00", "log", "50m", "@acme", "task:1", "first call")
    at("16:00", "log", "20m", "@acme", "--start", "09:00", "admin")
    [line] = json.loads(at("16:00", "report", "--json"))
    for key in (
        "client",
        "hours",
        "billable_hours",
        "amount_cents",
        "currency",
        "budget_hours",
        "budget_used_hours",
    ):
        assert key in line
    assert line["client"] == "acme" and line["currency"] == "EUR"
    # rounded up to 15 minutes per entry: 50m → 1h, 20m → 30m; 1h30 at 60.00/h
    assert line["hours"] == round(70 / 60, 2) and line["amount_cents"] == 9000
    assert line["budget_hours"] == 2.0 and line["budget_used_hours"] == 1.5
    rows = list(csv.reader(io.StringIO(at("16:00", "report", "--csv", "--client", "acme"))))
    assert rows[0] == ["date", "task", "start", "end", "hours", "rate", "amount", "note"]
    assert rows[-1][0] == "TOTAL" and rows[-1][6] == "90.00"
    text = at("16:00", "report", "--tasks")
    assert "Call supplier" in text and "90.00 EUR" in text
    assert "one client" in at("16:00", "report", "--csv", code=1)
