"""`parse_when`: dates as a VA types them ("fri 17:00", "in 3 days", "vendredi"),
at a fixed `now` in explicit zones, with the edges of months, years and DST."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.date_cases import INSTANTS, MTL, NOW, PARIS, PROPERTY, UTC, ZONES
from vaworkspace.domain import dates
from vaworkspace.errors import InputError
from vaworkspace.store.instants import encode_value  # instants compared as their stored text

CASES = {
    # keywords; weekdays are strictly after today (a Tuesday)
    "today": "2026-12-01",
    "Today": "2026-12-01",
    "eod": "2026-12-01",
    "tomorrow": "2026-12-02",
    "yesterday": "2026-11-30",
    "tonight": "2026-12-01 20:00",
    "now": "2026-12-01 09:00",
    "wed": "2026-12-02",
    "fri": "2026-12-04",
    "FRIDAY": "2026-12-04",
    "tue": "2026-12-08",
    "next monday": "2026-12-07",
    "next-monday": "2026-12-07",
    "next_monday": "2026-12-07",
    "this friday": "2026-12-04",
    "this tuesday": "2026-12-01",
    "eow": "2026-12-04",
    "weekend": "2026-12-05",
    "eom": "2026-12-31",
    "som": "2027-01-01",
    "sow": "2026-12-07",
    "eoy": "2026-12-31",
    # relative: days and up give dates, hours and minutes give instants
    "in 3 days": "2026-12-04",
    "in-3-days": "2026-12-04",
    "in 1 day": "2026-12-02",
    "in 2 weeks": "2026-12-15",
    "in a week": "2026-12-08",
    "in 1 month": "2027-01-01",
    "in 3 months": "2027-03-01",
    "3d": "2026-12-04",
    "2w": "2026-12-15",
    "in 2 hours": "2026-12-01 11:00",
    "in 30 minutes": "2026-12-01 09:30",
    "in 2h": "2026-12-01 11:00",
    "in 30m": "2026-12-01 09:30",
    "in an hour": "2026-12-01 10:00",
    # ISO; a typed wall time without offset is local
    "2026-12-05": "2026-12-05",
    "2026-12-05 17:00": "2026-12-05 17:00",
    "2026-12-05T17:00": "2026-12-05 17:00",
    "2026-12-05T17:00:00Z": "2026-12-05 12:00",
    "2026-12-05T17:00+01:00": "2026-12-05 11:00",
    "2026-12-05 5pm": "2026-12-05 17:00",
    # month-day: today is not passed, a passed day is next year's
    "dec 5": "2026-12-05",
    "Dec 5": "2026-12-05",
    "5 dec": "2026-12-05",
    "december 5": "2026-12-05",
    "december 5th": "2026-12-05",
    "dec 1": "2026-12-01",
    "nov 30": "2027-11-30",
    "jan 2": "2027-01-02",
    "dec 5 2027": "2027-12-05",
    "dec 5, 2027": "2027-12-05",
    "5 dec 2027": "2027-12-05",
    "feb 29": "2028-02-29",
    # French
    "demain": "2026-12-02",
    "aujourd'hui": "2026-12-01",
    "aujourd’hui": "2026-12-01",
    "aujourdhui": "2026-12-01",
    "lundi": "2026-12-07",
    "dimanche": "2026-12-06",
    "lundi prochain": "2026-12-07",
    "5 décembre": "2026-12-05",
    "dans 3 jours": "2026-12-04",
    # a date with a time of day
    "fri 17:00": "2026-12-04 17:00",
    "fri 5pm": "2026-12-04 17:00",
    "fri at 5pm": "2026-12-04 17:00",
    "fri 5:30pm": "2026-12-04 17:30",
    "fri 9:30": "2026-12-04 09:30",
    "fri 17h": "2026-12-04 17:00",
    "fri 17h30": "2026-12-04 17:30",
    "fri noon": "2026-12-04 12:00",
    "fri midnight": "2026-12-04 00:00",
    "tomorrow 9am": "2026-12-02 09:00",
    "tomorrow 12am": "2026-12-02 00:00",
    "tomorrow 12pm": "2026-12-02 12:00",
    "next monday 9:00": "2026-12-07 09:00",
    "next-monday-9am": "2026-12-07 09:00",
    "in 3 days 9am": "2026-12-04 09:00",
    "dec 5 17:00": "2026-12-05 17:00",
    "demain 17h": "2026-12-02 17:00",
    "eow 17:00": "2026-12-04 17:00",
    # a time alone: today if still ahead (it is 09:00 in Montreal), else tomorrow
    "17:00": "2026-12-01 17:00",
    "5pm": "2026-12-01 17:00",
    "at 5pm": "2026-12-01 17:00",
    "noon": "2026-12-01 12:00",
    "9:30": "2026-12-01 09:30",
    "9:00": "2026-12-02 09:00",
    "8am": "2026-12-02 08:00",
    "midnight": "2026-12-02 00:00",
}


@pytest.mark.parametrize(("text", "expected"), CASES.items())
def test_parse_when(text: str, expected: str) -> None:
    value = dates.parse_when(text, NOW, MTL)
    assert dates.format_local(value, MTL) == expected
    assert isinstance(value, datetime) == (" " in expected)
    assert not isinstance(value, datetime) or (value.tzinfo is UTC and value.second == 0)


@pytest.mark.parametrize(
    "text",
    [
        "frday",
        "17",
        "now 17:00",
        "tonight 5pm",
        "in 2 hours 5pm",
        "feb 30",
        "",
        "   ",
        "25:00",
        "13pm",
        "0am",
        "17:60",
        "in 3 parsecs",
        "next week",
        "dec",
        "dec 5 27",
        "in 99999 months",
        "dec 5 2027 17",
        "in -3 days x",
        "2026-12-05T25:00",
        "fri fri",
    ],
)
def test_parse_when_refuses_with_examples(text: str) -> None:
    with pytest.raises(InputError, match=re.escape(f"'{text}': try today, tomorrow, fri")):
        dates.parse_when(text, NOW, MTL)


def test_error_messages() -> None:
    with pytest.raises(InputError, match=r"'12/05'.*ambiguous"):
        dates.parse_when("12/05", NOW, MTL)
    with pytest.raises(InputError) as caught:
        dates.parse_when("frday", NOW, MTL)
    assert str(caught.value) == (
        "can't read the date 'frday': try today, tomorrow, fri, next monday, in 3 days, eow, "
        "eom, 2026-12-05, dec 5, optionally with a time like 17:00 or 5pm"
    )


# {(now: local wall time in the zone, or UTC with a Z; zone): {expression: expected}},
# expected being an ISO instant with a Z, else the local date
EDGES = {
    # weekdays are strictly after today; eow is this work week's Friday
    ("2026-11-30 12:00", PARIS): {"fri": "2026-12-04", "eow": "2026-12-04"},  # Monday
    ("2026-12-03 12:00", PARIS): {"eow": "2026-12-04", "this friday": "2026-12-04"},  # Thursday
    ("2026-12-04 12:00", PARIS): {
        "fri": "2026-12-11",
        "next friday": "2026-12-11",  # Friday
        "this friday": "2026-12-04",
        "eow": "2026-12-04",
    },
    ("2026-12-05 12:00", PARIS): {"eow": "2026-12-11", "fri": "2026-12-11"},  # Saturday
    ("2026-12-06 12:00", PARIS): {"eow": "2026-12-11", "this friday": "2026-12-11"},  # Sunday
    # year rollover
    ("2026-12-31 12:00", PARIS): {
        "tomorrow": "2027-01-01",
        "dec 31": "2026-12-31",
        "dec 30": "2027-12-30",
        "jan 1": "2027-01-01",
        "in 1 month": "2027-01-31",
        "eom": "2026-12-31",
        "som": "2027-01-01",
        "fri": "2027-01-01",
    },
    # month ends clamp
    ("2026-01-31 12:00", MTL): {"in 1 month": "2026-02-28", "in 13 months": "2027-02-28"},
    ("2028-01-31 12:00", MTL): {"in 1 month": "2028-02-29", "eom": "2028-01-31"},
    ("2028-02-03 00:00", MTL): {"eom": "2028-02-29", "som": "2028-03-01"},
    # today is the local day of now: Dec 1 21:00 in Montreal is Dec 2 03:00 in Paris
    ("2026-12-02T02:00:00Z", MTL): {"today": "2026-12-01", "tomorrow": "2026-12-02"},
    ("2026-12-02T02:00:00Z", PARIS): {"today": "2026-12-02", "tomorrow": "2026-12-03"},
    # wall times across DST changes: skipped 02:30 lands at 03:30, a repeated one is the first
    ("2026-03-28 12:00", PARIS): {
        "tomorrow 17:00": "2026-03-29T15:00:00Z",
        "today 17:00": "2026-03-28T16:00:00Z",
        "tomorrow 2:30": "2026-03-29T01:30:00Z",
    },
    ("2026-10-24 12:00", PARIS): {
        "tomorrow 17:00": "2026-10-25T16:00:00Z",
        "tomorrow 2:30": "2026-10-25T00:30:00Z",
    },
    ("2026-03-07 12:00", MTL): {
        "tomorrow 9am": "2026-03-08T13:00:00Z",
        "tomorrow 2:30": "2026-03-08T07:30:00Z",
    },
    ("2026-10-31 12:00", MTL): {
        "tomorrow 9am": "2026-11-01T14:00:00Z",
        "in 1 day": "2026-11-01",
        "tomorrow 1:30": "2026-11-01T05:30:00Z",
        "tomorrow 2:30": "2026-11-01T07:30:00Z",
    },
    ("2026-03-29T00:30:00Z", PARIS): {"in 2 hours": "2026-03-29T02:30:00Z"},  # elapsed time
}


@pytest.mark.parametrize(
    ("now", "tz", "text", "expected"),
    [
        (now, tz, text, expected)
        for (now, tz), cases in EDGES.items()
        for text, expected in cases.items()
    ],
)
def test_parse_when_edges(now: str, tz, text: str, expected: str) -> None:
    moment = dates.parse_iso(now) if "Z" in now else datetime.fromisoformat(now).replace(tzinfo=tz)
    value = dates.parse_when(text, moment, tz)
    shown = encode_value(value) if "Z" in expected else dates.format_local(value, tz)
    assert shown == expected


@PROPERTY
@given(text=st.text(max_size=40), tz=ZONES)
def test_parse_when_only_raises_input_error(text: str, tz) -> None:
    try:
        value = dates.parse_when(text, NOW, tz)
    except InputError as error:
        assert f"'{text}'" in str(error)
        return
    assert isinstance(value, date)
    assert not isinstance(value, datetime) or value.tzinfo is UTC


WORDS = [
    "today",
    "tomorrow",
    "fri",
    "next",
    "this",
    "monday",
    "in",
    "3",
    "days",
    "2h",
    "dec",
    "5",
    "2027",
    "17:00",
    "5pm",
    "noon",
    "at",
    "-",
    "eow",
    "eom",
    "2026-12-05",
    "feb",
    "29",
    "month",
    "lundi",
    "30m",
    "12/05",
    "x",
    "99999",
    "9999",
]
DAY_WORDS = ["mon", "tuesday", "wed", "thu", "friday", "sat", "sun"]


@PROPERTY
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=5), now=INSTANTS, tz=ZONES)
def test_parse_when_on_word_salad(words: list[str], now: datetime, tz) -> None:
    try:
        value = dates.parse_when(" ".join(words), now, tz)
    except InputError:
        return
    if isinstance(value, datetime):
        assert value.tzinfo is UTC
    else:  # no word here names a past day except an explicit date
        assert value >= now.astimezone(tz).date() or "2026-12-05" in words or "2027" in words


@PROPERTY
@given(now=INSTANTS, tz=ZONES, name=st.sampled_from(DAY_WORDS))
def test_weekday_names_are_one_to_seven_days_ahead(now: datetime, tz, name: str) -> None:
    day = dates.parse_when(name, now, tz)
    assert 1 <= (day - now.astimezone(tz).date()).days <= 7
    assert day.strftime("%a").lower() == name[:3]


@PROPERTY
@given(now=INSTANTS, tz=ZONES, hour=st.integers(0, 23), minute=st.integers(0, 59))
def test_a_time_alone_is_the_next_such_wall_time(now, tz, hour: int, minute: int) -> None:
    value = dates.parse_when(f"{hour}:{minute:02d}", now, tz)
    assert now < value <= now + timedelta(hours=25)


TIME_TOKENS = {
    **dict.fromkeys(
        [
            "17:00",
            "9:30",
            "09:30",
            "0:00",
            "5pm",
            "5PM",
            "5am",
            "12am",
            "5:30pm",
            "17h",
            "17h30",
            "noon",
            "Noon",
            "midnight",
            "23:59",
        ],
        True,
    ),
    **dict.fromkeys(
        [
            "17",
            "5",
            "24:00",
            "17:60",
            "13pm",
            "0pm",
            "5p",
            "fri",
            "",
            "h",
            "25h",
            "1h30m",
            "17:0",
            "noonish",
            "2026-12-05",
        ],
        False,
    ),
}


@pytest.mark.parametrize(("word", "expected"), TIME_TOKENS.items())
def test_time_tokens(word: str, expected: bool) -> None:
    assert dates.is_time_token(word) == expected
