"""Occurrences of the stored events in a window: the agenda's hot path.

A single event is read from its record only if its stored text says it may touch
the window. A recurring series is answered from the expansion a calendar write
stored in its master record (`store/series.py`) when that is current and covers
the window: no icalendar, no recurring-ical-events. Otherwise (an old file, a
window past the horizon, a member changed by someone else) that one series is
expanded from its raw text then, lazily and within the cap (`ical/expand.py`).
Both ways give the same occurrences; tests/ical/test_agenda_fast_path.py checks it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from vaworkspace.domain.calendar.occurrences import overlaps, sort_found
from vaworkspace.domain.models import Event
from vaworkspace.store import series as stored_series
from vaworkspace.store.instants import encode_instant
from vaworkspace.store.records import event_from_record

TYPE_CHECKING = False
if TYPE_CHECKING:  # the agenda never pays for `collections.abc`
    from collections.abc import Iterable
    from datetime import tzinfo
    from typing import Any

    from vaworkspace.service.lookup import Db

    Record = dict[str, Any]

MAX_OCCURRENCES = 2000  # = ical.expand.MAX_OCCURRENCES, which the fast path does not import

Found = tuple[Event, "date | datetime", "date | datetime"]


def is_series_record(record: Record) -> bool:
    """`ical.expand.is_series` on the stored record, without building the event."""
    raw = record.get("raw")
    if not raw:
        return False
    return bool(record.get("rrule") or record.get("recurrence_id") is not None or "\nRDATE" in raw)


def occurrences(
    records: Iterable[tuple[int | str, Record]], start: datetime, end: datetime, tz: tzinfo
) -> tuple[list[Found], list[str]]:
    """(event, start, end) of every occurrence overlapping [start, end), sorted by
    start, and warnings (a series cut at the cap, one that cannot be expanded)."""
    lowest = (start - timedelta(days=1)).date().isoformat()
    highest = (end + timedelta(days=1)).date().isoformat()
    found: list[Found] = []
    series: dict[str, list[tuple[int, Record]]] = {}
    for doc_id, record in records:
        if is_series_record(record):
            series.setdefault(record["uid"], []).append((int(doc_id), record))
        elif (
            record["start"] < highest  # stored text orders like the instants, dates first
            and record["end"] >= lowest
            and record.get("status") != "cancelled"
        ):
            event = event_from_record(int(doc_id), record)
            if overlaps(event.start, event.end, start, end, tz):
                found.append((event, event.start, event.end))
    warnings: list[str] = []
    missed: list[list[Event]] = []
    first, last = encode_instant(start), encode_instant(end)
    for members in series.values():
        master = next((r for _, r in members if "recurrence_id" not in r), members[0][1])
        stored = master.get(stored_series.KEY)
        plain = [record for _, record in members]
        if stored is None or not stored_series.usable(stored, plain, tz, first, last):
            missed.append([event_from_record(i, r) for i, r in members])
            continue
        mine, cut = stored_series.occurrences(
            stored, _Members(members), start, end, tz, MAX_OCCURRENCES
        )
        found += mine
        if cut:
            warnings.append(truncation_warning(master["uid"], master.get("summary", "")))
    if missed:
        found += _expanded(missed, start, end, tz, warnings)
    sort_found(found, tz)
    return found, warnings


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


def _over(members: list[Event], after: datetime, tz: tzinfo) -> bool:
    """Whether a series certainly has no occurrence from `after` on (a COUNT or
    UNTIL reached): then a window past the horizon needs no expansion."""
    from vaworkspace.ical.expand import expand_series

    far = after + timedelta(days=100 * 366)
    try:
        probe = expand_series(members, after, far, tz, cap=1)
    except Exception:  # the agenda expands it and says why
        return False
    return not probe.found and probe.exact_until == far


def truncation_warning(uid: str, summary: str) -> str:
    from vaworkspace.ical.expand import truncation_warning

    return truncation_warning(uid, summary, MAX_OCCURRENCES)


def _expanded(
    missed: list[list[Event]], start: datetime, end: datetime, tz: tzinfo, warnings: list[str]
) -> list[Found]:
    from vaworkspace.ical.expand import Budget, expand_safely

    budget = Budget()
    out: list[Found] = []
    for members in missed:
        found, warning = expand_safely(members, start, end, tz, budget)
        out += found
        if warning:
            warnings.append(warning)
    return out


def refresh(db: Db, now: datetime, tz: tzinfo) -> int:
    """Store each series' expansion over the horizon where it is missing, stale
    (a member changed, another zone) or no longer reaches far enough. Returns
    how many master records were rewritten.

    Runs inside a calendar write's transaction, so an agenda after the write
    finds every series ready.
    """
    from vaworkspace.ical.expand import expand_series
    from vaworkspace.store import tables

    events = tables.records(db, "events")
    series: dict[str, list[tuple[int, Record]]] = {}
    for doc_id, record in events.items():
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
        try:
            expansion = expand_series(events_of, begin, until, tz)
        except Exception:  # a broken series: the agenda expands it and says why
            expansion = None
        if expansion is not None and expansion.exact_until is not None:
            by_rid = {e.recurrence_id: e for e in events_of}
            encoded = stored_series.encode(
                expansion.found, by_rid, begin, expansion.exact_until, fp, tz
            )
            if encoded is not None:
                if expansion.exact_until == until and _over(events_of, until, tz):
                    encoded["final"] = True
                kept[stored_series.KEY] = encoded
        if kept != master:
            writes[master_id] = kept
    tables.put_many(db, "events", writes)
    return len(writes)
