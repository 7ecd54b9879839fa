"""One locked read-modify-write of the workspace file: the `with` block's machinery.

`WorkspaceFile.transaction()` returns a `Transaction`: it takes the lock on the
resolved file, parses the file once (or reuses this process's copy when the
file has not changed), serves that document through an in-memory storage
that records the writes (of `store.tables`, or of TinyDB's API over it), and
saves the result once, atomically, when the block ends without an exception.
Imported only by transactions; TinyDB itself only when a transaction uses its
API (`Database`).
"""

from __future__ import annotations

import os
from _thread import get_ident

from vaworkspace.errors import StoreError
from vaworkspace.store.document import Document
from vaworkspace.store.file import stat_signature
from vaworkspace.store.migrations import skeleton

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from tinydb import TinyDB
    from tinydb.table import Table

    from vaworkspace.store.file import WorkspaceFile


class Transaction:
    """The context manager `WorkspaceFile.transaction()` returns.

    A class rather than `@contextmanager` to keep `contextlib` off the import path.
    """

    __slots__ = (
        "_before",
        "_file",
        "_lock",
        "_lock_path",
        "_migrated_from",
        "_raw",
        "_stat",
        "_storage",
    )

    def __init__(self, workspace: WorkspaceFile) -> None:
        self._file = workspace
        self._lock: int | None = None
        self._lock_path = workspace.real + ".lock"  # the resolved path: one lock per file
        self._storage: _TransactionStorage | None = None
        self._raw: bytes | None = None
        self._stat: os.stat_result | None = None
        self._migrated_from: int | None = None
        self._before: Document | None = None

    def __enter__(self) -> Database:
        from vaworkspace.store import atomic, lock

        if self._lock is not None or self._storage is not None:
            raise StoreError(f"workspace {self._file.path}: a transaction object is single-use")
        path = self._file.path
        folder = os.path.dirname(self._file.real)
        try:
            atomic.make_dirs(folder)
        except OSError as exc:
            raise StoreError(
                f"workspace {path} cannot be created: {exc.filename}: {exc.strerror}; "
                "check the folder's permissions"
            ) from None
        timeout = self._file.lock_timeout
        if self._file.no_wait_thread == get_ident():
            timeout = 0.0  # one try: this thread may not sleep (`WorkspaceFile`)
        self._lock = lock.acquire(self._lock_path, timeout, path)
        try:
            raw, st = self._file._load()
            cache = self._file._cache
            if raw is None:
                doc, migrated_from = Document.whole(skeleton()), None
            elif cache is not None and st is not None and cache[0] == stat_signature(st):
                # Unchanged since this process last read or wrote it (the TUI):
                # skip the parse. A shallow copy suffices because TinyDB replaces
                # whole tables and store.tables never mutates a record in place.
                doc, migrated_from = cache[1].copy(), None
                doc.source.hold(raw)  # the same version: slices of it, not reads by range
            else:
                doc, migrated_from = self._file._decode(raw, st)
            db = Database(_TransactionStorage(doc))
        except BaseException:
            self._unlock()
            raise
        self._raw, self._stat, self._migrated_from = raw, st, migrated_from
        self._before = doc.copy() if migrated_from is None else None  # the tables, not copied
        self._storage = db.storage
        return db

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        storage = self._storage
        saved = False
        try:
            if storage is not None:
                storage.closed = True
                if exc_type is not None:
                    self._file._cache = None  # whatever the block touched is not on disk
                elif storage.dirty or self._migrated_from is not None:
                    self._file._save(
                        storage.doc, self._raw, self._stat, self._migrated_from, storage.unchecked
                    )
                    saved = True
        finally:
            self._raw = None
            self._unlock()
        if saved and self._file.after_save is not None and storage is not None:
            self._file.after_save(self._before, storage.doc)

    def _unlock(self) -> None:
        from vaworkspace.store import lock

        if self._lock is not None:
            fd, self._lock = self._lock, None
            lock.release(fd, self._lock_path)


class _TransactionStorage:
    """Serves the document parsed once at the start of the transaction and
    records writes in memory; `Transaction` saves the result once. TinyDB's
    storage interface (`read`, `write`, `close`), so a TinyDB works over it."""

    __slots__ = ("closed", "dirty", "doc", "journal", "unchecked")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.dirty = False
        self.closed = False
        self.unchecked = False  # written through TinyDB's API, not `store.tables`
        self.journal: dict | None = None  # see store/undo_records.py

    def _check(self) -> None:
        if self.closed:
            raise StoreError(
                "workspace transaction is over; use the database only inside its `with`"
            )

    def read(self) -> Document:
        self._check()
        return self.doc

    def write(self, data: Document) -> None:
        self._check()
        self.doc = data
        self.dirty = True
        self.unchecked = True

    def write_checked(self, data: Document) -> None:
        """`store.tables`' write: its records were checked on the way in."""
        unchecked = self.unchecked
        self.write(data)
        self.unchecked = unchecked

    def close(self) -> None:
        """TinyDB's `close()` calls it: nothing to release (the lock is the
        transaction's)."""


class Database:
    """What `with wf.transaction() as db:` gives: `db.storage`, which
    `store.tables` reads and writes, and TinyDB's whole API over that same
    storage (`db.table(name)`, `doc_table`, any other TinyDB method), the
    `TinyDB` being built when first used. Most commands only go through
    `store.tables`, so they never import TinyDB (nor `typing`, which it does)."""

    __slots__ = ("_tinydb", "storage")

    def __init__(self, storage: _TransactionStorage) -> None:
        self.storage = storage
        self._tinydb: TinyDB | None = None

    def table(self, name: str, **kwargs: Any) -> Table:
        return self._open().table(name, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._open(), name)

    def _open(self) -> TinyDB:
        if self._tinydb is None:
            self._tinydb = _tinydb_class()(storage=lambda: self.storage)
        return self._tinydb


_TINYDB: type[TinyDB] | None = None


def _tinydb_class() -> type[TinyDB]:
    """The TinyDB subclass, defined on first use so that a transaction that
    never asks for it never imports TinyDB."""
    global _TINYDB
    if _TINYDB is not None:
        return _TINYDB
    from tinydb import TinyDB

    class _TransactionDB(TinyDB):
        """TinyDB without query caches and without a default table.

        Tables never cache queries (nothing can go stale whatever the caller
        passes), and the default-table shortcuts (`db.insert`, `db.all`) raise
        instead of silently creating a `_default` table in the user's file.
        """

        def table(self, name: str, **kwargs: Any) -> Table:
            kwargs["cache_size"] = 0
            return super().table(name, **kwargs)

        def __getattr__(self, name: str) -> object:
            raise AttributeError(
                f"{name!r}: a vaworkspace database has no default table; use doc_table(db, name)"
            )

    _TINYDB = _TransactionDB
    return _TINYDB
