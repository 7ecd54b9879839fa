"""What the operating system says about the workspace file, in the user's words.

A folder, a FIFO or a huge file given as the workspace is refused before it is
read; a failed write says what the user can do (free space, permissions).
"""

from __future__ import annotations

import os

from vaworkspace.errors import StoreError
from vaworkspace.store.migrations import bad_file

MAX_BYTES = 512 * 1024 * 1024
"""A larger file is refused unread: a 10,000-task workspace is ~4 MB."""


def check_kind(path: str, st: os.stat_result) -> None:
    """Refuse what is not a regular workspace-sized file, before reading it."""
    import stat

    if stat.S_ISDIR(st.st_mode):
        raise StoreError(f"workspace {path} is a folder, not a file; give the path of a file")
    if not stat.S_ISREG(st.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device or socket"
        raise StoreError(f"workspace {path} is {kind}, not a file; give the path of a file")
    if st.st_size > MAX_BYTES:
        raise bad_file(
            path, f"is too large ({st.st_size >> 20} MB, the limit is {MAX_BYTES >> 20} MB)"
        )


def remedy(exc: OSError, folder: str) -> str:
    """What the user can do about a failed write."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"free some space on the disk that holds {folder} and try again"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"check that {folder} is writable by you"
    return f"check {folder} and the disk, then try again"


def check_writable(path: str, real: str, st: os.stat_result) -> None:
    """Refuse to replace a file its owner made read-only, or someone else's.

    Checked by the mode bits and the owner, not only `os.access`: root may
    write anything, but replacing a 0400 file would still undo the owner's
    protection, and replacing another user's file would make it ours.
    """
    mode = st.st_mode & 0o777
    if not st.st_mode & 0o200 or not os.access(real, os.W_OK):
        raise StoreError(
            f"workspace {path} is read-only (mode {mode:04o}); nothing was changed; "
            f"to allow changes: chmod u+w {path}"
        )
    if st.st_uid != os.geteuid():
        raise StoreError(
            f"workspace {path} belongs to another user (uid {st.st_uid}); nothing "
            "was changed; run va as that user, or copy the file and use the copy"
        )
