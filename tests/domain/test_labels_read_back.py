"""Due labels in French, and every label that names a day or a moment reads back
(issue #12): the inbox column is something a VA may copy into `due:` and expect
the same date, in English and in French."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.date_cases import INSTANTS, MTL, NOW, PROPERTY, ZONES, utc
from vaworkspace.domain import date_labels, dates
from vaworkspace.i18n import use_language

FRENCH = {
    "2026-12-01T14:25:00Z": "dans 25 min",
    "2026-12-01T14:00:30Z": "maintenant",
    "2026-12-01T16:00:00Z": "dans 2 h",
    "2026-12-01 17:00": "17 h",
    "2026-12-02 17:30": "demain 17 h 30",
    "2026-12-04 17:00": "ven. 17 h",
    "2026-12-07 09:05": "lun. 9 h 05",
    "2026-12-09 17:00": "9 déc. 17 h",
    "2026-12-30 10:30": "30 déc. 10h30",
    "2027-01-05 17:00": "2027-01-05",
    "2026-12-01T13:35:00Z": "retard 25 min",
    "2026-12-01T11:30:00Z": "retard 2 h",
    "2026-11-28T13:00:00Z": "retard 3 j",
    "2026-12-01": "aujourd'hui",
    "2026-12-02": "demain",
    "2026-12-04": "ven.",
    "2026-12-07": "lun.",
    "2026-12-08": "8 déc.",
    "2026-12-09": "9 déc.",
    "2026-11-28": "retard 3 j",
}


def _value(text: str) -> date | datetime:
    return dates.parse_when(text, NOW, MTL) if " " in text else dates.parse_iso(text)


@pytest.mark.parametrize(("text", "expected"), FRENCH.items())
def test_due_labels_in_french(text: str, expected: str) -> None:
    value = _value(text)
    use_language("fr_CA")
    assert dates.humanize_due(value, NOW, MTL) == expected


def test_english_stays_english_and_march_is_day_first() -> None:
    use_language("en")
    assert dates.humanize_due(date(2026, 12, 9), NOW, MTL) == "9 dec"
    assert dates.humanize_due(date(2027, 3, 5), datetime(2027, 1, 2, 12), MTL) == "5 mar"
    use_language("fr_FR")
    assert dates.humanize_due(date(2027, 3, 5), datetime(2027, 1, 2, 12), MTL) == "5 mars"


def test_mar_is_mardi_before_a_time_and_mars_after_a_number() -> None:
    use_language("fr_CA")
    thursday = utc(2026, 12, 3, 14)
    tuesday = dates.parse_when("2026-12-08 09:05", thursday, MTL)
    assert dates.humanize_due(tuesday, thursday, MTL) == "mar. 9 h 05"
    assert dates.parse_when("mar. 9 h 05", thursday, MTL) == tuesday
    assert dates.humanize_due(date(2026, 12, 8), thursday, MTL) == "mar."
    assert dates.parse_when("mar.", thursday, MTL) == date(2026, 12, 8)
    march = date(2027, 3, 5)
    assert dates.humanize_due(march, utc(2027, 1, 4, 12), MTL) == "5 mars"
    assert dates.parse_when("5 mars", utc(2027, 1, 4, 12), MTL) == march
    use_language("en")
    assert dates.parse_when("5 mar", utc(2027, 1, 4, 12), MTL) == march


def test_a_past_wait_says_ago_in_both_languages() -> None:
    assert date_labels.humanize_ago(date(2026, 11, 29), NOW, MTL) == "2d ago"
    use_language("fr_CA")
    assert date_labels.humanize_ago(date(2026, 11, 29), NOW, MTL) == "il y a 2 j"
    assert date_labels.humanize_ago(utc(2026, 12, 1, 13, 30), NOW, MTL) == "il y a 30 min"


def test_a_span_in_french() -> None:
    use_language("fr_CA")
    begins = datetime(2026, 12, 18, 9, 0, tzinfo=MTL)
    label = date_labels.humanize_span(begins, begins + timedelta(minutes=45), NOW, MTL)
    assert label == "18 déc. 9 h–9 h 45"


FUTURE = st.one_of(
    st.dates(date(2026, 11, 1), date(2028, 12, 31)),
    st.datetimes(datetime(2026, 11, 1), datetime(2028, 12, 31)),
)
NOWS = st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 31))


@PROPERTY
@given(value=FUTURE, now=NOWS, tz=ZONES, language=st.sampled_from(["en", "fr_CA", "fr_FR"]))
def test_every_label_of_a_day_or_moment_reads_back(value, now, tz, language) -> None:
    """A date (or a naive datetime, taken as local wall time) not yet past: its label
    parses back to the same day, or to the same minute (another year's, to its day);
    `in 25m` to the minute it counts down to (the label rounds down). Only a wall
    time repeated when clocks go back reads as its first occurrence, an hour apart:
    `parse_when`'s rule."""
    use_language(language)
    now = now.replace(tzinfo=tz)
    if isinstance(value, datetime):
        value = value.replace(tzinfo=tz)
        if value.astimezone(tz).replace(tzinfo=None) != value.replace(tzinfo=None):
            return  # a wall time skipped by spring-forward: no instant has that label
        value = dates.to_instant(value, tz)
    if dates.to_instant(value, tz, end=True) <= now or (
        isinstance(value, datetime) and value < now
    ):
        return  # overdue: the label says how late, not when
    label = dates.humanize_due(value, now, tz)
    parsed = dates.parse_when(label, now, tz)
    if not isinstance(value, datetime):
        assert parsed == value, label
        return
    if not isinstance(parsed, datetime):  # another year's: the ISO day alone fits the column
        assert parsed == value.astimezone(tz).date() and parsed.year != now.year, label
        return
    floor = value.replace(second=0, microsecond=0)
    if (value - now).total_seconds() < 3 * 3600:
        minutes = label.endswith(("m", "min")) or parsed == now.replace(microsecond=0)
        unit = timedelta(minutes=1) if minutes else timedelta(hours=1)
        assert parsed - timedelta(seconds=1) < value < parsed + unit + timedelta(seconds=1), label
    elif parsed != floor:
        wall = floor.astimezone(tz).replace(tzinfo=None)
        assert parsed.astimezone(tz).replace(tzinfo=None) == wall, label
        assert abs(parsed - floor) == timedelta(hours=1), label


@PROPERTY
@given(
    value=st.one_of(st.dates(date(2000, 1, 1), date(2090, 1, 1)), INSTANTS), now=INSTANTS, tz=ZONES
)
def test_french_labels_fit_the_column_and_say_late_when_late(value, now, tz) -> None:
    use_language("fr_FR")
    text = dates.humanize_due(value, now, tz)
    assert 0 < len(text) <= 14
    late = (
        value < now if isinstance(value, datetime) else dates.to_instant(value, tz, end=True) <= now
    )
    assert text.startswith("retard ") == late
