"""Crash-safe file replacement: readers see the old bytes or the new, never half.

The new content goes to a temp file in the same folder (so `os.replace` is a
rename within one filesystem, which POSIX makes atomic), is fsynced before the
rename (so the name never points at data still in the page cache), and the folder
is fsynced after it (so the rename itself survives a power cut). Temp files are
named `.<name>.<pid>.tmp`: hidden, and traceable to the process that left one.
"""

from __future__ import annotations

import os
import time

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def temp_name(path: str, pid: int | None = None) -> str:
    """The temp file `write_atomic` uses for `path` in process `pid`."""
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.{os.getpid() if pid is None else pid}.tmp")


def is_temp_of(entry: str, name: str) -> bool:
    """Whether the folder entry `entry` is a temp file left by a writer of `name`."""
    prefix = f".{name}."
    pid = entry[len(prefix) : -len(".tmp")]
    return entry.startswith(prefix) and entry.endswith(".tmp") and pid.isdigit()


def make_dirs(folder: str) -> None:
    """Create `folder` and missing parents with mode 0700 (workspace data is private).

    `os.makedirs(mode=…)` applies the mode to the leaf only, hence the recursion.
    """
    if not folder or os.path.isdir(folder):
        return
    parent = os.path.dirname(folder)
    if parent and parent != folder:
        make_dirs(parent)
    try:
        os.mkdir(folder, PRIVATE_DIR)
    except FileExistsError:
        if not os.path.isdir(folder):  # a file in the way
            raise


def unlink_quietly(path: str) -> None:
    """Remove a file if possible; for clean-up paths that must not raise."""
    try:  # noqa: SIM105 - contextlib.suppress would cost an import
        os.unlink(path)
    except OSError:
        pass


def fsync_dir(folder: str) -> None:
    """Persist a rename in `folder`. Best effort: it runs after the rename, when
    the new content is already in place, so failing here must not report the
    write as failed (and some filesystems refuse to fsync folders)."""
    try:
        fd = os.open(folder or ".", os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(
    path: str,
    data: bytes | list[bytes | memoryview],
    mode: int | None = None,
    after_ns: int | None = None,
) -> os.stat_result:
    """Replace `path` with `data` (bytes, or chunks written one after the
    other) atomically and durably; return the new file's stat.

    `mode` keeps an existing file's permissions (default 0600). `after_ns` (the
    old file's mtime) makes the new mtime the current time at full nanosecond
    precision and strictly later than `after_ns`: the kernel stamps files with a
    coarse clock (ms ticks) and ext4 reuses the inode just freed by the previous
    replace, so two quick same-size writes could otherwise leave (mtime, size,
    inode) unchanged and a polling reader would miss the second. Callers hold the
    workspace lock, so a temp file with our name can only be left over from a dead
    process that had our pid: it is removed and the exclusive create retried. On
    any failure the temp file is removed and `path` is untouched.
    """
    tmp = temp_name(path)
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_CLOEXEC
    try:
        fd = os.open(tmp, flags, PRIVATE_FILE)
    except FileExistsError:
        os.unlink(tmp)
        fd = os.open(tmp, flags, PRIVATE_FILE)
    try:
        try:
            for chunk in [data] if isinstance(data, bytes) else data:
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view) :]
            if mode is not None and mode != PRIVATE_FILE:
                os.fchmod(fd, mode)
            if after_ns is not None:
                stamp = max(time.time_ns(), after_ns + 1)
                os.utime(fd, ns=(stamp, stamp))
            os.fsync(fd)
            st = os.fstat(fd)  # rename keeps mtime, size and inode: the new signature
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        unlink_quietly(tmp)
        raise
    fsync_dir(os.path.dirname(path))
    return st
