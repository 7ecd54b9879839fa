"""Dates as typed, stored and shown, at a fixed `now` (Tuesday 2026-12-01 14:00 UTC) in
explicit zones; DST cases use the real 2026 transitions of Paris and Montreal."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vaworkspace.domain import dates
from vaworkspace.errors import InputError
from vaworkspace.store.instants import encode_value  # instants compared as their stored text

UTC = timezone.utc
NOW = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)  # Tuesday: 09:00 Montreal, 15:00 Paris
MTL = ZoneInfo("America/Montreal")
PARIS = ZoneInfo("Europe/Paris")
INSTANTS = st.datetimes(datetime(2000, 1, 1), datetime(2090, 1, 1), timezones=st.just(UTC))
ZONES = st.sampled_from([MTL, PARIS, UTC, ZoneInfo("Asia/Kolkata"), ZoneInfo("Pacific/Apia")])
# The root conftest's autouse env fixture is irrelevant to these pure functions.
PROPERTY = settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def local(tz, *args: int) -> datetime:
    return datetime(*args, tzinfo=tz).astimezone(UTC)


@pytest.mark.parametrize(
    ("tz", "day", "start", "hours"),
    [(PARIS, date(2026, 12, 4), utc(2026, 12, 3, 23), 24),
     (PARIS, date(2026, 3, 29), utc(2026, 3, 28, 23), 23),  # spring forward
     (PARIS, date(2026, 10, 25), utc(2026, 10, 24, 22), 25),  # fall back
     (MTL, date(2026, 3, 8), utc(2026, 3, 8, 5), 23),
     (MTL, date(2026, 11, 1), utc(2026, 11, 1, 4), 25)],
)  # fmt: skip
def test_day_start_and_end_follow_the_local_day(tz, day, start, hours) -> None:
    assert dates.day_start(day, tz) == start
    assert dates.day_end(day, tz) == start + timedelta(hours=hours)
    assert dates.day_start(day, tz).tzinfo is UTC


@PROPERTY
@given(day=st.dates(date(1971, 1, 1), date(2100, 12, 30)), tz=ZONES)
def test_days_tile_time_without_gaps(day: date, tz) -> None:
    length = dates.day_end(day, tz) - dates.day_start(day, tz)
    assert dates.day_end(day, tz) == dates.day_start(day + timedelta(days=1), tz)
    assert timedelta(hours=22) <= length <= timedelta(hours=26)


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
    "2026-12-04": "2026-12-04", "  2026-12-04  ": "2026-12-04",
    "2026-12-04T16:00:00Z": "2026-12-04T16:00:00Z", "2026-12-04t16:00:00z": "2026-12-04T16:00:00Z",
    "2026-12-04T17:00:00+01:00": "2026-12-04T16:00:00Z",
    "2026-12-04T11:00:00-0500": "2026-12-04T16:00:00Z",
    "2026-12-04T16:00:00": "2026-12-04T16:00:00Z", "2026-12-04T16:00": "2026-12-04T16:00:00Z",
    "2026-12-04 16:00:00Z": "2026-12-04T16:00:00Z",
}  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ISO_READS.items())
def test_parse_iso_accepts_what_python_310_fromisoformat_would_not(text, expected) -> None:
    value = dates.parse_iso(text)
    assert encode_value(value) == expected
    assert isinstance(value, datetime) == ("T" in expected)
    assert not isinstance(value, datetime) or value.tzinfo is UTC


@pytest.mark.parametrize(
    "text",
    ["", "2026-13-01", "2026-02-30", "26-12-04", "2026-12-04T25:00Z", "2026-12-04T10:00+24:00",
     "tomorrow", "2026-12-04T16:00:00ZZ", "２０２６-12-04"],
)  # fmt: skip
def test_parse_iso_refuses_bad_text(text: str) -> None:
    with pytest.raises(InputError, match="ISO"):
        dates.parse_iso(text)


@PROPERTY
@given(st.one_of(st.dates(), st.datetimes(datetime(1, 1, 2), datetime(9999, 12, 30),
                                          timezones=st.just(UTC))))  # fmt: skip
def test_iso_round_trip(value: date) -> None:
    if isinstance(value, datetime):
        value = value.replace(microsecond=0)
    assert dates.parse_iso(encode_value(value)) == value


# Expected values as local Montreal text: a date alone, or "date time" for an instant.
CASES = {
    # keywords; weekdays are strictly after today (a Tuesday)
    "today": "2026-12-01", "Today": "2026-12-01", "eod": "2026-12-01", "tomorrow": "2026-12-02",
    "yesterday": "2026-11-30", "tonight": "2026-12-01 20:00", "now": "2026-12-01 09:00",
    "wed": "2026-12-02", "fri": "2026-12-04", "FRIDAY": "2026-12-04", "tue": "2026-12-08",
    "next monday": "2026-12-07", "next-monday": "2026-12-07", "next_monday": "2026-12-07",
    "this friday": "2026-12-04", "this tuesday": "2026-12-01", "eow": "2026-12-04",
    "eom": "2026-12-31", "som": "2027-01-01", "sow": "2026-12-07", "eoy": "2026-12-31",
    # relative: days and up give dates, hours and minutes give instants
    "in 3 days": "2026-12-04", "in-3-days": "2026-12-04", "in 1 day": "2026-12-02",
    "in 2 weeks": "2026-12-15", "in a week": "2026-12-08", "in 1 month": "2027-01-01",
    "in 3 months": "2027-03-01", "3d": "2026-12-04", "2w": "2026-12-15",
    "in 2 hours": "2026-12-01 11:00", "in 30 minutes": "2026-12-01 09:30",
    "in 2h": "2026-12-01 11:00", "in 30m": "2026-12-01 09:30", "in an hour": "2026-12-01 10:00",
    # ISO; a typed wall time without offset is local
    "2026-12-05": "2026-12-05", "2026-12-05 17:00": "2026-12-05 17:00",
    "2026-12-05T17:00": "2026-12-05 17:00", "2026-12-05T17:00:00Z": "2026-12-05 12:00",
    "2026-12-05T17:00+01:00": "2026-12-05 11:00", "2026-12-05 5pm": "2026-12-05 17:00",
    # month-day: today is not passed, a passed day is next year's
    "dec 5": "2026-12-05", "Dec 5": "2026-12-05", "5 dec": "2026-12-05",
    "december 5": "2026-12-05", "december 5th": "2026-12-05", "dec 1": "2026-12-01",
    "nov 30": "2027-11-30", "jan 2": "2027-01-02", "dec 5 2027": "2027-12-05",
    "dec 5, 2027": "2027-12-05", "5 dec 2027": "2027-12-05", "feb 29": "2028-02-29",
    # French
    "demain": "2026-12-02", "aujourd'hui": "2026-12-01", "aujourd’hui": "2026-12-01",
    "aujourdhui": "2026-12-01", "lundi": "2026-12-07", "dimanche": "2026-12-06",
    "lundi prochain": "2026-12-07", "5 décembre": "2026-12-05", "dans 3 jours": "2026-12-04",
    # a date with a time of day
    "fri 17:00": "2026-12-04 17:00", "fri 5pm": "2026-12-04 17:00",
    "fri at 5pm": "2026-12-04 17:00", "fri 5:30pm": "2026-12-04 17:30",
    "fri 9:30": "2026-12-04 09:30", "fri 17h": "2026-12-04 17:00", "fri 17h30": "2026-12-04 17:30",
    "fri noon": "2026-12-04 12:00", "fri midnight": "2026-12-04 00:00",
    "tomorrow 9am": "2026-12-02 09:00", "tomorrow 12am": "2026-12-02 00:00",
    "tomorrow 12pm": "2026-12-02 12:00", "next monday 9:00": "2026-12-07 09:00",
    "next-monday-9am": "2026-12-07 09:00", "in 3 days 9am": "2026-12-04 09:00",
    "dec 5 17:00": "2026-12-05 17:00", "demain 17h": "2026-12-02 17:00",
    "eow 17:00": "2026-12-04 17:00",
    # a time alone: today if still ahead (it is 09:00 in Montreal), else tomorrow
    "17:00": "2026-12-01 17:00", "5pm": "2026-12-01 17:00", "at 5pm": "2026-12-01 17:00",
    "noon": "2026-12-01 12:00", "9:30": "2026-12-01 09:30", "9:00": "2026-12-02 09:00",
    "8am": "2026-12-02 08:00", "midnight": "2026-12-02 00:00",
}  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES.items())
def test_parse_when(text: str, expected: str) -> None:
    value = dates.parse_when(text, NOW, MTL)
    assert dates.format_local(value, MTL) == expected
    assert isinstance(value, datetime) == (" " in expected)
    assert not isinstance(value, datetime) or (value.tzinfo is UTC and value.second == 0)


@pytest.mark.parametrize(
    "text",
    ["frday", "17", "fri 17", "now 17:00", "tonight 5pm", "in 2 hours 5pm", "feb 30", "",
     "   ", "25:00", "13pm", "0am", "17:60", "in 3 parsecs", "next week", "dec", "dec 5 27",
     "in 99999 months", "dec 5 2027 17", "in -3 days x", "2026-12-05T25:00", "fri fri"],
)  # fmt: skip
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
    ("2026-12-04 12:00", PARIS): {"fri": "2026-12-11", "next friday": "2026-12-11",  # Friday
                                  "this friday": "2026-12-04", "eow": "2026-12-04"},
    ("2026-12-05 12:00", PARIS): {"eow": "2026-12-11", "fri": "2026-12-11"},  # Saturday
    ("2026-12-06 12:00", PARIS): {"eow": "2026-12-11", "this friday": "2026-12-11"},  # Sunday
    # year rollover
    ("2026-12-31 12:00", PARIS): {"tomorrow": "2027-01-01", "dec 31": "2026-12-31",
                                  "dec 30": "2027-12-30", "jan 1": "2027-01-01",
                                  "in 1 month": "2027-01-31", "eom": "2026-12-31",
                                  "som": "2027-01-01", "fri": "2027-01-01"},
    # month ends clamp
    ("2026-01-31 12:00", MTL): {"in 1 month": "2026-02-28", "in 13 months": "2027-02-28"},
    ("2028-01-31 12:00", MTL): {"in 1 month": "2028-02-29", "eom": "2028-01-31"},
    ("2028-02-03 00:00", MTL): {"eom": "2028-02-29", "som": "2028-03-01"},
    # today is the local day of now: Dec 1 21:00 in Montreal is Dec 2 03:00 in Paris
    ("2026-12-02T02:00:00Z", MTL): {"today": "2026-12-01", "tomorrow": "2026-12-02"},
    ("2026-12-02T02:00:00Z", PARIS): {"today": "2026-12-02", "tomorrow": "2026-12-03"},
    # wall times across DST changes: skipped 02:30 lands at 03:30, a repeated one is the first
    ("2026-03-28 12:00", PARIS): {"tomorrow 17:00": "2026-03-29T15:00:00Z",
                                  "today 17:00": "2026-03-28T16:00:00Z",
                                  "tomorrow 2:30": "2026-03-29T01:30:00Z"},
    ("2026-10-24 12:00", PARIS): {"tomorrow 17:00": "2026-10-25T16:00:00Z",
                                  "tomorrow 2:30": "2026-10-25T00:30:00Z"},
    ("2026-03-07 12:00", MTL): {"tomorrow 9am": "2026-03-08T13:00:00Z",
                                "tomorrow 2:30": "2026-03-08T07:30:00Z"},
    ("2026-10-31 12:00", MTL): {"tomorrow 9am": "2026-11-01T14:00:00Z", "in 1 day": "2026-11-01",
                                "tomorrow 1:30": "2026-11-01T05:30:00Z",
                                "tomorrow 2:30": "2026-11-01T07:30:00Z"},
    ("2026-03-29T00:30:00Z", PARIS): {"in 2 hours": "2026-03-29T02:30:00Z"},  # elapsed time
}  # fmt: skip


@pytest.mark.parametrize(
    ("now", "tz", "text", "expected"),
    [(now, tz, text, expected) for (now, tz), cases in EDGES.items()
     for text, expected in cases.items()],
)  # fmt: skip
def test_parse_when_edges(now: str, tz, text: str, expected: str) -> None:
    moment = dates.parse_iso(now) if "Z" in now else datetime.fromisoformat(now).replace(tzinfo=tz)
    value = dates.parse_when(text, moment, tz)
    shown = encode_value(value) if "Z" in expected else dates.format_local(value, tz)
    assert shown == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [(date(2026, 1, 31), 1, date(2026, 2, 28)), (date(2028, 1, 31), 1, date(2028, 2, 29)),
     (date(2026, 3, 31), 1, date(2026, 4, 30)), (date(2026, 3, 31), -1, date(2026, 2, 28)),
     (date(2026, 12, 15), 1, date(2027, 1, 15)), (date(2026, 1, 15), -1, date(2025, 12, 15)),
     (date(2026, 8, 31), 18, date(2028, 2, 29)), (date(2100, 1, 31), 1, date(2100, 2, 28)),
     (date(2000, 1, 31), 1, date(2000, 2, 29))],
)  # fmt: skip
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert dates.add_months(start, months) == expected


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


WORDS = ["today", "tomorrow", "fri", "next", "this", "monday", "in", "3", "days", "2h", "dec",
         "5", "2027", "17:00", "5pm", "noon", "at", "-", "eow", "eom", "2026-12-05", "feb", "29",
         "month", "lundi", "30m", "12/05", "x", "99999", "9999"]  # fmt: skip
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
    **dict.fromkeys(["17:00", "9:30", "09:30", "0:00", "5pm", "5PM", "5am", "12am", "5:30pm",
                     "17h", "17h30", "noon", "Noon", "midnight", "23:59"], True),
    **dict.fromkeys(["17", "5", "24:00", "17:60", "13pm", "0pm", "5p", "fri", "", "h", "25h",
                     "1h30m", "17:0", "noonish", "2026-12-05"], False),
}  # fmt: skip


@pytest.mark.parametrize(("word", "expected"), TIME_TOKENS.items())
def test_time_tokens(word: str, expected: bool) -> None:
    assert dates.is_time_token(word) == expected


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("30m", 30), ("1h", 60), ("1h30m", 90), ("1h30", 90), ("90m", 90), ("1.5h", 90),
     ("1,5h", 90), ("45", 45), ("2H", 120), (" 1h 15m ", 75), ("30min", 30), ("2hrs", 120),
     ("0.25h", 15), ("10080", 10080), ("168h", 10080)],
)  # fmt: skip
def test_parse_duration(text: str, minutes: int) -> None:
    assert dates.parse_duration(text) == minutes


@pytest.mark.parametrize(
    "text", ["2d", "0", "0m", "-30m", "10081", "169h", "abc", "", "1.5h30m", "1h60", "h",
             "m", "1e3", "30s", "١٢"],
)  # fmt: skip
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(InputError, match="duration"):
        dates.parse_duration(text)


@pytest.mark.parametrize(("minutes", "text"), [(45, "45m"), (60, "1h"), (90, "1h30m"),
                                                (5, "5m"), (600, "10h"), (0, "0m")])  # fmt: skip
def test_format_duration(minutes: int, text: str) -> None:
    assert dates.format_duration(minutes) == text


@PROPERTY
@given(st.integers(1, 7 * 24 * 60))
def test_duration_round_trip(minutes: int) -> None:
    assert dates.parse_duration(dates.format_duration(minutes)) == minutes


@PROPERTY
@given(st.text(max_size=12))
def test_parse_duration_only_raises_input_error(text: str) -> None:
    try:
        minutes = dates.parse_duration(text)
    except InputError:
        return
    assert 1 <= minutes <= 7 * 24 * 60


HUMANIZED = {
    # instants (UTC with a Z, else local Montreal wall time); it is 09:00 there
    "2026-12-01T14:25:00Z": "in 25m", "2026-12-01T14:00:30Z": "now",
    "2026-12-01T16:00:00Z": "in 2h", "2026-12-01 17:00": "today 17:00",
    "2026-12-02 17:00": "tomorrow 17:00", "2026-12-04 17:00": "fri 17:00",
    "2026-12-07 09:05": "mon 09:05", "2026-12-08 17:00": "dec 8 17:00",
    "2027-01-05 17:00": "2027-01-05", "2026-12-01T13:35:00Z": "25m overdue",
    "2026-12-01T11:30:00Z": "2h overdue", "2026-11-28T13:00:00Z": "3d overdue",
    "2026-12-01T13:59:59Z": "1m overdue",
    # dates
    "2026-12-01": "today", "2026-12-02": "tomorrow", "2026-12-04": "fri", "2026-12-07": "mon",
    "2026-12-08": "dec 8", "2027-01-05": "2027-01-05", "2026-11-30": "1d overdue",
    "2026-11-28": "3d overdue",
}  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), HUMANIZED.items())
def test_humanize_due(text: str, expected: str) -> None:
    value = dates.parse_when(text, NOW, MTL) if " " in text else dates.parse_iso(text)
    assert dates.humanize_due(value, NOW, MTL) == expected


def test_humanize_uses_the_local_day() -> None:
    day = date(2026, 12, 1)
    assert (
        dates.humanize_due(day, dates.day_end(day, PARIS) - timedelta(seconds=1), PARIS) == "today"
    )
    assert dates.humanize_due(day, dates.day_end(day, PARIS), PARIS) == "1d overdue"
    evening = utc(2026, 12, 2, 2)  # Dec 1 21:00 in Montreal
    assert dates.humanize_due(local(MTL, 2026, 12, 2, 9), evening, MTL) == "tomorrow 09:00"
    assert dates.humanize_due(day, evening, MTL) == "today"


def test_format_local() -> None:
    assert dates.format_local(date(2026, 12, 4), MTL) == "2026-12-04"
    assert dates.format_local(utc(2026, 12, 4, 22), MTL) == "2026-12-04 17:00"
    assert dates.format_local(utc(2026, 12, 4, 22, 0, 59), PARIS) == "2026-12-04 23:00"
    assert dates.format_local(utc(2026, 10, 25, 0, 30), PARIS) == "2026-10-25 02:30"
    assert dates.format_local(utc(2026, 10, 25, 1, 30), PARIS) == "2026-10-25 02:30"


@PROPERTY
@given(value=st.one_of(st.dates(date(2000, 1, 1), date(2090, 1, 1)), INSTANTS), now=INSTANTS,
       tz=ZONES)  # fmt: skip
def test_humanize_is_short_and_overdue_iff_late(value, now: datetime, tz) -> None:
    text = dates.humanize_due(value, now, tz)
    assert 0 < len(text) <= 14
    late = (
        value < now if isinstance(value, datetime) else dates.to_instant(value, tz, end=True) <= now
    )
    assert text.endswith("overdue") == late
