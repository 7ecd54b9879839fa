"""Publishing: `[[publish]]` calendar files that follow the workspace.

Each `[[publish]]` entry of the config names a file (`path`) and optionally a
client; the file holds what `va export --client CLIENT` would write. A calendar
app subscribed to it through any file sync stays current.

Publishing is not part of a change: a transaction only notes that the workspace
changed (`unpublished`, and the `after_change` hook the TUI uses to start its
worker), and the caller publishes when it is ready — the CLI once its command is
done, the TUI in a worker thread. Problems come back in the `PublishReport`;
a change is never refused or undone because a published file could not be
written.

A round costs about what each feed holds, not a whole export: one pass over
the tables picks a feed's records, `ical/feed.py` renders again only the
components whose records changed (the rest is kept in `cache/` beside the
workspace file), and a file is rewritten only when its content changed (or it
went missing, or something else replaced it).

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
from dataclasses import dataclass, field

from vaworkspace.errors import VaError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable


@dataclass(frozen=True, slots=True)
class PublishTarget:
    """One `[[publish]]` entry: an absolute file path and the client it shows
    (None: every client)."""

    path: str
    client: str | None = None


@dataclass(slots=True)
class PublishReport:
    """What one round of publishing did: files rewritten, files already current,
    and one line per problem (a bad entry, a file that could not be written)."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def publish_targets(raw: dict) -> tuple[list[PublishTarget], list[str]]:
    """The config's `[[publish]]` entries, and a problem line for each bad one."""
    entries = raw.get("publish", [])
    if isinstance(entries, dict):
        entries = [entries]
    if not isinstance(entries, list):
        return [], ["`publish` in the config must be a list of [[publish]] tables"]
    targets, problems = [], []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            problems.append(f'[[publish]] entry {number} is not a table; give it path = "…"')
            continue
        path, client = entry.get("path"), entry.get("client")
        if not isinstance(path, str) or not path.strip():
            problems.append(f'[[publish]] entry {number} has no path; add path = "FILE.ics"')
            continue
        if client is not None and (not isinstance(client, str) or not client.strip()):
            problems.append(f"[[publish]] entry {number} ({path}): client must be a client's name")
            continue
        targets.append(PublishTarget(os.path.abspath(os.path.expanduser(path)), client or None))
    return targets, problems


class PublishChanges:
    """Publishing use cases of `Workspace`."""

    unpublished: bool = False
    """True once a change was saved and not yet published (only with [[publish]])."""
    after_change: Callable[[], None] | None = None
    """Called (in the thread that made it) after each saved change, when there is
    something to publish: the TUI starts its publishing worker from here."""

    def _note_change(self) -> None:
        """`WorkspaceFile.after_save`: cheap, so publishing never slows a write."""
        self.unpublished = True
        hook = self.after_change
        if hook is not None:
            hook()

    def publish_pending(self) -> PublishReport:
        """Publish if a change was saved since the last round; else report nothing."""
        if not self.unpublished:
            return PublishReport()
        return self.publish()

    def publish(self) -> PublishReport:
        """Rewrite the `[[publish]]` files whose content changed; never raises a VaError.

        Safe to call from a worker thread while the workspace is being changed:
        it reads the file's cached snapshot and writes only the published files.
        """
        from vaworkspace.store import lock

        self.unpublished = False
        targets, problems = publish_targets(self.config.raw)
        report = PublishReport(problems=problems)
        if not targets:
            return report
        lock_path = self.path + ".publish.lock"
        try:
            held = lock.acquire(lock_path, self.file.lock_timeout, self.path)
        except VaError as error:
            report.problems.append(f"publishing skipped: {error}")
            return report
        try:
            self._publish_all(targets, report)
        finally:
            lock.release(held, lock_path)
        return report

    def _publish_all(self, targets: list[PublishTarget], report: PublishReport) -> None:
        try:
            doc = self.file.read()  # as it is now: the newest state wins
        except VaError as error:
            report.problems.append(f"publishing skipped: {error}")
            return
        for target in targets:
            try:
                if self._publish_one(target, doc):
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

    def _publish_one(self, target: PublishTarget, doc: dict) -> bool:
        """Rewrite one file if its content changed (or it is missing or was
        replaced since); returns whether it was written."""
        from vaworkspace.ical.feed import build

        client_id, name = _feed_owner(doc, target.client)
        cache_path = feed_cache_path(self.path, target)
        stored = _read_cache(cache_path, target)
        feed = build(doc, client_id, name, self.tz, stored.get("feed"))
        on_disk = _file_signature(target.path)
        current = on_disk is not None and stored.get("file") == on_disk
        if current and stored.get("digest") == feed.digest:
            if feed.rendered:  # e.g. a record changed in a way the feed does not show
                _write_cache(cache_path, target, feed, stored["file"])
            return False
        written = write_published(target.path, feed.data(self.now()))
        signature = [written.st_mtime_ns, written.st_size, written.st_ino]
        _write_cache(cache_path, target, feed, signature)
        return True


def _feed_owner(doc: dict, ref: str | None) -> tuple[str | None, str]:
    """The client id a feed shows (None: everyone) and the calendar's name.

    Resolved from the document itself, not the service's snapshot: this may run
    in the TUI's worker thread while the event loop uses the snapshot.
    """
    if ref is None:
        return None, "vaworkspace"
    from vaworkspace.domain.clients import resolve_client
    from vaworkspace.store.records import client_from_record

    client = resolve_client(ref, [client_from_record(r) for r in doc["clients"].values()])
    return client.id, client.name


def feed_cache_path(workspace: str, target: PublishTarget) -> str:
    """Where a feed's components are kept between processes: beside the
    workspace (private data, like it), one file per published file and client."""
    import zlib

    folder, name = os.path.split(workspace)
    key = f"{target.path}\0{target.client or ''}".encode()
    stem = os.path.splitext(name)[0]
    return os.path.join(folder, "cache", f"{stem}-feed-{zlib.crc32(key):08x}.json")


def _read_cache(path: str, target: PublishTarget) -> dict:
    """The stored cache of this feed, or {} (missing, unreadable, another feed's)."""
    import orjson

    try:
        with open(path, "rb") as handle:
            stored = orjson.loads(handle.read())
    except (OSError, orjson.JSONDecodeError):
        return {}
    if not isinstance(stored, dict) or stored.get("target") != [target.path, target.client]:
        return {}
    return stored


def _write_cache(path: str, target: PublishTarget, feed, signature: list) -> None:
    """Replace the cache by renaming a private temp file over it, without fsync:
    it only saves work, and a cache lost or cut short by a crash reads as none
    (the next round rebuilds it), so the two fsyncs a durable write costs would
    be pure delay on every change."""
    import orjson

    from vaworkspace.store.atomic import make_dirs, temp_name, unlink_quietly

    stored = {
        "target": [target.path, target.client],
        "digest": feed.digest,
        "file": signature,
        "feed": feed.cache,
    }
    make_dirs(os.path.dirname(path))
    tmp = temp_name(path)
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY | os.O_CLOEXEC, 0o600)
        with open(fd, "wb") as handle:
            handle.write(orjson.dumps(stored))
        os.replace(tmp, path)
    except BaseException:
        unlink_quietly(tmp)
        raise


def _file_signature(path: str) -> list | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size, st.st_ino]


def write_published(path: str, data: bytes) -> os.stat_result:
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
            raise InputError(f"{path} exists and is not a file; choose another path")
        mode = stat.S_IMODE(st.st_mode)
    return write_atomic(real, data, mode)
