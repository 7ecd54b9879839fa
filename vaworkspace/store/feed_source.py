"""One published feed's items, read from the workspace document for `ical/feed.py`.

A feed is rebuilt after every change that touches its client, in the `va`
process that made the change, so it reads only what it shows: one client's
tasks, time entries and events (cut from the file by the client index when the
document has one, `client_index.py`), decoded when the builder asks, and each
at most once. ical/ may not import store/ (sibling adapters): the service hands
the builder a `FeedSource`, which answers in domain objects and `FeedEvent`s;
the records stay here.

An imported event keeps the text icalendar rendered from it (`rendered.py`):
its `FeedEvent` carries that text and what sorts the event in the feed, so the
builder need not decode an event whose kept text is current at all.
"""

from __future__ import annotations

from vaworkspace.errors import StoreError
from vaworkspace.store.instants import decode_value
from vaworkspace.store.records import (
    client_from_record,
    entry_from_record,
    event_from_record,
    task_from_record,
)
from vaworkspace.store.rendered import TEXT_FIELD

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import date, datetime
    from typing import Any

    from vaworkspace.domain.calendar.event import Event
    from vaworkspace.domain.models import Client, Task, TimeEntry


def feed_clients(doc: Mapping[str, Any]) -> list[Client]:
    """Every client of the document, in table order."""
    return [client_from_record(record) for record in doc["clients"].values()]


class FeedEvent:
    """An event of a feed as stored: what sorts it among the feed's components,
    its original text and the text rendered from it (`kept`, as `rendered.py`
    keeps it; None if none), and the whole `Event`, decoded when asked."""

    __slots__ = ("_record", "id", "kept", "kind", "raw", "recurrence_id", "start", "uid")

    def __init__(self, doc_id: int, record: dict) -> None:
        self.id = doc_id
        self._record = record
        try:
            self.raw: str = record.get("raw", "")
            self.kept: object = record.get(TEXT_FIELD)
            self.uid: str = record["uid"]
            self.kind: str = record.get("kind", "event")
            self.recurrence_id: str | None = record.get("recurrence_id")
            self.start: date | datetime = decode_value(record["start"])
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            message = f"event {doc_id} in the workspace file is damaged ({error!r})"
            raise StoreError(message) from None

    def event(self) -> Event:
        return event_from_record(self.id, self._record)


class FeedSource:
    """The items of the feed of `client_id` (None: everyone) in `doc`."""

    def __init__(self, doc: Mapping[str, Any], client_id: str | None) -> None:
        self.doc, self.client_id = doc, client_id
        self._own: dict[str, dict] | None = None
        self._others: dict[str, dict | None] = {}  # other clients' tasks, None: no such task
        self._tasks: dict[int, Task] = {}
        self._clients: dict[str, Client] | None = None

    def _mine(self, table: str) -> list[tuple[str, dict]]:
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

    def _own_tasks(self) -> dict[str, dict]:
        """The feed's task records by id: the open ones, then the closed ones."""
        if self._own is None:
            self._own = dict([*self._mine("tasks"), *self._mine("closed_tasks")])
        return self._own

    def tasks(self) -> list[Task]:
        """The feed's tasks: the open ones, then the closed ones, in table order."""
        return [self._task(int(key), record) for key, record in self._own_tasks().items()]

    def task(self, task_id: int) -> Task | None:
        """Any task by its id (an entry's or a work block's), None if there is none."""
        found = self._tasks.get(task_id)
        if found is not None:
            return found
        key = str(task_id)
        record = self._own_tasks().get(key)  # the feed's own first: parsed already
        if record is None and key in self._others:
            record = self._others[key]
        elif record is None:
            record = self.doc["tasks"].get(key)
            if record is None:
                record = (self.doc.get("closed_tasks") or {}).get(key)
        return None if record is None else self._task(task_id, record)

    def _gather(self, task_ids: list[int | None]) -> None:
        """Read the tasks of these ids that are not the feed's own (an entry may
        name another client's task) a table at a time, each record cut alone
        through the client index; `task` then finds them, or knows there is
        none, without parsing the tables whole. Without an index it does."""
        own = self._own_tasks()
        wanted = {str(i) for i in task_ids if i is not None} - own.keys() - self._others.keys()
        pick = getattr(self.doc, "records_by_key", None)
        found: dict[str, dict | None] = {}
        for table in ("tasks", "closed_tasks"):
            if not wanted:
                break
            picked = pick(table, wanted) if pick is not None and table in self.doc else {}
            if picked is None:
                return  # no usable index: `task` reads the tables
            found.update(picked)
            wanted -= picked.keys()
        found.update(dict.fromkeys(wanted))
        self._others.update(found)

    def _task(self, task_id: int, record: dict) -> Task:
        found = self._tasks.get(task_id)
        if found is None:
            found = self._tasks[task_id] = task_from_record(task_id, record)
        return found

    def clients(self) -> dict[str, Client]:
        """Every client by id (an entry names its client)."""
        if self._clients is None:
            self._clients = {client.id: client for client in feed_clients(self.doc)}
        return self._clients

    def entries(self) -> list[TimeEntry]:
        """The feed's time entries, in table order (their tasks gathered for `task`)."""
        found = [entry_from_record(int(key), record) for key, record in self._mine("entries")]
        self._gather([entry.task for entry in found])
        return found

    def events(self) -> list[FeedEvent]:
        """The feed's events, in table order."""
        return [FeedEvent(int(key), record) for key, record in self._mine("events")]
