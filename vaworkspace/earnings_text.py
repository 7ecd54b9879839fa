"""What do I really earn, in words: the summary and the rate plan as text lines.

Presentation, like `formats` and `locale_format`: the domain computes
(`domain.time.earnings`, `domain.rate_plan`), this writes. Every word and every
amount of these outputs is written here: the words through `_()`, the money,
percentages and decimal marks through `locale_format` with the language given
(the CLI and the TUI pass `i18n.language()`), so French reads `31,25 $/h` and
`43 %` and English stays `31.25 CAD/h` and `43%`.
"""

from __future__ import annotations

from vaworkspace.i18n import N_, _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.domain.rate_plan import Amount, RatePlan
    from vaworkspace.domain.time.earnings import Earnings

SCREEN_PERIODS = {
    "week": (N_("week {rate} ({share} free)"), N_("week -")),
    "month": (N_("month {rate} ({share} free)"), N_("month -")),
}
"""A period's part of the Reports screen's line: with a rate, and without one."""
PLAN_LABELS = (
    N_("Income:"),
    N_("Expenses:"),
    N_("Needed a year:"),
    N_("Working weeks:"),
    N_("Billable hours:"),
    N_("Minimum rate:"),
)


def money(cents: int, currency: str, language: str = "en") -> str:
    from vaworkspace.locale_format import format_amount

    return format_amount(cents, currency, language)


def _mark(number: str, language: str) -> str:
    from vaworkspace.locale_format import decimal_mark

    return decimal_mark(number, language)


def _percent(share: float, language: str) -> str:
    from vaworkspace.locale_format import format_percent

    return format_percent(share, language)


def _hundredths(value: int, language: str = "en") -> str:
    """`5500` → `55`, `4050` → `40.5` (`40,5` in French): a number without needless
    decimals."""
    units, rest = divmod(value, 100)
    return str(units) if not rest else _mark(f"{units}.{rest:02d}".rstrip("0"), language)


def rate_line(found: Earnings, target: tuple[int, str] | None, language: str = "en") -> str:
    """`31.25 EUR/h effective on 21.00 h worked, 43% non-billable`, then whether the
    target (cents, currency) is met, when one is set in this currency."""
    rate = found.effective_rate_cents
    if rate is None:
        return _("no hours worked in {currency}").format(currency=found.currency)
    text = _("{rate}/h effective on {hours} h worked, {share} non-billable").format(
        rate=money(rate, found.currency, language),
        hours=_mark(f"{found.seconds_worked / 3600:.2f}", language),
        share=_percent(found.non_billable_share, language),
    )
    if target is not None and target[1] == found.currency:
        aimed = money(target[0], found.currency, language)
        verdict = (
            _("; target {rate}/h met") if found.meets(target[0]) else _("; target {rate}/h not met")
        )
        text += verdict.format(rate=aimed)
    return text


def screen_parts(
    periods: list[tuple[str, Earnings | None]],
    target: tuple[int, str] | None,
    language: str = "en",
) -> list[tuple[str, str]]:
    """The Reports screen's line for one currency, in 79 cells:
    `EUR/h worked  week 28.57 (43% free)  month 24.00 (60% free)  target 45.00`,
    as (text, verdict) parts: the verdict is "met" or "missed" on a rate when a
    target is set in that currency, else ""."""
    currency = next(e.currency for _name, e in periods if e is not None)
    aimed = target[0] if target is not None and target[1] == currency else None
    parts: list[tuple[str, str]] = [(_("{currency}/h worked").format(currency=currency), "")]
    for name, found in periods:
        with_rate, without = SCREEN_PERIODS[name]
        rate = found.effective_rate_cents if found is not None else None
        if found is None or rate is None:
            parts.append(("  " + _(without), ""))
            continue
        verdict = "" if aimed is None else "met" if found.meets(aimed) else "missed"
        # The rate alone takes the verdict's colour: cut the sentence around it.
        before, after = _(with_rate).split("{rate}", 1)
        parts.append(("  " + before, ""))
        parts.append((_plain(rate, language), verdict))
        share = _percent(found.non_billable_share, language)
        parts.append((after.format(share=share), ""))
    if aimed is not None:
        parts.append(("  " + _("target {rate}").format(rate=_plain(aimed, language)), ""))
    return parts


def _plain(cents: int, language: str = "en") -> str:
    """`28.57` (`28,57`): an amount whose currency the line already names."""
    return _mark(f"{cents // 100}.{cents % 100:02d}", language)


def summary_lines(
    found: dict[str, Earnings], target: tuple[int, str] | None, language: str = "en"
) -> list[str]:
    """`va report --summary`: per currency, what was billed, then the effective rate."""
    if not found:
        return [_("No time logged in this period")]
    lines = []
    for cur, e in found.items():
        lines.append(
            _("{currency}: billed {amount} for {hours} billable h").format(
                currency=cur,
                amount=money(e.amount_cents, cur, language),
                hours=_mark(f"{e.billable_seconds / 3600:.2f}", language),
            )
        )
        lines.append("  " + rate_line(e, target, language))
    return lines


def plan_lines(plan: RatePlan, currency: str, language: str = "en") -> list[str]:
    """`va rate plan`: the arithmetic one step a line, the minimum rate last; the
    figures start in one column, after the longest label."""

    def cash(cents: int) -> str:
        return money(cents, currency, language)

    hours = _hundredths(plan.week_minutes * 100 // 60, language)
    billable = _hundredths(plan.billable_hundredths, language)
    share = _hundredths(plan.share_basis, language)
    weeks = plan.working_weeks
    figures = [
        _yearly(plan.income, cash),
        _yearly(plan.expenses, cash),
        f"{cash(plan.income.yearly_cents)} + {cash(plan.expenses.yearly_cents)} = "
        f"{cash(plan.needed_cents)}",
        _("52 - {off} weeks off = {weeks}").format(off=plan.weeks_off, weeks=weeks),
        _("{weeks} weeks x {hours} h x {share}% = {billable} h").format(
            weeks=weeks, hours=hours, share=share, billable=billable
        ),
        _("{needed} / {billable} h = {rate}/h (rounded up to the cent)").format(
            needed=cash(plan.needed_cents), billable=billable, rate=cash(plan.minimum_rate_cents)
        ),
    ]
    labels = [_(label) for label in PLAN_LABELS]
    width = max(17, max(map(len, labels)) + 2)
    return [label.ljust(width) + text for label, text in zip(labels, figures, strict=True)]


YEARLY = {
    "week": N_("{amount} a week x 52 = {yearly} a year"),
    "month": N_("{amount} a month x 12 = {yearly} a year"),
}


def _yearly(amount: Amount, cash) -> str:
    if amount.period == "year":
        return _("{amount} a year").format(amount=cash(amount.cents))
    text = _(YEARLY[amount.period])
    return text.format(amount=cash(amount.cents), yearly=cash(amount.yearly_cents))
