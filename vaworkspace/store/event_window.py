"""The `events` table read for a window, and its series' stored expansions kept fresh.

The agenda's hot path reads stored records without building every event: a single
event is built only if its stored text says it may touch the window (stored
instants order like the instants, dates first), and a recurring series is answered
from the expansion a calendar write stored in its master record (`series.py`) when
that is current and covers the window. A series without a usable one is handed
back as its events, for the service to expand with `ical/` (which this layer may
not import); `refresh_series` likewise asks the service to expand, and keeps the
result in the master record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from vaworkspace.domain.calendar.event import Event
from vaworkspace.domain.calendar.occurrences import overlaps
from vaworkspace.store import series as stored_series
from vaworkspace.store.instants import encode_instant
from vaworkspace.store.records import event_from_record

TYPE_CHECKING = False
if TYPE_CHECKING:  # the agenda never pays for `collections.abc`
    from collections.abc import Callable, Mapping
    from datetime import tzinfo
    from typing import Any

    Record = dict[str, Any]

    Expand = Callable[[list[Event], datetime, datetime], "tuple[list[Found], datetime] | None"]
    """A series' occurrences from start to end and the instant up to which they are
    exact; None when it cannot be expanded (the agenda says why, later)."""

Found = tuple[Event, "date | datetime", "date | datetime"]


@dataclass(slots=True)
class WindowRead:
    """What the stored records answer for a window: occurrences found (unsorted),
    series cut at the cap as (uid, summary), and the series to expand, as events."""

    found: list[Found] = field(default_factory=list)
    cut: list[tuple[str, str]] = field(default_factory=list)
    missed: list[list[Event]] = field(default_factory=list)


def is_series_record(record: Mapping[str, Any]) -> bool:
    """`ical.expand.is_series` on the stored record, without building the event."""
    raw = record.get("raw")
    if not raw:
        return False
    if record.get("rrule") or record.get("recurrence_id") is not None:
        return True
    return "\nRDATE" in raw or "\nEXDATE" in raw


def read_window(
    events: Mapping[Any, Record], start: datetime, end: datetime, tz: tzinfo, cap: int
) -> WindowRead:
    """The occurrences overlapping [start, end) that the `events` table (raw records
    by document id) answers by itself, a series giving at most `cap` of them."""
    lowest = (start - timedelta(days=1)).date().isoformat()
    highest = (end + timedelta(days=1)).date().isoformat()
    read = WindowRead()
    series: dict[str, list[tuple[int, Record]]] = {}
    for doc_id, record in events.items():
        if is_series_record(record):
            series.setdefault(record["uid"], []).append((int(doc_id), record))
        elif (
            record["start"] < highest  # stored text orders like the instants, dates first
            and record["end"] >= lowest
            and record.get("status") != "cancelled"
        ):
            event = event_from_record(int(doc_id), record)
            if overlaps(event.start, event.end, start, end, tz):
                read.found.append((event, event.start, event.end))
    first, last = encode_instant(start), encode_instant(end)
    for members in series.values():
        master = next((r for _, r in members if "recurrence_id" not in r), members[0][1])
        stored = master.get(stored_series.KEY)
        plain = [record for _, record in members]
        if stored is None or not stored_series.usable(stored, plain, tz, first, last):
            read.missed.append([event_from_record(i, r) for i, r in members])
            continue
        mine, cut = stored_series.occurrences(stored, _Members(members), start, end, tz, cap)
        read.found += mine
        if cut:
            read.cut.append((master["uid"], master.get("summary", "")))
    return read


class _Members:
    """A series' events by RECURRENCE-ID (None: the master), built when first asked."""

    def __init__(self, members: list[tuple[int, Record]]) -> None:
        self.members = members
        self.built: dict[str | None, Event] = {}

    def __call__(self, rid: str | None) -> Event:
        event = self.built.get(rid)
        if event is None:
            found = [(i, r) for i, r in self.members if r.get("recurrence_id") == rid]
            if not found:  # an override gone since: its occurrence is the master's
                return self(None) if rid is not None else event_from_record(*self.members[0])
            event = self.built[rid] = event_from_record(*found[0])
        return event


def refresh_series(
    db: Any,
    now: datetime,
    tz: tzinfo,
    expand: Expand,
    ends_by: Callable[[list[Event], datetime], bool],
) -> int:
    """Inside a transaction: store each series' expansion over the horizon where it
    is missing, stale (a member changed, another zone) or no longer reaches far
    enough. `expand` gives the occurrences; `ends_by(events, end)` says whether a
    series has none after `end`, the horizon's (a COUNT or UNTIL reached). Returns how many
    master records were rewritten.
    """
    from vaworkspace.store import tables

    series: dict[str, list[tuple[int, Record]]] = {}
    for doc_id, record in tables.records(db, "events").items():
        if is_series_record(record):
            series.setdefault(record["uid"], []).append((doc_id, record))
    begin, until = stored_series.horizon(now)
    writes: dict[int, Record] = {}
    for members in series.values():
        masters = [(i, r) for i, r in members if "recurrence_id" not in r]
        if not masters:
            continue  # overrides without their series: expanded when asked
        master_id, master = masters[0]
        plain = [record for _, record in members]
        fp = stored_series.fingerprint(plain, tz)
        stored = master.get(stored_series.KEY)
        if (
            type(stored) is dict
            and stored.get("fp") == fp
            and stored.get("tz") == (stored_series.zone_key(tz))
            and stored_series.fresh_enough(stored, now)
        ):
            continue
        kept = {key: value for key, value in master.items() if key != stored_series.KEY}
        events_of = [event_from_record(i, r) for i, r in members]
        expansion = expand(events_of, begin, until)
        if expansion is not None:
            found, exact_until = expansion
            by_rid = {e.recurrence_id: e for e in events_of}
            encoded = stored_series.encode(found, by_rid, begin, exact_until, fp, tz)
            if encoded is not None:
                if exact_until == until and ends_by(events_of, until):
                    encoded["final"] = True
                kept[stored_series.KEY] = encoded
        if kept != master:
            writes[master_id] = kept
    tables.put_many(db, "events", writes)
    return len(writes)
