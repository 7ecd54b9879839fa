"""Files a command writes for the user (`va export -o FILE`): the way the store
writes, so the CLI never reaches into `store/` itself.

Such a file holds client names and task titles, so it is written like the
workspace: atomically (temp file, fsync, rename), mode 0600 whatever the umask
or the old file's mode; through a symlink, the link keeps pointing at the new
file. A failure is one `InputError` naming the path; nothing half-written stays.
"""

from __future__ import annotations

import os

from vaworkspace.errors import InputError
from vaworkspace.i18n import _


def write_private_file(path: str, data: bytes) -> None:
    from vaworkspace.store.atomic import write_atomic

    try:
        write_atomic(os.path.realpath(path), data)
    except OSError as error:
        raise InputError(
            _("cannot write {path}: {error}").format(path=path, error=error.strerror)
        ) from None
