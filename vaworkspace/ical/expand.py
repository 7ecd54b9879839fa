"""Occurrences of stored events in a window, recurrences expanded from their raw text.

recurring-ical-events does the RFC work (RRULE, RDATE, EXDATE, RECURRENCE-ID
overrides); each series is expanded on its own, because one broken series can
raise for a whole calendar, and every expansion is bounded by the window and a
maximum count, so an open-ended rule never loops.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from vaworkspace.domain.models import Event

MAX_OCCURRENCES = 2000
UTC = timezone.utc


def occurrences(
    events: list[Event], start: datetime, end: datetime, tz
) -> tuple[list[tuple[Event, date | datetime, date | datetime]], list[str]]:
    """(event, start, end) of every occurrence overlapping [start, end), and warnings."""
    series: dict[str, list[Event]] = {}
    out: list[tuple[Event, date | datetime, date | datetime]] = []
    warnings: list[str] = []
    for event in events:
        if event.status == "cancelled" and event.recurrence_id is None and not event.rrule:
            continue
        if (event.rrule and event.raw) or (event.recurrence_id is not None and event.raw):
            series.setdefault(event.uid, []).append(event)
        elif _overlaps(event.start, event.end, start, end, tz):
            out.append((event, event.start, event.end))
    for uid, members in series.items():
        try:
            out += _expand(members, start, end, tz)
        except Exception as error:
            warnings.append(f"event {uid}: its recurrence could not be expanded ({error})")
    out.sort(key=lambda item: (_instant(item[1], tz), item[0].uid))
    return out, warnings


def _expand(members: list[Event], start: datetime, end: datetime, tz):
    import recurring_ical_events
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", "-//vaworkspace//expand//EN")
    calendar.add("version", "2.0")
    for member in members:
        for component in Calendar.from_ical(_wrapped(member.raw)).subcomponents:
            calendar.add_component(component)
    calendar.add_missing_timezones()
    master = next((m for m in members if m.recurrence_id is None), members[0])
    found = []
    query = recurring_ical_events.of(calendar)
    for index, component in enumerate(query.between(start, end)):
        if index >= MAX_OCCURRENCES:
            break
        if str(component.get("STATUS", "")).upper() == "CANCELLED":
            continue
        first = _as_value(component.decoded("DTSTART"), tz)
        last = _as_value(component.decoded("DTEND"), tz) if "DTEND" in component else first
        rid = component.get("RECURRENCE-ID")
        chosen = master
        if rid is not None:
            chosen = next((m for m in members if m.recurrence_id is not None), master)
        summary = str(component.get("SUMMARY", chosen.summary))
        found.append((_with_summary(chosen, summary), first, last))
    return found


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


def _instant(value: date | datetime, tz) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, datetime.min.time(), tz).astimezone(UTC)


def _overlaps(first, last, start: datetime, end: datetime, tz) -> bool:
    begin, finish = _instant(first, tz), _instant(last, tz)
    if finish <= begin:
        finish = begin + timedelta(minutes=1)
    return begin < end and finish > start
