"""A to-do with neither DTSTAMP nor LAST-MODIFIED (scripts write such files) is
unchanged by a re-import that changes nothing: no "1 task updated", and the
LAST-MODIFIED the workspace exports stays where it was."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from tests.ical.gaps import load, workspace

UTC = timezone.utc
FIXTURE = "script-todos-without-stamps.ics"
FIRST = datetime(2026, 12, 1, 14, tzinfo=UTC)


def _last_modified(ws) -> list[str]:
    return re.findall(r"LAST-MODIFIED:(\S+)", ws.calendar.export(kinds=("tasks",)).decode())


def test_reimporting_an_unstamped_todo_changes_nothing(tmp_path) -> None:
    first = workspace(tmp_path, "America/Montreal", FIRST)
    summary = first.calendar.import_file(load(FIXTURE), FIXTURE)
    assert (summary.tasks_created, summary.tasks_updated) == (1, 0)
    exported = _last_modified(first)
    assert exported == ["20261201T140000Z"]
    later = workspace(tmp_path, "America/Montreal", FIRST + timedelta(days=1, hours=3))
    again = later.calendar.import_file(load(FIXTURE), FIXTURE)
    assert (again.tasks_created, again.tasks_updated) == (0, 0)
    assert again.lines()[0].endswith("0 tasks created, 0 updated")
    assert _last_modified(later) == exported


def test_an_unstamped_todo_that_changed_is_updated_at_the_import(tmp_path) -> None:
    first = workspace(tmp_path, "America/Montreal", FIRST)
    first.calendar.import_file(load(FIXTURE), FIXTURE)
    moved = load(FIXTURE).replace(b"DUE;VALUE=DATE:20261210", b"DUE;VALUE=DATE:20261211")
    later = workspace(tmp_path, "America/Montreal", FIRST + timedelta(days=1))
    summary = later.calendar.import_file(moved, FIXTURE)
    assert summary.tasks_updated == 1
    assert _last_modified(later) == ["20261202T140000Z"]
