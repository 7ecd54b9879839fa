"""A timer stopped seconds after it started logs nothing (issue #9): an entry shorter
than `timer_minimum_minutes` (default 1) would be billed a whole rounding step."""

from __future__ import annotations

import json

import pytest

from vaworkspace.cli import main


@pytest.fixture
def at(monkeypatch, capsys):
    """`at("14:00:02", "timer", "stop")`: run va at that UTC time on 2026-12-01."""

    def run(when: str, *argv: str, code: int = 0) -> str:
        monkeypatch.setenv("VAWORKSPACE_NOW", f"2026-12-01T{when}Z")
        result = main(list(argv))
        out, err = capsys.readouterr()
        assert result == code, (out, err)
        return out if code == 0 else err

    run("09:00:00", "client", "add", "Acme", "--rounding", "15")
    run("09:00:00", "add", "Call supplier @acme")
    run("09:00:00", "add", "Post photos @acme")
    return run


def entries(at) -> list[dict]:
    return json.loads(at("15:00:00", "entries", "--json"))


def test_a_two_second_timer_is_not_logged_and_the_user_is_told(at) -> None:
    at("14:00:00", "timer", "start", "1", "--stopwatch")
    out = at("14:00:02", "timer", "stop")
    assert "Stopped the timer" in out
    assert "not logged" in out and "0:02" in out and "1-minute minimum" in out
    assert entries(at) == []


def test_a_short_stretch_before_a_switch_is_not_logged(at) -> None:
    at("14:00:00", "timer", "start", "1", "--stopwatch")
    out = at("14:00:40", "timer", "switch", "2")
    assert "not logged" in out and "0:40" in out
    assert "Logged entry" not in out
    out = at("14:30:40", "timer", "stop")
    [entry] = entries(at)
    assert entry["task"] == 2 and entry["seconds"] == 1800
    assert "not logged" not in out


def test_the_minimum_is_a_config_key(at, isolated_env) -> None:
    config = isolated_env / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("timer_minimum_minutes = 5\n", encoding="utf-8")
    at("14:00:00", "timer", "start", "1", "--stopwatch")
    assert "5-minute minimum" in at("14:04:00", "timer", "stop")
    assert entries(at) == []
    config.write_text("timer_minimum_minutes = 0\n", encoding="utf-8")
    at("14:10:00", "timer", "start", "1", "--stopwatch")
    assert "logged entry 1: 0h00" in at("14:10:02", "timer", "stop")
    assert [e["seconds"] for e in entries(at)] == [2]


def test_a_bad_minimum_is_a_clear_config_error(at, isolated_env) -> None:
    config = isolated_env / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('timer_minimum_minutes = "one"\n', encoding="utf-8")
    err = at("14:00:00", "list", code=2)
    assert "timer_minimum_minutes" in err and "whole number of minutes" in err


def test_a_countdown_shorter_than_the_minimum_ends_unlogged_and_says_so(at, isolated_env) -> None:
    config = isolated_env / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("timer_minimum_minutes = 5\n", encoding="utf-8")
    at("14:00:00", "timer", "start", "1", "--for", "2m")
    out = at("14:03:00", "timer", "status")
    assert "Countdown over" in out and "2:00 of focus not logged" in out
    assert entries(at) == []
