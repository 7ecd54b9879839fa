"""Smaller gaps real files showed: garbage lines in the calendar are reported,
recurring occurrences' titles are trimmed like single events', and two UID-less
events with the same summary and start stay two events."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


_NAMES = st.from_regex(r"X-[A-Z0-9-]{1,12}", fullmatch=True)
_VALUES = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
_JUNK = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=":"))


def _plain(line: str) -> bool:
    """Junk that is a line of its own: not a folded continuation, not BEGIN/END."""
    return (
        bool(line.strip())
        and line[0] not in " \t"
        and line.strip().upper()
        not in (
            "BEGIN",
            "END",
        )
    )


@given(
    names=st.lists(_NAMES, max_size=4),
    values=st.lists(_VALUES, min_size=4, max_size=4),
    junk=st.lists(_JUNK.filter(_plain), max_size=3),
)
def test_scanner_reports_exactly_the_lines_that_are_no_property(names, values, junk) -> None:
    """Properties at calendar level pass silently, each line without a colon is counted."""
    from vaworkspace.ical.scan import scan

    props = [f'{name};X-P="a:b":{value}' for name, value in zip(names, values, strict=False)]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", *props, *junk, "END:VCALENDAR"]
    layout = scan("\r\n".join(lines) + "\r\n", "t.ics")
    noted = [w for w in layout.warnings if "not iCalendar properties" in w]
    assert len(layout.header) == 1 + len(props)
    assert len(noted) == bool(junk)
    if junk:
        assert noted[0].startswith(f"t.ics: ignored {len(junk)} line(s) that are not")
