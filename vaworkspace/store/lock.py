"""The inter-process lock that serialises every read-modify-write of a workspace.

`fcntl.flock` on a sidecar `<file>.lock`: the kernel drops the lock when its holder
dies (even on SIGKILL), so a crash never leaves a stale lock behind, and locking a
sidecar rather than the data file keeps the lock valid across the `os.replace`
that swaps the data file's inode. The sidecar is never deleted: unlinking a lock
file lets two processes lock two different inodes.

The holder writes its pid into the sidecar so a waiting process can name it, and
clears it before unlocking so a stale pid is never shown. We poll with `LOCK_NB`
instead of blocking so the wait can time out with a clear message.

flock locks belong to open file descriptions, so two threads of one process
exclude each other too; `_HELD` remembers which thread holds which sidecar so a
thread that asks again (a nested transaction) fails at once instead of waiting
for itself until the timeout.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from _thread import get_ident

from vaworkspace.errors import StoreError, WorkspaceBusy
from vaworkspace.i18n import _

_BUSY = (errno.EWOULDBLOCK, errno.EAGAIN)
_HELD: dict[str, int] = {}
"""Absolute sidecar path → id of the thread of this process that holds it."""


def _holder(fd: int) -> int | None:
    """The pid written by the current holder, if it has written one yet."""
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _unlockable(label: str, lock_path: str, exc: OSError) -> StoreError:
    return StoreError(
        _(
            "workspace {path} cannot be locked: {lock}: {why}; "
            "check the folder's owner and permissions"
        ).format(path=label, lock=lock_path, why=exc.strerror)
    )


def acquire(lock_path: str, timeout: float, label: str) -> int:
    """Lock `lock_path` exclusively and return its fd; wait up to `timeout` seconds.

    `label` names the workspace in messages. Raises `StoreError` on timeout, and at
    once if this thread already holds the lock (a nested transaction), which would
    otherwise wait for itself.
    """
    key = os.path.abspath(lock_path)
    if _HELD.get(key) == get_ident():
        raise StoreError(
            _(
                "workspace {path} is already in a transaction in this thread "
                "(nested transaction); finish the outer one first"
            ).format(path=label)
        )
    flags = os.O_CREAT | os.O_CLOEXEC
    try:
        fd = os.open(lock_path, flags | os.O_RDWR, 0o600)
    except PermissionError:
        try:  # someone else's sidecar: we can still lock it, just not sign it
            fd = os.open(lock_path, flags | os.O_RDONLY, 0o600)
        except OSError as exc:
            raise _unlockable(label, lock_path, exc) from None
    except OSError as exc:
        raise _unlockable(label, lock_path, exc) from None
    try:
        deadline = time.monotonic() + timeout
        delay = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in _BUSY:
                    raise StoreError(
                        _("workspace {path} cannot be locked: {why}").format(
                            path=label, why=exc.strerror
                        )
                    ) from None
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                holder = _holder(fd)
                if holder:
                    busy = _("workspace {path} is locked by process {pid} (another va?); try again")
                else:
                    busy = _(
                        "workspace {path} is locked by another process (another va?); try again"
                    )
                raise WorkspaceBusy(busy.format(path=label, pid=holder), holder)
            time.sleep(min(delay, remaining))
            delay = min(delay * 2, 0.02)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, b"%d\n" % os.getpid(), 0)
        except OSError:
            pass  # read-only sidecar: the lock holds, only the pid is missing
    except BaseException:
        os.close(fd)
        raise
    _HELD[key] = get_ident()
    return fd


def release(fd: int, lock_path: str) -> None:
    """Clear our pid, unlock and close (closing alone would unlock too)."""
    _HELD.pop(os.path.abspath(lock_path), None)
    try:  # noqa: SIM105 - contextlib.suppress would cost an import
        os.ftruncate(fd, 0)
    except OSError:  # a read-only sidecar holds no pid
        pass
    try:
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
