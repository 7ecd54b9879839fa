"""The stored expansion of a recurring series: its occurrences over a horizon.

Expanding a series means parsing its raw text with icalendar and walking its
rules; an agenda asks for a week many times a day. So a calendar write expands
every series it touched over a horizon (about two months back, a year ahead)
and keeps the result in the series' master record under `expansion`:

    {"v": 1, "fp": "…", "tz": "America/Montreal",
     "from": "2026-10-08T05:00:00Z", "to": "2028-01-11T05:00:00Z",
     "dates": false, "start": [1796221800, …], "length": 1800, "longest": 3600,
     "other": [[index, end, recurrence_id, summary], …]}

`start` holds each occurrence's start, sorted: Unix seconds, or proleptic day
ordinals when `dates`; an occurrence ends `length` later unless `other` says
otherwise, where it also names the override it comes from (its RECURRENCE-ID)
and its summary when that differs from its event's. Every occurrence that
overlaps [from, to) is listed, no other; `"final": true` says the series has
no occurrence after `to` at all (its COUNT or UNTIL came). `fp` digests the raw text of every
member of the series and the zone floating times were read in: when a member
changed since (a re-import, an edit, a removal), the record is not trusted and
the series is expanded again. The record is plain JSON and optional: a file
without it works exactly as before, only slower.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, datetime, timedelta, timezone

from vaworkspace.domain.calendar.event import Event
from vaworkspace.store.instants import decode_instant, encode_value

TYPE_CHECKING = False
if TYPE_CHECKING:  # the agenda never pays for `collections.abc`
    from collections.abc import Callable

UTC = timezone.utc
VERSION = 1
KEY = "expansion"
Found = tuple[Event, "date | datetime", "date | datetime"]


def zone_key(tz) -> str:
    return getattr(tz, "key", None) or str(tz)


def fingerprint(records: list[dict], tz) -> str:
    """A digest of what the expansion depends on: each member's identity and text.

    Hot (once per series per agenda): CRC-32 and length, enough to notice an edit
    (this is change detection, not a defence: the text is the user's own), and
    `zlib` costs a tenth of `hashlib` to import.
    """
    from zlib import crc32

    check = crc32(f"{VERSION}\x00{zone_key(tz)}".encode())
    size = 0
    if len(records) > 1:
        records = sorted(records, key=lambda r: r.get("recurrence_id") or "")
    for record in records:
        raw = record.get("raw", "").encode()
        check = crc32(raw, crc32(f"\x00{record.get('recurrence_id') or ''}\x01".encode(), check))
        size += len(raw)
    return f"{check:08x}-{size:x}"


def encode(
    found: list[Found],
    members: dict[str | None, Event],
    start: datetime,
    until: datetime,
    fp: str,
    tz,
) -> dict | None:
    """The stored form of a series' occurrences over [start, until); None if its
    occurrences mix dates and times (rare enough to expand each time).
    `members` maps RECURRENCE-ID (None: the master) to event."""
    dates = bool(found) and not isinstance(found[0][1], datetime)
    starts: list[int] = []
    lengths: list[int] = []
    for _, first, last in found:
        if isinstance(first, datetime) and isinstance(last, datetime):
            if dates:
                return None
            starts.append(int(first.timestamp()))
            lengths.append(int(last.timestamp()) - starts[-1])
        elif not dates or isinstance(first, datetime) or isinstance(last, datetime):
            return None
        else:
            starts.append(first.toordinal())
            lengths.append(last.toordinal() - first.toordinal())
    usual = max(set(lengths), key=lengths.count) if lengths else 0
    other = []
    for index, ((event, _, _), length) in enumerate(zip(found, lengths, strict=True)):
        rid = event.recurrence_id
        own = members.get(rid)
        summary = None if own is not None and own.summary == event.summary else event.summary
        if length != usual or rid is not None or summary is not None:
            other.append([index, starts[index] + length, rid, summary])
    return {
        "v": VERSION,
        "fp": fp,
        "tz": zone_key(tz),
        "from": encode_value(start),
        "to": encode_value(until),
        "dates": dates,
        "start": starts,
        "length": usual,
        "longest": max(lengths, default=0),
        "other": other,
    }


def usable(stored: object, records: list[dict], tz, start: str, end: str) -> bool:
    """Whether a stored expansion answers for [start, end) (stored instant texts):
    current and wide enough."""
    if type(stored) is not dict or stored.get("v") != VERSION:
        return False
    if stored.get("tz") != zone_key(tz):
        return False
    # Instants are stored as fixed-width UTC text: text order is time order.
    if not stored.get("from", "~") <= start:
        return False
    if not stored.get("to", "") >= end and stored.get("final") is not True:
        return False
    return stored.get("fp") == fingerprint(records, tz)


def occurrences(
    stored: dict,
    members: Callable[[str | None], Event],
    start: datetime,
    end: datetime,
    tz,
    cap: int,
) -> tuple[list[Found], bool]:
    """The first `cap` stored occurrences overlapping [start, end), and whether
    more were left out. `members(rid)` is the event of that RECURRENCE-ID (None:
    the master), asked only for occurrences in the window.

    Overlap as recurring-ical-events decides it, in the user's zone: an
    occurrence without length is in the window if it starts in it.
    """
    starts: list[int] = stored["start"]
    dates: bool = stored["dates"]
    if dates:
        low = _day(start, tz) - stored["longest"] - 1
        high = _day(end, tz) + 1
    else:
        low, high = int(start.timestamp()) - stored["longest"], int(end.timestamp()) + 1
    first_index, last_index = bisect_left(starts, low), bisect_left(starts, high)
    other = {entry[0]: entry for entry in stored["other"]} if stored["other"] else {}
    length = stored["length"]
    found: list[Found] = []
    for index in range(first_index, last_index):
        begin = starts[index]
        entry = other.get(index)
        finish = entry[1] if entry else begin + length
        if dates:
            first, last = date.fromordinal(begin), date.fromordinal(finish)
            a, b = _midnight(first, tz), _midnight(last, tz)
        else:
            a, b = datetime.fromtimestamp(begin, UTC), datetime.fromtimestamp(finish, UTC)
            first, last = a, b
        if not (start <= a < end if a == b else a < end and start < b):
            continue
        if len(found) == cap:
            return found, True
        event = members(entry[2] if entry else None)
        if entry is not None and entry[3] is not None:
            from dataclasses import replace

            event = replace(event, summary=entry[3])
        found.append((event, first, last))
    return found, False


def _day(moment: datetime, tz) -> int:
    return moment.astimezone(tz).date().toordinal()


def _midnight(day: date, tz) -> datetime:
    return datetime.combine(day, datetime.min.time(), tz).astimezone(UTC)


def horizon(now: datetime) -> tuple[datetime, datetime]:
    """The span a write expands series over: two months back, thirteen ahead."""
    today = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today - timedelta(days=60), today + timedelta(days=400)


def fresh_enough(stored: object, now: datetime) -> bool:
    """Whether a stored horizon still reaches a month back and ten months ahead."""
    if type(stored) is not dict:
        return False
    try:
        begins, ends = decode_instant(stored["from"]), decode_instant(stored["to"])
    except (KeyError, TypeError, ValueError):
        return False
    return begins <= now - timedelta(days=30) and ends >= now + timedelta(days=300)
