"""Remember which file version was checked, so reads can skip checking it again.

Checking every record (`schema.check_document`) costs about half a parse on a
10,000-task file, on every command. But nearly every version of the file was
written by a transaction that had checked what it read and what it changed. So
after each write the writer notes the new file's identity in a sidecar,
`.<name>.checked`; a reader whose file has exactly that identity skips the
check. Any other file — edited by hand, restored, written by an older version,
damaged on disk — is checked in full.

The identity is (device, inode, size, mtime_ns, ctime_ns) as `fstat` gives it
for the bytes that were read. A change of the file by any means changes its
ctime, which no user can set back (unlike mtime). A missing, torn or stale
sidecar only costs a full check; it can never make a damaged file pass, short
of someone forging it on purpose. Best effort: a folder we cannot write to just
means full checks.
"""

from __future__ import annotations

import os


def sidecar(path: str) -> str:
    """The sidecar of the workspace file at (resolved) `path`."""
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.checked")


def identity(st: os.stat_result) -> bytes:
    return b"%d %d %d %d %d\n" % (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def was_checked(path: str, st: os.stat_result) -> bool:
    """Whether the file version `st` (read from `path`) is the one last checked."""
    try:
        fd = os.open(sidecar(path), os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        return os.read(fd, 128) == identity(st)
    except OSError:
        return False
    finally:
        os.close(fd)


def mark_checked(path: str) -> None:
    """Note the file now at `path` as checked. Call under the workspace lock,
    right after writing it from a checked document."""
    try:
        st = os.stat(path)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC | os.O_NOFOLLOW
        fd = os.open(sidecar(path), flags, 0o600)
    except OSError:
        return
    try:
        os.write(fd, identity(st))
    except OSError:
        pass
    finally:
        os.close(fd)
