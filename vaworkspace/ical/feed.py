"""One published feed, rebuilt from the components that changed.

A feed is what `writer.export_calendar` writes for one client (or everyone),
byte for byte. Building it from scratch means rendering every component through
icalendar, which is far too slow to do after every `va add`. So a feed keeps a
`cache` (a JSON-ready dict the caller stores beside the workspace) holding each
component's text with the record it was rendered from. `build` walks the
feed's records, reuses every component whose record (and whatever else it
shows: a task's title, a client's name) is unchanged, renders only the others
(`lines.py` for ours, `components.py` through icalendar for the rest), and
assembles the calendar in the writer's order. Its cost is the feed's own items:
a dict comparison per record, and rendering only for what changed.

The cache checks itself rather than trusting to see every change: a record
edited by another process, a removed item or a new client name is found by
comparison. It is dropped whole when its `env` differs: another zone, another
vaworkspace or icalendar install, or a new cache format.

The DTSTAMP of the feed's components is the moment of writing; the text is kept
cut at those values (`Parts`), so `Feed.digest` tells whether the content
changed whatever the moment, and `Feed.data(moment)` stamps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo

from vaworkspace.ical.lines import ZoneForm, fold, utc_text

FORMAT = 1
UTC = timezone.utc
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


@dataclass(slots=True)
class Feed:
    """A built feed: its text cut at each DTSTAMP value, and how much was rendered."""

    segments: list[str]
    rendered: int
    cache: dict

    @property
    def digest(self) -> str:
        """Tells two contents apart (whatever their moment). Two zlib checksums
        rather than hashlib, whose import alone costs more than a feed update."""
        import zlib

        text = "\x00".join(self.segments).encode()
        return f"{len(text)}-{zlib.crc32(text):08x}-{zlib.adler32(text):08x}"

    def data(self, moment: datetime) -> bytes:
        return utc_text(moment).join(self.segments).encode()


def environment(tz: tzinfo) -> list:
    """What every cached text depends on besides the records: the cache is valid
    only for the same zone, format and installed code."""
    import os
    from importlib.util import find_spec

    from vaworkspace import __version__

    spec = find_spec("icalendar")
    origin = spec.origin if spec is not None and spec.origin else ""
    try:
        st = os.stat(origin)
        installed = [origin, st.st_mtime_ns, st.st_size]
    except OSError:
        installed = [origin]
    return [FORMAT, str(getattr(tz, "key", tz)), __version__, installed]


def build(doc: dict, client_id: str | None, name: str, tz: tzinfo, cache: dict | None) -> Feed:
    """The feed of `client_id` (None: everyone) over the workspace document `doc`."""
    env = environment(tz)
    if not cache or cache.get("env") != env:
        cache = {"env": env, "tasks": {}, "entries": {}, "events": {}, "zones": {}}
    builder = _Builder(doc, client_id, tz, cache)
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
    return Feed(segments, builder.rendered, builder.fresh)


class _Builder:
    """Walks one feed's records against the old cache, filling a fresh one."""

    def __init__(self, doc: dict, client_id: str | None, tz: tzinfo, cache: dict) -> None:
        self.doc, self.client_id, self.tz, self.old = doc, client_id, tz, cache
        self.fresh = {"env": cache["env"], "zones": dict(cache["zones"])}
        if "form" in cache:
            self.fresh["form"] = cache["form"]
        self.rendered = 0
        self.used: set[str] = set()
        self.supplied: dict[str, str] = {}
        self._tasks: dict[int, object] = {}
        self._clients: dict | None = None

    # -- what the components need ------------------------------------------------

    def mine(self, table: str) -> list[tuple[str, dict]]:
        """The feed's records of a table, in table order (the one scan of it)."""
        records = self.doc[table]
        client = self.client_id
        if client is None:
            return list(records.items())
        return [(key, r) for key, r in records.items() if r.get("client") == client]

    def form(self) -> ZoneForm | None:
        if "form" not in self.fresh:
            from vaworkspace.ical.components import zone_form

            found = zone_form(self.tz)
            stored = None if found is None else [found.param, found.suffix, list(found.uses)]
            self.fresh["form"] = stored
        stored = self.fresh["form"]
        return None if stored is None else ZoneForm(stored[0], stored[1], tuple(stored[2]))

    def task_record(self, task_id) -> dict | None:
        return self.doc["tasks"].get(str(task_id)) if task_id is not None else None

    def tasks_by_id(self, *ids) -> dict:
        from vaworkspace.store.records import task_from_record

        for task_id in ids:
            record = self.task_record(task_id)
            if record is not None and task_id not in self._tasks:
                self._tasks[task_id] = task_from_record(task_id, record)
        return self._tasks

    def clients(self) -> dict:
        if self._clients is None:
            from vaworkspace.store.records import client_from_record

            built = (client_from_record(r) for r in self.doc["clients"].values())
            self._clients = {client.id: client for client in built}
        return self._clients

    # -- the three kinds of items ------------------------------------------------

    def tasks(self) -> list:
        """[uuid, parts] per task, by UID (ties in table order, like the writer)."""
        old, fresh = self.old.get("tasks", {}), {}
        out = []
        for key, record in self.mine("tasks"):
            hit = old.get(key)
            if hit is None or hit[0] != record:
                hit = [record, *self._task(int(key), record)]
                self.rendered += 1
            fresh[key] = hit
            self.used.update(hit[3])
            out.append((hit[1], hit[2]))
        self.rendered += len(old.keys() - fresh.keys())
        self.fresh["tasks"] = fresh
        out.sort(key=lambda item: item[0])
        return out

    def _task(self, task_id: int, record: dict) -> list:
        from vaworkspace.ical.lines import todo_parts
        from vaworkspace.store.records import task_from_record

        task = task_from_record(task_id, record)
        form = self.form()
        fast = todo_parts(task, self.tz, form) if form is not None else None
        if fast is not None:
            parts, zoned = fast
            return [task.uuid, parts, list(form.uses) if zoned else []]
        from vaworkspace.ical.components import todo_piece

        parts, uses = todo_piece(task, self.tz)
        return [task.uuid, parts, uses]

    def entries(self) -> list:
        """[sort key, parts] per time entry, in table order."""
        from vaworkspace.store.records import decode_instant

        old, fresh = self.old.get("entries", {}), {}
        out = []
        names = {r.get("id"): r.get("name") for r in self.doc["clients"].values()}
        for key, record in self.mine("entries"):
            task = self.task_record(record.get("task"))
            shown = [task["title"], task["uuid"]] if task is not None else None
            fingerprint = [record, shown, names.get(record.get("client"))]
            hit = old.get(key)
            if hit is None or hit[0] != fingerprint:
                start = decode_instant(record["start"]).replace(microsecond=0)
                sort_key = [_micros(start), f"entry-{key}@vaworkspace", "", 0]
                hit = [fingerprint, sort_key, *self._entry(int(key), record)]
                self.rendered += 1
            fresh[key] = hit
            self.used.update(hit[3])
            out.append((hit[1], hit[2]))
        self.rendered += len(old.keys() - fresh.keys())
        self.fresh["entries"] = fresh
        return out

    def _entry(self, entry_id: int, record: dict) -> list:
        from vaworkspace.ical.lines import entry_parts
        from vaworkspace.store.records import entry_from_record

        entry = entry_from_record(entry_id, record)
        tasks = self.tasks_by_id(entry.task)
        form = self.form()
        if form is not None:
            return [entry_parts(entry, self.tz, form, self.clients(), tasks), list(form.uses)]
        from vaworkspace.ical.components import _cut
        from vaworkspace.ical.writer import _entry_event

        from_icalendar = _entry_event(entry, self.tz, _sentinel(), self.clients(), tasks)
        return list(_cut(from_icalendar, True))

    def events(self) -> list:
        """[sort key, parts] per component of each event, in table order."""
        old, fresh = self.old.get("events", {}), {}
        out = []
        for key, record in self.mine("events"):
            task = self.task_record(record.get("task"))
            fingerprint = [record, task["uuid"] if task is not None else None]
            hit = old.get(key)
            if hit is None or hit[0] != fingerprint:
                hit = [fingerprint, *self._event(int(key), record)]
                self.rendered += 1
            fresh[key] = hit
            for sort_key, parts, uses in hit[1]:
                out.append((sort_key, parts))
                self.used.update(uses)
            for tzid, text, uses in hit[2]:
                self.supplied.setdefault(tzid, text)
                self.used.update(uses)
        self.rendered += len(old.keys() - fresh.keys())
        self.fresh["events"] = fresh
        return out

    def _event(self, event_id: int, record: dict) -> list:
        from vaworkspace.domain.dates import to_instant
        from vaworkspace.ical.lines import block_parts
        from vaworkspace.ical.writer import _event_uid
        from vaworkspace.store.records import event_from_record

        event = event_from_record(event_id, record)
        tasks = self.tasks_by_id(event.task)
        base = [_micros(to_instant(event.start, self.tz)), _event_uid(event)]
        base.append(event.recurrence_id or "")
        form = self.form()
        fast = block_parts(event, self.tz, form, tasks) if form is not None else None
        if fast is not None:
            parts, zoned = fast
            return [[[*base, 0], parts, list(form.uses) if zoned else []]], []
        from vaworkspace.ical.components import event_pieces

        pieces, supplied = event_pieces(event, self.tz, tasks)
        found = [[[*base, n], parts, uses] for n, (parts, uses) in enumerate(pieces)]
        return found, [list(zone) for zone in supplied]

    def zones(self) -> list[str]:
        """The VTIMEZONEs: imported ones first, generated for the other TZIDs used."""
        zones = dict(self.supplied)
        known = self.fresh["zones"]
        for tzid in sorted(self.used - zones.keys() - {"UTC"}):
            if tzid not in known:
                from vaworkspace.ical.components import generated_zone

                known[tzid] = generated_zone(tzid)
                self.rendered += 1
            if known[tzid] is not None:
                zones[tzid] = known[tzid]
        return [zones[tzid] for tzid in sorted(zones)]


def _micros(moment: date | datetime) -> int:
    """An instant as whole microseconds since 1970 (sortable, exact, JSON-ready)."""
    return (moment - EPOCH) // MICROSECOND


def _sentinel() -> datetime:
    from vaworkspace.ical.components import SENTINEL

    return SENTINEL
