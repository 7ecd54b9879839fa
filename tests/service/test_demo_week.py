"""`va --demo` is a realistic week: the clients' meetings and this week's logged
time, so the Agenda, Focus and Reports screens have something to show on any day.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from itertools import pairwise

import pytest

from vaworkspace.config import Config
from vaworkspace.service import Workspace
from vaworkspace.service.demo import demo_entries

UTC = timezone.utc
NOW = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # Tuesday 14:00 in Montreal


def _demo(tmp_path, now: datetime = NOW, zone: str = "America/Montreal") -> Workspace:
    ws = Workspace(str(tmp_path / "demo.json"), Config(timezone_name=zone), clock=lambda: now)
    ws.fill_demo()
    return ws


def _today(ws: Workspace):
    return ws.now().astimezone(ws.tz).date()


def test_today_has_meetings_a_work_block_and_an_all_day_event_this_week(tmp_path) -> None:
    ws = _demo(tmp_path)
    start = ws.agenda.start_of(_today(ws))
    items, warnings = ws.agenda.items(start, 1)
    assert warnings == []
    kinds = [item.kind for item in items]
    assert kinds.count("event") >= 3 and kinds.count("block") == 1
    for item in items:
        if item.kind in ("event", "block"):
            assert item.start.astimezone(ws.tz).date() == _today(ws)
            assert 9 <= item.start.astimezone(ws.tz).hour < 17  # in the default work hours
    week, _ = ws.agenda.items(start, 7)
    assert any(i.kind == "event" and not isinstance(i.start, datetime) for i in week)


def test_the_weekly_call_repeats_next_week(tmp_path) -> None:
    ws = _demo(tmp_path)
    start = ws.agenda.start_of(_today(ws) + timedelta(days=7))
    items, _ = ws.agenda.items(start, 1)
    assert "Weekly check-in with Marc" in [i.title for i in items]


def test_the_events_are_stored_as_imported_ones_with_their_clients(tmp_path) -> None:
    ws = _demo(tmp_path)
    with open(ws.path) as handle:
        events = json.load(handle)["events"].values()
    imported = [e for e in events if e.get("kind", "event") == "event"]
    assert {e["client"] for e in imported} == {"evelyne", "dental", "coach", "realtor", "bakery"}
    assert all(e["raw"].startswith("BEGIN:VEVENT") for e in imported)


def test_time_is_logged_this_week_today_included(tmp_path) -> None:
    ws = _demo(tmp_path)
    week = ws.time.period("week", _today(ws))
    this_week = ws.time.entries(*week)
    assert sum(e.start.astimezone(ws.tz).date() == _today(ws) for e in this_week) >= 3
    assert ws.time.logged_today() >= 2 * 3600
    report = ws.time.report(*week)
    assert len(report.lines) >= 4 and report.total_seconds > 5 * 3600


@pytest.mark.parametrize("hours", [0, 7, 10, 12, 14, 18, 23])
@pytest.mark.parametrize("day", range(7))
def test_no_entry_ends_after_now_nor_overlaps_on_any_day(day: int, hours: int) -> None:
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Europe/Paris")
    now = datetime(2026, 11, 30, hours, 0, tzinfo=tz).astimezone(UTC) + timedelta(days=day)
    entries = demo_entries(now, tz)
    assert entries and all(e.end <= now for e in entries)
    assert [e.id for e in entries] == list(range(1, len(entries) + 1))
    spans = sorted((e.start, e.end) for e in entries)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


@pytest.mark.parametrize("zone", ["America/Montreal", "Pacific/Auckland", "UTC"])
def test_the_same_now_gives_the_same_week(tmp_path, zone: str) -> None:
    first = _demo(tmp_path / "a", zone=zone)
    second = _demo(tmp_path / "b", zone=zone)
    tables = []
    for ws in (first, second):
        with open(ws.path) as handle:
            doc = json.load(handle)
        tables.append({name: doc[name] for name in ("events", "entries", "tasks")})
    assert tables[0] == tables[1]
