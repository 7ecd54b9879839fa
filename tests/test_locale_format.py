"""`locale_format` (issue #12): French dates, times, lengths and money with Babel,
English unchanged, and every written date read back by `parse_when` as the same
day or minute, in both languages."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tests.domain.date_cases import INSTANTS, MTL, NOW, PARIS, PROPERTY, UTC, ZONES
from vaworkspace import locale_format as lf
from vaworkspace.domain.dates import format_duration, parse_duration, parse_when
from vaworkspace.domain.money import format_money

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (datetime(2026, 12, 11, 22, tzinfo=UTC), "fr", "ven. 11 déc., 17 h"),
        (datetime(2026, 12, 11, 22, 30, tzinfo=UTC), "fr_CA", "ven. 11 déc., 17 h 30"),
        (datetime(2026, 12, 11, 14, 5, tzinfo=UTC), "fr_FR", "ven. 11 déc., 9 h 05"),
        (date(2026, 12, 11), "fr", "ven. 11 déc."),
        (date(2027, 7, 14), "fr_CA", "mer. 14 juill."),
        (date(2027, 7, 14), "fr_FR", "mer. 14 juil."),
        (date(2026, 11, 30), "fr", "lun. 30 nov. 2026"),  # passed: the year is written
        (date(2027, 12, 2), "fr", "jeu. 2 déc. 2027"),  # beyond the coming year
        (datetime(2026, 12, 11, 22, tzinfo=UTC), "en", "Fri Dec 11, 17:00"),
        (date(2027, 3, 9), "en", "Tue Mar 9"),
        (date(2025, 3, 9), "en_CA", "Sun Mar 9, 2025"),
    ],
)
def test_format_when(value, language: str, expected: str) -> None:
    assert lf.format_when(value, MTL, NOW, language) == expected


@pytest.mark.parametrize(
    ("at", "fr", "en"),
    [
        (time(17), "17 h", "17:00"),
        (time(17, 30), "17 h 30", "17:30"),
        (time(0, 5), "0 h 05", "00:05"),
    ],
)
def test_format_clock_is_24_hour_in_both(at: time, fr: str, en: str) -> None:
    assert (lf.format_clock(at, "fr_CA"), lf.format_clock(at, "en")) == (fr, en)


@pytest.mark.parametrize(
    ("minutes", "fr"), [(90, "1 h 30"), (45, "45 min"), (120, "2 h"), (65, "1 h 05"), (1, "1 min")]
)
def test_format_minutes(minutes: int, fr: str) -> None:
    assert lf.format_minutes(minutes, "fr") == fr
    assert lf.format_minutes(minutes, "en") == format_duration(minutes)  # English unchanged


@pytest.mark.parametrize(
    ("cents", "currency", "language", "expected"),
    [
        (4500, "CAD", "fr_CA", f"45,00{NBSP}$"),
        (4500, "EUR", "fr_FR", f"45,00{NBSP}€"),
        (4500, "CAD", "fr_FR", f"45,00{NBSP}$CA"),
        (123456, "EUR", "fr_FR", f"1\u202f234,56{NBSP}€"),
        (4500, "CAD", "en", "45.00 CAD"),
        (4500, "EUR", "en_CA", "45.00 EUR"),
    ],
)
def test_format_amount(cents: int, currency: str, language: str, expected: str) -> None:
    assert lf.format_amount(cents, currency, language) == expected
    if not lf.is_french(language):
        assert expected == format_money(cents, currency)


def test_an_unknown_region_falls_back_to_its_language() -> None:
    assert lf.format_amount(4500, "EUR", "fr_ZZ") == f"45,00{NBSP}€"


LANGUAGES = st.sampled_from(["fr", "fr_CA", "fr_FR", "en", "en_CA", "en_GB"])


def _round_trips(value: datetime, tz) -> bool:
    """A wall time that names this instant and no other (not skipped, not repeated)."""
    wall = value.astimezone(tz).replace(tzinfo=None)
    return datetime.combine(wall.date(), wall.time(), tz).astimezone(UTC) == value and (
        wall.replace(fold=1).replace(tzinfo=tz).astimezone(UTC) == value
    )


@PROPERTY
@given(
    now=INSTANTS,
    ahead=st.integers(-800, 800),
    minute=st.integers(0, 24 * 60 - 1),
    tz=ZONES,
    language=LANGUAGES,
)
def test_a_written_instant_reads_back_as_the_same_minute(now, ahead, minute, tz, language):
    day = now.astimezone(tz).date() + timedelta(days=ahead)
    wall = datetime.combine(day, time(minute // 60, minute % 60))
    value = wall.replace(tzinfo=tz).astimezone(UTC)
    assume(_round_trips(value, tz))
    text = lf.format_when(value, tz, now, language)
    assert parse_when(text, now, tz) == value, text


@PROPERTY
@given(now=INSTANTS, ahead=st.integers(-800, 800), tz=ZONES, language=LANGUAGES)
def test_a_written_date_reads_back_as_the_same_day(now, ahead, tz, language) -> None:
    day = now.astimezone(tz).date() + timedelta(days=ahead)
    text = lf.format_when(day, tz, now, language)
    assert parse_when(text, now, tz) == day, text


@PROPERTY
@given(minutes=st.integers(1, 7 * 24 * 60), language=LANGUAGES)
def test_a_written_length_reads_back(minutes: int, language: str) -> None:
    assert parse_duration(lf.format_minutes(minutes, language)) == minutes


def test_paris_and_montreal_write_their_own_wall_time() -> None:
    instant = datetime(2026, 12, 11, 16, tzinfo=UTC)
    assert lf.format_when(instant, PARIS, NOW, "fr_FR") == "ven. 11 déc., 17 h"
    assert lf.format_when(instant, MTL, NOW, "fr_CA") == "ven. 11 déc., 11 h"


def test_importing_the_module_does_not_import_babel() -> None:
    code = "import sys, vaworkspace.locale_format; print('babel' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
