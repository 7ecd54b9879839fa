"""Inconsistent DTSTART/DTEND are repaired as RFC 5545 and the libraries read them.

Thunderbird, Apple and Outlook files hold events whose end is before their start,
whose start is a DATE and end a DATE-TIME, or whose one side is floating and the
other zoned. Each is imported with a warning instead of skipped, and what it
becomes never depends on the VA's zone (`ical/spans.py` says how).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ical.gaps import day_titles, load, workspace
from vaworkspace.ical.reader import read_calendar

UTC = timezone.utc
FIXTURE = "inconsistent-spans.ics"
ZONES = ("America/Montreal", "Asia/Tokyo", "Europe/Paris")


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


EXPECTED = {
    "Dentist": (utc(2026, 12, 3, 14), utc(2026, 12, 3, 14)),  # DTEND dropped: no length
    "Offsite": (date(2026, 12, 3), date(2026, 12, 5)),  # all-day, to the end's date
    "Board call": (utc(2026, 12, 3, 8), utc(2026, 12, 3, 9)),  # 09:00 read in Paris
    "Standup": (utc(2026, 12, 3, 8, 30), utc(2026, 12, 3, 8, 45)),  # 09:45 read in Paris
}


@pytest.mark.parametrize("zone", ZONES)
def test_each_inconsistent_event_is_repaired_the_same_in_every_zone(zone) -> None:
    result = read_calendar(load(FIXTURE), FIXTURE, ZoneInfo(zone))
    assert result.skipped == []
    assert {e.summary: (e.start, e.end) for e in result.events} == EXPECTED
    notes = "\n".join(result.warnings)
    assert "Dentist" in notes and "DTEND is before DTSTART" in notes
    assert "Offsite" in notes and "DATE DTSTART and a DATE-TIME DTEND" in notes
    assert "Board call" in notes and "Standup" in notes and "floating and a zoned" in notes
    assert len(result.warnings) == 4


@pytest.mark.parametrize("stored", [True, False], ids=["stored", "from-text"])
def test_a_repaired_series_recurs_with_the_repaired_times(tmp_path, stored) -> None:
    ws = workspace(tmp_path, "Asia/Tokyo")
    ws.calendar.import_file(load(FIXTURE), FIXTURE)
    day = day_titles(ws, date(2026, 12, 5), "Asia/Tokyo", stored)
    assert ("Standup", utc(2026, 12, 5, 8, 30), utc(2026, 12, 5, 8, 45)) in day


_TIMES = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1)).map(
    lambda d: d.replace(microsecond=0)
)
HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
_ZONED = st.sampled_from(["", "Z", ";TZID=Europe/Paris", ";TZID=America/New_York"])


def _text(value: datetime | date, form: str) -> str:
    if not isinstance(value, datetime):
        return f";VALUE=DATE:{value:%Y%m%d}"
    zone = form if form.startswith(";") else ""
    return f"{zone}:{value:%Y%m%dT%H%M%S}{'Z' if form == 'Z' else ''}"


@settings(max_examples=150, deadline=None)
@given(
    start=st.one_of(_TIMES, _TIMES.map(lambda d: d.date())),
    end=st.one_of(_TIMES, _TIMES.map(lambda d: d.date())),
    start_form=_ZONED,
    end_form=_ZONED,
)
def test_any_start_and_end_import_the_same_in_any_zone(start, end, start_form, end_form) -> None:
    """Whatever DTSTART and DTEND say, the event is imported, ends no earlier than
    it starts, keeps DTSTART's kind, and is the same event in Montreal and Tokyo."""
    text = (
        f"{HEAD}BEGIN:VEVENT\r\n"
        "UID:x\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:x\r\n"
        f"DTSTART{_text(start, start_form)}\r\nDTEND{_text(end, end_form)}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    seen = []
    for zone in ("America/Montreal", "Asia/Tokyo"):
        result = read_calendar(text, "t.ics", ZoneInfo(zone))
        assert result.skipped == []
        (event,) = result.events
        assert isinstance(event.start, datetime) == isinstance(start, datetime)
        assert type(event.start) is type(event.end)
        if not isinstance(event.start, datetime):
            assert event.end >= event.start + timedelta(days=1)
        else:
            assert event.end >= event.start
        wrapped = f"{HEAD}{event.raw}END:VCALENDAR\r\n"
        again = read_calendar(wrapped.encode(), "raw", ZoneInfo(zone))
        assert [(e.start, e.end) for e in again.events] == [(event.start, event.end)]
        assert again.warnings == []  # the stored text is consistent
        seen.append((event.start, event.end))
    zoned_end = isinstance(end, datetime) and end_form != ""
    if not isinstance(start, datetime) or start_form != "" or zoned_end:
        assert seen[0] == seen[1]  # only a wholly floating event is the VA's local time
