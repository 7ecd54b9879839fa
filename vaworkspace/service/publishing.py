"""Publishing: `[[publish]]` calendar files that follow the workspace.

Each `[[publish]]` entry of the config names a file (`path`) and optionally a
client; the file holds what `va export --client CLIENT` would write. A calendar
app subscribed to it through any file sync stays current.

Publishing is not part of a change: a transaction only notes, in memory, which
clients it touched (`store/touched.py`; `unpublished`, and the `after_change` hook the
TUI uses to start its worker), and the caller publishes when it is ready — the
CLI once its command is done, the TUI in a worker thread. Problems come back in
the `PublishReport`; a change is never refused or undone because a published
file could not be written.

A round costs what the touched feeds hold, not a whole export: a feed whose
client the change did not touch is not even read; a touched one is built from
scratch from its own records (`ical/feed.py`), compared with the published
file (DTSTAMP values aside), and rewritten only when its content differs.
`publish()` (`va publish`) rebuilds every feed: after another process's change
or a change of settings. Nothing is kept between rounds but the workspace file.

What callers may rely on:

- A published file is byte for byte what `va export --client CLIENT` writes at
  the moment it was rewritten.
- Publishers take turns (a lock beside the workspace file) and each reads the
  workspace as it is when its turn comes, so two `va` processes never leave an
  older state in a published file after a newer one.
- A published file is replaced atomically (temp file, fsync, rename); a new one
  is created 0600 in folders created 0700, an existing one keeps its mode (it
  may be meant for a web server), and a symlink keeps pointing at its target.
"""

from __future__ import annotations

import os

from vaworkspace.config import PublishTarget, publish_targets
from vaworkspace.errors import VaError
from vaworkspace.i18n import _

__all__ = ["PublishReport", "PublishTarget", "publish_targets"]
from vaworkspace.service.context import Context, Service

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, MutableMapping
    from typing import Any

    from vaworkspace.ical.feed_facts import Facts
    from vaworkspace.store.file import WorkspaceFile

    Doc = MutableMapping[str, dict[str, dict[str, Any]]]
    """The workspace file as read: table name → record id → record."""
    Touched = set[str | None] | None
    """The clients a change touched (None: any may have; see `store/touched.py`)."""


class PublishReport:
    """What one round of publishing did: files rewritten, files already current,
    and one line per problem (a bad entry, a file that could not be written).

    A plain slotted class, as the other classes of the publishing path
    (`Feed`, `Facts`, `ZoneForm`): a `va add` with a feed builds each once, and a
    dataclass costs each process the compiling of its generated methods."""

    __slots__ = ("problems", "unchanged", "written")

    def __init__(
        self,
        written: list[str] | None = None,
        unchanged: list[str] | None = None,
        problems: list[str] | None = None,
    ) -> None:
        self.written: list[str] = [] if written is None else written
        self.unchanged: list[str] = [] if unchanged is None else unchanged
        self.problems: list[str] = [] if problems is None else problems

    def __repr__(self) -> str:
        return f"PublishReport({self.written!r}, {self.unchanged!r}, {self.problems!r})"


class PublishService(Service):
    """`ws.publishing`: keep the `[[publish]]` files current."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.after_change: Callable[[], None] | None = None
        """Called (in the thread that made it) after each saved change that touched a
        feed: the TUI starts its publishing worker from here."""
        self._pending: list[Touched] = []
        """What each change since the last round touched (`store/touched.touched_clients`),
        appended by the thread that changes and taken by the one that publishes."""
        if self.config.publish:
            self.file.after_save = self._note_change

    @property
    def unpublished(self) -> bool:
        """True once a change that touched a feed was saved and not yet published."""
        return bool(self._pending)

    def _note_change(self, before: Doc | None, after: Doc) -> None:
        """`WorkspaceFile.after_save`: which clients the write touched, in memory."""
        from vaworkspace.store.touched import touched_clients

        touched = touched_clients(before, after)
        if touched is not None and not touched:
            return  # e.g. a timer or a stored expansion: no feed shows it
        self._pending.append(touched)
        hook = self.after_change
        if hook is not None:
            hook()

    def publish_pending(self) -> PublishReport:
        """Rewrite the feeds the changes since the last round touched (files that
        are missing too); reports nothing if there were no such changes."""
        taken = self._take_pending()
        if not taken:
            return PublishReport()
        touched: set[str | None] | None = set()
        for each in taken:
            if each is None:
                touched = None
                break
            touched.update(each)  # type: ignore[union-attr]
        return self._publish(touched)

    def publish(self) -> PublishReport:
        """Rebuild every `[[publish]]` feed (`va publish`): after a change of
        settings (the zone, a new entry) or another process's change."""
        self._take_pending()
        return self._publish(None)

    def _take_pending(self) -> list[Touched]:
        """Take the changes noted so far; one appended meanwhile stays (list
        slicing and deletion are atomic under the GIL)."""
        count = len(self._pending)
        taken = self._pending[:count]
        del self._pending[:count]
        return taken

    def _publish(self, touched: Touched) -> PublishReport:
        """Rewrite the files of the feeds `touched` concerns (None: all) whose
        content changed; never raises a VaError. Safe to call from a worker
        thread while the workspace is being changed: it reads the file's cached
        snapshot and writes only the published files (and derived text, below)."""
        from vaworkspace.store import lock

        targets = list(self.config.publish)  # checked when the config was loaded
        report = PublishReport()
        if not targets:
            return report
        lock_path = self.path + ".publish.lock"
        try:
            held = lock.acquire(lock_path, self.file.lock_timeout, self.path)
        except VaError as error:
            report.problems.append(f"publishing skipped: {error}")
            return report
        try:
            self._publish_all(targets, report, touched)
        finally:
            lock.release(held, lock_path)
        return report

    def _publish_all(
        self, targets: list[PublishTarget], report: PublishReport, touched: Touched
    ) -> None:
        from vaworkspace.ical.feed_facts import Facts, ical_key

        try:
            doc = self.file.read()  # as it is now: the newest state wins
        except VaError as error:
            report.problems.append(f"publishing skipped: {error}")
            return
        from vaworkspace.store.rendered import kept_facts

        key = ical_key()
        facts = Facts.kept(key, kept_facts(doc, key))
        for target in targets:
            try:
                if self._publish_one(target, doc, touched, facts):
                    report.written.append(target.path)
                else:
                    report.unchanged.append(target.path)
            except VaError as error:
                report.problems.append(f"publishing {target.path} failed: {error}")
            except OSError as error:
                reason = error.strerror or str(error)
                report.problems.append(f"publishing {target.path} failed: {reason}")
            except ValueError as error:  # a stored rule or text icalendar cannot write
                report.problems.append(f"publishing {target.path} failed: {error}")
        if facts.learned_events or facts.learned_facts:
            try:
                keep_derived(self.file, facts)
            except VaError as error:
                report.problems.append(f"publishing: calendar text not kept ({error})")

    def _publish_one(self, target: PublishTarget, doc: Doc, touched: Touched, facts: Facts) -> bool:
        """Rewrite one file if the change concerns it and its content changed
        (or it is missing); returns whether it was written."""
        from vaworkspace.ical.feed import build
        from vaworkspace.store.feed_source import FeedSource

        client_id, name = _feed_owner(doc, target.client)
        if touched is None:
            concerned = True
        else:
            concerned = bool(touched) if client_id is None else client_id in touched
        if not concerned and os.path.lexists(target.path):
            return False
        feed = build(FeedSource(doc, client_id), name, self.tz, facts)
        if feed.same_as(_published(target.path)):
            return False
        write_published(target.path, feed.data(self.now()))
        return True


def _published(path: str) -> bytes:
    """The published file as it is now (b"" if missing or unreadable): it is
    the feed's own size, and what the new content is compared with."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return b""


def keep_derived(file: WorkspaceFile, facts: Facts) -> None:
    """Have the store keep the text this round had to render through icalendar
    (`store/rendered.py`), so the next round reads it from the workspace file
    (`ical/feed.py`). Changes no feed (see `store/touched.py`)."""
    from vaworkspace.store.rendered import keep_rendered

    kept = facts.to_keep() if facts.learned_facts else None
    keep_rendered(file, facts.key, facts.learned_events, kept)


def _feed_owner(doc: Doc, ref: str | None) -> tuple[str | None, str]:
    """The client id a feed shows (None: everyone) and the calendar's name.

    Resolved from the document itself, not the service's snapshot: this may run
    in the TUI's worker thread while the event loop uses the snapshot.
    """
    if ref is None:
        return None, "vaworkspace"
    from vaworkspace.domain.clients import resolve_client
    from vaworkspace.store.feed_source import feed_clients

    client = resolve_client(ref, feed_clients(doc))
    return client.id, client.name


def write_published(path: str, data: bytes) -> None:
    """Replace the published file `path` atomically: 0600 (in folders made 0700)
    when new, its own mode when it exists; a symlink's target is what changes."""
    import stat

    from vaworkspace.errors import InputError
    from vaworkspace.store.atomic import make_dirs, write_atomic

    real = os.path.realpath(path)
    make_dirs(os.path.dirname(real))
    try:
        st = os.stat(real)
    except FileNotFoundError:
        mode = None
    else:
        if not stat.S_ISREG(st.st_mode):
            raise InputError(
                _("{path} exists and is not a file; choose another path").format(path=path)
            )
        mode = stat.S_IMODE(st.st_mode)
    write_atomic(real, data, mode)
