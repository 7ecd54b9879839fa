"""`locale_format`'s helpers for tables and titles: French forms, English unchanged."""

from __future__ import annotations

from datetime import date

import pytest

from vaworkspace import locale_format as lf

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("language", "day", "month", "percent", "length"),
    [
        ("fr_CA", "lun. 30 nov. 2026", "novembre 2026", f"43{NBSP}%", "1 h 05"),
        ("fr_FR", "lun. 30 nov. 2026", "novembre 2026", f"43{NBSP}%", "1 h 05"),
        ("en", "Mon 30 Nov 2026", "November 2026", "43%", "1h05"),
    ],
)
def test_days_months_shares_and_lengths(language, day, month, percent, length) -> None:
    assert lf.format_day_with_year(date(2026, 11, 30), language) == day
    assert lf.format_month(date(2026, 11, 30), language) == month
    assert lf.format_percent(0.43, language) == percent
    assert lf.format_hours_minutes(3900 + 59, language) == length  # rounded down


def test_the_decimal_mark_and_an_empty_length() -> None:
    assert lf.decimal_mark("12.50", "fr") == "12,50"
    assert lf.decimal_mark("12.50", "en_CA") == "12.50"
    assert lf.format_hours_minutes(0, "fr") == "0 min"
    assert lf.format_hours_minutes(-5, "en") == "0h00"
