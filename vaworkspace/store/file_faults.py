"""What the operating system says about the workspace file, in the user's words.

A folder, a FIFO or a huge file given as the workspace is refused before it is
read; a failed write says what the user can do (free space, permissions).
"""

from __future__ import annotations

import os

from vaworkspace.errors import StoreError
from vaworkspace.i18n import _
from vaworkspace.store.migrations import bad_file

MAX_BYTES = 512 * 1024 * 1024
"""A larger file is refused unread: a 10,000-task workspace is ~4 MB."""


def check_kind(path: str, st: os.stat_result) -> None:
    """Refuse what is not a regular workspace-sized file, before reading it."""
    import stat

    if stat.S_ISDIR(st.st_mode):
        raise StoreError(not_a_file(path))
    if not stat.S_ISREG(st.st_mode):
        if stat.S_ISFIFO(st.st_mode):
            message = _("workspace {path} is a FIFO, not a file; give the path of a file")
        else:
            message = _(
                "workspace {path} is a device or socket, not a file; give the path of a file"
            )
        raise StoreError(message.format(path=path))
    if st.st_size > MAX_BYTES:
        raise bad_file(
            path,
            _("is too large ({size} MB, the limit is {limit} MB)").format(
                size=st.st_size >> 20, limit=MAX_BYTES >> 20
            ),
        )


def not_a_file(path: str) -> str:
    return _("workspace {path} is a folder, not a file; give the path of a file").format(path=path)


def unreadable(path: str, exc: OSError) -> StoreError:
    """The one-line error for a file that exists but cannot be read."""
    if isinstance(exc, PermissionError):
        return StoreError(
            _(
                "workspace {path} cannot be read (permission denied); "
                "check its owner and mode (chmod 600 {path})"
            ).format(path=path)
        )
    return StoreError(
        _("workspace {path} cannot be read ({why}); check the path and the disk").format(
            path=path, why=exc.strerror
        )
    )


def remedy(exc: OSError, folder: str) -> str:
    """What the user can do about a failed write."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("free some space on the disk that holds {folder} and try again").format(
            folder=folder
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("check that {folder} is writable by you").format(folder=folder)
    return _("check {folder} and the disk, then try again").format(folder=folder)


def check_writable(path: str, real: str, st: os.stat_result) -> None:
    """Refuse to replace a file its owner made read-only, or someone else's.

    Checked by the mode bits and the owner, not only `os.access`: root may
    write anything, but replacing a 0400 file would still undo the owner's
    protection, and replacing another user's file would make it ours.
    """
    mode = st.st_mode & 0o777
    if not st.st_mode & 0o200 or not os.access(real, os.W_OK):
        raise StoreError(
            _(
                "workspace {path} is read-only (mode {mode}); nothing was changed; "
                "to allow changes: chmod u+w {path}"
            ).format(path=path, mode=f"{mode:04o}")
        )
    if st.st_uid != os.geteuid():
        raise StoreError(
            _(
                "workspace {path} belongs to another user (uid {uid}); nothing "
                "was changed; run va as that user, or copy the file and use the copy"
            ).format(path=path, uid=st.st_uid)
        )
