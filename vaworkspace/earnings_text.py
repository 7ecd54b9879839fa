"""What do I really earn, in words: the summary and the rate plan as text lines.

Presentation, like `formats` and `locale_format`: the domain computes
(`domain.time.earnings`, `domain.rate_plan`), this writes. Every word and every
amount of these outputs is written here, money through `locale_format` with the
language given, so French plugs in here alone; today the CLI and the TUI pass
"en" and the words are English.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.domain.rate_plan import Amount, RatePlan
    from vaworkspace.domain.time.earnings import Earnings


def money(cents: int, currency: str, language: str = "en") -> str:
    from vaworkspace.locale_format import format_amount

    return format_amount(cents, currency, language)


def _hundredths(value: int) -> str:
    """`5500` → `55`, `4050` → `40.5`: a number without needless decimals."""
    units, rest = divmod(value, 100)
    return str(units) if not rest else f"{units}.{rest:02d}".rstrip("0")


def rate_line(found: Earnings, target: tuple[int, str] | None, language: str = "en") -> str:
    """`31.25 EUR/h effective on 21.00 h worked, 43% non-billable`, then whether the
    target (cents, currency) is met, when one is set in this currency."""
    rate = found.effective_rate_cents
    if rate is None:
        return f"no hours worked in {found.currency}"
    text = (
        f"{money(rate, found.currency, language)}/h effective on "
        f"{found.seconds_worked / 3600:.2f} h worked, "
        f"{found.non_billable_share:.0%} non-billable"
    )
    if target is not None and target[1] == found.currency:
        verdict = "met" if found.meets(target[0]) else "not met"
        text += f"; target {money(target[0], found.currency, language)}/h {verdict}"
    return text


def screen_parts(
    periods: list[tuple[str, Earnings | None]], target: tuple[int, str] | None
) -> list[tuple[str, str]]:
    """The Reports screen's line for one currency, in 79 cells:
    `EUR/h worked  week 28.57 (43% free)  month 24.00 (60% free)  target 45.00`,
    as (text, verdict) parts: the verdict is "met" or "missed" on a rate when a
    target is set in that currency, else ""."""
    currency = next(e.currency for _, e in periods if e is not None)
    aimed = target[0] if target is not None and target[1] == currency else None
    parts: list[tuple[str, str]] = [(f"{currency}/h worked", "")]
    for name, found in periods:
        rate = found.effective_rate_cents if found is not None else None
        if found is None or rate is None:
            parts.append((f"  {name} -", ""))
            continue
        verdict = "" if aimed is None else "met" if found.meets(aimed) else "missed"
        parts.append((f"  {name} ", ""))
        parts.append((_plain(rate), verdict))
        parts.append((f" ({found.non_billable_share:.0%} free)", ""))
    if aimed is not None:
        parts.append((f"  target {_plain(aimed)}", ""))
    return parts


def _plain(cents: int) -> str:
    """`28.57`: an amount whose currency the line already names."""
    return f"{cents // 100}.{cents % 100:02d}"


def summary_lines(
    found: dict[str, Earnings], target: tuple[int, str] | None, language: str = "en"
) -> list[str]:
    """`va report --summary`: per currency, what was billed, then the effective rate."""
    if not found:
        return ["No time logged in this period"]
    lines = []
    for cur, e in found.items():
        lines.append(
            f"{cur}: billed {money(e.amount_cents, cur, language)} for "
            f"{e.billable_seconds / 3600:.2f} billable h"
        )
        lines.append("  " + rate_line(e, target, language))
    return lines


def plan_lines(plan: RatePlan, currency: str, language: str = "en") -> list[str]:
    """`va rate plan`: the arithmetic one step a line, the minimum rate last."""

    def cash(cents: int) -> str:
        return money(cents, currency, language)

    hours = _hundredths(plan.week_minutes * 100 // 60)
    billable = _hundredths(plan.billable_hundredths)
    share = _hundredths(plan.share_basis)
    weeks = plan.working_weeks
    return [
        f"Income:          {_yearly(plan.income, cash)}",
        f"Expenses:        {_yearly(plan.expenses, cash)}",
        f"Needed a year:   {cash(plan.income.yearly_cents)} + "
        f"{cash(plan.expenses.yearly_cents)} = {cash(plan.needed_cents)}",
        f"Working weeks:   52 - {plan.weeks_off} weeks off = {weeks}",
        f"Billable hours:  {weeks} weeks x {hours} h x {share}% = {billable} h",
        f"Minimum rate:    {cash(plan.needed_cents)} / {billable} h = "
        f"{cash(plan.minimum_rate_cents)}/h (rounded up to the cent)",
    ]


def _yearly(amount: Amount, cash) -> str:
    if amount.period == "year":
        return f"{cash(amount.cents)} a year"
    times = {"week": 52, "month": 12}[amount.period]
    return f"{cash(amount.cents)} a {amount.period} x {times} = {cash(amount.yearly_cents)} a year"
