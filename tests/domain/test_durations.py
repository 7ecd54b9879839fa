"""Durations as typed ("45m", "1h30", "2h") and written back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.date_cases import PROPERTY
from vaworkspace.domain import dates
from vaworkspace.errors import InputError


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("30m", 30),
        ("1h", 60),
        ("1h30m", 90),
        ("1h30", 90),
        ("90m", 90),
        ("1.5h", 90),
        ("1,5h", 90),
        ("45", 45),
        ("2H", 120),
        (" 1h 15m ", 75),
        ("30min", 30),
        ("2hrs", 120),
        ("0.25h", 15),
        ("10080", 10080),
        ("168h", 10080),
    ],
)
def test_parse_duration(text: str, minutes: int) -> None:
    assert dates.parse_duration(text) == minutes


@pytest.mark.parametrize(
    "text",
    [
        "2d",
        "0",
        "0m",
        "-30m",
        "10081",
        "169h",
        "abc",
        "",
        "1.5h30m",
        "1h60",
        "h",
        "m",
        "1e3",
        "30s",
        "١٢",
    ],
)
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(InputError, match="duration"):
        dates.parse_duration(text)


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(45, "45m"), (60, "1h"), (90, "1h30m"), (5, "5m"), (600, "10h"), (0, "0m")],
)
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
