"""Due dates written back for people: short, local, and overdue exactly when late."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.date_cases import INSTANTS, MTL, NOW, PARIS, PROPERTY, ZONES, local, utc
from vaworkspace.domain import date_labels, dates

HUMANIZED = {
    # instants (UTC with a Z, else local Montreal wall time); it is 09:00 there
    "2026-12-01T14:25:00Z": "in 25m",
    "2026-12-01T14:00:30Z": "now",
    "2026-12-01T16:00:00Z": "in 2h",
    "2026-12-01 17:00": "today 17:00",
    "2026-12-02 17:00": "tomorrow 17:00",
    "2026-12-04 17:00": "fri 17:00",
    "2026-12-07 09:05": "mon 09:05",
    "2026-12-08 17:00": "8 dec 17:00",
    "2027-01-05 17:00": "2027-01-05",
    "2026-12-01T13:35:00Z": "25m overdue",
    "2026-12-01T11:30:00Z": "2h overdue",
    "2026-11-28T13:00:00Z": "3d overdue",
    "2026-12-01T13:59:59Z": "1m overdue",
    # dates
    "2026-12-01": "today",
    "2026-12-02": "tomorrow",
    "2026-12-04": "fri",
    "2026-12-07": "mon",
    "2026-12-08": "8 dec",
    "2027-01-05": "2027-01-05",
    "2026-11-30": "1d overdue",
    "2026-11-28": "3d overdue",
}


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
@given(
    value=st.one_of(st.dates(date(2000, 1, 1), date(2090, 1, 1)), INSTANTS), now=INSTANTS, tz=ZONES
)
def test_humanize_is_short_and_overdue_iff_late(value, now: datetime, tz) -> None:
    text = dates.humanize_due(value, now, tz)
    assert 0 < len(text) <= 14
    late = (
        value < now if isinstance(value, datetime) else dates.to_instant(value, tz, end=True) <= now
    )
    assert text.endswith("overdue") == late


@pytest.mark.parametrize(
    ("start", "text"),
    [
        ("2026-12-01 14:00", "today 14:00–14:45"),
        ("2026-12-02 09:00", "tomorrow 09:00–09:45"),
        ("2026-12-04 09:00", "fri 09:00–09:45"),
        ("2026-12-18 09:00", "18 dec 09:00–09:45"),
        ("2026-11-30 23:30", "30 nov 23:30–00:15"),
    ],
)
def test_a_span_says_its_day_as_a_due_date_does(start, text) -> None:
    begins = datetime.fromisoformat(start).replace(tzinfo=MTL)
    assert date_labels.humanize_span(begins, begins + timedelta(minutes=45), NOW, MTL) == text
