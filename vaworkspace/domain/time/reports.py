"""Hours, money and retainers per client: what a VA invoices and what is left to sell.

Rules a report follows (the README quotes them):

- **Which entries.** An entry belongs to a period when its *start* instant lies in
  `[start, end)`; it is never split, even when it runs past midnight or the period.
- **Real time.** A duration is the real elapsed `end - start` in seconds, so a block
  across a DST change counts what really passed: 01:30–03:30 on a spring-forward
  night is one hour, and so is 02:30 → the repeated 02:30 of an autumn night.
  A block whose end is before its start counts nothing.
- **Local days.** An entry belongs to the local day (report zone) of its start.
- **Billable.** The entry's own `billable` flag decides (the client's flag is only the
  default for new entries). Non-billable time counts in `seconds` and in
  `non_billable_share`, never in `billable_seconds`, billed minutes or the amount.
- **Rounding.** A client bills in blocks of `rounding_minutes`, always rounded *up*
  (7 min in 6-minute blocks bills 12; 6 bills 6; 0 bills 0); with 0 or 1, to the
  nearest minute (30 s rounds up). `round_per == "entry"` rounds each billable entry
  and adds the results; `"total"` adds the period's billable time of each kind and
  rate and rounds it once (one kind at one rate, as in any older file: once for
  the period). The retainer still rounds the client's time as one.
- **Amount.** Each entry is billed at the rate fixed on it when it was logged
  (`domain.kind_rates`). Per kind and rate, `amount_cents = round(billed_minutes ×
  rate_cents / 60)`, half up, in integer arithmetic: no float ever touches money.
  A client's billed minutes and amount are the sums of its kinds
  (`domain.time.kinds`), so the kinds add up to the client exactly.
- **Retainer.** For a client with a budget, the minutes used are the billed minutes
  (same rounding; billable entries only, as free time does not eat the hours bought)
  started in the budget's own period — the local week Monday–Sunday or the local
  calendar month — containing the report's moment: `now` while the report's period
  holds it, else the period's last instant (a past week shows that week's retainer,
  a past month its last week's), or its start for a period still to come or when
  `now` is None. Remaining = budget − used; negative is overwork.
- **Lines.** One line per client with time in the period, sorted by client name; time
  without a client comes last as "(no client)", in the most common client currency
  (EUR without clients). A client id that no longer exists keeps its own line, named
  by the id, at a rate of zero.

The client timesheet (CSV) is in `domain.timesheet`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from vaworkspace.domain.dates import add_months, day_start
from vaworkspace.domain.models import Client, Task, TimeEntry
from vaworkspace.domain.time.billing import billed_for, worked_seconds
from vaworkspace.domain.time.kinds import KindLine, kind_lines
from vaworkspace.errors import InputError
from vaworkspace.i18n import _

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs milliseconds
if TYPE_CHECKING:
    from collections.abc import Iterable

NO_CLIENT_NAME = "(no client)"
NO_TASK_TITLE = "(no task)"
THRESHOLDS = (80, 100)
"""Percentages of a retainer worth a notification when crossed."""


@dataclass(slots=True)
class TaskLine:
    """Time spent on one task (or on no task, `task` None) for one client."""

    task: int | None
    title: str
    seconds: int
    billable_seconds: int


@dataclass(slots=True)
class ClientLine:
    """One client's period: time, what to invoice, and the retainer's state."""

    client: str | None
    name: str
    seconds: int
    billable_seconds: int
    billed_minutes: int  # after the client's rounding
    amount_cents: int
    currency: str
    budget_minutes: int | None = None
    budget_used_minutes: int | None = None
    budget_period: str | None = None
    non_billable_share: float = 0.0  # 0..1 of `seconds`
    tasks: list[TaskLine] = field(default_factory=list)  # by seconds, most first
    days: dict[date, int] = field(default_factory=dict)  # local day → seconds, by date
    kinds: list[KindLine] = field(default_factory=list)  # add up to billed/amount exactly

    @property
    def budget_remaining_minutes(self) -> int | None:
        """Minutes left in the retainer; negative means overwork."""
        if self.budget_minutes is None:
            return None
        return self.budget_minutes - (self.budget_used_minutes or 0)


@dataclass(slots=True)
class Report:
    """Every client's line for `[start, end)`, with totals."""

    start: datetime
    end: datetime
    lines: list[ClientLine]
    total_seconds: int
    totals_by_currency: dict[str, int]  # currency → amount in cents


def budget_period(period: str, moment: datetime, tz: tzinfo) -> tuple[datetime, datetime]:
    """The UTC bounds `[start, end)` of the local week (Monday first) or calendar month
    containing `moment`; computed from local midnights so DST weeks stay whole."""
    today = moment.astimezone(tz).date()
    if period == "week":
        first = today - timedelta(days=today.weekday())
        return day_start(first, tz), day_start(first + timedelta(days=7), tz)
    if period == "month":
        first = today.replace(day=1)
        return day_start(first, tz), day_start(add_months(first, 1), tz)
    raise InputError(
        _("budget period '{period}' is unknown; use week or month").format(period=period)
    )


def budget_burn(
    client: Client, entries: Iterable[TimeEntry], now: datetime, tz: tzinfo
) -> tuple[int, int] | None:
    """`(used_minutes, budget_minutes)` of the client's retainer in the period holding
    `now`, or None without a budget. `entries` may be everything: this selects."""
    if client.budget is None:
        return None
    first, last = budget_period(client.budget.period, now, tz)
    seconds = [
        worked_seconds(e)
        for e in entries
        if e.client == client.id and e.billable and first <= e.start < last
    ]
    return billed_for(client, seconds), client.budget.minutes


def crossed_thresholds(before_minutes: int, after_minutes: int, budget_minutes: int) -> list[int]:
    """Which of 80 % and 100 % of the budget the used minutes went past (reaching counts),
    so a notification fires once, when the line is crossed, not on every entry after."""
    if budget_minutes <= 0:
        return []
    return [
        t for t in THRESHOLDS if before_minutes * 100 < t * budget_minutes <= after_minutes * 100
    ]


RETAINER_LEVELS = ("ok", "warning", "used_up")
"""What a retainer gauge says, in order: below 80 %, from 80 %, from 100 % (reaching
a threshold counts, as in `crossed_thresholds`)."""


def retainer_level(used_minutes: int, budget_minutes: int) -> str:
    """`"ok"`, `"warning"` or `"used_up"`: the one rule behind every gauge's colour,
    in the sidebar, the reports screen and any text output. Exactly 100 % is used up:
    the hours bought are gone, any more is overwork. No budget: "ok"."""
    if budget_minutes <= 0:
        return RETAINER_LEVELS[0]
    reached = sum(1 for t in THRESHOLDS if used_minutes * 100 >= t * budget_minutes)
    return RETAINER_LEVELS[reached]


def _default_currency(clients: dict[str, Client]) -> str:
    """The currency most clients use (ties: alphabetical), EUR with no clients."""
    counts: dict[str, int] = {}
    for c in clients.values():
        counts[c.currency] = counts.get(c.currency, 0) + 1
    if not counts:
        return "EUR"
    return min(counts, key=lambda cur: (-counts[cur], cur))


def build_report(
    entries: Iterable[TimeEntry],
    clients: dict[str, Client],
    tasks: dict[int, Task],
    start: datetime,
    end: datetime,
    tz: tzinfo,
    budget_entries: Iterable[TimeEntry] | None = None,
    now: datetime | None = None,
) -> Report:
    """Each client's hours, billed hours, amount and retainer for `[start, end)`.

    See the module docstring for the rules. `budget_entries` should be every entry,
    since a retainer's month may reach outside the report; without it the report's
    `entries` are used. Raises `InputError` when `end` is not after `start`.
    """
    if end <= start:
        raise InputError(
            _("a report must end after it starts ({start} → {end})").format(
                start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}"
            )
        )
    everything = list(entries)
    groups: dict[str | None, list[TimeEntry]] = {}
    for e in everything:
        if start <= e.start < end:
            groups.setdefault(e.client, []).append(e)
    budgeted: dict[str | None, list[TimeEntry]] = {
        cid: [] for cid in groups if cid in clients and clients[cid].budget
    }
    for e in everything if budget_entries is None else budget_entries:
        if e.client in budgeted:
            budgeted[e.client].append(e)
    fallback = _default_currency(clients)
    lines = []
    for cid, group in groups.items():
        client = clients.get(cid) if cid is not None else None
        line = _line(cid, group, client, tasks, tz, fallback)
        if client is not None and client.budget is not None:
            burn = budget_burn(client, budgeted[cid], _retainer_moment(start, end, now), tz)
            line.budget_used_minutes, line.budget_minutes = burn or (None, None)
            line.budget_period = client.budget.period
        lines.append(line)
    lines.sort(key=lambda line: (line.client is None, line.name.casefold(), line.client or ""))
    totals: dict[str, int] = {}
    for line in lines:
        totals[line.currency] = totals.get(line.currency, 0) + line.amount_cents
    return Report(start, end, lines, sum(line.seconds for line in lines), totals)


def _retainer_moment(start: datetime, end: datetime, now: datetime | None) -> datetime:
    """The instant whose budget period a report's retainer is (module docstring)."""
    if now is None or now < start:
        return start
    return min(now, end - timedelta(microseconds=1))


def _line(
    cid: str | None,
    group: list[TimeEntry],
    client: Client | None,
    tasks: dict[int, Task],
    tz: tzinfo,
    fallback_currency: str,
) -> ClientLine:
    """One client's line from its entries in the period, without the retainer."""
    durations = [worked_seconds(e) for e in group]  # once: a 10k-entry report is mostly this
    billable = [d for e, d in zip(group, durations, strict=True) if e.billable]
    kinds = kind_lines(group, durations, client)
    seconds = sum(durations)
    return ClientLine(
        client=cid,
        name=client.name if client else (cid or NO_CLIENT_NAME),
        seconds=seconds,
        billable_seconds=sum(billable),
        billed_minutes=sum(k.billed_minutes for k in kinds),
        amount_cents=sum(k.amount_cents for k in kinds),
        currency=client.currency if client else fallback_currency,
        non_billable_share=(seconds - sum(billable)) / seconds if seconds else 0.0,
        tasks=_task_lines(group, durations, tasks),
        days=_days(group, durations, tz),
        kinds=kinds,
    )


def _task_lines(
    group: list[TimeEntry], durations: list[int], tasks: dict[int, Task]
) -> list[TaskLine]:
    """Time per task, most first; a task that no longer exists shows as `#id`."""
    found: dict[int | None, TaskLine] = {}
    for e, seconds in zip(group, durations, strict=True):
        if e.task not in found:
            known = tasks.get(e.task) if e.task is not None else None
            title = known.title if known else NO_TASK_TITLE if e.task is None else f"#{e.task}"
            found[e.task] = TaskLine(e.task, title, 0, 0)
        found[e.task].seconds += seconds
        if e.billable:
            found[e.task].billable_seconds += seconds
    return sorted(
        found.values(),
        key=lambda t: (-t.seconds, t.task is None, t.task if t.task is not None else 0),
    )


def _days(group: list[TimeEntry], durations: list[int], tz: tzinfo) -> dict[date, int]:
    """Seconds per local day of each entry's start; days without time are absent."""
    days: dict[date, int] = {}
    for e, seconds in zip(group, durations, strict=True):
        day = e.start.astimezone(tz).date()
        days[day] = days.get(day, 0) + seconds
    return dict(sorted(days.items()))


def _hours(seconds: int) -> float:
    return round(seconds / 3600, 2)


def _hours_of(minutes: int | None) -> float | None:
    return None if minutes is None else _hours(minutes * 60)


def report_json(report: Report) -> list[dict[str, object]]:
    """The report as plain JSON values, hours as decimals with 2 places (money stays in
    integer cents so a script never adds floats to an invoice)."""
    return [
        {
            "client": line.client,
            "name": line.name,
            "hours": _hours(line.seconds),
            "billable_hours": _hours(line.billable_seconds),
            "billed_hours": _hours_of(line.billed_minutes),
            "amount_cents": line.amount_cents,
            "currency": line.currency,
            "budget_hours": _hours_of(line.budget_minutes),
            "budget_used_hours": _hours_of(line.budget_used_minutes),
            "budget_remaining_hours": _hours_of(line.budget_remaining_minutes),
            "non_billable_share": round(line.non_billable_share, 3),
            "tasks": [
                {
                    "task": t.task,
                    "title": t.title,
                    "hours": _hours(t.seconds),
                    "billable_hours": _hours(t.billable_seconds),
                }
                for t in line.tasks
            ],
            "kinds": [
                {
                    "kind": k.kind,
                    "hours": _hours(k.seconds),
                    "billed_hours": _hours_of(k.billed_minutes),
                    "rate_cents": k.rate_cents,
                    "amount_cents": k.amount_cents,
                }
                for k in line.kinds
            ],
        }
        for line in report.lines
    ]
