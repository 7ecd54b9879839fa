"""Outlook display-name TZIDs map to their zones as Windows key names already do.

Some Outlook versions write `TZID="(UTC-05:00) Eastern Time (US & Canada)"`,
older ones `(GMT+10:00) Canberra, Melbourne, Sydney`, without a VTIMEZONE: the
times must be the zone's, not the VA's, and no "unknown zone" warning.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from tests.ical.gaps import day_titles, load, workspace
from vaworkspace.ical.reader import read_calendar
from vaworkspace.ical.windows_display import DISPLAY_NAMES, windows_key
from vaworkspace.ical.zones import iana_name

UTC = timezone.utc
FIXTURE = "outlook-display-zones.ics"


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "Europe/Paris"])
def test_display_names_read_in_their_zone_without_warning(zone) -> None:
    result = read_calendar(load(FIXTURE), FIXTURE, ZoneInfo(zone))
    assert (result.skipped, result.warnings) == ([], [])
    by_title = {e.summary: e for e in result.events}
    budget = by_title["Budget review"]
    assert (budget.start, budget.end) == (
        datetime(2026, 12, 3, 14, tzinfo=UTC),
        datetime(2026, 12, 3, 15, tzinfo=UTC),
    )
    assert budget.tzid == "America/New_York"
    sync = by_title["Sydney team sync"]
    assert sync.start == datetime(2026, 12, 3, 22, tzinfo=UTC)  # 09:00 AEDT
    assert sync.tzid == "Australia/Sydney"


def test_a_display_zone_series_recurs_in_its_zone(tmp_path) -> None:
    ws = workspace(tmp_path, "Europe/Paris")
    ws.calendar.import_file(load(FIXTURE), FIXTURE)
    for stored in (True, False):
        (shown,) = day_titles(ws, date(2026, 12, 10), "Europe/Paris", stored)
        assert shown[0] == "Sydney team sync"
        assert shown[1] == datetime(2026, 12, 10, 22, tzinfo=UTC)


@pytest.mark.parametrize(("offset", "cities", "key"), DISPLAY_NAMES)
def test_every_display_name_is_a_windows_zone_with_that_offset(offset, cities, key):
    name = WINDOWS_TO_OLSON.get(key)
    assert name is not None, key
    assert iana_name(f"(UTC{offset}) {cities}") == name
    sign = -1 if offset[0] == "-" else 1
    hours, minutes = offset[1:].split(":")
    expected = sign * timedelta(hours=int(hours), minutes=int(minutes))
    tz = ZoneInfo(name)
    seen = {datetime(2026, month, 15, 12, tzinfo=tz).utcoffset() for month in (1, 7)}
    assert expected in seen, (cities, name, seen)


@given(
    entry=st.sampled_from(DISPLAY_NAMES),
    prefix=st.sampled_from(["UTC", "GMT"]),
    spaces=st.sampled_from([" ", "  ", ""]),
    upper=st.booleans(),
)
def test_any_spelling_of_a_display_name_finds_its_key(entry, prefix, spaces, upper) -> None:
    offset, cities, key = entry
    written = f"({prefix}{'' if offset == '+00:00' and prefix == 'GMT' else offset}){spaces}"
    written += cities.upper() if upper else cities
    assert windows_key(written) == key
    assert windows_key(cities) is None  # without the bracket it is not a display name
