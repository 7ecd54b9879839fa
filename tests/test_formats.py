"""The presentation helpers both UIs share (`vaworkspace.formats`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vaworkspace.formats import (
    cells,
    clock,
    fit,
    gauge,
    hours_decimal,
    hours_minutes,
    retainer_figures,
)


def test_fit_cuts_with_an_ellipsis_and_may_pad() -> None:
    assert fit("Bakery", 10) == "Bakery"
    assert fit("Bakery", 10, pad=True) == "Bakery    "
    assert fit("Boulangerie du coin", 8) == "Boulang…"
    assert fit("abc", 0) == ""


def test_fit_counts_wide_characters_as_two_cells() -> None:
    assert fit("日本語のタイトル", 7) == "日本語…"
    assert cells(fit("日本語のタイトル", 7, pad=True)) == 7
    assert cells("e\u0301") == 1  # a combining accent takes no cell


@given(st.text(), st.integers(1, 40))
def test_fit_never_exceeds_the_width(text: str, width: int) -> None:
    fitted = fit(text, width)
    assert cells(fitted) <= width
    assert cells(fit(text, width, pad=True)) == max(width, cells(fitted))
    if cells(text) <= width:
        assert fitted == text


def test_hours_minutes_rounds_down_like_a_clock() -> None:
    assert hours_minutes(0) == "0h00"
    assert hours_minutes(59) == "0h00"
    assert hours_minutes(3900) == "1h05"
    assert hours_minutes(3959.9) == "1h05"
    assert hours_minutes(36000) == "10h00"


def test_clock_shows_hours_only_when_there_are_some() -> None:
    assert clock(0) == "00:00"
    assert clock(1499) == "24:59"
    assert clock(3900) == "1:05:00"
    assert clock(-5) == "00:00"


def test_hours_decimal_and_retainer_figures() -> None:
    assert hours_decimal(750) == "12.5"
    assert hours_decimal(240) == "4"
    assert retainer_figures(270, 480) == "4.5/8h"


def test_gauge_is_full_from_the_whole_budget_on() -> None:
    assert gauge(0, 480, 5) == ("", "▱▱▱▱▱")
    assert gauge(240, 480, 6) == ("▰▰▰", "▱▱▱")
    assert gauge(480, 480, 5) == ("▰▰▰▰▰", "")
    assert gauge(900, 480, 5) == ("▰▰▰▰▰", "")
    assert gauge(10, 0, 4) == ("", "▱▱▱▱")
