"""`va report` for people: one line per client, its kinds of work beneath it (when
it has more than one, or any named kind), then the totals per currency."""

from __future__ import annotations

from vaworkspace.cli.output import table, terminal_width


def print_report(ws, report, start, end, with_tasks: bool) -> None:
    from vaworkspace.domain.money import format_money
    from vaworkspace.formats import retainer_figures

    first = start.astimezone(ws.tz).date()
    last = end.astimezone(ws.tz).date()
    print(f"Time from {first} to {last} (exclusive)")
    if not report.lines:
        print("No time logged in this period")
        return
    rows = []
    for line in report.lines:
        budget = ""
        if line.budget_minutes:
            used = line.budget_used_minutes or 0
            budget = f"{retainer_figures(used, line.budget_minutes)} {line.budget_period}"
        rows.append(
            [
                f"@{line.client}" if line.client else "-",
                line.name,
                f"{line.seconds / 3600:.2f}",
                f"{line.billable_seconds / 3600:.2f}",
                f"{line.billed_minutes / 60:.2f}",
                format_money(line.amount_cents, line.currency),
                budget,
                f"{line.non_billable_share:.0%}",
            ]
        )
        if len(line.kinds) > 1 or any(k.kind for k in line.kinds):
            rows.extend(_kind_rows(line, format_money))
        if with_tasks:
            for task in line.tasks:
                label = f"  {'#' + str(task.task) if task.task is not None else ''} {task.title}"
                rows.append(
                    [
                        "",
                        label,
                        f"{task.seconds / 3600:.2f}",
                        f"{task.billable_seconds / 3600:.2f}",
                        "",
                        "",
                        "",
                        "",
                    ]
                )
    headers = ["Client", "Name", "Hours", "Billable", "Billed", "Amount", "Budget", "Free"]
    print("\n".join(table(rows, headers, flexible=1, width=terminal_width())))
    for currency, cents in sorted(report.totals_by_currency.items()):
        print(f"Total {format_money(cents, currency)}")


def _kind_rows(line, format_money) -> list[list[str]]:
    """One row per kind of work and rate: `  seo at 60.00`, hours, billed, amount."""
    from vaworkspace.display import safe

    rows = []
    for k in line.kinds:
        name = f"#{safe(k.kind)}" if k.kind else "(no kind)"
        rows.append(
            [
                "",
                f"  {name} at {format_money(k.rate_cents, line.currency)}/h",
                f"{k.seconds / 3600:.2f}",
                f"{k.billable_seconds / 3600:.2f}",
                f"{k.billed_minutes / 60:.2f}",
                format_money(k.amount_cents, line.currency),
                "",
                "",
            ]
        )
    return rows
