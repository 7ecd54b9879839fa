"""A timesheet a client opens in a spreadsheet: one client's billable entries as CSV.

One row per *billable* entry of one client, by
start, then a `TOTAL` row (it backs an invoice, so free time is left out). Each row
shows the rate fixed on its entry when it was logged (`domain.kind_rates`); rows are
rounded within their kind and rate, so they add up to the report's kinds. With
`round_per == "entry"` rows show billed hours and amounts and add up exactly to the
total, which equals the report's figures (uneven hours and cents are rounded
cumulatively, each row within 0.01 of its exact value). With `"total"` rows show the
real time and its value, and `TOTAL` is the period rounded once and priced from that,
so it can exceed the rows' sum by the agreed rounding. Text cells starting with
`= + - @` get a leading `'` so a spreadsheet shows them instead of running formulas.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from vaworkspace.domain.kind_rates import rate_of
from vaworkspace.domain.models import Client, Task, TimeEntry
from vaworkspace.domain.time.billing import billed_minutes, worked_seconds
from vaworkspace.domain.time.kinds import kind_lines

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs milliseconds
if TYPE_CHECKING:
    from collections.abc import Iterable

CSV_HEADER = ("date", "task", "start", "end", "hours", "rate", "amount", "note")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class CsvStyle:
    """How the spreadsheet at the other end reads a CSV. The default is plain CSV
    (`,`, `12.34`); French spreadsheets (Excel set to French above all) want `;`
    between cells, `12,34` and a UTF-8 BOM, without which they read é as Ã©."""

    delimiter: str = ","
    decimal_mark: str = "."
    header: tuple[str, ...] = CSV_HEADER
    total: str = "TOTAL"
    bom: bool = False


def _spread(numerators: list[int], denominator: int) -> list[int]:
    """Round each `n / denominator` half up so the parts add up to the rounded whole.

    Cumulative rounding: each part is the change in the rounded running total, so it
    stays within one unit of its exact value and a spreadsheet's SUM matches the total.
    """
    parts, running, previous = [], 0, 0
    for n in numerators:
        running += n
        rounded = (2 * running + denominator) // (2 * denominator)
        parts.append(rounded - previous)
        previous = rounded
    return parts


def _by_rate(
    keys: list[tuple[str | None, int]], numerators: list[int], denominator: int
) -> list[int]:
    """`_spread` within each (kind, rate) of the rows, so each kind's rows add up
    to that kind's amount in the report, and all rows to the client's."""
    groups: dict[tuple[str | None, int], list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    parts = [0] * len(keys)
    for indexes in groups.values():
        spread = _spread([numerators[i] for i in indexes], denominator)
        for i, part in zip(indexes, spread, strict=True):
            parts[i] = part
    return parts


def _decimal(hundredths: int, mark: str = ".") -> str:
    """Hundredths as plain `12.34` text (`12,34` with `mark=","`; no thousands separator)."""
    sign = "-" if hundredths < 0 else ""
    units, rest = divmod(abs(hundredths), 100)
    return f"{sign}{units}{mark}{rest:02d}"


def _cell(text: str) -> str:
    """User text safe in a spreadsheet: a leading `'` stops formula evaluation."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def timesheet_csv(
    entries: Iterable[TimeEntry],
    client: Client,
    tasks: dict[int, Task],
    tz: tzinfo,
    style: CsvStyle = CsvStyle(),
) -> str:
    """A timesheet of one client's billable entries a spreadsheet opens cleanly.

    Rows: local date, task title, local start/end HH:MM, hours, rate, amount, note;
    then `TOTAL,,,,<hours>,,<amount>,`. Only `client`'s entries are used, so passing
    every entry of the period is fine. See the module docstring for the rounding.
    CRLF line endings and minimal quoting (the csv module's defaults); `style` says
    the separator, decimal mark, header words and whether a BOM comes first.
    """
    import csv
    import io

    rows = sorted(
        (e for e in entries if e.client == client.id and e.billable),
        key=lambda e: (e.start, e.id),
    )
    seconds = [worked_seconds(e) for e in rows]
    rates = [rate_of(e, client) for e in rows]
    kinds = kind_lines(rows, seconds, client)
    keys = [(e.kind, r) for e, r in zip(rows, rates, strict=True)]
    if client.round_per == "total":
        hours = _spread([s * 100 for s in seconds], 3600)
        amounts = _by_rate(keys, [s * r for s, r in zip(seconds, rates, strict=True)], 3600)
        billed = sum(k.billed_minutes for k in kinds)
        total_hours = (billed * 100 + 30) // 60
    else:
        minutes = [billed_minutes(s, client.rounding_minutes) for s in seconds]
        hours = _spread([m * 100 for m in minutes], 60)
        amounts = _by_rate(keys, [m * r for m, r in zip(minutes, rates, strict=True)], 60)
        total_hours = sum(hours)
    total_amount = sum(k.amount_cents for k in kinds)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=style.delimiter)
    if style.bom:
        buffer.write("\ufeff")
    writer.writerow(style.header)
    mark = style.decimal_mark
    for e, h, a in zip(rows, hours, amounts, strict=True):
        first, last = e.start.astimezone(tz), e.end.astimezone(tz)
        title = tasks[e.task].title if e.task in tasks else ""
        writer.writerow(
            [
                first.date().isoformat(),
                _cell(title),
                f"{first:%H:%M}",
                f"{last:%H:%M}",
                _decimal(h, mark),
                _decimal(rate_of(e, client), mark),
                _decimal(a, mark),
                _cell(e.note),
            ]
        )
    total_row = [style.total, "", "", "", _decimal(total_hours, mark), ""]
    writer.writerow([*total_row, _decimal(total_amount, mark), ""])
    return buffer.getvalue()
