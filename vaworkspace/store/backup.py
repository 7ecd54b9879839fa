"""Daily copies of the workspace, so a bad edit or import can be undone.

Before the first write of each local day the current, valid file is copied to
`<folder>/backups/<stem>-YYYY-MM-DD.json`; the newest `KEEP` of those are kept.
Before a schema migration the old bytes also go to
`<stem>-YYYY-MM-DD-schema<N>.json`, which rotation never deletes (a downgrade
needs it). Copies are written from the bytes the transaction already read (no
second read, no shutil) and atomically, so a crash never leaves a half backup
that would stop today's backup from being retaken.

Deliberately I/O only: the caller (`file.py`) decides when, holding the lock.
"""

from __future__ import annotations

import os

from vaworkspace.store import atomic

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

KEEP = 14
"""Daily backups kept per workspace."""


def backup_dir(path: str) -> str:
    return os.path.join(os.path.dirname(os.fspath(path)), "backups")


def _stem(path: str) -> str:
    name = os.path.basename(os.fspath(path))
    stem = os.path.splitext(name)[0]
    return stem or name


def _is_day(text: str) -> bool:
    """`YYYY-MM-DD` without importing `re` or `datetime`."""
    return (
        len(text) == 10
        and text[4] == text[7] == "-"
        and (text[:4] + text[5:7] + text[8:]).isdigit()
        and text.isascii()
    )


def daily_path(path: str, day: str) -> str:
    return os.path.join(backup_dir(path), f"{_stem(path)}-{day}.json")


def _parse_name(name: str, stem: str) -> tuple[str, bool] | None:
    """(day, is_daily) if `name` is a backup of workspace `stem`, else None.

    Strict, so `ws-old-2024-05-01.json` is not taken for a backup of `ws`.
    """
    prefix = f"{stem}-"
    if not (name.startswith(prefix) and name.endswith(".json")):
        return None
    rest = name[len(prefix) : -len(".json")]
    day, suffix = rest[:10], rest[10:]
    if not _is_day(day):
        return None
    if not suffix:
        return day, True
    if suffix.startswith("-schema") and suffix[7:].isdigit():
        return day, False
    return None


def _backups(path: str) -> list[tuple[str, bool, str]]:
    """(day, is_daily, file name) of every backup of `path`, unsorted."""
    try:
        names = os.listdir(backup_dir(path))
    except OSError:
        return []
    stem = _stem(path)
    found = []
    for name in names:
        parsed = _parse_name(name, stem)
        if parsed is not None:
            found.append((*parsed, name))
    return found


def newest_backup(path: str | os.PathLike) -> Path | None:
    """The most recent backup of the workspace at `path`, or None.

    Ordered by the day in the name, then by modification time (a migration backup
    and a daily one can share a day).
    """
    from pathlib import Path

    path = os.fspath(path)
    folder = backup_dir(path)
    best: tuple[str, int] | None = None
    best_name = ""
    for day, _daily, name in _backups(path):
        try:
            mtime = os.stat(os.path.join(folder, name)).st_mtime_ns
        except OSError:
            continue
        if best is None or (day, mtime) > best:
            best, best_name = (day, mtime), name
    return Path(folder, best_name) if best is not None else None


def write_backup(path: str, raw: bytes, suffix: str) -> str:
    """Write `raw` as `<stem>-<suffix>.json` in the backup folder; return its path.

    An `OSError` always names a file: the backup's path when the failing call
    (a write, an fsync on a full disk) had none of its own.
    """
    folder = backup_dir(path)
    target = os.path.join(folder, f"{_stem(path)}-{suffix}.json")
    try:
        atomic.make_dirs(folder)
        atomic.write_atomic(target, raw)
    except OSError as exc:
        if exc.filename is None:
            exc.filename = target
        raise
    return target


def ensure_daily(path: str, raw: bytes, day: str, keep: int = KEEP) -> str | None:
    """Back up `raw` unless `path` already has a backup for `day`; then rotate.

    Returns the new backup's path, or None when today's already existed.
    """
    target = daily_path(path, day)
    if os.path.exists(target):
        return None
    write_backup(path, raw, day)
    rotate(path, keep)
    return target


def rotate(path: str, keep: int = KEEP) -> list[str]:
    """Delete all but the newest `keep` daily backups; return the deleted paths."""
    daily = sorted(name for day, is_daily, name in _backups(path) if is_daily)
    doomed = [os.path.join(backup_dir(path), name) for name in daily[: max(len(daily) - keep, 0)]]
    for victim in doomed:
        atomic.unlink_quietly(victim)
    return doomed


def sweep_temps(path: str) -> None:
    """Remove temp files that writers killed mid-write left behind: the
    workspace's `.<name>.<pid>.tmp` and its backups' `.<backup>.<pid>.tmp`.

    Runs after every write (two `listdir`s), so killed writers never pile up
    files. Only files of dead processes: a temp file is named after its
    writer's pid, and a live writer's file is never touched, whatever lock it
    holds or misses.
    """
    folder, name = os.path.split(os.fspath(path))
    stem = _stem(path)
    for where, stale in (
        (folder or ".", lambda entry: atomic.is_temp_of(entry, name)),
        (
            backup_dir(path),
            lambda entry: (
                entry.endswith(".tmp")
                and _parse_name(entry[1:].rsplit(".", 2)[0], stem) is not None
                and atomic.is_temp_of(entry, entry[1:].rsplit(".", 2)[0])
            ),
        ),
    ):
        try:
            entries = os.listdir(where)
        except OSError:
            continue
        for entry in entries:
            if stale(entry) and not _alive(int(entry.rsplit(".", 2)[1])):
                atomic.unlink_quietly(os.path.join(where, entry))


def _alive(pid: int) -> bool:
    """Whether process `pid` exists (ours, someone else's, or a zombie)."""
    if pid <= 0 or pid == os.getpid():
        return pid > 0  # 0 would ask about our process group, not a process
    try:
        os.kill(pid, 0)
    except PermissionError:
        return True  # another user's process
    except (ProcessLookupError, OverflowError):
        return False
    return True
