"""Merging calendar events into the workspace by identity: (UID, RECURRENCE-ID).

Re-importing the same file changes nothing; a changed file updates the events
it changed. "Changed" follows the calendar's own versioning: a higher SEQUENCE
wins, then a later LAST-MODIFIED; with neither, a different content does. The
client a VA assigned locally is kept across updates.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from vaworkspace.domain.calendar.event import Event

Key = tuple[str, str | None]


@dataclass(slots=True)
class EventMerge:
    """What merging incoming events into the stored ones did, event by event."""

    created: list[Event] = field(default_factory=list)
    updated: list[Event] = field(default_factory=list)
    unchanged: int = 0
    cancelled: list[Event] = field(default_factory=list)


def key(event: Event) -> Key:
    return (event.uid, event.recurrence_id)


def newer(incoming: Event, local: Event) -> bool:
    """Whether the incoming version supersedes the stored one."""
    if incoming.sequence != local.sequence:
        return incoming.sequence > local.sequence
    mine, theirs = incoming.last_modified, local.last_modified
    if mine is not None and theirs is not None and mine != theirs:
        return mine > theirs
    return _content(incoming) != _content(local)


def merge_events(
    existing: dict[Key, Event],
    incoming: list[Event],
    cancelled: list[Key],
    next_id: int,
) -> tuple[EventMerge, int]:
    """What to write; `existing` maps identity → stored event."""
    result = EventMerge()
    for event in incoming:
        local = existing.get(key(event))
        if local is None:
            created = replace(event, id=next_id)
            next_id += 1
            result.created.append(created)
        elif newer(event, local):
            result.updated.append(replace(event, id=local.id, client=local.client or event.client))
        else:
            result.unchanged += 1
    for identity in cancelled:
        local = existing.get(identity)
        if local is not None and local.status != "cancelled":
            result.cancelled.append(replace(local, status="cancelled"))
    return result, next_id


def _content(event: Event) -> tuple[object, ...]:
    return (
        event.summary,
        event.start,
        event.end,
        event.rrule,
        event.status,
        event.tzid,
        event.location,
        event.description,
        _without_stamp(event.raw),
    )


def _without_stamp(raw: str) -> str:
    """The text without its DTSTAMP lines: the moment a file was written (RFC 5545
    §3.8.7.2; an export adds one where the source had none), not a change."""
    if "DTSTAMP" not in raw:
        return raw
    import re

    return re.sub(r"^DTSTAMP[;:][^\n]*\n", "", raw, flags=re.MULTILINE)
