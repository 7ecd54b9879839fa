"""Smaller gaps real files showed: garbage lines in the calendar are reported,
recurring occurrences' titles are trimmed like single events', and two UID-less
events with the same summary and start stay two events."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from tests.ical.gaps import day_titles, load, workspace
from vaworkspace.ical.reader import read_calendar

UTC = timezone.utc
FIXTURE = "small-gaps.ics"
MONTREAL = ZoneInfo("America/Montreal")


def test_garbage_lines_at_calendar_level_are_reported() -> None:
    result = read_calendar(load(FIXTURE), FIXTURE, MONTREAL)
    assert result.calendar_name == "Front desk"
    assert (
        f"{FIXTURE}: ignored 2 line(s) that are not iCalendar properties (line 5, 6)"
        in result.warnings
    )


@pytest.mark.parametrize("stored", [True, False], ids=["stored", "from-text"])
def test_recurring_and_single_titles_are_trimmed_alike(tmp_path, stored) -> None:
    ws = workspace(tmp_path, "America/Montreal")
    ws.calendar.import_file(load(FIXTURE), FIXTURE)
    titles = {
        title for title, _, _ in day_titles(ws, date(2026, 12, 2), "America/Montreal", stored)
    }
    assert titles == {"Front desk shift", "Closing check"}


def test_two_uidless_events_alike_are_both_kept_and_stable(tmp_path) -> None:
    result = read_calendar(load(FIXTURE), FIXTURE, MONTREAL)
    interviews = [e for e in result.events if e.summary == "Interview"]
    assert [(e.location, e.end) for e in interviews] == [
        ("Room A", datetime(2026, 12, 3, 15, tzinfo=UTC)),
        ("Room B", datetime(2026, 12, 3, 14, 30, tzinfo=UTC)),
    ]
    first, second = (e.uid for e in interviews)
    assert second == f"{first}-2"
    again = read_calendar(load(FIXTURE), FIXTURE, MONTREAL)
    assert [e.uid for e in again.events if e.summary == "Interview"] == [first, second]
    ws = workspace(tmp_path, "America/Montreal")
    assert ws.calendar.import_file(load(FIXTURE), FIXTURE).created == 4
    assert ws.calendar.import_file(load(FIXTURE), FIXTURE).unchanged == 4
