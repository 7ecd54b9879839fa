"""`va report --summary` and `va rate plan`: what a VA really earns, and what to charge."""

from __future__ import annotations

import json
import os
from pathlib import Path


def _config(text: str) -> None:
    path = Path(os.environ["VAWORKSPACE_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def _trade_week(va) -> None:
    """Monday and Tuesday: 12 h billable at two rates, 9 h not billable."""
    va("client", "add", "Acme", "--currency", "EUR", "--rate", "40", "--rate", "seo=60")
    va("client", "edit", "acme", "--rate", "data-entry=30")
    va("log", "8h", "@acme", "#seo", "mon", "--start", "8:00")
    va("log", "4h", "@acme", "#data-entry", "--start", "8:00")
    va("log", "6h", "mon", "--start", "17:00", "prospecting")
    va("log", "3h", "@acme", "--start", "0:00", "e-mail")
    va("entry", "edit", "4", "--billable", "no")


def test_summary_json_is_billed_over_every_hour_worked(va) -> None:
    """600.00 EUR billed over 21 h worked = 28.57 an hour (see test_earnings)."""
    _trade_week(va)
    summary = json.loads(va("report", "--summary", "--json"))
    assert summary == {
        "EUR": {
            "amount_cents": 60000,
            "hours_worked": 21.0,
            "billable_hours": 12.0,
            "non_billable_share": 0.429,
            "effective_rate_cents": 2857,
        }
    }
    assert json.loads(va("report", "--summary", "day", "--json"))["EUR"]["hours_worked"] == 7.0


def test_summary_text_draws_the_target(va) -> None:
    _config('currency = "EUR"\ntarget_rate = 28.50\n')
    _trade_week(va)
    out = va("report", "--summary", "week")
    assert "EUR: billed 600.00 EUR for 12.00 billable h" in out
    assert "28.57 EUR/h effective on 21.00 h worked, 43% non-billable" in out
    assert "target 28.50 EUR/h met" in out
    _config('currency = "EUR"\ntarget_rate = 45\n')
    assert "target 45.00 EUR/h not met" in va("report", "--summary")


def test_summary_refuses_a_period_it_does_not_know(va) -> None:
    assert "not a period" in va("report", "--summary", "year", code=1)


def test_rate_plan_shows_its_arithmetic(va) -> None:
    _config('currency = "CAD"\n')
    out = va(
        "rate", "plan", "--income", "4000/month", "--billable-share", "55%",
        "--weeks-off", "6", "--expenses", "300/month",
    )  # fmt: skip
    assert out.splitlines() == [
        "Income:          4000.00 CAD a month x 12 = 48000.00 CAD a year",
        "Expenses:        300.00 CAD a month x 12 = 3600.00 CAD a year",
        "Needed a year:   48000.00 CAD + 3600.00 CAD = 51600.00 CAD",
        "Working weeks:   52 - 6 weeks off = 46",
        "Billable hours:  46 weeks x 40 h x 55% = 1012 h",
        "Minimum rate:    51600.00 CAD / 1012 h = 50.99 CAD/h (rounded up to the cent)",
    ]
    data = json.loads(
        va("rate", "plan", "--income", "1000/week", "--billable-share", "50",
           "--hours-week", "30h", "--expenses", "2400/year", "--json")
    )  # fmt: skip
    assert data == {
        "CAD": {
            "needed_cents": 5_440_000,
            "working_weeks": 52,
            "billable_hours": 780.0,
            "minimum_rate_cents": 6975,
        }
    }


def test_rate_plan_bad_input_is_one_clear_line(va) -> None:
    assert "needs a period" in va(
        "rate", "plan", "--income", "4000", "--billable-share", "50%", code=1
    )
    assert "whole number" in va(
        "rate",
        "plan",
        "--income",
        "4000/month",
        "--billable-share",
        "50%",
        "--weeks-off",
        "six",
        code=1,
    )
    assert "at most 100" in va(
        "rate", "plan", "--income", "4000/month", "--billable-share", "150%", code=1
    )
