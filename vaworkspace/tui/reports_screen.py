"""Reports: where the hours went, per client, for a day, a week or a month.

The figures are `ws.time.report` (the same as `va report`): hours per local day,
amounts after each client's rounding, retainers as used in the period shown
(now for the current one). This screen only
lays them out in 80 columns: a week as a grid of hours per day, a month as one
bar character per day, a day as per-client totals. Columns have fixed widths,
so the header, the rows and the totals line up whatever the data.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from vaworkspace.display import safe
from vaworkspace.domain.dates import add_months
from vaworkspace.domain.money import format_money
from vaworkspace.domain.time.reports import retainer_level
from vaworkspace.formats import fit, gauge, retainer_figures
from vaworkspace.i18n import N_
from vaworkspace.tui.key_footer import KeyFooter
from vaworkspace.tui.screen_base import WorkspaceScreen
from vaworkspace.tui.widgets import TopBar

WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
BLOCKS = "▁▂▃▄▅▆▇█"
GAUGE = 5  # cells of the retainer gauge
LEVEL_STYLES = {"ok": "$success", "warning": "$warning", "used_up": "$error"}
# Column widths; each view adds up to 79 so a 1-cell scrollbar still fits 80.
CLIENT, NAME, HOURS, TOTAL, AMOUNT, BUDGET = 12, 20, 7, 6, 13, 20
SPARK, SHORT_BUDGET = 32, 16
# The week view: a bar and the hours for each day; 12 + 7×5 + 5 + 11 + 16 = 79.
WEEK_DAY, WEEK_TOTAL, WEEK_AMOUNT = 5, 5, 11


EXPORT = Binding.Group(N_("Export"))


class ReportsScreen(WorkspaceScreen):
    """This week by default; [ and ] move by one period, d w m change its length."""

    HELP_TITLE = N_("Reports")
    BINDINGS = [
        Binding("left_square_bracket", "move(-1)", N_("Prev"), tooltip=N_("The previous period")),
        Binding("right_square_bracket", "move(1)", N_("Next"), tooltip=N_("The next period")),
        Binding("d", "view('day')", N_("Day"), tooltip=N_("One day: per-client totals")),
        Binding("w", "view('week')", N_("Week"), tooltip=N_("One week: hours per client per day")),
        Binding("m", "view('month')", N_("Month"), tooltip=N_("One month: a bar per day")),
        Binding("T", "current", N_("Now"), tooltip=N_("Back to the current period")),
        # One footer label for both files out (80 columns hold no second one).
        Binding(
            "S", "app.export_timesheet", N_("Timesheet"), tooltip=N_("Timesheet CSV"), group=EXPORT
        ),
        Binding(
            "E",
            "app.export_calendar",
            N_("Export"),
            tooltip=N_("Export a calendar .ics"),
            group=EXPORT,
        ),
    ]
    DEFAULT_CSS = """
    ReportsScreen #title { height: 1; padding: 0 1; margin-bottom: 1; }
    ReportsScreen #header { height: 1; color: $text-muted; text-style: bold; }
    ReportsScreen #rows { height: auto; scrollbar-size-vertical: 1; }
    ReportsScreen #totals { height: auto; border-top: solid $panel; }
    ReportsScreen #earned { height: auto; }
    ReportsScreen #empty { padding: 1 2; color: $text-muted; height: auto; display: none; }
    ReportsScreen.-empty #empty { display: block; }
    ReportsScreen.-empty #header, ReportsScreen.-empty #rows,
    ReportsScreen.-empty #totals { display: none; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.kind = "week"
        # A day in the period shown; None: today's. (Not `anchor`: a Textual method.)
        self.shown_day: date | None = None
        self._totals = 1  # rows of totals under the table (one per currency)

    def compose(self) -> ComposeResult:
        yield TopBar()
        yield Static("", id="title")
        yield Static("", id="header")
        with VerticalScroll(id="rows"):
            yield Static("", id="lines")
        yield Static("", id="totals")
        yield Static("", id="earned")
        yield Static("", id="empty")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one("#rows").focus()  # up/down and page keys scroll a long list

    def refresh_bar(self) -> None:
        self.query_one(TopBar).show(self.ws, "Reports")

    @property
    def today(self) -> date:
        return self.ws.now().astimezone(self.ws.tz).date()

    def reload(self) -> None:
        self.refresh_bar()
        day = self.shown_day or self.today
        start, end = self.ws.time.period(self.kind, day)
        report = self.ws.time.report(start, end)
        first = start.astimezone(self.ws.tz).date()
        days = [
            first + timedelta(n) for n in range((end.astimezone(self.ws.tz).date() - first).days)
        ]
        self.query_one("#title", Static).update(self._title(first, report.total_seconds))
        self.set_class(not report.lines, "-empty")
        if not report.lines:
            self.query_one("#empty", Static).update(Content(empty_text(self.kind)))
            return
        colours = {c.id: c.color for c in self.ws.clients.all(include_archived=True)}
        layout = LAYOUTS[self.kind](days, self.today, report.lines)
        self.query_one("#header", Static).update(layout.header())
        rows = [layout.row(line, colours.get(line.client or "") or "") for line in report.lines]
        self.query_one("#lines", Static).update(Content("\n").join(rows))
        totals = [
            layout.total(currency, [x for x in report.lines if x.currency == currency], cents)
            for currency, cents in sorted(report.totals_by_currency.items())
        ]
        self.query_one("#totals", Static).update(Content("\n").join(totals))
        earned = self._earned(day)
        self.query_one("#earned", Static).update(Content("\n").join(earned))
        self._fit_rows(len(totals) + len(earned))

    def _fit_rows(self, totals: int) -> None:
        """Rows scroll once they would push the totals off the screen: CSS has no
        "auto, but at most what is left", so the height left is set here."""
        fixed = 1 + 2 + 1 + (1 + totals) + 1  # top bar, title, header, totals+earned, footer
        self.query_one("#rows").styles.max_height = max(3, self.size.height - fixed)
        self._totals = totals

    def on_resize(self) -> None:
        self._fit_rows(self._totals)

    def _earned(self, day: date) -> list[Content]:
        """Per currency, what an hour worked really earned in the week and the month
        holding `day` (`domain.time.earnings`), green or red against `target_rate`."""
        from vaworkspace.domain.time.earnings import earnings
        from vaworkspace.earnings_text import screen_parts

        found = {
            name: earnings(self.ws.time.report(*self.ws.time.period(name, day)))
            for name in ("week", "month")
        }
        target_cents = self.ws.config.target_rate_cents
        target = (target_cents, self.ws.config.currency) if target_cents else None
        styles = {"met": "$success", "missed": "$error", "": "$text-muted"}
        lines = []
        for currency in sorted(set(found["week"]) | set(found["month"])):
            periods = [(name, found[name].get(currency)) for name in ("week", "month")]
            parts = screen_parts(periods, target)
            lines.append(Content.assemble(*((text, styles[v]) for text, v in parts)))
        return lines

    def _title(self, first: date, seconds: int) -> Content:
        if self.kind == "day":
            name = f"{first:%a %d %b %Y}"
        elif self.kind == "week":
            name = f"Week of {first:%a %d %b %Y}"
        else:
            name = f"{first:%B %Y}"
        period = self.ws.time.period
        current = self.shown_day is None or period(self.kind, self.shown_day) == (period(self.kind))
        here = {"day": "today", "week": "this week", "month": "this month"}[self.kind]
        return Content.assemble(
            (name, "bold"),
            (f"  {here}" if current else "  T: back to " + here, "$text-muted"),
            ("  ·  ", "$text-muted"),
            f"{hours(seconds, 7).strip()} h logged" if seconds > 0 else "nothing logged",
        )

    def action_move(self, step: int) -> None:
        day = self.shown_day or self.today
        if self.kind == "day":
            self.shown_day = day + timedelta(days=step)
        elif self.kind == "week":
            self.shown_day = day + timedelta(weeks=step)
        else:
            self.shown_day = add_months(day.replace(day=1), step)
        self.reload()

    def action_view(self, kind: str) -> None:
        self.kind = kind
        self.reload()

    def action_current(self) -> None:
        self.shown_day = None
        self.reload()


def empty_text(kind: str) -> str:
    return (
        f"No time logged in this {kind}.\n\n"
        f"  [ ]   the previous or next {kind}\n"
        "  4     the focus timer: each focus block becomes a time entry\n"
        '  va log 1h30m @client "call"   logs time from the command line'
    )


# -- cells ----------------------------------------------------------------------


def hours(seconds: int, width: int) -> str:
    """Hours right-aligned in `width` with one cell to spare: `1.5`, `12` when one
    decimal would not fit, `<.1` for a few minutes, `·` for nothing."""
    if seconds <= 0:
        return "·".rjust(width)
    value = seconds / 3600
    text = f"{value:.1f}"
    if text == "0.0":
        text = "<.1"
    elif len(text) >= width:
        text = f"{value:.0f}"
    return text.rjust(width)


def day_cell(seconds: int, colour: str) -> Content:
    """A day of the week view as a bar (a full block is an 8-hour day, in the
    client's colour) and the hours: ` ▂1.5`; ` ·` for a day without time."""
    if seconds <= 0:
        return Content(hours(0, WEEK_DAY))
    bar = BLOCKS[max(0, min(7, round(seconds / 3600) - 1))]
    value = seconds / 3600
    text = "<.1" if value < 0.05 else f"{value:.1f}" if value < 9.95 else f"{value:.0f}"
    return Content.assemble(" ", (bar, colour), text.rjust(WEEK_DAY - 2))


def client_cell(line, colour: str) -> Content:
    if line.client is None:
        return Content.styled(fit("(no client)", CLIENT - 1, pad=True) + " ", "$text-muted")
    return Content.styled(fit(f"@{safe(line.client)}", CLIENT - 1, pad=True) + " ", colour)


def budget_cell(line, width: int) -> Content:
    """`12.5/40h ▰▰▰▱▱ 31%` for a retainer as used in the period, coloured by its level
    (`retainer_level`). The percentage is left out when `width` is short."""
    if not line.budget_minutes:
        return Content(" " * width)
    used = line.budget_used_minutes or 0
    share = used * 100 / line.budget_minutes
    style = LEVEL_STYLES[retainer_level(used, line.budget_minutes)]
    figures = retainer_figures(used, line.budget_minutes)
    percent = f" {f'{share:.0f}%':>4}" if width >= SHORT_BUDGET + 4 else ""
    cells = "".join(gauge(used, line.budget_minutes, GAUGE))
    room = width - 2 - GAUGE - len(percent)
    return Content.assemble(" ", figures.rjust(room)[-room:], " ", (cells + percent, style))


def _money(cents: int, currency: str) -> str:
    return format_money(cents, currency).rjust(AMOUNT)


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
            f"{'Client':<{CLIENT}}{'Name':<{NAME}}{'Hours':>{HOURS}}{'Billed':>{HOURS}}"
            f"{'Amount':>{AMOUNT}}  Retainer"
        )

    def row(self, line, colour: str) -> Content:
        name = " " * NAME if line.client is None else fit(safe(line.name), NAME - 1, pad=True) + " "
        return Content.assemble(
            client_cell(line, colour),
            name,
            hours(line.seconds, HOURS),
            hours(line.billed_minutes * 60, HOURS),
            _money(line.amount_cents, line.currency),
            budget_cell(line, BUDGET),
        )

    def total(self, currency: str, lines: list, cents: int) -> Content:
        seconds = sum(line.seconds for line in lines)
        billed = sum(line.billed_minutes for line in lines) * 60
        text = f"{'Total ' + currency:<{CLIENT + NAME}}{hours(seconds, HOURS)}"
        return Content.styled(text + hours(billed, HOURS) + _money(cents, currency), "bold")


class WeekLayout(Layout):
    """Per client: hours on each day Monday to Sunday, the total, amount, retainer."""

    def header(self) -> Content:
        parts: list = ["Client".ljust(CLIENT)]
        for day, label in zip(self.days, WEEKDAYS, strict=True):
            parts.append((label.rjust(WEEK_DAY), "$accent" if day == self.today else ""))
        # "Total" is as wide as its column: it borrows the gap before "Amount".
        parts.append(f"{'Total':>{WEEK_TOTAL + 1}}{'Amount':>{WEEK_AMOUNT - 1}}  Retainer")
        return Content.assemble(*parts)

    def row(self, line, colour: str) -> Content:
        cells = [day_cell(line.days.get(day, 0), colour) for day in self.days]
        return Content.assemble(
            client_cell(line, colour),
            *cells,
            hours(line.seconds, WEEK_TOTAL),
            format_money(line.amount_cents, line.currency).rjust(WEEK_AMOUNT),
            budget_cell(line, SHORT_BUDGET),
        )

    def total(self, currency: str, lines: list, cents: int) -> Content:
        cells = "".join(hours(self._per_day(lines, day), WEEK_DAY) for day in self.days)
        seconds = sum(line.seconds for line in lines)
        text = f"{'Total ' + currency:<{CLIENT}}{cells}{hours(seconds, WEEK_TOTAL)}"
        money = format_money(cents, currency).rjust(WEEK_AMOUNT)
        return Content.styled(text + money, "bold")


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
            f"{'Client':<{CLIENT}}{''.join(ticks)[:SPARK]}{'Total':>{TOTAL}}{'Amount':>{AMOUNT}}"
            "  Retainer"
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
            _money(line.amount_cents, line.currency),
            budget_cell(line, SHORT_BUDGET),
        )

    def total(self, currency: str, lines: list, cents: int) -> Content:
        per_day = {day: self._per_day(lines, day) for day in self.days}
        seconds = sum(line.seconds for line in lines)
        return Content.assemble(
            (f"{'Total ' + currency:<{CLIENT}}", "bold"),
            self._bars(per_day, max(per_day.values())),
            (hours(seconds, TOTAL) + _money(cents, currency), "bold"),
        )


LAYOUTS = {"day": DayLayout, "week": WeekLayout, "month": MonthLayout}
