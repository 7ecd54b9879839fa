"""Our own components as content lines, without the icalendar library.

A published feed is rewritten after a change in a fresh `va` process, where
importing icalendar alone costs more than the whole command. The components we
generate ourselves (a task's VTODO, a time entry's and a work block's VEVENT)
are simple enough to write directly, and this module writes them exactly as
`writer.py` does through icalendar: the same properties in the same order, the
same TEXT escaping (RFC 5545 §3.3.11) and the same folding (icalendar folds
before a line reaches 75 octets and never splits a backslash escape).
`tests/ical/test_lines.py` compares the two on generated records.

What icalendar decides about a zone (the TZID it names, whether a time is
written as UTC) is not guessed: it is asked once per zone (`ZoneForm`, see
`ical/components.py`) and kept with the feed. Anything less common — a
recurrence rule, an overridden instance, imported text — is left to icalendar:
the `*_parts` functions return None for it.

Each rendering is a `Parts`: the component's text cut where the DTSTAMP value
goes, so a feed is stamped with the moment it is written without re-rendering.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date, datetime, timezone, tzinfo

from vaworkspace.ical.normalise import NO_TITLE
from vaworkspace.ical.writer import (  # once here, not on each of a feed's hundreds of calls
    _EVENT_STATUS,
    _PRIORITY,
    _TASK_STATUS,
    _categories,
    _entry_uid,
    _event_uid,
    _todo_span,
)

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: a feed is built without importing typing
if TYPE_CHECKING:
    from vaworkspace.domain.calendar.event import Event
    from vaworkspace.domain.models import Client, Task, TimeEntry

UTC = timezone.utc
Parts = list[str]
"""[text before the DTSTAMP value, text after it], or [text] without a DTSTAMP."""


if TYPE_CHECKING:
    from typing import NamedTuple

    class ZoneForm(NamedTuple):
        """How icalendar writes a wall time in the user's zone: the parameter text
        (`;TZID=America/Montreal`, or empty), the suffix (`Z` for UTC, or empty),
        and the TZIDs that makes the calendar use (they need a VTIMEZONE)."""

        param: str
        suffix: str
        uses: tuple[str, ...]

else:  # the same tuple without a dataclass's compiled methods (see `PublishReport`)
    ZoneForm = namedtuple("ZoneForm", "param suffix uses")


def escape(value: str) -> str:
    """TEXT escaping, in icalendar's order (a literal `\\N` becomes a line break).
    Most titles and ids hold nothing it changes: five substring scans tell."""
    if not ("\\" in value or ";" in value or "," in value or "\n" in value or "\r" in value):
        return value
    return (
        value.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """One content line, folded as icalendar folds it (no trailing CRLF)."""
    if line.isascii():
        return line if len(line) < 75 else "\r\n ".join(_ascii_pieces(line))
    if len(line.encode()) < 75:
        return line
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode())
        if current and size + width >= 75:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                pieces.append("".join(current))
                current, size = [carried], len(carried.encode())
            else:
                pieces.append("".join(current))
                current, size = [], 0
        current.append(char)
        size += width
    if current:
        pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _ascii_pieces(line: str) -> list[str]:
    """`fold` for one-octet characters, a slice at a time: 74 characters a
    piece, one fewer when that would end it on a `\\` or `^` (carried over)."""
    pieces, start, size = [], 0, len(line)
    while size - start > 74:
        end = start + 74
        if line[end - 1] in "\\^":
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return pieces


def utc_text(value: datetime) -> str:
    """An instant as a UTC DATE-TIME value (`20261201T190000Z`), seconds only."""
    if value.tzinfo is not UTC:  # stored instants are UTC already: no new object for them
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return _wall(value) + "Z"


def _when(name: str, value: date | datetime, tz: tzinfo, form: ZoneForm) -> str:
    """DTSTART/DUE/DTEND: a date as VALUE=DATE, an instant as wall time in `tz`."""
    if isinstance(value, datetime):
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value
        local = value.astimezone(UTC).replace(microsecond=0).astimezone(tz)
        return f"{name}{form.param}:{_wall(local)}{form.suffix}"
    return f"{name};VALUE=DATE:{value.year:04}{value.month:02}{value.day:02}"


_WALL = "%04d%02d%02dT%02d%02d%02d"


def _wall(value: datetime) -> str:
    """A DATE-TIME's digits as icalendar writes them: four-digit years even
    before 1000 (where `strftime("%Y")` writes three), and faster (so is `%`
    than an f-string's format specifications)."""
    return _WALL % (
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
    )


def _parts(lines: list[str]) -> Parts:
    """Join folded lines, cut after `DTSTAMP:` (always the third line here)."""
    head = "\r\n".join(fold(line) for line in lines[:2])
    tail = "\r\n".join(fold(line) for line in lines[2:])
    return [head + "\r\nDTSTAMP:", "\r\n" + tail + "\r\n"]


def todo_parts(task: Task, tz: tzinfo, form: ZoneForm) -> tuple[Parts, bool] | None:
    """A task's VTODO as `writer._todo` writes it, and whether it uses the zone;
    None for a recurring task (icalendar normalises the rule)."""
    if task.recurrence:
        return None
    lines = ["BEGIN:VTODO", f"UID:{escape(task.uuid)}"]
    lines.append(f"CREATED:{utc_text(task.created)}")
    lines.append(f"LAST-MODIFIED:{utc_text(task.modified)}")
    lines.append(f"SUMMARY:{escape(task.title)}")
    start, due = _todo_span(task, tz)
    zoned = False
    if start is not None:
        lines.append(_when("DTSTART", start, tz, form))
        zoned = isinstance(start, datetime)
    if due is not None:
        lines.append(_when("DUE", due, tz, form))
        zoned = zoned or isinstance(due, datetime)
    if task.priority in _PRIORITY:
        lines.append(f"PRIORITY:{_PRIORITY[task.priority]}")
    lines.append(f"STATUS:{_TASK_STATUS.get(task.status, 'NEEDS-ACTION')}")
    if task.status == "done":
        lines.append(f"COMPLETED:{utc_text(task.completed or task.modified)}")
        lines.append("PERCENT-COMPLETE:100")
    categories = _categories(task.tags, task.client)
    if categories:
        lines.append("CATEGORIES:" + ",".join(escape(c) for c in categories))
    if task.client:
        lines.append(f"X-VAWORKSPACE-CLIENT:{task.client}")  # X-: verbatim
    if task.notes:
        lines.append(f"DESCRIPTION:{escape(task.notes)}")
    lines.append("END:VTODO")
    return _parts(lines), zoned


def entry_parts(
    entry: TimeEntry,
    tz: tzinfo,
    form: ZoneForm,
    clients: dict[str, Client],
    tasks_by_id: dict[int, Task],
) -> Parts:
    """A time entry's busy VEVENT as `writer._entry_event` writes it (always zoned)."""
    task = tasks_by_id.get(entry.task) if entry.task is not None else None
    what = task.title if task is not None else (entry.note or "work")
    client = clients.get(entry.client) if entry.client else None
    who = client.name if client is not None else entry.client
    lines = ["BEGIN:VEVENT", f"UID:{escape(_entry_uid(entry))}"]
    lines.append(_when("DTSTART", entry.start, tz, form))
    lines.append(_when("DTEND", entry.end, tz, form))
    lines.append(f"SUMMARY:{escape(f'{who}: {what}' if who else what)}")
    if entry.client:
        lines.append(f"CATEGORIES:{escape(entry.client)}")
        lines.append(f"X-VAWORKSPACE-CLIENT:{entry.client}")
    if entry.note:
        lines.append(f"DESCRIPTION:{escape(entry.note)}")
    lines.append("TRANSP:OPAQUE")
    if task is not None:
        lines.append(f"RELATED-TO:{escape(task.uuid)}")
    lines.append(f"X-VAWORKSPACE-ENTRY:{entry.id}")
    lines.append(f"X-VAWORKSPACE-BILLABLE:{'TRUE' if entry.billable else 'FALSE'}")
    lines.append("END:VEVENT")
    return _parts(lines)


def block_parts(
    event: Event, tz: tzinfo, form: ZoneForm, tasks_by_id: dict[int, Task]
) -> tuple[Parts, bool] | None:
    """A stored-fields VEVENT as `writer._block_event` writes it, and whether it
    uses the zone; None for imported text, a rule or an overridden instance."""
    if event.raw or event.rrule or (event.recurrence_id and event.kind != "block"):
        return None
    lines = ["BEGIN:VEVENT", f"UID:{escape(_event_uid(event))}"]
    lines.append(_when("DTSTART", event.start, tz, form))
    lines.append(_when("DTEND", event.end, tz, form))
    zoned = isinstance(event.start, datetime) or isinstance(event.end, datetime)
    lines.append(f"SUMMARY:{escape(event.summary or NO_TITLE)}")
    if event.sequence:
        lines.append(f"SEQUENCE:{event.sequence}")
    lines.append(f"STATUS:{_EVENT_STATUS.get(event.status, 'CONFIRMED')}")
    if event.location:
        lines.append(f"LOCATION:{escape(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape(event.description)}")
    if event.client:
        lines.append(f"CATEGORIES:{escape(event.client)}")
        lines.append(f"X-VAWORKSPACE-CLIENT:{event.client}")
    if event.last_modified is not None:
        lines.append(f"LAST-MODIFIED:{utc_text(event.last_modified)}")
    if event.kind == "block":
        lines.append("TRANSP:OPAQUE")
    task = tasks_by_id.get(event.task) if event.task is not None else None
    if task is not None:
        lines.append(f"RELATED-TO:{escape(task.uuid)}")
    if event.task is not None:
        lines.append(f"X-VAWORKSPACE-TASK:{event.task}")
    lines.append("END:VEVENT")
    return _parts(lines), zoned
