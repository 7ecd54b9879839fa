"""Property lines real producers get slightly wrong cost the line, never the event.

An extra property whose name holds a character RFC 5545 does not allow
(`X-BAD/SLASH`) is left out with a warning; Outlook's TZID whose closing quote
came after the time (`TZID="W. Europe Standard Time:20200609T090000"`) is read
as the zone and the time it meant.
"""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from tests.ical.gaps import load
from vaworkspace.ical.reader import read_calendar
from vaworkspace.ical.scan import recover_values

UTC = timezone.utc
FIXTURE = "odd-property-lines.ics"


def test_an_oddly_named_extra_property_does_not_drop_the_event() -> None:
    result = read_calendar(load(FIXTURE), FIXTURE, ZoneInfo("America/Montreal"))
    (call,) = [e for e in result.events if e.summary == "Call with Dana"]
    assert call.start == datetime(2026, 12, 3, 14, tzinfo=UTC)
    assert "X-GOOGLE-CONFERENCE:https://meet.google.com/xyz" in call.raw
    assert result.skipped == []
    assert any("without its unreadable X-BAD/SLASH" in w for w in result.warnings)


def test_a_time_swallowed_by_the_tzid_quotes_is_recovered() -> None:
    result = read_calendar(load(FIXTURE), FIXTURE, ZoneInfo("Asia/Tokyo"))
    (report,) = [e for e in result.events if e.summary == "Quartalsbericht"]
    assert (report.start, report.end) == (
        datetime(2020, 6, 9, 7, tzinfo=UTC),  # 09:00 CEST
        datetime(2020, 6, 9, 8, tzinfo=UTC),
    )
    assert report.tzid == "Europe/Berlin"
    assert any("DTSTART had its time inside the TZID quotes" in w for w in result.warnings)


_ZONE = st.text(
    st.characters(blacklist_characters='":;\r\n', blacklist_categories=("Cs", "Cc")), min_size=1
).filter(lambda z: z.strip() == z)
_VALUE = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda d: d.strftime("%Y%m%dT%H%M%S")
) | st.dates().map(lambda d: f"{d.year:04}{d.month:02}{d.day:02}")
_NAME = st.sampled_from(["DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE"])
_EXTRA = st.sampled_from(["", ";X-A=1", ";VALUE=DATE-TIME"])


@given(name=_NAME, zone=_ZONE, value=_VALUE, extra=_EXTRA)
def test_recovery_round_trip(name, zone, value, extra) -> None:
    """The swallowed form becomes the well-formed one; a well-formed line stays as it is."""
    good = f'{name}{extra};TZID="{zone}":{value}'
    swallowed = f'{name}{extra};TZID="{zone}:{value}"'
    text = f"BEGIN:VEVENT\r\n{swallowed}\r\nEND:VEVENT\r\n"
    assert recover_values(text) == (f"BEGIN:VEVENT\r\n{good}\r\nEND:VEVENT\r\n", [name])
    fine = f'BEGIN:VEVENT\r\n{good}\r\nSUMMARY:a "quoted: word"\r\nEND:VEVENT\r\n'
    assert recover_values(fine) == (fine, [])
