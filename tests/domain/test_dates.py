"""Days, instants and ISO text in explicit zones; DST cases use the real 2026
transitions of Paris and Montreal."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.domain.date_cases import MTL, PARIS, PROPERTY, UTC, ZONES, utc
from vaworkspace.domain import dates
from vaworkspace.errors import InputError
from vaworkspace.store.instants import encode_value  # instants compared as their stored text


@pytest.mark.parametrize(
    ("tz", "day", "start", "hours"),
    [
        (PARIS, date(2026, 12, 4), utc(2026, 12, 3, 23), 24),
        (PARIS, date(2026, 3, 29), utc(2026, 3, 28, 23), 23),  # spring forward
        (PARIS, date(2026, 10, 25), utc(2026, 10, 24, 22), 25),  # fall back
        (MTL, date(2026, 3, 8), utc(2026, 3, 8, 5), 23),
        (MTL, date(2026, 11, 1), utc(2026, 11, 1, 4), 25),
    ],
)
def test_day_start_and_end_follow_the_local_day(tz, day, start, hours) -> None:
    assert dates.day_start(day, tz) == start
    assert dates.day_end(day, tz) == start + timedelta(hours=hours)
    assert dates.day_start(day, tz).tzinfo is UTC


@PROPERTY
@given(day=st.dates(date(1971, 1, 1), date(2100, 12, 30)), tz=ZONES)
@example(day=date(2011, 12, 30), tz=ZoneInfo("Pacific/Apia"))  # skipped by Samoa
def test_days_tile_time_without_gaps(day: date, tz) -> None:
    """Consecutive days meet exactly. A day a zone skipped (Samoa jumped from 29 to
    31 Dec 2011) still tiles time: it is empty, starting and ending at the jump, so
    a date due that day is due until the instant the next day starts."""
    length = dates.day_end(day, tz) - dates.day_start(day, tz)
    assert dates.day_end(day, tz) == dates.day_start(day + timedelta(days=1), tz)
    exists = dates.day_start(day, tz).astimezone(tz).date() == day
    if exists:
        assert timedelta(hours=22) <= length <= timedelta(hours=26)
    else:
        assert length == timedelta(0)


def test_to_instant_dates_and_datetimes() -> None:
    day = date(2026, 12, 4)
    assert dates.to_instant(day, MTL) == utc(2026, 12, 4, 5)
    assert dates.to_instant(day, MTL, end=True) == utc(2026, 12, 5, 5)
    assert dates.to_instant(datetime(2026, 12, 4, 17, tzinfo=PARIS), MTL) == utc(2026, 12, 4, 16)
    assert dates.to_instant(datetime(2026, 12, 4, 17), MTL) == utc(2026, 12, 4, 17)  # naive is UTC
    assert dates.to_instant(utc(2026, 12, 4, 17), MTL, end=True) == utc(2026, 12, 4, 17)


def test_parse_iso_keeps_fractions_of_a_second() -> None:
    assert dates.parse_iso("2026-12-04T16:00:00.5Z") == utc(2026, 12, 4, 16, 0, 0, 500000)
    assert dates.parse_iso("2026-12-04T16:00:00.123456789Z") == utc(2026, 12, 4, 16, 0, 0, 123456)


ISO_READS = {
    "2026-12-04": "2026-12-04",
    "  2026-12-04  ": "2026-12-04",
    "2026-12-04T16:00:00Z": "2026-12-04T16:00:00Z",
    "2026-12-04t16:00:00z": "2026-12-04T16:00:00Z",
    "2026-12-04T17:00:00+01:00": "2026-12-04T16:00:00Z",
    "2026-12-04T11:00:00-0500": "2026-12-04T16:00:00Z",
    "2026-12-04T16:00:00": "2026-12-04T16:00:00Z",
    "2026-12-04T16:00": "2026-12-04T16:00:00Z",
    "2026-12-04 16:00:00Z": "2026-12-04T16:00:00Z",
}


@pytest.mark.parametrize(("text", "expected"), ISO_READS.items())
def test_parse_iso_accepts_what_python_310_fromisoformat_would_not(text, expected) -> None:
    value = dates.parse_iso(text)
    assert encode_value(value) == expected
    assert isinstance(value, datetime) == ("T" in expected)
    assert not isinstance(value, datetime) or value.tzinfo is UTC


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2026-13-01",
        "2026-02-30",
        "26-12-04",
        "2026-12-04T25:00Z",
        "2026-12-04T10:00+24:00",
        "tomorrow",
        "2026-12-04T16:00:00ZZ",
        "２０２６-12-04",
    ],
)
def test_parse_iso_refuses_bad_text(text: str) -> None:
    with pytest.raises(InputError, match="ISO"):
        dates.parse_iso(text)


@PROPERTY
@given(
    st.one_of(
        st.dates(), st.datetimes(datetime(1, 1, 2), datetime(9999, 12, 30), timezones=st.just(UTC))
    )
)
def test_iso_round_trip(value: date) -> None:
    if isinstance(value, datetime):
        value = value.replace(microsecond=0)
    assert dates.parse_iso(encode_value(value)) == value


# Expected values as local Montreal text: a date alone, or "date time" for an instant.


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
        (date(2026, 8, 31), 18, date(2028, 2, 29)),
        (date(2100, 1, 31), 1, date(2100, 2, 28)),
        (date(2000, 1, 31), 1, date(2000, 2, 29)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert dates.add_months(start, months) == expected
