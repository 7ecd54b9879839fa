"""Reports: where the hours went, per client, for a day, a week or a month.

The figures are `ws.time.report` (the same as `va report`): hours per local day,
amounts after each client's rounding, retainers as used in the period shown
(now for the current one). This screen only
lays them out in 80 columns (`reports_layouts`): a week as a grid of hours per
day, a month as one bar character per day, a day as per-client totals.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from vaworkspace.domain.dates import add_months
from vaworkspace.i18n import N_, _, language
from vaworkspace.locale_format import format_day_with_year, format_month
from vaworkspace.tui.key_footer import KeyFooter
from vaworkspace.tui.reports_layouts import LAYOUTS, hours
from vaworkspace.tui.screen_base import WorkspaceScreen
from vaworkspace.tui.widgets import TopBar

TITLES = {
    "day": (N_("today"), N_("T: back to today")),
    "week": (N_("this week"), N_("T: back to this week")),
    "month": (N_("this month"), N_("T: back to this month")),
}
"""What the title says of the period: the current one, or how to come back to it."""
EMPTY = {
    "day": (N_("No time logged in this day."), N_("the previous or next day")),
    "week": (N_("No time logged in this week."), N_("the previous or next week")),
    "month": (N_("No time logged in this month."), N_("the previous or next month")),
}


EXPORT = Binding.Group(N_("Export"))


class ReportsScreen(WorkspaceScreen):
    """This week by default; [ and ] move by one period, d w m change its length."""

    HELP_TITLE = N_("Reports")
    # French at 80 columns: away from the current period, the title says `T : revenir à…`.
    TRANSLATED_FOOTER_OMITS = ("current",)
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
        self.query_one(TopBar).show(self.ws, N_("Reports"))

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
            parts = screen_parts(periods, target, language())
            lines.append(Content.assemble(*((text, styles[v]) for text, v in parts)))
        return lines

    def _title(self, first: date, seconds: int) -> Content:
        lang = language()
        if self.kind == "day":
            name = format_day_with_year(first, lang)
        elif self.kind == "week":
            name = _("Week of {day}").format(day=format_day_with_year(first, lang))
        else:
            name = format_month(first, lang)
        period = self.ws.time.period
        current = self.shown_day is None or period(self.kind, self.shown_day) == (period(self.kind))
        here, back = TITLES[self.kind]
        logged = _("{hours} h logged").format(hours=hours(seconds, 7).strip())
        return Content.assemble(
            (name, "bold"),
            ("  " + (_(here) if current else _(back)), "$text-muted"),
            ("  ·  ", "$text-muted"),
            logged if seconds > 0 else _("nothing logged"),
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
    nothing, around = (_(text) for text in EMPTY[kind])
    timer = _("the focus timer: each focus block becomes a time entry")
    log = _('va log 1h30m @client "call"   logs time from the command line')
    return f"{nothing}\n\n  [ ]   {around}\n  4     {timer}\n  {log}"
