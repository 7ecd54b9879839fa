"""One published feed, built from scratch from that feed's own records.

A feed is what `writer.export_calendar` writes for one client (or everyone),
byte for byte. Going through icalendar for every component is far too slow to
do after every `va add` (importing it alone costs more than the command), so
`build` writes our own components with `lines.py` and takes from the workspace
file what only icalendar can say (`Facts`, in `feed_facts.py`):

- an imported event's components, as icalendar re-writes its original text:
  kept in the event record's `ics` field with a digest of the text it was made
  from (`event_text`);
- how icalendar writes a time in the user's zone and the VTIMEZONE it
  generates for a TZID: kept in one `state` record (kind `ical-facts`).

Both are derived data, keyed by the installed icalendar (`ical_key`): when it is
missing or stale, it is rendered here through icalendar (the slow, correct path)
and handed back in `Facts.learned_*` so the service stores it for next time.
Nothing is kept anywhere else, and nothing outlives the command but the
workspace file itself.

Turning a stored record into a domain object is the store's business, and ical/
does not import store/ (sibling adapters): the service hands `build` the
store's decoders (`Decoders`), and the builder calls them on the records the
feed shows only, when it needs them.

The cost is the feed's own items: one pass over each table to pick them, and
one rendering each. The text is kept cut at each DTSTAMP value (`Feed`), so it
can be compared with the published file whatever moment that was stamped with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from typing import TYPE_CHECKING

from vaworkspace.ical.feed_facts import Facts
from vaworkspace.ical.lines import ZoneForm, fold, utc_text

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from datetime import date, datetime
    from typing import Any

    from vaworkspace.domain.calendar.event import Event
    from vaworkspace.domain.models import Client, Task, TimeEntry

STAMP_WIDTH = len("19700101T000000Z")


@dataclass(frozen=True, slots=True)
class Decoders:
    """How stored records become domain objects, from the store (via the service):
    `task`, `entry` and `event` take the record's id and the record, `client` the
    record, `when` one stored date or time value."""

    task: Callable[[int, dict], Task]
    entry: Callable[[int, dict], TimeEntry]
    event: Callable[[int, dict], Event]
    client: Callable[[dict], Client]
    when: Callable[[str], date | datetime]


@dataclass(slots=True)
class Feed:
    """A built feed: its text cut at each DTSTAMP value."""

    segments: list[str]

    def data(self, moment: datetime) -> bytes:
        return utc_text(moment).join(self.segments).encode()

    def same_as(self, published: bytes) -> bool:
        """Whether `published` is this feed stamped with any one moment."""
        try:
            text = published.decode()
        except UnicodeDecodeError:
            return False
        at, stamp = 0, None
        last = len(self.segments) - 1
        for number, segment in enumerate(self.segments):
            if not text.startswith(segment, at):
                return False
            at += len(segment)
            if number < last:
                found = text[at : at + STAMP_WIDTH]
                if stamp is None:
                    stamp = found
                if found != stamp or len(found) != STAMP_WIDTH or not found.endswith("Z"):
                    return False
                at += STAMP_WIDTH
        return at == len(text)


def build(
    doc: Mapping[str, Any],
    client_id: str | None,
    name: str,
    tz: tzinfo,
    facts: Facts,
    decoders: Decoders,
) -> Feed:
    """The feed of `client_id` (None: everyone) over the workspace document `doc`,
    whose records `decoders` read."""
    builder = _Builder(doc, client_id, tz, facts, decoders)
    todos = builder.tasks()
    timed = builder.entries() + builder.events()
    timed.sort(key=lambda item: item[0])
    zones = builder.zones()
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vaworkspace//vaworkspace 0.1//EN"]
    head.append("CALSCALE:GREGORIAN")
    if name:
        head.append(fold(f"X-WR-CALNAME:{name}"))  # an X- value: icalendar keeps it verbatim
    segments: list[str] = []
    current = ["\r\n".join(head), "\r\n", *zones]
    for parts in [*(t[1] for t in todos), *(t[1] for t in timed)]:
        current.append(parts[0])
        if len(parts) == 2:
            segments.append("".join(current))
            current = [parts[1]]
    current.append("END:VCALENDAR\r\n")
    segments.append("".join(current))
    return Feed(segments)


class _Builder:
    """Renders one feed's records, in the writer's order."""

    def __init__(
        self,
        doc: Mapping[str, Any],
        client_id: str | None,
        tz: tzinfo,
        facts: Facts,
        decoders: Decoders,
    ) -> None:
        self.doc, self.client_id, self.tz, self.facts = doc, client_id, tz, facts
        self.decode = decoders
        self.used: set[str] = set()
        self.supplied: dict[str, str] = {}
        self._tasks: dict[int, object] = {}
        self._clients: dict | None = None
        self._own: dict | None = None
        self._form: list = []

    def mine(self, table: str) -> list[tuple[str, dict]]:
        """The feed's records of a table, in table order (the one scan of it)."""
        client = self.client_id
        if client is not None:  # the file's client index parses this client's alone
            pick = getattr(self.doc, "client_records", None)
            picked = pick(table, client) if pick is not None else None
            if picked is not None:
                return list(picked.items())
        records = self.doc.get(table) or {}
        if client is None:
            return list(records.items())
        return [(key, r) for key, r in records.items() if r.get("client") == client]

    def form(self) -> ZoneForm | None:
        if not self._form:
            self._form.append(self.facts.form(self.tz))
        return self._form[0]

    def own_tasks(self) -> dict:
        """The feed's tasks by id: the open ones, then the closed ones."""
        if self._own is None:
            self._own = dict([*self.mine("tasks"), *self.mine("closed_tasks")])
        return self._own

    def tasks_by_id(self, *ids) -> dict:
        for task_id in ids:
            record = None
            if task_id is not None:  # the feed's own tasks first: they are parsed already
                key = str(task_id)
                record = self.own_tasks().get(key)
                if record is None:
                    record = self.doc["tasks"].get(key)
                if record is None:
                    record = (self.doc.get("closed_tasks") or {}).get(key)
            if record is not None and task_id not in self._tasks:
                self._tasks[task_id] = self.decode.task(task_id, record)
        return self._tasks

    def clients(self) -> dict:
        if self._clients is None:
            built = (self.decode.client(r) for r in self.doc["clients"].values())
            self._clients = {client.id: client for client in built}
        return self._clients

    def tasks(self) -> list:
        """(uuid, parts) per task, by UID (ties in table order, like the writer)."""
        from vaworkspace.ical.lines import todo_parts

        form = self.form()
        out = []
        for key, record in self.own_tasks().items():
            task = self.decode.task(int(key), record)
            fast = todo_parts(task, self.tz, form) if form is not None else None
            if fast is not None:
                parts, zoned = fast
                if zoned:
                    self.used.update(form.uses)  # type: ignore[union-attr]
            else:
                from vaworkspace.ical.components import todo_piece

                parts, uses = todo_piece(task, self.tz)
                self.used.update(uses)
            out.append((task.uuid, parts))
        out.sort(key=lambda item: item[0])
        return out

    def entries(self) -> list:
        """(sort key, parts) per time entry, in table order."""
        from vaworkspace.ical.lines import entry_parts
        from vaworkspace.ical.writer import _entry_uid, _utc

        form = self.form()
        out = []
        for key, record in self.mine("entries"):
            entry = self.decode.entry(int(key), record)
            tasks = self.tasks_by_id(entry.task)
            if form is not None:
                parts = entry_parts(entry, self.tz, form, self.clients(), tasks)
                self.used.update(form.uses)
            else:
                from vaworkspace.ical.components import SENTINEL, _cut
                from vaworkspace.ical.writer import _entry_event

                made = _entry_event(entry, self.tz, SENTINEL, self.clients(), tasks)
                parts, uses = _cut(made, True)
                self.used.update(uses)
            out.append(((_utc(entry.start), _entry_uid(entry), "", 0), parts))
        return out

    def events(self) -> list:
        """(sort key, parts) per component of each event, in table order.

        An event whose kept text is current is not even turned into an `Event`:
        its sort key comes from the record (as `writer._event_uid` and
        `to_instant` make it)."""
        from vaworkspace.domain.dates import to_instant
        from vaworkspace.ical.writer import _event_uid

        out = []
        tz, facts, decode = self.tz, self.facts, self.decode
        for key, record in self.mine("events"):
            pieces = facts.event_text(key, record, decode.event) if record.get("raw") else None
            if pieces is not None:
                uid = record["uid"]
                if record.get("kind", "event") == "block" or not uid:
                    uid = f"block-{key}@vaworkspace"
                start = to_instant(decode.when(record["start"]), tz)
                base = (start, uid, record.get("recurrence_id") or "")
                for tzid, zone, uses in facts.zones_of(key, record):
                    self.supplied.setdefault(tzid, zone)
                    self.used.update(uses)
            else:
                event = decode.event(int(key), record)
                base = (to_instant(event.start, tz), _event_uid(event), event.recurrence_id or "")
                pieces = self._event(event)
            for number, (parts, uses) in enumerate(pieces):
                out.append(((*base, number), parts))
                self.used.update(uses)
        return out

    def _event(self, event) -> list:
        """A work block (or an event whose text cannot be read) from its fields."""
        from vaworkspace.ical.lines import block_parts

        tasks = self.tasks_by_id(event.task)
        form = self.form()
        fast = block_parts(event, self.tz, form, tasks) if form is not None else None
        if fast is not None:
            parts, zoned = fast
            return [[parts, list(form.uses) if zoned else []]]  # type: ignore[union-attr]
        from vaworkspace.ical.components import block_piece

        return [list(block_piece(event, self.tz, tasks))]

    def zones(self) -> list[str]:
        """The VTIMEZONEs: imported ones first, generated for the other TZIDs used."""
        zones = dict(self.supplied)
        for tzid in sorted(self.used - zones.keys() - {"UTC"}):
            text = self.facts.zone(tzid)
            if text is not None:
                zones[tzid] = text
        return [zones[tzid] for tzid in sorted(zones)]
