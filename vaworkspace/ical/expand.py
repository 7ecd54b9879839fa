"""Occurrences of stored events in a window, recurrences expanded from their raw text.

recurring-ical-events does the RFC work (RRULE, RDATE, EXDATE, RECURRENCE-ID
overrides, RANGE=THISANDFUTURE); each series is expanded on its own, because one
broken series can raise for a whole calendar.

Whatever the rule, an expansion is bounded twice (a file may hold a "recurrence
bomb": `FREQ=HOURLY;BYMINUTE=0,…,59;BYSECOND=0,…,59` is 86,400 instances a day):

- at most `MAX_OCCURRENCES` occurrences of one series per query, the earliest
  ones; a series cut there is reported as truncated, never silently;
- at most `WORK_BUDGET` rule instances walked through per query, all series
  together, counting those before the window (dateutil walks a rule from its
  DTSTART). Past the budget a series is truncated too.

dateutil's `rrule.between` builds the whole list of a window before anyone can
stop it, so each rule is replaced by `_Walk`, which walks it lazily and stops as
soon as the earliest occurrences are certain: past the cap plus one instance per
EXDATE and per override (each can remove at most one instance).

The window is handed to the library in the user's zone, so an all-day date and a
floating time are placed on the user's clock, as `_overlaps` places single events.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from vaworkspace.domain.calendar.event import Event
from vaworkspace.domain.calendar.occurrences import instant as _instant
from vaworkspace.domain.calendar.occurrences import overlaps as _overlaps
from vaworkspace.domain.calendar.occurrences import sort_found

MAX_OCCURRENCES = 2000
"""Occurrences of one series one query shows at most (the earliest)."""
WORK_BUDGET = 200_000
"""Rule instances one query may walk through, all series together."""
MAX_OVERRIDES = 500
"""Overrides (RECURRENCE-ID) of one series parsed per query, the earliest: parsing
is the cost (~0.3 ms each), and no real series moves 500 instances in a window."""
UTC = timezone.utc
Found = tuple[Event, "date | datetime", "date | datetime"]


class _OutOfBudget(Exception):
    """The query's work budget is spent: the series being expanded is truncated."""


@dataclass(slots=True)
class Budget:
    """Rule instances a query may still walk through (shared by its series)."""

    left: int = WORK_BUDGET


@dataclass(slots=True)
class Expansion:
    """A series' occurrences overlapping a window, sorted by start.

    `exact_until`: every occurrence overlapping [window start, exact_until) is in
    `found` — the window's end, or less when the cap cut it; None when the work
    budget ran out (then `found` may miss some).
    """

    found: list[Found] = field(default_factory=list)
    truncated: bool = False
    exact_until: datetime | None = None


def is_series(event: Event) -> bool:
    """Whether an event is expanded: a rule, extra or excluded dates (RFC 5545 lets a
    single event have them too), or an overridden instance."""
    if not event.raw:
        return False
    if event.rrule or event.recurrence_id is not None:
        return True
    return "\nRDATE" in event.raw or "\nEXDATE" in event.raw


def truncation_warning(uid: str, summary: str, cap: int = MAX_OCCURRENCES) -> str:
    return (
        f'event {uid} ("{summary}") repeats too often to show in full: '
        f"only its first {cap} occurrences or fewer are on this agenda"
    )


def occurrences(
    events: list[Event], start: datetime, end: datetime, tz
) -> tuple[list[Found], list[str]]:
    """(event, start, end) of every occurrence overlapping [start, end), and warnings.

    The reference path: every series is expanded from its raw text.
    """
    series: dict[str, list[Event]] = {}
    out: list[Found] = []
    warnings: list[str] = []
    for event in events:
        if is_series(event):
            series.setdefault(event.uid, []).append(event)
        elif event.status != "cancelled" and _overlaps(event.start, event.end, start, end, tz):
            out.append((event, event.start, event.end))
    budget = Budget()
    for members in series.values():
        found, warning = expand_safely(members, start, end, tz, budget)
        out += found
        if warning:
            warnings.append(warning)
    sort_found(out, tz)
    return out, warnings


def expand_safely(
    members: list[Event], start: datetime, end: datetime, tz, budget: Budget
) -> tuple[list[Found], str | None]:
    """`expand_series`, with a broken or truncated series turned into a warning."""
    master = master_of(members)
    try:
        expansion = expand_series(members, start, end, tz, budget)
    except Exception as error:  # whatever a damaged series makes the libraries raise
        return [], f"event {master.uid}: its recurrence could not be expanded ({error})"
    warning = truncation_warning(master.uid, master.summary) if expansion.truncated else None
    return expansion.found, warning


def master_of(members: list[Event]) -> Event:
    return next((m for m in members if m.recurrence_id is None), members[0])


def expand_series(
    members: list[Event],
    start: datetime,
    end: datetime,
    tz,
    budget: Budget | None = None,
    cap: int = MAX_OCCURRENCES,
) -> Expansion:
    """The earliest `cap` occurrences of one series (one UID) overlapping [start, end).

    Overrides that cannot touch the window are left out before parsing (a file may
    hold thousands). May raise whatever a broken series makes the libraries raise.
    """
    import warnings

    import recurring_ical_events
    from icalendar import Calendar

    budget = budget or Budget()
    master = master_of(members)
    calendar = Calendar()
    chosen, cut = relevant(members, start, end, MAX_OVERRIDES)
    if cut <= start:
        return Expansion([], True, start)
    for member in chosen:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = Calendar.from_ical(_wrapped(member.raw))
        for component in parsed.subcomponents:
            calendar.add_component(component)
    query = recurring_ical_events.of(calendar)
    span = (start.astimezone(tz), cut.astimezone(tz))
    for series in query.series:
        _bound(series, cap, budget)
    by_rid = {m.recurrence_id: m for m in members if m.recurrence_id is not None}
    kept: list = []  # a heap of (-instant, n, occurrence): the `cap + 1` earliest
    exact_until: datetime | None = cut
    try:
        for n, item in enumerate(_walk_all(query, span, tz, master, by_rid)):
            entry = (-_instant(item[1], tz).timestamp(), n, item)
            if len(kept) <= cap:
                heapq.heappush(kept, entry)
            else:
                heapq.heappushpop(kept, entry)
    except _OutOfBudget:
        exact_until = None
    if len(kept) > cap:
        latest = heapq.heappop(kept)[2]  # the cap + 1st: the window is exact up to it
        if exact_until is not None:
            exact_until = min(exact_until, _instant(latest[1], tz))
    found = [item for _, _, item in sorted(kept, key=lambda e: (-e[0], e[1]))]
    return Expansion(found, exact_until != end, exact_until)


def relevant(
    members: list[Event], start: datetime, end: datetime, cap: int = MAX_OVERRIDES
) -> tuple[list[Event], datetime]:
    """The master and the overrides that may change what [start, end) shows, and
    the end of the window they make exact.

    An override matters if it moves an instance into the window (its own times),
    out of it (its RECURRENCE-ID), or changes all later instances (THISANDFUTURE).
    A date (an all-day RECURRENCE-ID or DTSTART) gets two days of margin, for any
    zone. Past `cap` such overrides only the earliest are parsed, and the window
    ends where the first one left out could change it: what is shown stays exact.
    """
    master = master_of(members)
    length = _length(master)
    kept: list[Event] = []
    moved: list[tuple[datetime, Event]] = []
    for member in members:
        rid = member.recurrence_id
        if rid is None or member is master or "THISANDFUTURE" in member.raw.upper():
            kept.append(member)
            continue
        touched = [
            moment
            for moment, until in (_rid_span(rid, length), _own_span(member))
            if moment < end and until > start
        ]
        if touched:
            moved.append((max(start, min(touched)), member))
    if len(moved) > cap:
        moved.sort(key=lambda pair: pair[0])
        end = min(end, moved[cap][0])
        moved = moved[:cap]
    return kept + [member for _, member in moved], end


def _rid_span(rid: str, length: timedelta) -> tuple[datetime, datetime]:
    """When the instance an override replaces would have been (a date: widened)."""
    if len(rid) == 8:
        day = datetime.strptime(rid, "%Y%m%d").replace(tzinfo=UTC)
        return day - timedelta(days=2), day + length + timedelta(days=2)
    moment = datetime.strptime(rid[:15], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    return moment, moment + max(length, timedelta(minutes=1))


def _own_span(event: Event) -> tuple[datetime, datetime]:
    """When an override itself happens (a date: widened by two days each side)."""
    if isinstance(event.start, datetime) and isinstance(event.end, datetime):
        return event.start, max(event.end, event.start + timedelta(minutes=1))
    first = _instant(event.start, UTC) - timedelta(days=2)
    return first, _instant(event.end, UTC) + timedelta(days=2)


def _length(event: Event) -> timedelta:
    if isinstance(event.start, datetime) and isinstance(event.end, datetime):
        return max(event.end - event.start, timedelta(0))
    if not isinstance(event.start, datetime) and not isinstance(event.end, datetime):
        return max(event.end - event.start, timedelta(days=1))
    return timedelta(days=1)


def _walk_all(query, span, tz, master: Event, by_rid: dict[str, Event]):
    """(member, start, end) of each confirmed occurrence the series yield."""
    from vaworkspace.ical.zones import recurrence_id_text

    for series in query.series:
        for occurrence in series.between(*span):
            component = occurrence.as_component(False)
            if str(component.get("STATUS", "")).upper() == "CANCELLED":
                continue
            first = _as_value(component.decoded("DTSTART"), tz)
            last = _as_value(component.decoded("DTEND"), tz) if "DTEND" in component else first
            chosen = master
            rid = component.get("RECURRENCE-ID")
            if rid is not None and by_rid:
                chosen = by_rid.get(recurrence_id_text(rid.dt, tz), master)
            summary = str(component.get("SUMMARY", chosen.summary)).strip()  # as `text_of`
            yield (_with_summary(chosen, summary), first, last)


def _bound(series, cap: int, budget: Budget) -> None:
    """Make the series walk its rules lazily, within the cap and the budget."""
    recurrence = getattr(series, "recurrence", None)
    rules = getattr(recurrence, "rrules", None)
    if recurrence is None or not rules:
        return
    removals = len(getattr(recurrence, "exdates", ())) + len(getattr(series, "modifications", ()))
    ahead = getattr(series, "_subtract_from_start", timedelta(0))
    recurrence.rrules = [_Walk(rule, cap + 1 + removals, ahead, budget) for rule in rules]


class _Walk:
    """A dateutil rule walked lazily: `between` yields instead of building a list,
    stops after `limit` instances from the window's real start, and spends the
    query's budget on every instance it steps over."""

    def __init__(self, rule, limit: int, ahead: timedelta, budget: Budget) -> None:
        self.rule, self.limit, self.ahead, self.budget = rule, limit, ahead, budget
        self.until = getattr(rule, "until", None)

    def between(self, after, before, inc: bool = True):
        counted_from = after + self.ahead  # the span as asked, before the library widened it
        taken = 0
        budget = self.budget
        for moment in _rebased(self.rule, after):
            budget.left -= 1
            if budget.left < 0:
                raise _OutOfBudget
            if moment < after or (not inc and moment == after):
                continue
            if moment > before or (not inc and moment == before):
                return
            yield moment
            if moment >= counted_from:
                taken += 1
                if taken >= self.limit:
                    return


_PERIODS: dict[int | None, timedelta] = {
    2: timedelta(days=7),
    3: timedelta(days=1),
    4: timedelta(hours=1),
}
"""dateutil's WEEKLY, DAILY and HOURLY: rules that repeat on a fixed wall-clock grid."""
_MARGIN = timedelta(hours=3)
"""More than any DST jump between wall-clock and real time."""


def _rebased(rule, after):
    """The rule, started at its last grid point safely before `after` if that is the
    same set of instances from there on: no COUNT, and a grid of whole periods.

    dateutil walks a rule from DTSTART: a per-second rule that began a year ago
    would be walked through 31 million instances before reaching this week. Every
    rule property not written takes its value from DTSTART (the hour of a DAILY
    rule, the weekday of a WEEKLY one); a start moved by whole periods keeps them.
    """
    period = _PERIODS.get(getattr(rule, "_freq", None))
    dtstart = getattr(rule, "_dtstart", None)
    if period is None or dtstart is None or getattr(rule, "_count", None) is not None:
        return rule
    step = period * rule._interval
    try:
        steps = (after - dtstart - _MARGIN) // step
    except TypeError:  # a floating rule asked with an aware time, or the reverse
        return rule
    if steps <= 0:
        return rule
    return rule.replace(dtstart=dtstart + step * steps)


def _with_summary(event: Event, summary: str) -> Event:
    if summary == event.summary:
        return event
    from dataclasses import replace

    return replace(event, summary=summary)


def _wrapped(raw: str) -> str:
    if "BEGIN:VCALENDAR" in raw:
        return raw
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//vaworkspace//EN\r\n{raw}\r\nEND:VCALENDAR\r\n"
    )


def _as_value(value, tz) -> date | datetime:
    """Aware UTC instants (a floating time is the user's local time), or dates."""
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=tz)).astimezone(UTC)
    return value
