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

What callers may rely on:

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
            for target in targets:
                try:
                    data = self.export_calendar(target.client)
                    write_published(target.path, data)
                    report.written.append(target.path)
                except VaError as error:
                    report.problems.append(f"publishing {target.path} failed: {error}")
                except OSError as error:
                    reason = error.strerror or str(error)
                    report.problems.append(f"publishing {target.path} failed: {reason}")
        finally:
            lock.release(held, lock_path)
        return report


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
            raise InputError(f"{path} exists and is not a file; choose another path")
        mode = stat.S_IMODE(st.st_mode)
    write_atomic(real, data, mode)
