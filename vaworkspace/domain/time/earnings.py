"""The hourly rate a VA really earns: what was billed ÷ every hour worked.

A VA who counts only billable hours overestimates what they earn and underprices
the next client. For a period, per currency:

- **amount** is what the report bills in that currency (every client's amount);
- **hours worked** are every hour logged: billable, non-billable, and time logged
  for no client. Time for no client counts in the currency the report gives its
  "(no client)" line (the most common client currency), since it is the VA's own;
- **billable hours** are the hours marked billable;
- **non-billable share** = 1 − billable ÷ worked (0 with no hours);
- **effective rate** = amount ÷ hours worked, in cents, rounded half up, from whole
  seconds in integer arithmetic (None with no hours worked).

`Earnings.meets(target)`: the effective rate reaches the target (reaching counts).
"""

from __future__ import annotations

from dataclasses import dataclass

from vaworkspace.domain.time.reports import Report


@dataclass(frozen=True, slots=True)
class Earnings:
    """One currency's figures for a period (see the module docstring)."""

    currency: str
    amount_cents: int
    seconds_worked: int
    billable_seconds: int

    @property
    def non_billable_share(self) -> float:
        if not self.seconds_worked:
            return 0.0
        return (self.seconds_worked - self.billable_seconds) / self.seconds_worked

    @property
    def effective_rate_cents(self) -> int | None:
        if not self.seconds_worked:
            return None
        return (2 * self.amount_cents * 3600 + self.seconds_worked) // (2 * self.seconds_worked)

    def meets(self, target_cents: int) -> bool:
        rate = self.effective_rate_cents
        return rate is not None and rate >= target_cents


def earnings(report: Report) -> dict[str, Earnings]:
    """Each currency's earnings in `report`, by currency code."""
    sums: dict[str, list[int]] = {}
    for line in report.lines:
        total = sums.setdefault(line.currency, [0, 0, 0])
        total[0] += line.amount_cents
        total[1] += line.seconds
        total[2] += line.billable_seconds
    return {cur: Earnings(cur, *sums[cur]) for cur in sorted(sums)}


def earnings_json(found: dict[str, Earnings]) -> dict[str, dict[str, object]]:
    """`{"EUR": {"amount_cents", "hours_worked", "billable_hours",
    "non_billable_share", "effective_rate_cents"}}`: money in integer cents, hours
    with 2 decimals, the share with 3."""
    return {
        cur: {
            "amount_cents": e.amount_cents,
            "hours_worked": round(e.seconds_worked / 3600, 2),
            "billable_hours": round(e.billable_seconds / 3600, 2),
            "non_billable_share": round(e.non_billable_share, 3),
            "effective_rate_cents": e.effective_rate_cents,
        }
        for cur, e in found.items()
    }
