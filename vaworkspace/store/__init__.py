"""Storage adapter: the one TinyDB JSON file that holds a VA's whole workspace.

Importing this package is cheap (stdlib `json`/`os` only): TinyDB, orjson and
the lock/backup helpers load on the first transaction. See `file.py`.

`SCHEMA` here is a copy; patch `vaworkspace.store.migrations.SCHEMA` in tests.
"""

from __future__ import annotations

from vaworkspace.store.file import DEFAULT_LOCK_TIMEOUT, WorkspaceFile, doc_table
from vaworkspace.store.migrations import APP, MIGRATIONS, SCHEMA, TABLES, migrate, skeleton

TYPE_CHECKING = False
if TYPE_CHECKING:
    import os
    from pathlib import Path


def newest_backup(path: str | os.PathLike) -> Path | None:
    """The newest backup of the workspace at `path`, or None (see `backup.py`;
    wrapped so importing the package does not import the backup module)."""
    from vaworkspace.store.backup import newest_backup as newest

    return newest(path)


__all__ = [
    "APP",
    "DEFAULT_LOCK_TIMEOUT",
    "MIGRATIONS",
    "SCHEMA",
    "TABLES",
    "WorkspaceFile",
    "doc_table",
    "migrate",
    "newest_backup",
    "skeleton",
]
