"""Events of one collection into the agenda, inside the sync's transaction.

Events are read from the server, never written back (the VA's own work blocks
are: `dav_blocks.py`). Each resource's events are replaced whole when its ETag
changes and removed with it; they carry the collection's label
(`account/name`) and client, like a subscription's.
"""

from __future__ import annotations

from dataclasses import replace

from vaworkspace.domain.calendar.accounts import Collection
from vaworkspace.domain.calendar.event import Event
from vaworkspace.store import counters, dav_records, tables
from vaworkspace.store.records import event_to_record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from vaworkspace.service.lookup import Db


def apply_events(
    db: Db,
    collection: Collection,
    items: dict[str, dict[str, Any]],
    changed: dict[str, tuple[str, list[Event]]],
    gone: list[str],
) -> int:
    """Replace the events of the `changed` resources (href -> ETag, events) and
    remove those of the `gone` ones; how many resources changed."""
    label = collection.label
    old_uids: set[str] = set()
    for href in [*changed, *gone]:
        item = items.get(href)
        if dav_records.is_event(item):
            old_uids.update(item["uids"])
    for href in gone:
        if dav_records.is_event(items.get(href)):
            items.pop(href)
    new_uids = {event.uid for _, events in changed.values() for event in events}
    stale = old_uids | new_uids
    if stale:
        present = tables.records(db, "events")
        doomed = [
            i for i, r in present.items() if r.get("calendar") == label and r.get("uid") in stale
        ]
        tables.delete(db, "events", doomed)
    if not changed:
        return len(gone)
    next_id = counters.next_id(db, "events")
    writes = {}
    for href, (etag, events) in changed.items():
        for event in events:
            owned = replace(
                event, id=next_id, client=collection.client or event.client, calendar=label
            )
            writes[next_id] = event_to_record(owned)
            next_id += 1
        items[href] = dav_records.event_item(etag, sorted({e.uid for e in events}))
    tables.put_many(db, "events", writes)
    counters.set_next_id(db, "events", next_id)
    return len(changed) + len(gone)
