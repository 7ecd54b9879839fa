"""The CalDAV collections a workspace knows, and what each last sync agreed on.

One record of table `dav` per collection discovered on an account:

    {"kind": "dav-collection", "account": "work", "url": "https://…/acme/",
     "name": "Acme", "components": ["VTODO"], "mapped": true, "client": "acme",
     "blocks": false, "token": "…sync token…",
     "items": {"https://…/acme/x.ics": {…one resource, below…}}}

An item is what the workspace and the server last agreed on for one resource:

- a to-do: `{"kind": "todo", "uid", "etag", "record": the task as stored then,
  "theirs": the server's copy as read then, "text": its iCalendar text}` (task
  records, `records.py`), plus `"pending": {"etag", "theirs", "text"}` while a
  conflict waits for `--theirs`/`--mine`;
- an event resource: `{"kind": "event", "etag", "uids": [its events' UIDs]}`;
- a work block pushed: `{"kind": "block", "etag", "record": the block as pushed}`.

A local change not yet on the server is no separate queue: it is the difference
between a task and its item's `record`, kept in this file until a push succeeds
(the offline queue survives any crash because it is the data itself).
"""

from __future__ import annotations

from vaworkspace.domain.calendar.accounts import Collection
from vaworkspace.store import tables

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any, TypeGuard

    Record = dict[str, Any]

TABLE = "dav"
KIND = "dav-collection"


def collections(doc: Mapping[str, Any]) -> list[Collection]:
    """Every collection known in a read document, as discovered and mapped."""
    return [_collection(r) for r in _table(doc).values() if r.get("kind") == KIND]


def _table(doc: Mapping[str, Any]) -> Mapping[Any, Record]:
    found: Mapping[Any, Record] = doc.get(TABLE) or {}
    return found


def _collection(record: Record) -> Collection:
    return Collection(
        record["account"],
        record["url"],
        record["name"],
        tuple(record.get("components", ())),
        bool(record.get("mapped")),
        record.get("client"),
        bool(record.get("blocks")),
    )


def pending_counts(doc: Mapping[str, Any]) -> dict[str, int]:
    """Per collection URL: how many to-dos wait for a conflict to be resolved."""
    return {
        r["url"]: sum(1 for item in r.get("items", {}).values() if "pending" in item)
        for r in _table(doc).values()
        if r.get("kind") == KIND
    }


def discovered(db: Any, account: str, found: list[Collection]) -> None:
    """Inside a transaction: the collections discovery found on `account` now.
    Known ones keep their mapping and sync state (a new name is taken); unmapped
    ones no longer found are forgotten; mapped ones stay until unmapped."""
    state = tables.records(db, TABLE)
    known = {r["url"]: i for i, r in state.items() if r.get("kind") == KIND}
    free = max(state, default=0) + 1
    urls = {c.url for c in found}
    for collection in found:
        if collection.url in known:
            doc_id = known[collection.url]
            record = {**state[doc_id], "name": collection.name}
            record["components"] = list(collection.components)
        else:
            doc_id, free = free, free + 1
            record = {
                "kind": KIND,
                "account": account,
                "url": collection.url,
                "name": collection.name,
                "components": list(collection.components),
                "items": {},
            }
        tables.put(db, TABLE, doc_id, record)
    gone = [
        i
        for url, i in known.items()
        if state[i]["account"] == account and url not in urls and not state[i].get("mapped")
    ]
    tables.delete(db, TABLE, gone)


def set_mapping(db: Any, url: str, client: str | None, blocks: bool) -> None:
    """Inside a transaction: follow collection `url` for `client` (blocks or not)."""
    doc_id, record = sync_state(db, url)
    record = {**record, "mapped": True, "client": client, "blocks": blocks}
    tables.put(db, TABLE, doc_id, record)


def unset_mapping(db: Any, url: str) -> None:
    """Inside a transaction: stop following collection `url`. Its token and
    items go too: they describe a sync that no longer runs, and kept they would
    hold its to-dos' UIDs away from a collection mapped for the client later."""
    doc_id, record = sync_state(db, url)
    kept = {k: v for k, v in record.items() if k not in ("client", "blocks", "token")}
    tables.put(db, TABLE, doc_id, {**kept, "mapped": False, "items": {}})


def forget_account(db: Any, account: str) -> int:
    """Inside a transaction: drop every collection of `account` (the tasks and
    events it brought stay); how many went."""
    state = tables.records(db, TABLE)
    gone = [i for i, r in state.items() if r.get("kind") == KIND and r["account"] == account]
    tables.delete(db, TABLE, gone)
    return len(gone)


def sync_state(db: Any, url: str) -> tuple[int, Record]:
    """Inside a transaction: the record of collection `url` (KeyError if unknown)."""
    for doc_id, record in tables.records(db, TABLE).items():
        if record.get("kind") == KIND and record["url"] == url:
            return doc_id, record
    raise KeyError(url)


def read_sync_state(doc: Mapping[str, Any], url: str) -> Record:
    """The record of collection `url` in a read document (KeyError if unknown)."""
    for record in _table(doc).values():
        if record.get("kind") == KIND and record["url"] == url:
            return record
    raise KeyError(url)


def save_sync_state(db: Any, url: str, token: str | None, items: dict[str, Record]) -> None:
    """Inside a transaction: the collection's new token and items (nothing is
    written when both are as stored: a sync that found nothing leaves the file)."""
    doc_id, record = sync_state(db, url)
    if record.get("token") != token or record.get("items") != items:
        tables.put(db, TABLE, doc_id, {**record, "token": token, "items": items})


# -- the items of a collection's sync state ---------------------------------------------

TODO, EVENT = "todo", "event"


def todo_item(
    uid: str, etag: str, record: Record | None, theirs: Record | None, text: str | None
) -> Record:
    """A to-do's item: the task record and the server's copy agreed on (None: never
    agreed, the two met at a first sync and differ), and the server's text of that
    version (what a push starts from, so what the workspace does not own stays)."""
    return {
        "kind": TODO,
        "uid": uid,
        "etag": etag,
        "record": record,
        "theirs": theirs,
        "text": text,
    }


def event_item(etag: str, uids: list[str]) -> Record:
    """An event resource's item: the UIDs of the events it brought."""
    return {"kind": EVENT, "etag": etag, "uids": uids}


def is_todo(item: Record | None) -> TypeGuard[Record]:
    return item is not None and item.get("kind") == TODO


def is_event(item: Record | None) -> TypeGuard[Record]:
    return item is not None and item.get("kind") == EVENT


def uids_linked_elsewhere(db: Any, url: str) -> set[str]:
    """Inside a transaction: UIDs of the to-dos linked to collections other than
    `url` (a task is sent to one collection only)."""
    uids: set[str] = set()
    for record in tables.records(db, TABLE).values():
        if record.get("kind") == KIND and record["url"] != url:
            uids.update(i["uid"] for i in record.get("items", {}).values() if is_todo(i))
    return uids


BLOCK = "block"


def block_item(etag: str, record: Record) -> Record:
    """A work block's item: the block's event record as last sent."""
    return {"kind": BLOCK, "etag": etag, "record": record}


def is_block(item: Record | None) -> TypeGuard[Record]:
    return item is not None and item.get("kind") == BLOCK
