"""Reading a client's .ics file into events and tasks, one component at a time.

Files come from Google, Outlook/Exchange, Apple, Nextcloud and hand-made scripts,
and many are a little broken. So the text is first split into its top-level
components by a small scanner of our own (it knows each one's line number and
survives a missing END), then each component is parsed and checked on its own: a
bad one is skipped with its line and reason, the others are imported. Only a file
that is not a calendar at all raises `ImportFileError`.

Times: instants become aware UTC datetimes, all-day values stay dates (DTEND
exclusive). A floating time is the calendar's X-WR-TIMEZONE if it has one, else the
user's zone. A TZID nothing defines is read in that same zone, with a warning.
A RECURRENCE-ID is kept as canonical text, see `zones.recurrence_id_text`.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from vaworkspace.domain.calendar.event import Event
from vaworkspace.errors import ImportFileError
from vaworkspace.i18n import _
from vaworkspace.ical import zones
from vaworkspace.ical.normalise import normalise
from vaworkspace.ical.properties import (
    categories_of,
    check_listed_dates,
    event_status,
    integer,
    priority_of,
    tags_of,
    text_of,
    valid_rule,
)
from vaworkspace.ical.scan import Block, decode, header_properties, recover_values, scan
from vaworkspace.ical.spans import repair_span
from vaworkspace.ical.zones import Unusable, one, when

MAX_BYTES = 10 * 1024 * 1024
"""Larger files are refused: a year of a busy agenda is well under 1 MB."""


_CRITICAL = frozenset(
    {"DTSTART", "DTEND", "DURATION", "DUE", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"}
    | {"UID", "STATUS", "COMPLETED"}
)
"""Properties whose loss would make the event wrong rather than just poorer."""

_TODO_STATUS = {
    "NEEDS-ACTION": "todo",
    "IN-PROCESS": "todo",
    "COMPLETED": "done",
    "CANCELLED": "cancelled",
}


@dataclass(slots=True)
class ImportedTodo:
    """A VTODO, in task terms; the service decides client, inbox and identity."""

    uid: str
    title: str
    due: date | datetime | None = None
    start: date | datetime | None = None  # DTSTART: when to start (Task.scheduled)
    priority: str | None = None  # PRIORITY 1-4 high, 5 medium, 6-9 low
    status: str = "todo"  # "todo", "done" or "cancelled"
    completed: datetime | None = None
    tags: list[str] = field(default_factory=list)  # CATEGORIES "Client Work" -> "client-work"
    notes: str = ""
    rrule: str | None = None  # canonical RRULE text, without "RRULE:"
    last_modified: datetime | None = None
    sequence: int = 0
    categories: list[str] = field(default_factory=list)  # as written, to match clients
    created: datetime | None = None


@dataclass(slots=True)
class ReadResult:
    """What a file holds; `events` have id 0 until the store numbers them."""

    events: list[Event] = field(default_factory=list)
    todos: list[ImportedTodo] = field(default_factory=list)
    calendar_name: str | None = None  # X-WR-CALNAME
    skipped: list[str] = field(default_factory=list)  # 'line 42, UID abc ("Call"): why'
    warnings: list[str] = field(default_factory=list)
    cancelled_uids: list[tuple[str, str | None]] = field(default_factory=list)
    cut_short: bool = False  # the file ends inside a component or before END:VCALENDAR


def read_calendar(data: bytes, source: str, tz: tzinfo) -> ReadResult:
    """Read the events and tasks of an .ics file; `tz` is the user's zone.

    Raises `ImportFileError` (naming `source`) only when the bytes are not a
    calendar at all or exceed `MAX_BYTES`; anything wrong inside a component is
    reported in `skipped` or `warnings` and the rest is still read.
    """
    if len(data) > MAX_BYTES:
        size = len(data) / 1024 / 1024
        said = _(
            "{source} is {size} MB; the limit is {limit} MB for one calendar file — "
            "is it really a calendar?"
        )
        limit = MAX_BYTES // 1024 // 1024
        raise ImportFileError(said.format(source=source, size=f"{size:.1f}", limit=limit))
    text, notes = decode(data, source)
    layout = scan(text, source)
    with warnings.catch_warnings():  # icalendar's own warnings would land on the terminal
        warnings.simplefilter("ignore")
        found = _Reader(source, tz, layout.header, layout.blocks, notes + layout.warnings).read()
    found.cut_short = layout.cut_short
    return found


class _Reader:
    """One file's context: its zones, name, METHOD, and the result being built."""

    def __init__(
        self, source: str, tz: tzinfo, header: list[str], blocks: list[Block], notes: list[str]
    ) -> None:
        props = header_properties(header)
        self.source, self.blocks = source, blocks
        self.result = ReadResult(calendar_name=props.get("X-WR-CALNAME") or None, warnings=notes)
        self.method = props.get("METHOD", "").upper()
        self.wr_zone = self._wr_zone(props.get("X-WR-TIMEZONE"), tz)
        self.floating = self.wr_zone or tz
        self.zones = zones.FileZones(self._vtimezones())
        self.made_uids: dict[str, int] = {}  # basis of a made UID -> components seen

    def _wr_zone(self, name: str | None, tz: tzinfo) -> tzinfo | None:
        """Google's X-WR-TIMEZONE: the zone of the feed's UTC and floating times."""
        if not name:
            return None
        from zoneinfo import ZoneInfo

        iana = zones.iana_name(name)
        if iana is None:
            self.result.warnings.append(
                f'X-WR-TIMEZONE "{name}" is unknown; floating times were read as {_label(tz)}'
            )
            return None
        return ZoneInfo(iana)

    def _vtimezones(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for block in self.blocks:
            if block.name != "VTIMEZONE" or block.problem:
                continue
            try:
                component = _parse(block.text)
                found.setdefault(str(component["TZID"]), component)
            except Exception as error:  # its events will report the TZID as unknown
                self.result.warnings.append(f"line {block.line}: unreadable VTIMEZONE ({error})")
        return found

    def read(self) -> ReadResult:
        ignored: dict[str, int] = {}
        for block in self.blocks:
            if block.name in ("VEVENT", "VTODO"):
                self._read_block(block)
            elif block.name != "VTIMEZONE":
                ignored[block.name] = ignored.get(block.name, 0) + 1
        for name, count in ignored.items():
            self.result.warnings.append(
                f"ignored {count} {name} component(s): only events and tasks are imported"
            )
        self.result.events = self._newest(self.result.events, lambda e: (e.uid, e.recurrence_id))
        self.result.todos = self._newest(self.result.todos, lambda t: (t.uid, None))
        for notes in (self.result.skipped, self.result.warnings):  # one line each, always
            notes[:] = [" ".join(note.split()) for note in notes]
        return self.result

    def _read_block(self, block: Block) -> None:
        uid, summary = block.peek("UID"), block.peek("SUMMARY")
        cancelled = False
        try:
            if block.problem:
                raise Unusable(block.problem)
            check_listed_dates(block)
            text, recovered = recover_values(block.text)
            component = _parse(text)
            uid, summary = (
                text_of(component, "UID") or uid,
                text_of(component, "SUMMARY") or summary,
            )
            self._check_errors(component, block.who(uid, summary))
            for name in recovered:
                self.result.warnings.append(
                    f"{block.who(uid, summary)}: {name} had its time inside the TZID quotes; "
                    "read the time after them"
                )
            unknown, private = zones.localize_component(component, self.zones, self.floating)
            uid = uid or self._made_uid(component, block, summary)
            who = block.who(uid, summary)
            for tzid in unknown:
                self.result.warnings.append(
                    f'{who}: time zone "{tzid}" is unknown; its times were read as '
                    f"{_label(self.floating)} — check them"
                )
            rid = self._recurrence_id(component, who)
            status = text_of(component, "STATUS").upper()
            cancelled = self.method == "CANCEL" or status == "CANCELLED"
            if cancelled:
                self.result.cancelled_uids.append((uid, rid))
            if block.name == "VTODO":
                self.result.todos.append(self._todo(component, uid, rid))
            else:
                self.result.events.append(self._event(component, uid, rid, private, who))
        except Unusable as skip:
            if not cancelled:  # a cancellation needs no times: its identity is enough
                self.result.skipped.append(f"{block.who(uid, summary)}: {skip}")
        except Exception as error:  # whatever a damaged component makes the libraries raise
            self.result.skipped.append(f"{block.who(uid, summary)}: unreadable ({error})")

    def _check_errors(self, component: Any, who: str) -> None:
        """Skip on errors that falsify times or identity; warn about the others."""
        for name, message in component.errors:
            prop = name or _line_name(message)
            if prop is None or prop.upper() in _CRITICAL:
                raise Unusable(f"unreadable {prop or 'line'}: {message}")
            self.result.warnings.append(f"{who}: imported without its unreadable {prop}")

    def _made_uid(self, component: Any, block: Block, summary: str) -> str:
        """A UID from what identifies the component, so a re-import matches it again.

        Two components alike in kind, summary and start are told apart by their
        order in the file (the second gets `-2`): both are kept, and the first
        keeps the UID it always had.
        """
        start = component.get("DTSTART")
        basis = f"{block.name}|{summary}|{start.to_ical() if start is not None else ''}"
        uid = "vaworkspace-" + hashlib.sha1(basis.encode(), usedforsecurity=False).hexdigest()[:16]
        seen = self.made_uids[basis] = self.made_uids.get(basis, 0) + 1
        if seen > 1:
            uid = f"{uid}-{seen}"
        component.add("UID", uid)
        self.result.warnings.append(
            f"{block.who(None, summary)}: no UID; gave it {uid} so re-imports match it"
        )
        return uid

    def _recurrence_id(self, component: Any, who: str) -> str | None:
        prop = one(component, "RECURRENCE-ID")
        if prop is None:
            return None
        if not isinstance(prop.dt, date):
            raise Unusable("RECURRENCE-ID is not a date or date-time")
        # RANGE=THISANDFUTURE stays in `raw`: the agenda's expansion
        # (recurring-ical-events) applies it to this and every later instance.
        return zones.recurrence_id_text(prop.dt, self.floating)

    def _event(self, component: Any, uid: str, rid: str | None, private: list, who: str) -> Event:
        if self.wr_zone is not None:
            component = zones.standardize(component, self.wr_zone)
        for note in repair_span(component):
            self.result.warnings.append(f"{who}: {note}")
        normalise(component)  # stored as `va export` writes it, so a round trip is no change
        start_prop = one(component, "DTSTART")
        if start_prop is None:
            raise Unusable("no DTSTART")
        start = when(start_prop, "DTSTART")
        end = zones.end_of(component, start)
        first, last = zones.stored(start, self.floating), zones.stored(end, self.floating)
        if last < first:  # end_of keeps both the same kind
            raise Unusable("DTEND before DTSTART")
        if last == first and not isinstance(first, datetime):
            last = first + timedelta(days=1)  # DTEND = DTSTART on a date: meant one day
        status = text_of(component, "STATUS").lower()
        raw = component.to_ical(sorted=False).decode()
        if private:  # its TZIDs mean something only with their VTIMEZONEs beside them
            zone_text = "".join(zone.vtimezone for zone in private)
            raw = f"{_WRAP_START}{zone_text}{raw}END:VCALENDAR\r\n"
        return Event(
            id=0,
            uid=uid,
            summary=text_of(component, "SUMMARY"),
            start=first,
            end=last,
            recurrence_id=rid,
            sequence=integer(component.get("SEQUENCE")) or 0,
            rrule=self._rrule(component),
            status="cancelled" if self.method == "CANCEL" else event_status(status),
            tzid=zones.zone_name(start_prop),
            calendar=self.result.calendar_name or self.source,
            location=text_of(component, "LOCATION"),
            description=text_of(component, "DESCRIPTION"),
            last_modified=zones.last_modified(component),
            raw=raw,
        )

    def _todo(self, component: Any, uid: str, rid: str | None) -> ImportedTodo:
        if rid is not None:
            raise Unusable("an edited instance of a recurring task (RECURRENCE-ID) is not imported")
        start_prop, due_prop = one(component, "DTSTART"), one(component, "DUE")
        start = when(start_prop, "DTSTART") if start_prop is not None else None
        due = when(due_prop, "DUE") if due_prop is not None else None
        duration = one(component, "DURATION")
        if due is None and start is not None and isinstance(getattr(duration, "dt", 0), timedelta):
            due = zones.add_duration(start, duration.dt)
        status = text_of(component, "STATUS").upper()
        completed = zones.instant(component.get("COMPLETED"))
        categories = categories_of(component)
        return ImportedTodo(
            uid=uid,
            title=text_of(component, "SUMMARY") or "(no title)",
            due=zones.stored(due, self.floating) if due is not None else None,
            start=zones.stored(start, self.floating) if start is not None else None,
            priority=priority_of(component.get("PRIORITY")),
            status=_TODO_STATUS.get(status, "done" if completed and not status else "todo"),
            completed=completed,
            tags=tags_of(categories),
            notes=text_of(component, "DESCRIPTION"),
            rrule=self._rrule(component),
            last_modified=zones.last_modified(component),
            sequence=integer(component.get("SEQUENCE")) or 0,
            categories=categories,
            created=zones.instant(component.get("CREATED")),
        )

    def _rrule(self, component: Any) -> str | None:
        """The canonical RRULE, checked by the same rules as task recurrences."""
        value = component.get("RRULE")
        if value is None:
            return None
        texts = [
            rule.to_ical().decode() for rule in (value if isinstance(value, list) else [value])
        ]
        rules = [valid_rule(text) for text in texts]
        if len(rules) > 1:
            uid = text_of(component, "UID")
            self.result.warnings.append(
                f"UID {uid}: has {len(rules)} RRULEs; only the first is shown in summaries"
            )
        return rules[0]

    def _newest(self, items: list, key: Any) -> list:
        """One item per identity: the highest SEQUENCE, then the latest LAST-MODIFIED."""
        kept: dict[Any, Any] = {}
        for item in items:
            other = kept.get(key(item))
            if other is not None:
                uid, rid = key(item)
                instance = f" (instance {rid})" if rid else ""
                self.result.warnings.append(f"UID {uid}{instance} appears twice; kept the newer")
                if _version(other) >= _version(item):
                    continue
            kept[key(item)] = item
        return list(kept.values())


_WRAP_START = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//vaworkspace//import//EN\r\n"


def _parse(text: str) -> Any:
    from icalendar import Component

    return Component.from_ical(text)


def _version(item: Event | ImportedTodo) -> tuple[int, datetime]:
    return item.sequence, item.last_modified or datetime.min.replace(tzinfo=zones.UTC)


def _line_name(message: str) -> str | None:
    """The property name in icalendar's "could not be parsed" message, if it shows."""
    found = re.search(r"parts: '([^;:']+)[;:]", message)
    return found.group(1) if found else None


def _label(tz: tzinfo) -> str:
    return getattr(tz, "key", None) or str(tz)
