"""`va report` for people: one line per client, its kinds of work beneath it (when
it has more than one, or any named kind), then the totals per currency.

In the UI's language: French headings, days as `lun. 30 nov. 2026`, hours with
decimal commas, money as `45,00 $` (`locale_format`); English as it always was."""

from __future__ import annotations

from vaworkspace.cli.output import table, terminal_width
from vaworkspace.i18n import N_, _, language

PER = {"week": N_("per week"), "month": N_("per month")}
"""A retainer's period after its figures: `3.8/2h per week`... in English `week`."""
HEADERS = (
    N_("Client"),
    N_("Name"),
    N_("Hours"),
    N_("Billable"),
    N_("Billed"),
    N_("Amount"),
    N_("Budget"),
    N_("Free"),
)


def print_report(ws, report, start, end, with_tasks: bool) -> None:
    from vaworkspace.formats import retainer_figures
    from vaworkspace.locale_format import (
        decimal_mark,
        format_day_with_year,
        format_percent,
        is_french,
    )

    lang = language()
    first = start.astimezone(ws.tz).date()
    last = end.astimezone(ws.tz).date()
    days = (
        (format_day_with_year(first, lang), format_day_with_year(last, lang))
        if is_french(lang)
        else (first, last)
    )
    print(_("Time from {first} to {last} (exclusive)").format(first=days[0], last=days[1]))
    if not report.lines:
        print(_("No time logged in this period"))
        return

    def hours(value: float) -> str:
        return decimal_mark(f"{value:.2f}", lang)

    rows = []
    for line in report.lines:
        budget = ""
        if line.budget_minutes:
            used = line.budget_used_minutes or 0
            period = line.budget_period or ""
            period = _(PER[period]) if is_french(lang) and period in PER else period
            budget = f"{decimal_mark(retainer_figures(used, line.budget_minutes), lang)} {period}"
        rows.append(
            [
                f"@{line.client}" if line.client else "-",
                line.name if line.client else _("(no client)"),
                hours(line.seconds / 3600),
                hours(line.billable_seconds / 3600),
                hours(line.billed_minutes / 60),
                _money(line.amount_cents, line.currency),
                budget,
                format_percent(line.non_billable_share, lang),
            ]
        )
        if len(line.kinds) > 1 or any(k.kind for k in line.kinds):
            rows.extend(_kind_rows(line, hours))
        if with_tasks:
            for task in line.tasks:
                title = task.title if task.task is not None else _("(no task)")
                label = f"  {'#' + str(task.task) if task.task is not None else ''} {title}"
                rows.append(
                    [
                        "",
                        label,
                        hours(task.seconds / 3600),
                        hours(task.billable_seconds / 3600),
                        "",
                        "",
                        "",
                        "",
                    ]
                )
    headers = [_(heading) for heading in HEADERS]
    print("\n".join(table(rows, headers, flexible=1, width=terminal_width())))
    for currency, cents in sorted(report.totals_by_currency.items()):
        print(_("Total {amount}").format(amount=_money(cents, currency)))


def _money(cents: int, currency: str) -> str:
    from vaworkspace.locale_format import format_amount

    return format_amount(cents, currency, language())


def _kind_rows(line, hours) -> list[list[str]]:
    """One row per kind of work and rate: `  seo at 60.00`, hours, billed, amount."""
    from vaworkspace.display import safe

    rows = []
    for k in line.kinds:
        name = f"#{safe(k.kind)}" if k.kind else _("(no kind)")
        rate = _money(k.rate_cents, line.currency)
        rows.append(
            [
                "",
                "  " + _("{kind} at {rate}/h").format(kind=name, rate=rate),
                hours(k.seconds / 3600),
                hours(k.billable_seconds / 3600),
                hours(k.billed_minutes / 60),
                _money(k.amount_cents, line.currency),
                "",
                "",
            ]
        )
    return rows
