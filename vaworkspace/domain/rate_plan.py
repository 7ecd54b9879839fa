"""The minimum hourly rate to charge, as the trade's articles work it out.

A VA who divides the income they want by the hours they work overestimates what
they earn: 40–60 % of a freelancer's hours are not billable (e-mail, prospecting,
admin), weeks off earn nothing, and expenses come out of the fees. So:

    needed a year   = income a year + expenses a year
    working weeks   = 52 − weeks off
    billable hours  = working weeks × hours a week × billable share
    minimum rate    = needed a year ÷ billable hours, rounded *up* to the cent

Amounts are given per week (× 52), month (× 12) or year. Everything is integer
arithmetic on cents, minutes and hundredths of a percent, so the rate shown is
exactly the quotient rounded up: charging it covers the plan, never a cent short.
The words that show the arithmetic line by line are presentation
(`vaworkspace/earnings_text.py`), so another language only changes that module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vaworkspace.errors import InputError
from vaworkspace.i18n import _

PER_YEAR = {"week": 52, "month": 12, "year": 1}
_PERIODS = {
    **dict.fromkeys(("w", "wk", "week", "weeks", "weekly", "semaine", "sem"), "week"),
    **dict.fromkeys(("m", "mo", "month", "months", "monthly", "mois"), "month"),
    **dict.fromkeys(("y", "yr", "year", "years", "yearly", "an", "année", "annee"), "year"),
}
WEEKS_A_YEAR = 52


@dataclass(frozen=True, slots=True)
class Amount:
    """Money per period, as typed: `4000/month` is Amount(400000, "month")."""

    cents: int
    period: str

    @property
    def yearly_cents(self) -> int:
        return self.cents * PER_YEAR[self.period]


def parse_amount(text: str, what: str) -> Amount:
    """`4000/month`, `950.50/week`, `48000/year` (French period words too)."""
    from vaworkspace.domain.money import parse_rate

    compact = re.sub(r"\s+", "", str(text)).lower()
    match = re.fullmatch(r"(.+?)(?:/|per|par)(.+)", compact)
    period = _PERIODS.get(match.group(2)) if match else None
    if match is None or period is None:
        raise InputError(
            _(
                "{what} '{text}' needs a period: write it like 4000/month, 950/week or 48000/year"
            ).format(what=what, text=text)
        )
    try:
        return Amount(parse_rate(match.group(1)), period)
    except InputError:
        raise InputError(
            _("{what} '{text}' is not an amount per period, like 4000/month").format(
                what=what, text=text
            )
        ) from None


def parse_share(text: str) -> int:
    """A billable share in hundredths of a percent: `55%` or `55` → 5500, `0.55` → 5500.
    It must be above 0 and at most 100 %."""
    raw = str(text).strip().replace(",", ".")
    match = re.fullmatch(r"([0-9]+(?:\.[0-9]{1,2})?)\s*(%?)", raw)
    if match is None:
        raise InputError(
            _("billable share '{text}' is not a percentage; write it like 55%").format(text=text)
        )
    number = float(match.group(1))
    basis = round(number * 10000) if not match.group(2) and number <= 1 else round(number * 100)
    if not 0 < basis <= 10000:
        raise InputError(
            _("billable share '{text}' must be more than 0 % and at most 100 %").format(text=text)
        )
    return basis


@dataclass(frozen=True, slots=True)
class RatePlan:
    """What a VA wants to earn and how they work; `minimum_rate_cents` is the answer."""

    income: Amount
    expenses: Amount
    weeks_off: int
    week_minutes: int
    share_basis: int  # billable share in hundredths of a percent: 55 % is 5500

    def __post_init__(self) -> None:
        if not 0 <= self.weeks_off < WEEKS_A_YEAR:
            raise InputError(
                _("weeks off must be from 0 to 51, not {weeks}").format(weeks=self.weeks_off)
            )
        if not 0 < self.week_minutes <= 7 * 24 * 60:
            raise InputError(_("hours a week must be more than 0 and fit in a week"))

    @property
    def needed_cents(self) -> int:
        return self.income.yearly_cents + self.expenses.yearly_cents

    @property
    def working_weeks(self) -> int:
        return WEEKS_A_YEAR - self.weeks_off

    @property
    def billable_minutes_x10000(self) -> int:
        """Billable minutes a year, times 10,000 (the share stays exact)."""
        return self.working_weeks * self.week_minutes * self.share_basis

    @property
    def billable_hundredths(self) -> int:
        """Billable hours a year in hundredths, rounded down (for showing)."""
        return self.billable_minutes_x10000 // 6000

    @property
    def minimum_rate_cents(self) -> int:
        """needed ÷ billable hours, in cents, rounded up."""
        return -(-self.needed_cents * 60 * 10000 // self.billable_minutes_x10000)
