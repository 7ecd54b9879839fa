"""Write the workspace as one RFC 5545 calendar: tasks, time worked, and the agenda.

What callers may rely on:

- Times are written as local wall time with the user's TZID (not UTC), so calendar
  apps show the time the VA typed, and every TZID used gets a VTIMEZONE (RFC 5545
  §3.6.5), so a reader never has to guess a zone.
- The output is stable: no random UIDs, components in a fixed order (VTIMEZONEs by
  TZID, then VTODOs by UID, then VEVENTs by start and UID). Two exports of the same
  data differ only in their DTSTAMP lines, so a synced or versioned file changes
  only when the data does.
- Imported events are re-emitted from their original component text, so attendees,
  alarms and X- properties survive a round trip through the workspace.

Every use of the icalendar library is imported lazily inside functions: commands
that never touch a calendar do not pay for importing it.
"""

from __future__ import annotations

from datetime import date, datetime, timezone, tzinfo

from vaworkspace.domain.dates import day_end, day_start, to_instant
from vaworkspace.ical.normalise import NO_TITLE

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: a feed is built without importing typing
if TYPE_CHECKING:
    from icalendar import Component

    from vaworkspace.domain.calendar.event import Event
    from vaworkspace.domain.models import Client, Task, TimeEntry

PRODID = "-//vaworkspace//vaworkspace 0.1//EN"

UTC = timezone.utc

_PRIORITY = {"high": 1, "medium": 5, "low": 9}
_TASK_STATUS = {
    "inbox": "NEEDS-ACTION",
    "todo": "NEEDS-ACTION",
    "waiting": "NEEDS-ACTION",
    "done": "COMPLETED",
    "cancelled": "CANCELLED",
}
_EVENT_STATUS = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}

_SortKey = tuple[datetime, str, str, int]


def export_calendar(
    *,
    tasks: list[Task],
    entries: list[TimeEntry],
    events: list[Event],
    clients: dict[str, Client],
    tz: tzinfo,
    tasks_by_id: dict[int, Task] | None = None,
    name: str | None = None,
    dtstamp: datetime,
) -> bytes:
    """The `.ics` bytes (CRLF lines folded at 75 octets) for these records.

    `tz` is the user's zone: wall times are written in it. `tasks_by_id` names the
    tasks time entries point at (defaults to `tasks`); `dtstamp` is the moment of
    export, the only value that differs between two exports of the same data.
    """
    from icalendar import Calendar

    stamp = _utc(dtstamp)
    known = tasks_by_id if tasks_by_id is not None else {task.id: task for task in tasks}
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)

    todos = sorted((_todo(task, tz, stamp) for task in tasks), key=lambda c: str(c["UID"]))
    timed: list[tuple[_SortKey, Component]] = []
    for entry in entries:
        key = (_utc(entry.start), _entry_uid(entry), "", 0)
        timed.append((key, _entry_event(entry, tz, stamp, clients, known)))
    supplied_zones: dict[str, Component] = {}
    for event in events:
        base = (to_instant(event.start, tz), _event_uid(event), event.recurrence_id or "")
        components = _raw_components(event, stamp, supplied_zones) if event.raw else None
        if components is None:
            components = [_block_event(event, tz, stamp, known)]
        timed.extend(((*base, n), comp) for n, comp in enumerate(components))
    timed.sort(key=lambda pair: pair[0])
    body = [*todos, *(comp for _, comp in timed)]

    # The original calendar's VTIMEZONE wins over a generated one: it is what the
    # organiser's app meant, and it covers custom TZIDs no database knows.
    cal.subcomponents.extend(supplied_zones.values())
    cal.subcomponents.extend(body)
    cal.add_missing_timezones()
    zones = [c for c in cal.subcomponents if c.name == "VTIMEZONE"]
    zones.sort(key=lambda c: str(c["TZID"]))
    cal.subcomponents[:] = [*zones, *body]
    # sorted=False keeps each component's properties in the order written (or
    # imported), which reads naturally and leaves imported text as it was.
    return cal.to_ical(sorted=False)


def _todo(task: Task, tz: tzinfo, stamp: datetime) -> Component:
    """A VTODO whose UID is the task's stable uuid, so a re-import finds the task."""
    from icalendar import Todo, vRecur

    todo = Todo()
    todo.add("uid", task.uuid)
    todo.add("dtstamp", stamp)
    todo.add("created", _utc(task.created))
    todo.add("last-modified", _utc(task.modified))
    todo.add("summary", task.title)
    start, due = _todo_span(task, tz)
    if start is not None:
        todo.add("dtstart", start)
    if due is not None:
        todo.add("due", due)
    if task.priority in _PRIORITY:
        todo.add("priority", _PRIORITY[task.priority])
    todo.add("status", _TASK_STATUS.get(task.status, "NEEDS-ACTION"))
    if task.status == "done":
        # RFC 5545 §3.8.2.1: COMPLETED is always a UTC date-time.
        todo.add("completed", _utc(task.completed or task.modified))
        todo.add("percent-complete", 100)
    categories = _categories(task.tags, task.client)
    if categories:
        todo.add("categories", categories)
    if task.client:
        todo.add("x-vaworkspace-client", task.client)
    if task.recurrence:
        rule = task.recurrence.strip()
        rule = rule[len("RRULE:") :] if rule.upper().startswith("RRULE:") else rule
        todo.add("rrule", vRecur.from_ical(rule))
    if task.notes:
        todo.add("description", task.notes)
    return todo


def _todo_span(task: Task, tz: tzinfo) -> tuple[date | datetime | None, date | datetime | None]:
    """DTSTART (scheduled) and DUE, made valid together.

    RFC 5545 §3.6.2 wants both of the same value type and DUE after DTSTART. When
    one is a date and the other a time, the date becomes the instant the domain
    gives it (a scheduled day starts at local midnight, a due day ends at the next
    one); a start that is not before the due is dropped rather than written wrong.
    """
    start, due = task.scheduled, task.due
    if start is not None and due is not None:
        if isinstance(start, datetime) != isinstance(due, datetime):
            if not isinstance(start, datetime):
                start = day_start(start, tz)
            if not isinstance(due, datetime):
                due = day_end(due, tz)
        if to_instant(start, tz) >= to_instant(due, tz):
            start = None
    return (
        None if start is None else _local(start, tz),
        None if due is None else _local(due, tz),
    )


def _entry_uid(entry: TimeEntry) -> str:
    return f"entry-{entry.id}@vaworkspace"


def _entry_event(
    entry: TimeEntry,
    tz: tzinfo,
    stamp: datetime,
    clients: dict[str, Client],
    tasks_by_id: dict[int, Task],
) -> Component:
    """A busy VEVENT for time worked: the VA's week, as a calendar app shows it."""
    from icalendar import Event as VEvent

    task = tasks_by_id.get(entry.task) if entry.task is not None else None
    what = task.title if task is not None else (entry.note or "work")
    client = clients.get(entry.client) if entry.client else None
    who = client.name if client is not None else entry.client

    vevent = VEvent()
    vevent.add("uid", _entry_uid(entry))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", _local(entry.start, tz))
    vevent.add("dtend", _local(entry.end, tz))
    vevent.add("summary", f"{who}: {what}" if who else what)
    if entry.client:
        vevent.add("categories", [entry.client])
        vevent.add("x-vaworkspace-client", entry.client)
    if entry.note:
        vevent.add("description", entry.note)
    vevent.add("transp", "OPAQUE")
    if task is not None:
        vevent.add("related-to", task.uuid)
    vevent.add("x-vaworkspace-entry", str(entry.id))
    vevent.add("x-vaworkspace-billable", "TRUE" if entry.billable else "FALSE")
    return vevent


def _event_uid(event: Event) -> str:
    """Work blocks get an id-based UID; imported events keep their own."""
    if event.kind == "block" or not event.uid:
        return f"block-{event.id}@vaworkspace"
    return event.uid


def _block_event(
    event: Event, tz: tzinfo, stamp: datetime, tasks_by_id: dict[int, Task]
) -> Component:
    """A VEVENT built from the stored fields (work blocks, or an event without raw text)."""
    from icalendar import Event as VEvent
    from icalendar import vDDDTypes, vRecur

    vevent = VEvent()
    vevent.add("uid", _event_uid(event))
    vevent.add("dtstamp", stamp)
    if event.recurrence_id and event.kind != "block":
        vevent.add("recurrence-id", vDDDTypes.from_ical(event.recurrence_id))
    vevent.add("dtstart", _local(event.start, tz))
    vevent.add("dtend", _local(event.end, tz))
    vevent.add("summary", event.summary or NO_TITLE)  # calcurse needs one
    if event.sequence:
        vevent.add("sequence", event.sequence)
    if event.rrule:
        vevent.add("rrule", vRecur.from_ical(event.rrule))
    vevent.add("status", _EVENT_STATUS.get(event.status, "CONFIRMED"))
    if event.location:
        vevent.add("location", event.location)
    if event.description:
        vevent.add("description", event.description)
    if event.client:
        vevent.add("categories", [event.client])
        vevent.add("x-vaworkspace-client", event.client)
    if event.last_modified is not None:
        vevent.add("last-modified", _utc(event.last_modified))
    if event.kind == "block":
        vevent.add("transp", "OPAQUE")
    task = tasks_by_id.get(event.task) if event.task is not None else None
    if task is not None:
        vevent.add("related-to", task.uuid)
    if event.task is not None:
        vevent.add("x-vaworkspace-task", str(event.task))
    return vevent


def _raw_components(
    event: Event, stamp: datetime, zones: dict[str, Component]
) -> list[Component] | None:
    """The event's original component(s), parsed from `raw`; None if it cannot be read.

    A wrapping VCALENDAR is tolerated: its VTIMEZONEs go into `zones` (first one per
    TZID wins). A DTSTAMP is added only where the original had none, since RFC 5545
    requires one, and what else RFC 5545 forbids is mended (`normalise.py`).
    Unreadable text falls back to the stored fields: an export should not fail
    because one old record is damaged.
    """
    from icalendar import Component

    from vaworkspace.ical.normalise import normalise

    try:
        parsed = Component.from_ical(event.raw)
    except ValueError:
        return None
    items = list(parsed.subcomponents) if parsed.name == "VCALENDAR" else [parsed]
    body = []
    for item in items:
        if item.name == "VTIMEZONE":
            zones.setdefault(str(item.get("TZID", "")), item)
            continue
        if "DTSTAMP" not in item:
            item.add("dtstamp", stamp)
        normalise(item)
        body.append(item)
    return body or None


def _categories(tags: list[str], client: str | None) -> list[str]:
    """Tags, then the client id, without duplicates, in a stable order."""
    seen: dict[str, None] = dict.fromkeys(tag for tag in tags if tag)
    if client:
        seen.setdefault(client, None)
    return list(seen)


def _local(value: date | datetime, tz: tzinfo) -> date | datetime:
    """A date as is; an instant as wall time in `tz` (written with that TZID)."""
    if isinstance(value, datetime):
        return _utc(value).astimezone(tz)
    return value


def _utc(value: datetime) -> datetime:
    """An aware UTC instant without microseconds (iCalendar has whole seconds).

    A naive value is read as UTC, like `dates.parse_iso` does.
    """
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.replace(microsecond=0)
