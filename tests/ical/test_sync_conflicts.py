"""`va sync` reports a conflict only when both sides changed a to-do (issue #9): one
re-prioritised here while the calendar's copy never changed is no conflict, on any
run; a calendar change that meets a local edit is reported once, not on every sync."""

from __future__ import annotations

import json

from tests.ical.calendars import WEEKLY, write


def priority(va) -> str | None:
    [task] = json.loads(va("list", "--json"))
    return task["priority"]


def test_a_todo_reprioritised_here_is_no_conflict_on_any_sync(va, tmp_path, monkeypatch) -> None:
    va("calendar", "add", "Evelyne", write(tmp_path, "cal.ics", WEEKLY))
    va("sync")
    [task] = json.loads(va("list", "--json"))
    va("edit", str(task["id"]), "!low")
    for hour in ("20", "21", "22"):  # time passes: the to-do has no LAST-MODIFIED
        monkeypatch.setenv("VAWORKSPACE_NOW", f"2026-12-01T{hour}:00:00Z")
        out = va("sync")
        assert "conflict" not in out, out
    assert priority(va) == "low"


def test_a_calendar_change_meeting_a_local_edit_is_reported_once(va, tmp_path, monkeypatch) -> None:
    path = tmp_path / "cal.ics"
    va("calendar", "add", "Evelyne", write(tmp_path, "cal.ics", WEEKLY))
    va("sync")
    [task] = json.loads(va("list", "--json"))
    va("edit", str(task["id"]), "!low")
    path.write_text(WEEKLY.replace("fabric samples", "fabric samples today"))
    assert "conflict: task" in va("sync")
    monkeypatch.setenv("VAWORKSPACE_NOW", "2026-12-01T20:00:00Z")
    assert "conflict" not in va("sync")
    [kept] = json.loads(va("list", "--json"))
    assert (kept["title"], kept["priority"]) == ("Send the fabric samples", "low")
    path.write_text(WEEKLY.replace("fabric samples", "fabric samples tomorrow"))
    assert "conflict: task" in va("sync")  # the calendar changed again: said again
