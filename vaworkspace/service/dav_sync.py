"""`va sync` for CalDAV accounts: pull, apply, push, record.

For each mapped collection of each account:

1. **Pull** (network only): what changed since the stored sync token (RFC 6578;
   a full listing when the server forgot it), then the changed resources in
   batches. Any failure stops here: nothing is written locally.
2. **Apply** (one transaction): the server's changes go into tasks and events
   (`dav_todos.py`, `dav_events.py`), the new token is stored, and the writes
   the push needs are listed.
3. **Push**: each write under `If-Match` (or `If-None-Match: *` for a new to-do,
   whose address is its UID, so a retried creation can never duplicate it). A
   412 means the server changed meanwhile: that write waits for the next sync.
4. **Record** (one transaction): each write that succeeded becomes the agreed
   state. A sync killed between 3 and 4 is finished by the next one, which sees
   its own writes come back equal to the tasks and agrees on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from vaworkspace.domain.calendar.accounts import Account, Collection
from vaworkspace.errors import VaError
from vaworkspace.i18n import _
from vaworkspace.service.context import Context, Service
from vaworkspace.store import dav_records

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from vaworkspace.dav.client import Connection
    from vaworkspace.ical.reader import ReadResult
    from vaworkspace.service.accounts import AccountService
    from vaworkspace.service.dav_todos import Push
    from vaworkspace.service.plan import PlanService


@dataclass(slots=True)
class CollectionSync:
    """What one collection's sync did, for both UIs."""

    label: str
    pulled: int = 0
    pushed: int = 0
    deleted_here: int = 0
    deleted_there: int = 0
    events: int = 0
    blocks: int = 0
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    replanned: list[date] = field(default_factory=list)
    """Planned days whose events the sync changed, planned again (`PlanService`)."""

    def lines(self) -> list[str]:
        """The sync in a line, then one per conflict and note (`plan_text.summary_lines`
        adds the days planned again)."""
        from vaworkspace.i18n import ngettext

        head = ngettext(
            "Synced {label}: {count} task from the server, {pushed} sent, "
            "{here} deleted here, {there} deleted there; {events} event resources changed",
            "Synced {label}: {count} tasks from the server, {pushed} sent, "
            "{here} deleted here, {there} deleted there; {events} event resources changed",
            self.pulled,
        ).format(
            label=self.label,
            count=self.pulled,
            pushed=self.pushed,
            here=self.deleted_here,
            there=self.deleted_there,
            events=self.events,
        )
        if self.blocks:
            head += _(", {count} work blocks sent").format(count=self.blocks)
        return [
            head,
            *(_("  conflict: {line}").format(line=line) for line in self.conflicts),
            *(_("  note: {line}").format(line=line) for line in self.notes),
        ]

    def as_json(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


class DavSync(Service):
    """`ws.dav`: two-way sync with the mapped collections of every account."""

    def __init__(
        self,
        ctx: Context,
        accounts: AccountService,
        planner: Callable[[], PlanService] | None = None,
    ) -> None:
        super().__init__(ctx)
        self.accounts = accounts
        self.planner = planner  # `ws.plan`: a planned day whose events change is re-planned

    def sync(
        self, prefer: str | None = None, only: str | None = None
    ) -> list[tuple[Collection, CollectionSync | VaError]]:
        """Every mapped collection (of account `only`), each result or its error."""
        if only is not None:
            self.accounts.get(only)  # NotFoundError for a name that is no account
        results: list[tuple[Collection, CollectionSync | VaError]] = []
        for account in self.accounts.all():
            if only is not None and account.name != only:
                continue
            mapped = [c for c in self.accounts.collections(account.name) if c.mapped]
            if mapped:
                results += self._sync_account(account, mapped, prefer)
        return results

    def _sync_account(
        self, account: Account, mapped: list[Collection], prefer: str | None
    ) -> list[tuple[Collection, CollectionSync | VaError]]:
        try:
            connection = self.accounts.connect(account)
        except VaError as error:
            return [(c, error) for c in mapped]
        done: list[tuple[Collection, CollectionSync | VaError]] = []
        for collection in mapped:
            try:
                done.append((collection, self.sync_collection(connection, collection, prefer)))
            except VaError as error:
                done.append((collection, error))
        return done

    def sync_collection(
        self, connection: Connection, collection: Collection, prefer: str | None
    ) -> CollectionSync:
        from vaworkspace.ical.resource import read_resource

        report = CollectionSync(collection.label)
        stored = dav_records.read_sync_state(self.file.read(), collection.url)
        items = stored.get("items", {})
        changes = connection.changes(collection.url, stored.get("token"))
        wanted = [
            href
            for href, etag in changes.changed.items()
            if not dav_records.is_block(items.get(href))  # our own blocks never come back
            and (href not in items or items[href].get("etag") != etag or not etag)
        ]
        # To-dos synced before their text was kept: read once, so a push keeps
        # what the server holds beyond the workspace's own fields.
        wanted += [
            href
            for href, item in items.items()
            if dav_records.is_todo(item)
            and "text" not in item
            and href not in wanted
            and href not in changes.deleted
        ]
        fetched = connection.fetch(collection.url, wanted) if wanted else {}
        gone = [h for h in changes.deleted if h in items]
        if changes.complete:
            gone += [h for h in items if h not in changes.changed and h not in gone]
        gone += [h for h in wanted if h not in fetched and h in items and h not in gone]
        parsed = {
            href: (etag, read_resource(text, href, self.tz), text)
            for href, (etag, text) in fetched.items()
        }
        for found in parsed.values():
            report.notes += found[1].warnings
        pushes = self._apply(collection, parsed, gone, changes.token, prefer, report)
        self._over_server_blocks(connection, collection, pushes)
        if pushes:
            self._push(connection, collection, pushes, report)
        return report

    def _apply(
        self,
        collection: Collection,
        parsed: dict[str, tuple[str, ReadResult, str]],
        gone: list[str],
        token: str | None,
        prefer: str | None,
        report: CollectionSync,
    ) -> list[Push]:
        from vaworkspace.service.dav_events import apply_events
        from vaworkspace.service.dav_todos import TodoCounts, TodoSync
        from vaworkspace.service.occurrences import refresh

        counts = TodoCounts()
        with self.file.transaction() as db:
            record = dav_records.sync_state(db, collection.url)[1]
            items = dict(record.get("items", {}))  # items are replaced, never changed in place
            elsewhere = dav_records.uids_linked_elsewhere(db, collection.url)
            plan = self.planner() if self.planner is not None else None
            planned = plan.planned_days(db) if plan is not None else {}
            todos = TodoSync(db, collection, items, elsewhere, prefer, self.now(), self.tz, counts)
            event_changes = {}
            for href, (etag, found, text) in parsed.items():
                if found.todos:
                    todos.remote_changed(href, etag, found.todos[0], text)
                else:
                    event_changes[href] = (etag, found.events)
            event_gone = [h for h in gone if dav_records.is_event(items.get(h))]
            for href in gone:
                if dav_records.is_todo(items.get(href)):
                    todos.remote_gone(href)
            report.events = apply_events(db, collection, items, event_changes, event_gone)
            if report.events:
                refresh(db, self.now(), self.tz)
                if plan is not None and planned:  # before the blocks are sent: the new ones go
                    report.replanned = plan.replan_changed(db, planned)
            pushes = todos.local_changes()
            if collection.blocks:
                from vaworkspace.service.dav_blocks import block_changes

                for href in gone:
                    if dav_records.is_block(items.get(href)):
                        items.pop(href)  # deleted on the server: sent again
                pushes += block_changes(db, collection, items, self.tz, self.now())
            dav_records.save_sync_state(db, collection.url, token, items)
        report.pulled, report.deleted_here = counts.pulled, counts.deleted_here
        report.conflicts += counts.conflicts
        return pushes

    def _over_server_blocks(
        self, connection: Connection, collection: Collection, pushes: list[Push]
    ) -> None:
        """A block rewritten here is laid over the server's current copy, read
        now (blocks are never pulled): what a phone added to it (an alarm, its
        X- properties) stays, and the block's own fields are the workspace's."""
        from vaworkspace.ical.overlay import overlay

        rewrites = [p for p in pushes if p.block is not None and p.text and p.etag]
        found = connection.fetch(collection.url, [p.href for p in rewrites]) if rewrites else {}
        for push in rewrites:
            if push.href in found and push.text is not None:
                etag, server_text = found[push.href]
                push.etag = etag or push.etag
                push.text = overlay(server_text, push.text, "VEVENT")

    def _push(
        self,
        connection: Connection,
        collection: Collection,
        pushes: list[Push],
        report: CollectionSync,
    ) -> None:
        """Send each write; record the ones that succeeded, even when a later one
        fails (then the failure is raised after recording)."""
        from vaworkspace.dav.client import Precondition

        done: list[tuple[Push, str | None]] = []
        failure: VaError | None = None
        for push in pushes:
            try:
                if push.text is None:
                    connection.delete(push.href, push.etag)
                    done.append((push, None))
                else:
                    done.append((push, connection.put(push.href, push.text, push.etag)))
            except Precondition:
                note = _(
                    "{href} changed on the server during this sync; run `va sync` again to merge it"
                )
                report.notes.append(note.format(href=push.href))
            except VaError as error:
                failure = error
                break
        self._record(collection, done, report)
        if failure is not None:
            raise failure

    def _record(
        self, collection: Collection, done: list[tuple[Push, str | None]], report: CollectionSync
    ) -> None:
        from vaworkspace.ical.resource import read_resource
        from vaworkspace.ical.todos import task_from_todo
        from vaworkspace.service.snapshot import new_uuid
        from vaworkspace.store.records import task_to_record

        if not done:
            return
        with self.file.transaction() as db:
            record = dav_records.sync_state(db, collection.url)[1]
            items = dict(record.get("items", {}))  # items are replaced, never changed in place
            for push, etag in done:
                if push.block is not None:
                    if push.text is None:
                        items.pop(push.href, None)
                    else:
                        items[push.href] = dav_records.block_item(etag or "", push.block)
                    report.blocks += 1
                    continue
                if push.text is None or push.task is None:
                    items.pop(push.href, None)
                    report.deleted_there += 1
                    continue
                read = read_resource(push.text, push.href, self.tz).todos[0]
                theirs = task_from_todo(read, collection.client, self.now(), new_uuid)
                items[push.href] = dav_records.todo_item(
                    push.uid,
                    etag or "",
                    task_to_record(push.task),
                    task_to_record(theirs),
                    push.text,
                )
                report.pushed += 1
            dav_records.save_sync_state(db, collection.url, record.get("token"), items)
