"""`va rate plan`'s arithmetic, checked against figures worked out by hand."""

from __future__ import annotations

import pytest

from vaworkspace.domain.rate_plan import Amount, RatePlan, parse_amount, parse_share
from vaworkspace.errors import InputError


def test_the_issue_example_by_hand() -> None:
    """4000/month income, 300/month expenses, 6 weeks off, 40 h a week, 55 % billable:

    needed     = 4000 × 12 + 300 × 12 = 48,000 + 3,600 = 51,600.00 a year
    weeks      = 52 − 6 = 46
    billable   = 46 × 40 h × 0.55 = 1,012 h
    rate       = 51,600 ÷ 1,012 = 50.98814… → 50.99 an hour (rounded up)
    """
    plan = RatePlan(
        income=parse_amount("4000/month", "--income"),
        expenses=parse_amount("300/month", "--expenses"),
        weeks_off=6,
        week_minutes=40 * 60,
        share_basis=parse_share("55%"),
    )
    assert plan.needed_cents == 5_160_000
    assert plan.working_weeks == 46
    assert plan.billable_hundredths == 101_200
    assert plan.minimum_rate_cents == 5099


def test_weekly_and_yearly_forms_by_hand() -> None:
    """1000/week income (52,000 a year), 2400/year expenses, no weeks off, 30 h a
    week at 50 %:

    needed   = 52,000 + 2,400 = 54,400.00
    billable = 52 × 30 × 0.5 = 780 h
    rate     = 54,400 ÷ 780 = 69.7435… → 69.75
    """
    plan = RatePlan(Amount(100_000, "week"), Amount(240_000, "year"), 0, 30 * 60, 5000)
    assert plan.needed_cents == 5_440_000
    assert plan.billable_hundredths == 78_000
    assert plan.minimum_rate_cents == 6975


def test_an_exact_quotient_is_not_rounded_up() -> None:
    """12,000 a year over 50 weeks × 20 h × 100 % = 1,000 h: exactly 12.00."""
    plan = RatePlan(Amount(1_200_000, "year"), Amount(0, "year"), 2, 20 * 60, 10_000)
    assert plan.minimum_rate_cents == 1200


@pytest.mark.parametrize(
    ("text", "cents", "period"),
    [
        ("4000/month", 400_000, "month"),
        ("950.50 / week", 95_050, "week"),
        ("48000/an", 4_800_000, "year"),
        ("3000 par mois", 300_000, "month"),
    ],
)
def test_amounts_per_period(text: str, cents: int, period: str) -> None:
    assert parse_amount(text, "--income") == Amount(cents, period)


@pytest.mark.parametrize(
    ("text", "basis"),
    [("55%", 5500), ("55", 5500), ("0.55", 5500), ("37.5 %", 3750), ("100%", 10_000)],
)
def test_shares(text: str, basis: int) -> None:
    assert parse_share(text) == basis


@pytest.mark.parametrize("text", ["0%", "120%", "half", "-5%"])
def test_bad_shares_are_refused(text: str) -> None:
    with pytest.raises(InputError, match="billable share"):
        parse_share(text)


@pytest.mark.parametrize("text", ["4000", "4000/fortnight", "lots/month", "-4/month"])
def test_bad_amounts_say_how_to_write_one(text: str) -> None:
    with pytest.raises(InputError, match="4000/month"):
        parse_amount(text, "--income")


def test_weeks_off_must_leave_a_working_week() -> None:
    with pytest.raises(InputError, match="weeks off"):
        RatePlan(Amount(1, "year"), Amount(0, "year"), 52, 60, 5000)
