"""The Reports screen's tables: a header, a row per client and a totals row per
currency, for a day, a week or a month, in 79 cells.

Columns have fixed widths, so the header, the rows and the totals line up
whatever the data; the words are the UI's language's (`_()`), the hours are
written with its decimal mark and the money in its form (`locale_format`), and
every French heading fits the English one's column.
"""

from __future__ import annotations

from datetime import date

from textual.content import Content

from vaworkspace.display import safe
from vaworkspace.domain.time.reports import retainer_level
from vaworkspace.formats import fit, gauge, retainer_figures
from vaworkspace.i18n import N_, _, language
from vaworkspace.locale_format import decimal_mark, format_amount, is_french

WEEKDAYS = (N_("Mo"), N_("Tu"), N_("We"), N_("Th"), N_("Fr"), N_("Sa"), N_("Su"))
BLOCKS = "▁▂▃▄▅▆▇█"
GAUGE = 5  # cells of the retainer gauge
LEVEL_STYLES = {"ok": "$success", "warning": "$warning", "used_up": "$error"}
# Column widths; each view adds up to 79 so a 1-cell scrollbar still fits 80.
CLIENT, NAME, HOURS, TOTAL, AMOUNT, BUDGET = 12, 20, 7, 6, 13, 20
SPARK, SHORT_BUDGET = 32, 16
# The week view: a bar and the hours for each day; 12 + 7×5 + 5 + 11 + 16 = 79.
WEEK_DAY, WEEK_TOTAL, WEEK_AMOUNT = 5, 5, 11


# -- cells ----------------------------------------------------------------------


def hours(seconds: int, width: int) -> str:
    """Hours right-aligned in `width` with one cell to spare: `1.5` (`1,5` in
    French), `12` when one decimal would not fit, `<.1` for a few minutes, `·` for
    nothing."""
    if seconds <= 0:
        return "·".rjust(width)
    value = seconds / 3600
    text = f"{value:.1f}"
    if text == "0.0":
        text = "<.1"
    elif len(text) >= width:
        text = f"{value:.0f}"
    return decimal_mark(text, language()).rjust(width)


def day_cell(seconds: int, colour: str) -> Content:
    """A day of the week view as a bar (a full block is an 8-hour day, in the
    client's colour) and the hours: ` ▂1.5`; ` ·` for a day without time."""
    if seconds <= 0:
        return Content(hours(0, WEEK_DAY))
    bar = BLOCKS[max(0, min(7, round(seconds / 3600) - 1))]
    value = seconds / 3600
    text = "<.1" if value < 0.05 else f"{value:.1f}" if value < 9.95 else f"{value:.0f}"
    text = decimal_mark(text, language())
    return Content.assemble(" ", (bar, colour), text.rjust(WEEK_DAY - 2))


def client_cell(line, colour: str) -> Content:
    """`@client`, or `(no client)`: without its brackets when the language's words
    need them for room (`sans client`), never cut."""
    if line.client is None:
        label = _("(no client)")
        label = label if len(label) < CLIENT else label.strip("()")
        return Content.styled(fit(label, CLIENT - 1, pad=True) + " ", "$text-muted")
    return Content.styled(fit(f"@{safe(line.client)}", CLIENT - 1, pad=True) + " ", colour)


def budget_cell(line, width: int) -> Content:
    """`12.5/40h ▰▰▰▱▱ 31%` for a retainer as used in the period, coloured by its level
    (`retainer_level`); French writes `12,5/40h ▰▰▰▱▱ 31 %`. The percentage is left
    out when `width` is short."""
    if not line.budget_minutes:
        return Content(" " * width)
    used = line.budget_used_minutes or 0
    share = used * 100 / line.budget_minutes
    style = LEVEL_STYLES[retainer_level(used, line.budget_minutes)]
    figures = decimal_mark(retainer_figures(used, line.budget_minutes), language())
    sign = "\N{NO-BREAK SPACE}%" if is_french(language()) else "%"
    percent = f" {f'{share:.0f}{sign}':>4}" if width >= SHORT_BUDGET + 4 else ""
    cells = "".join(gauge(used, line.budget_minutes, GAUGE))
    room = width - 2 - GAUGE - len(percent)
    return Content.assemble(" ", figures.rjust(room)[-room:], " ", (cells + percent, style))


def money(cents: int, currency: str, width: int = AMOUNT) -> str:
    return format_amount(cents, currency, language()).rjust(width)


def total_label(currency: str, width: int) -> str:
    """`Total CAD`, padded to `width`."""
    return _("Total {currency}").format(currency=currency).ljust(width)


# -- layouts --------------------------------------------------------------------


class Layout:
    """Header, a client's row and a currency's totals row for one kind of period."""

    def __init__(self, days: list[date], today: date, lines: list) -> None:
        self.days, self.today, self.lines = days, today, lines

    def header(self) -> Content:
        raise NotImplementedError

    def row(self, line, colour: str) -> Content:
        raise NotImplementedError

    def total(self, currency: str, lines: list, cents: int) -> Content:
        raise NotImplementedError

    def _per_day(self, lines: list, day: date) -> int:
        return sum(line.days.get(day, 0) for line in lines)


class DayLayout(Layout):
    """Per client: id, name, hours worked, hours billed, amount, retainer."""

    def header(self) -> Content:
        return Content(
            _("Client").ljust(CLIENT)
            + _("Name").ljust(NAME)
            + _("Hours").rjust(HOURS)
            + _("Billed").rjust(HOURS)
            + _("Amount").rjust(AMOUNT)
            + "  "
            + _("Retainer")
        )

    def row(self, line, colour: str) -> Content:
        name = " " * NAME if line.client is None else fit(safe(line.name), NAME - 1, pad=True) + " "
        return Content.assemble(
            client_cell(line, colour),
            name,
            hours(line.seconds, HOURS),
            hours(line.billed_minutes * 60, HOURS),
            money(line.amount_cents, line.currency),
            budget_cell(line, BUDGET),
        )

    def total(self, currency: str, lines: list, cents: int) -> Content:
        seconds = sum(line.seconds for line in lines)
        billed = sum(line.billed_minutes for line in lines) * 60
        text = total_label(currency, CLIENT + NAME) + hours(seconds, HOURS)
        return Content.styled(text + hours(billed, HOURS) + money(cents, currency), "bold")


class WeekLayout(Layout):
    """Per client: hours on each day Monday to Sunday, the total, amount, retainer."""

    def header(self) -> Content:
        parts: list = [_("Client").ljust(CLIENT)]
        for day, label in zip(self.days, WEEKDAYS, strict=True):
            parts.append((_(label).rjust(WEEK_DAY), "$accent" if day == self.today else ""))
        # "Total" is as wide as its column: it borrows the gap before "Amount".
        parts.append(_("Total").rjust(WEEK_TOTAL + 1) + _("Amount").rjust(WEEK_AMOUNT - 1))
        parts.append("  " + _("Retainer"))
        return Content.assemble(*parts)

    def row(self, line, colour: str) -> Content:
        cells = [day_cell(line.days.get(day, 0), colour) for day in self.days]
        return Content.assemble(
            client_cell(line, colour),
            *cells,
            hours(line.seconds, WEEK_TOTAL),
            money(line.amount_cents, line.currency, WEEK_AMOUNT),
            budget_cell(line, SHORT_BUDGET),
        )

    def total(self, currency: str, lines: list, cents: int) -> Content:
        cells = "".join(hours(self._per_day(lines, day), WEEK_DAY) for day in self.days)
        seconds = sum(line.seconds for line in lines)
        text = total_label(currency, CLIENT) + cells + hours(seconds, WEEK_TOTAL)
        return Content.styled(text + money(cents, currency, WEEK_AMOUNT), "bold")


class MonthLayout(Layout):
    """Per client: one bar character per day scaled to the busiest day, the total,
    amount, retainer (without its percentage, for room)."""

    def __init__(self, days: list[date], today: date, lines: list) -> None:
        super().__init__(days, today, lines)
        self.busiest = max((s for line in lines for s in line.days.values()), default=0)

    def header(self) -> Content:
        ticks = [" "] * SPARK
        for day in (1, 8, 15, 22, 29):
            if day <= len(self.days):
                ticks[day - 1 : day - 1 + len(str(day))] = str(day)
        return Content(
            _("Client").ljust(CLIENT)
            + "".join(ticks)[:SPARK]
            + _("Total").rjust(TOTAL)
            + _("Amount").rjust(AMOUNT)
            + "  "
            + _("Retainer")
        )

    def _bars(self, per_day: dict[date, int], busiest: int, colour: str = "") -> Content:
        """`busiest` is the day shown as a full block: the busiest client's day on a
        client's row, the busiest day of the currency on its totals row."""
        parts: list = []
        for day in self.days:
            seconds = per_day.get(day, 0)
            if seconds <= 0:
                parts.append(("·", "$text-muted"))
            else:
                level = min(len(BLOCKS), max(1, round(seconds / busiest * len(BLOCKS))))
                parts.append((BLOCKS[level - 1], colour))
        parts.append(" " * (SPARK - len(self.days)))
        return Content.assemble(*parts)

    def row(self, line, colour: str) -> Content:
        return Content.assemble(
            client_cell(line, colour),
            self._bars(line.days, self.busiest, colour),
            hours(line.seconds, TOTAL),
            money(line.amount_cents, line.currency),
            budget_cell(line, SHORT_BUDGET),
        )

    def total(self, currency: str, lines: list, cents: int) -> Content:
        per_day = {day: self._per_day(lines, day) for day in self.days}
        seconds = sum(line.seconds for line in lines)
        return Content.assemble(
            (total_label(currency, CLIENT), "bold"),
            self._bars(per_day, max(per_day.values())),
            (hours(seconds, TOTAL) + money(cents, currency), "bold"),
        )


LAYOUTS = {"day": DayLayout, "week": WeekLayout, "month": MonthLayout}
