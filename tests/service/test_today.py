"""`ws.today`: the day's load against the cap and the nudges of the TUI's tick,
from the typed settings (`daily_cap_hours`, `break_reminder_minutes`)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from vaworkspace.config import Config
from vaworkspace.service import Workspace

NOW = datetime(2026, 12, 1, 15, 0, tzinfo=timezone.utc)  # Tuesday 10:00 in Montreal


def _ws(tmp_path, moment: list[datetime], **settings) -> Workspace:
    config = Config(timezone_name="America/Montreal", **settings)
    return Workspace(str(tmp_path / "ws.json"), config, clock=lambda: moment[0])


def test_the_load_is_logged_plus_planned_against_the_cap(tmp_path) -> None:
    moment = [NOW]
    ws = _ws(tmp_path, moment, daily_cap_hours=2.0)
    ws.clients.add("Acme")
    ws.tasks.add("Call supplier @acme due:today ~45m")
    ws.tasks.add("Book hotel @acme due:tomorrow ~3h")  # not today
    ws.tasks.add("Draft letter @acme due:today")  # no estimate: plans nothing
    ws.time.log(["1h", "@acme"])
    load = ws.today.load()
    assert load.day.isoformat() == "2026-12-01"
    assert (load.logged_seconds, load.planned_seconds) == (3600, 45 * 60)
    assert not load.over_cap  # 1h45 of a 2h cap
    ws.time.log(["20m", "@acme"], "08:00")
    assert ws.today.load().over_cap  # 2h05
    assert "2h cap" in ws.today.load().message


def test_the_break_reminder_follows_the_configured_minutes(tmp_path) -> None:
    moment = [NOW]
    ws = _ws(tmp_path, moment, break_reminder_minutes=20)
    ws.clients.add("Acme")
    ws.time.start_timer(client="acme", mode="stopwatch")
    moment[0] = NOW + timedelta(minutes=19)
    assert ws.today.nudges().break_reminder is None
    moment[0] = NOW + timedelta(minutes=21)
    nudges = ws.today.nudges()
    assert nudges.break_reminder == "You have worked 21 minutes without a break"
    assert nudges.focus_started == NOW


def test_no_reminder_when_switched_off(tmp_path) -> None:
    moment = [NOW]
    ws = _ws(tmp_path, moment, break_reminder_minutes=0)
    ws.clients.add("Acme")
    ws.time.start_timer(client="acme", mode="stopwatch")
    moment[0] = NOW + timedelta(hours=5)
    assert ws.today.nudges().break_reminder is None
