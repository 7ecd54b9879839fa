"""One published feed, built from scratch from that feed's own items.

A feed is what `writer.export_calendar` writes for one client (or everyone),
byte for byte. Going through icalendar for every component is far too slow to
do after every `va add` (importing it alone costs more than the command), so
`build` writes our own components with `lines.py` and takes from the workspace
file what only icalendar can say (`Facts`, in `feed_facts.py`):

- an imported event's components, as icalendar re-writes its original text,
  kept with the event with a digest of the text it was made from;
- how icalendar writes a time in the user's zone and the VTIMEZONE it
  generates for a TZID.

Both are derived data, keyed by the installed icalendar (`ical_key`): when it is
missing or stale, it is rendered here through icalendar (the slow, correct path)
and handed back in `Facts.learned_*` so the service has the store keep it for
next time. Nothing is kept anywhere else, and nothing outlives the command but
the workspace file itself.

Reading the workspace file is the store's business, and ical/ does not import
store/ (sibling adapters): the service hands `build` the feed's items as the
store reads them (a `FeedSource`: domain objects, and `StoredEvent`s that carry
an event's kept text and decode the event only when asked).

The cost is the feed's own items: one pass over each table to pick them, and
one rendering each. The text is kept cut at each DTSTAMP value (`Feed`), so it
can be compared with the published file whatever moment that was stamped with.
"""

from __future__ import annotations

from datetime import tzinfo

from vaworkspace.ical.feed_facts import Facts
from vaworkspace.ical.lines import ZoneForm, fold, utc_text

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: a feed is built without importing typing
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date, datetime
    from typing import Protocol

    from vaworkspace.domain.calendar.event import Event
    from vaworkspace.domain.models import Client, Task, TimeEntry

    class StoredEvent(Protocol):
        """An event of the feed as the store keeps it (`store/feed_source.py`)."""

        id: int
        raw: str
        """Its original text ("" for a work block or an event made here)."""
        kept: object
        """The text rendered from `raw` and kept with it (`Facts.event_text`)."""
        uid: str
        kind: str
        recurrence_id: str | None
        start: date | datetime

        def event(self) -> Event: ...

    class FeedSource(Protocol):
        """The items of one feed (`store/feed_source.py`)."""

        def tasks(self) -> Sequence[Task]: ...
        def task(self, task_id: int) -> Task | None: ...
        def clients(self) -> dict[str, Client]: ...
        def entries(self) -> Sequence[TimeEntry]: ...
        def events(self) -> Sequence[StoredEvent]: ...


STAMP_WIDTH = len("19700101T000000Z")


class Feed:
    """A built feed: its text cut at each DTSTAMP value."""

    __slots__ = ("segments",)

    def __init__(self, segments: list[str]) -> None:
        self.segments = segments

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


def build(source: FeedSource, name: str, tz: tzinfo, facts: Facts) -> Feed:
    """The feed of the items `source` reads, named `name`."""
    builder = _Builder(source, tz, facts)
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
    """Renders one feed's items, in the writer's order."""

    def __init__(self, source: FeedSource, tz: tzinfo, facts: Facts) -> None:
        self.source, self.tz, self.facts = source, tz, facts
        self.used: set[str] = set()
        self.supplied: dict[str, str] = {}
        self._form: list = []

    def form(self) -> ZoneForm | None:
        if not self._form:
            self._form.append(self.facts.form(self.tz))
        return self._form[0]

    def tasks_by_id(self, *ids: int | None) -> dict[int, Task]:
        """The tasks of these ids that exist (an entry's, a block's)."""
        found = {}
        for task_id in ids:
            if task_id is not None:
                task = self.source.task(task_id)
                if task is not None:
                    found[task_id] = task
        return found

    def tasks(self) -> list:
        """(uuid, parts) per task, by UID (ties in table order, like the writer)."""
        from vaworkspace.ical.lines import todo_parts

        form = self.form()
        out = []
        for task in self.source.tasks():
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
        clients = self.source.clients()
        out = []
        for entry in self.source.entries():
            tasks = self.tasks_by_id(entry.task)
            if form is not None:
                parts = entry_parts(entry, self.tz, form, clients, tasks)
                self.used.update(form.uses)
            else:
                from vaworkspace.ical.components import SENTINEL, _cut
                from vaworkspace.ical.writer import _entry_event

                made = _entry_event(entry, self.tz, SENTINEL, clients, tasks)
                parts, uses = _cut(made, True)
                self.used.update(uses)
            out.append(((_utc(entry.start), _entry_uid(entry), "", 0), parts))
        return out

    def events(self) -> list:
        """(sort key, parts) per component of each event, in table order.

        An event whose kept text is current is not even turned into an `Event`:
        its sort key comes from what the store read of it (as
        `writer._event_uid` and `to_instant` make it)."""
        from vaworkspace.domain.dates import to_instant
        from vaworkspace.ical.writer import _event_uid

        out = []
        tz, facts = self.tz, self.facts
        for item in self.source.events():
            pieces = facts.event_text(item) if item.raw else None
            if pieces is not None:
                uid = item.uid
                if item.kind == "block" or not uid:
                    uid = f"block-{item.id}@vaworkspace"
                base = (to_instant(item.start, tz), uid, item.recurrence_id or "")
                for tzid, zone, uses in facts.zones_of(item):
                    self.supplied.setdefault(tzid, zone)
                    self.used.update(uses)
            else:
                event = item.event()
                base = (to_instant(event.start, tz), _event_uid(event), event.recurrence_id or "")
                pieces = self._event(event)
            for number, (parts, uses) in enumerate(pieces):
                out.append(((*base, number), parts))
                self.used.update(uses)
        return out

    def _event(self, event: Event) -> list:
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
