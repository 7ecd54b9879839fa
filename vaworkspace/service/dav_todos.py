"""To-dos of one collection against the workspace's tasks, inside one transaction.

The pull has already read every changed resource from the server; this applies
them to the tasks (`domain/tasks/sync_merge.py` decides field by field) and lists
what the push must send: local edits, local deletions and the client's new
tasks. Nothing here touches the network, so a failed pull writes nothing and a
push that dies half-way leaves each side whole: what was not pushed is still a
difference between a task and its item's `record`, and goes at the next sync.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from urllib.parse import quote

from vaworkspace.domain.calendar.accounts import Collection
from vaworkspace.domain.models import Task
from vaworkspace.domain.tasks import lifecycle, sync_merge
from vaworkspace.i18n import _
from vaworkspace.service.block_writes import release_blocks
from vaworkspace.service.snapshot import new_uuid
from vaworkspace.store import counters, dav_records, tables
from vaworkspace.store.records import task_from_record, task_to_record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from vaworkspace.ical.reader import ImportedTodo
    from vaworkspace.service.lookup import Db

    Item = dict[str, Any]


@dataclass(slots=True)
class Push:
    """One write the push sends: `text` to `href` under `etag` (None: create
    only if absent), or a deletion when `text` is None. `task` (a to-do) or
    `block` (a work block's event record) is what a successful write makes the
    agreed local copy."""

    href: str
    uid: str
    etag: str | None
    text: str | None = None
    task: Task | None = None
    block: dict[str, Any] | None = None


@dataclass(slots=True)
class TodoCounts:
    pulled: int = 0
    pushed: int = 0
    deleted_here: int = 0
    deleted_there: int = 0
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class TodoSync:
    """Inside a transaction: the to-dos of `collection` against the tasks."""

    def __init__(
        self,
        db: Db,
        collection: Collection,
        items: dict[str, Item],
        linked_elsewhere: set[str],
        prefer: str | None,
        now: datetime,
        tz: tzinfo,
        counts: TodoCounts,
    ) -> None:
        self.db, self.collection, self.items = db, collection, items
        self.linked_elsewhere, self.prefer = linked_elsewhere, prefer
        self.now, self.tz, self.counts = now, tz, counts
        self.records = tables.records(db, "tasks")
        self.by_uuid = {r["uuid"]: i for i, r in self.records.items()}
        self.next_id = counters.next_id(db, "tasks")
        self.pushes: list[Push] = []
        self.touched: set[str] = set()  # hrefs handled by the pull
        self.texts: dict[str, str | None] = {}  # href -> the server's text read now

    # -- what the server changed --------------------------------------------------

    def remote_changed(self, href: str, etag: str, todo: ImportedTodo, text: str) -> None:
        from vaworkspace.ical.todos import task_from_todo

        self.touched.add(href)
        self.texts[href] = text
        theirs = task_from_todo(todo, self.collection.client, self.now, new_uuid)
        theirs.source = "caldav"
        item = self.items.get(href)
        local = self._local(todo.uid)
        if local is None and item is None:
            self._create_here(href, etag, theirs)
        elif local is None:
            self._deleted_here_changed_there(href, etag, theirs)
        elif item is None and self._same_as_pushed(local, theirs):
            self._agree(href, etag, local, theirs)
        else:
            self._merge(href, etag, local, theirs, item)

    def remote_gone(self, href: str) -> None:
        self.touched.add(href)
        item = self.items.pop(href)
        local = self._local(item["uid"])
        if local is None:
            return
        base = task_from_record(local.id, item["record"]) if item.get("record") else None
        edited = base is None or sync_merge.synced_fields(local) != sync_merge.synced_fields(base)
        if edited and self.prefer != "theirs":
            if self.prefer == "mine":  # sent back as new at this push
                return
            self.items[href] = {**item, "pending": {"deleted": True}}
            self.counts.conflicts.append(_deleted_there(local))
            return
        self._delete_here(local)

    # -- what changed here ----------------------------------------------------------

    def local_changes(self) -> list[Push]:
        """The writes the push must send, once the server's changes are applied."""
        for href, item in list(self.items.items()):
            if href in self.touched or not dav_records.is_todo(item):
                continue
            pending = item.get("pending")
            if pending is not None:
                self._settle_pending(href, item, pending)
                continue
            local = self._local(item["uid"])
            if local is None:
                self.pushes.append(Push(href, item["uid"], item["etag"]))
                continue
            if tables.record(self.db, "tasks", local.id) == item["record"]:
                continue
            base = task_from_record(local.id, item["record"])
            if sync_merge.synced_fields(local) == sync_merge.synced_fields(base):
                self.items[href] = {**item, "record": task_to_record(local)}
            else:
                text = self._resource(href, local)
                self.pushes.append(Push(href, item["uid"], item["etag"], text, local))
        self._new_tasks()
        if self.next_id != counters.next_id(self.db, "tasks"):
            counters.set_next_id(self.db, "tasks", self.next_id)
        return self.pushes

    def _new_tasks(self) -> None:
        """The client's open tasks on no server yet go to this collection."""
        from vaworkspace.ical.resource import task_resource

        client = self.collection.client
        if client is None or "VTODO" not in self.collection.components:
            return
        linked = {item["uid"] for item in self.items.values() if "uid" in item}
        linked |= self.linked_elsewhere
        for doc_id, record in tables.records(self.db, "tasks").items():
            if record.get("client") != client or record["uuid"] in linked:
                continue
            if record["uuid"] not in self.by_uuid:  # deleted by this sync (gone there)
                continue
            task = task_from_record(doc_id, record)
            if task.is_open:
                href = self.collection.url + quote(task.uuid, safe="") + ".ics"
                text = task_resource(task, self.tz, self.now)
                self.pushes.append(Push(href, task.uuid, None, text, task))

    # -- internals ------------------------------------------------------------------

    def _local(self, uid: str) -> Task | None:
        doc_id = self.by_uuid.get(uid)
        record = tables.record(self.db, "tasks", doc_id) if doc_id is not None else None
        return task_from_record(doc_id, record) if doc_id is not None and record else None

    def _write(self, task: Task) -> None:
        tables.put(self.db, "tasks", task.id, task_to_record(task))
        self.by_uuid[task.uuid] = task.id

    def _item(
        self, href: str, etag: str, local: Task, theirs: Task, base: Task | None = None
    ) -> Item:
        record = task_to_record(base or local)
        text = self._server_text(href)
        return dav_records.todo_item(local.uuid, etag, record, task_to_record(theirs), text)

    def _server_text(self, href: str) -> str | None:
        """The server's text of the version at hand: read by this sync, else stored."""
        if href in self.texts:
            return self.texts[href]
        item = self.items.get(href)
        return item.get("text") if item is not None else None

    def _resource(self, href: str, task: Task) -> str:
        """What a push of `task` writes: the server's copy with the properties the
        workspace owns rewritten, so a phone's alarms and X- properties stay."""
        from vaworkspace.ical.overlay import overlay
        from vaworkspace.ical.resource import task_resource

        fresh = task_resource(task, self.tz, self.now)
        return overlay(self._server_text(href), fresh, "VTODO")

    def _create_here(self, href: str, etag: str, theirs: Task) -> None:
        theirs.id, self.next_id = self.next_id, self.next_id + 1
        self._write(theirs)
        self.items[href] = self._item(href, etag, theirs, theirs)
        self.counts.pulled += 1

    def _agree(self, href: str, etag: str, local: Task, theirs: Task) -> None:
        self.items[href] = self._item(href, etag, local, theirs)

    def _same_as_pushed(self, local: Task, theirs: Task) -> bool:
        """Whether the server holds what a push of `local` would have written (a
        push that succeeded but was never recorded: the sync was killed)."""
        from vaworkspace.ical.resource import read_resource, task_resource
        from vaworkspace.ical.todos import task_from_todo

        found = read_resource(task_resource(local, self.tz, self.now), "", self.tz).todos
        if not found:
            return False
        written = task_from_todo(found[0], self.collection.client, self.now, new_uuid)
        return sync_merge.synced_fields(written) == sync_merge.synced_fields(theirs)

    def _merge(self, href: str, etag: str, local: Task, theirs: Task, item: Item | None) -> None:
        if item is not None and self._same_as_pushed(local, theirs):
            self._agree(href, etag, local, theirs)
            return
        mine_base = theirs_base = None
        if item is not None and item.get("record") is not None:
            mine_base = task_from_record(local.id, item["record"])
            theirs_base = task_from_record(0, item["theirs"])
        merged = sync_merge.merge(mine_base, local, theirs_base, theirs, self.prefer)
        if merged.conflicts:
            lines = sync_merge.describe_conflict(local, theirs, merged.conflicts)
            both = _(
                "task {id} ({title}) changed here and on the server: {changes} "
                "(--theirs takes the server's, --mine keeps these)"
            )
            changes = "; ".join(lines)
            self.counts.conflicts.append(
                both.format(id=local.id, title=local.title, changes=changes)
            )
            # Never agreed before (both sides had it at the first sync): no base,
            # so the next sync compares the two whole again.
            kept = item or dav_records.todo_item(local.uuid, etag, None, None, None)
            theirs_now = {"etag": etag, "theirs": task_to_record(theirs)}
            self.items[href] = {**kept, "pending": theirs_now | {"text": self.texts.get(href)}}
            return
        now_local = local
        if merged.take:
            now_local = sync_merge.take_theirs(local, theirs, merged.take, self.now)
            self._write(now_local)
            self._released(local, now_local)
            self.counts.pulled += 1
        if merged.push:
            # The base stays as it was: until the push succeeds, the local edit
            # is still a difference from it, and the next sync sends it again.
            base = mine_base or theirs
            self.items[href] = self._item(href, etag, now_local, theirs, base)
            text = self._resource(href, now_local)
            self.pushes.append(Push(href, local.uuid, etag, text, now_local))
        else:
            self.items[href] = self._item(href, etag, now_local, theirs)

    def _settle_pending(self, href: str, item: Item, pending: Item) -> None:
        """A conflict kept from an earlier sync: reported again until the VA chooses."""
        local = self._local(item["uid"])
        if pending.get("deleted"):
            rest = {k: v for k, v in item.items() if k != "pending"}
            if local is None:
                self.items.pop(href)
            elif self.prefer == "theirs":
                self.items.pop(href)
                self._delete_here(local)
            elif self.prefer == "mine":
                self.items.pop(href)  # no longer on the server: pushed as new
            else:
                self.items[href] = rest | {"pending": pending}
                self.counts.conflicts.append(_deleted_there(local))
            return
        theirs = task_from_record(0, pending["theirs"])
        self.texts[href] = pending.get("text")
        rest = {k: v for k, v in item.items() if k != "pending"}
        if local is None:
            self.items[href] = rest
            self._deleted_here_changed_there(href, pending["etag"], theirs)
            return
        self.items[href] = rest
        self._merge(href, pending["etag"], local, theirs, rest)

    def _deleted_here_changed_there(self, href: str, etag: str, theirs: Task) -> None:
        """Deleted here, edited on the server: the edit wins (nothing is lost)
        unless the VA said --mine, which deletes it there too."""
        if self.prefer == "mine":
            self.items.pop(href, None)
            self.pushes.append(Push(href, theirs.uuid, etag))
            return
        self.items.pop(href, None)
        self._create_here(href, etag, theirs)
        restored = _(
            "task {id} ({title}) was deleted here but edited on the server; "
            "restored (`va rm` it again to delete it there too)"
        )
        self.counts.conflicts.append(restored.format(id=theirs.id, title=theirs.title))
        self.counts.pulled -= 1

    def _delete_here(self, local: Task) -> None:
        tables.delete(self.db, "tasks", [local.id])
        release_blocks(self.db, {local.id: None}, [local])
        self.by_uuid.pop(local.uuid, None)
        self.counts.deleted_here += 1

    def _released(self, before: Task, after: Task) -> None:
        """A task closed on the server releases its blocks here, and a recurring
        one spawns its next occurrence as `va done` would (sent at this push)."""
        if before.is_open and not after.is_open:
            release_blocks(self.db, {after.id: after}, [before])
            if after.status == "done":
                spawned = lifecycle.next_occurrence(
                    after, self.next_id, new_uuid(), self.now, self.tz
                )
                if spawned is not None:
                    self.next_id += 1
                    self._write(spawned)


def _deleted_there(local: Task) -> str:
    """The conflict of a task deleted on the server and edited here (kept here)."""
    text = _(
        "task {id} ({title}) was deleted on the server and edited here; "
        "kept here (--mine sends it back, --theirs deletes it here)"
    )
    return text.format(id=local.id, title=local.title)
