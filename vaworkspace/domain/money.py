"""What a client buys and pays: a retainer of hours per period, an hourly rate.

Both are typed by the VA (`va client add --budget 10h/week --rate 45.50`) and read
back on screens and reports, so each parser has its formatter beside it. Every
parser raises `InputError` with an example of what would have worked.
"""

from __future__ import annotations

import re

from vaworkspace.domain.models import Budget
from vaworkspace.errors import InputError
from vaworkspace.i18n import N_, _

_HOURS = r"(?:h|hr|hrs|hours?)"
_MINUTES = r"(?:m|min|mins|minutes?)"
_AMOUNT_RE = re.compile(
    rf"(?P<h>[0-9]+(?:[.,][0-9]+)?){_HOURS}(?:(?P<hm>[0-9]{{1,2}}){_MINUTES}?)?"
    rf"|(?P<m>[0-9]+){_MINUTES}|(?P<bare>[0-9]+(?:[.,][0-9]+)?)"
)
_PERIODS = {
    **dict.fromkeys(("week", "weeks", "w", "wk", "wks", "weekly", "semaine", "sem"), "week"),
    **dict.fromkeys(("month", "months", "mo", "mos", "mth", "m", "monthly", "mois"), "month"),
}
_PERIOD_MAX_HOURS = {"week": 7 * 24, "month": 31 * 24}
_BUDGET_EXAMPLE = N_("write hours per week or month, like 10h/week, 7h30m/week or 40h/month")


def parse_budget(text: str) -> Budget | None:
    """A retainer like "10h/week", "7h30m/week", "40h/mo", "10 h/semaine"; "none"
    ("aucun") or "" removes it."""
    compact = re.sub(r"\s+", "", str(text)).lower()
    if compact in ("", "none", "aucun", "-"):
        return None
    match = re.fullmatch(r"(.+?)(?:/|per|par)([a-z]+)", compact)
    amount = _AMOUNT_RE.fullmatch(match.group(1)) if match else None
    period = _PERIODS.get(match.group(2)) if match else None
    if amount is None or period is None:
        raise InputError(
            _("budget '{text}' is not understood; {example} (or 'none')").format(
                text=text, example=_(_BUDGET_EXAMPLE)
            )
        )
    hours = amount.group("h") or amount.group("bare") or "0"
    if int(amount.group("hm") or 0) >= 60:
        raise InputError(
            _("budget '{text}' has {minutes} minutes; write 1h30m, not 0h90m").format(
                text=text, minutes=amount.group("hm")
            )
        )
    minutes = round(float(hours.replace(",", ".")) * 60)
    minutes += int(amount.group("hm") or amount.group("m") or 0)
    if not 0 < minutes <= _PERIOD_MAX_HOURS[period] * 60:
        fit = _("fit in a week") if period == "week" else _("fit in a month")
        raise InputError(
            _(
                "budget '{text}' must be more than 0 and {fit}; {example}, or 'none' to remove it"
            ).format(text=text, fit=fit, example=_(_BUDGET_EXAMPLE))
        )
    return Budget(minutes=minutes, period=period)


def format_budget(budget: Budget | None) -> str:
    """The inverse of `parse_budget`: "10h/week", "7h30m/week"; "" when there is none."""
    if budget is None:
        return ""
    hours, minutes = divmod(budget.minutes, 60)
    if hours and minutes:
        return f"{hours}h{minutes:02d}m/{budget.period}"
    return f"{minutes}m/{budget.period}" if minutes else f"{hours}h/{budget.period}"


def parse_rate(text: str) -> int:
    """An hourly rate in cents: "45" -> 4500, "45.50" or "45,5" -> 4550."""
    raw = str(text).strip()
    match = re.fullmatch(r"([0-9]+)(?:[.,]([0-9]{1,2}))?", raw.replace(" ", ""))
    if match:
        return int(match.group(1)) * 100 + int((match.group(2) or "0").ljust(2, "0"))
    if raw.startswith("-"):
        why = _("rate '{text}' cannot be negative")
    elif re.fullmatch(r"[0-9]+[.,][0-9]{3,}", raw):
        why = _("rate '{text}' has more than 2 decimals")
    else:
        why = _("rate '{text}' is not an amount")
    raise InputError(
        _("{why}; write the hourly rate like 45 or 45.50, in the client's currency").format(
            why=why.format(text=raw)
        )
    )


def format_money(cents: int, currency: str) -> str:
    """Cents as "45.00 CAD": plain and unambiguous in every locale."""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    return f"{sign}{units}.{rest:02d} {currency}"
