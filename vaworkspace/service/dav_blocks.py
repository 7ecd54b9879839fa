"""The VA's work blocks, sent to the collection mapped with `--blocks`.

Blocks are the workspace's own: each is written to the server at an address
made of its id, rewritten (under `If-Match`) when it changes here and deleted
when it goes; the server's copies never come back into the agenda. A block
deleted on the server is sent again, since the plan here still holds it.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from vaworkspace.domain.calendar.accounts import Collection
from vaworkspace.service.dav_todos import Push
from vaworkspace.store import block_records, dav_records, tables
from vaworkspace.store.records import event_to_record, task_from_record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from vaworkspace.service.lookup import Db


def block_href(collection: Collection, event_id: int) -> str:
    return f"{collection.url}vaworkspace-block-{event_id}.ics"


def block_changes(
    db: Db, collection: Collection, items: dict[str, dict[str, Any]], tz: tzinfo, now: datetime
) -> list[Push]:
    """The writes that bring the collection's copies up to the blocks stored here."""
    from vaworkspace.ical.resource import block_resource

    pushes = []
    present = set()
    for block in block_records.blocks(tables.records(db, "events")):
        href = block_href(collection, block.id)
        present.add(href)
        record = event_to_record(block)
        item = items.get(href)
        if dav_records.is_block(item) and item["record"] == record:
            continue
        task_record = tables.record(db, "tasks", block.task) if block.task is not None else None
        task = task_from_record(block.task, task_record) if task_record and block.task else None
        text = block_resource(block, task, tz, now)
        etag = item["etag"] if dav_records.is_block(item) else None
        pushes.append(Push(href, block.uid, etag, text, block=record))
    for href, item in items.items():
        if dav_records.is_block(item) and href not in present:
            pushes.append(Push(href, "", item["etag"], block=item["record"]))
    return pushes
