"""The workspace file: cheap validated reads, locked atomic read-modify-write.

TinyDB's own `JSONStorage` rewrites the file in place (a crash leaves half a
file) and takes no lock (two terminals lose each other's writes). Here a
transaction locks a sidecar, parses the file once, lets TinyDB work on the
in-memory document (`transaction.py`), and writes the result once,
atomically, when the `with` block ends without an exception.

Speed matters (a whole `va add` on a 3 MB file has a ~47 ms budget), so
importing this module costs only `os`, `time` and (via `migrations`) `json`:
`read()` never imports TinyDB (~14 ms) and parses with orjson (json as fallback); a transaction
imports `orjson` (~10x faster than `json.dumps` on 3 MB, and used to parse
too, see `migrations._parse`) and the lock, atomic-write and backup helpers
when first needed, and TinyDB only if it uses TinyDB's API (`transaction.py`).
Each transaction parses once and writes once. Validation and migration live in `migrations.py`.
"""

from __future__ import annotations

import os
import time

from vaworkspace.errors import StoreError
from vaworkspace.i18n import _
from vaworkspace.store.document import Document
from vaworkspace.store.file_faults import (
    check_kind,
    check_writable,
    not_a_file,
    remedy,
    unreadable,
)
from vaworkspace.store.migrations import APP, META_ID, TABLES, decode, skeleton

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from tinydb.table import Table

    from vaworkspace.store.layout import Chunks, Slice
    from vaworkspace.store.source import OpenFile
    from vaworkspace.store.transaction import Database, Transaction

DEFAULT_LOCK_TIMEOUT = 10.0
"""Seconds a transaction waits for another process before giving up."""


def doc_table(db: Database, name: str) -> Table:
    """A table of a transaction's database, with the query cache off."""
    return db.table(name, cache_size=0)


def stat_signature(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _day(moment: time.struct_time) -> str:
    return f"{moment.tm_year:04d}-{moment.tm_mon:02d}-{moment.tm_mday:02d}"


class WorkspaceFile:
    """One workspace JSON file: validated reads, locked transactions.

    `read()` is for display: lock-free (writers replace the file atomically, so a
    reader sees the old or the new version) and cached by `signature()`.
    `transaction()` is for every change. `lock_timeout` (seconds) and `clock`
    (returns a `time.struct_time`, names the daily backup) exist for tests.

    The path is resolved once, here: `real` is what is locked, read, backed up
    and written (a symlink and its target are one workspace with one lock);
    `path`, as given, is what messages show.
    """

    def __init__(
        self,
        path: str | os.PathLike,
        *,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        clock: Callable[[], time.struct_time] = time.localtime,
    ) -> None:
        self.path: str = os.fspath(path)
        self.real: str = os.path.realpath(self.path)
        self.lock_timeout = lock_timeout
        # The thread whose transactions never wait for the lock (the TUI's event
        # loop, which must keep painting): `WorkspaceBusy` at once, and the caller
        # retries without blocking (`tui/lock_wait.py`). Other threads wait.
        self.no_wait_thread: int | None = None
        # Run after each write, unlocked, with the document as the transaction
        # found it (None after a migration: every record may have changed) and as
        # saved. Tables and records are never changed in place (`store.tables`),
        # so what changed is what is no longer the same object.
        self.after_save: Callable[[Document | None, Document], None] | None = None
        self.clock = clock
        self._cache: tuple[tuple[int, int, int] | None, Document] | None = None
        # Once this process has read or written the file, its absence means it was
        # moved or deleted under us (the TUI stays open all day): an error, never
        # an empty workspace that the next change would write as a new file.
        self._seen = False

    def __repr__(self) -> str:
        return f"WorkspaceFile({self.path!r})"

    def signature(self) -> tuple[int, int, int] | None:
        """(mtime_ns, size, inode), or None if the file does not exist.

        Every write gives the file a new, strictly later nanosecond mtime (see
        `atomic.write_atomic`), so any write by any process changes it; the TUI
        polls it to know when to reload.
        """
        try:
            st = os.stat(self.real)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(
                _(
                    "workspace {path} cannot be checked ({why}); "
                    "check the path and its folder's permissions"
                ).format(path=self.path, why=exc.strerror)
            ) from None
        return stat_signature(st)

    def read(self) -> Document:
        """The whole validated document: table name → {doc id: record}, each table
        parsed when first read (`document.py`).

        A missing file reads as an empty workspace (nothing is created), unless
        this object has seen it before (`StoreError`: it was moved away). The
        result is cached and shared until the file changes: treat it as read-only.
        """
        signature = self.signature()
        cache = self._cache
        if cache is not None and cache[0] == signature:
            return cache[1]
        opened, st = self._open()
        if opened is None or st is None:
            doc, signature = Document.whole(skeleton()), None
        else:
            doc, _from = self._decode(opened, st)
            signature = stat_signature(st)
        self._cache = (signature, doc)
        return doc

    def transaction(self) -> Transaction:
        """`with wf.transaction() as db:` — a locked read-modify-write.

        `db` (`transaction.Database`) holds the file as it is now: `store.tables`
        works on it, and so does TinyDB's API (`doc_table(db, name)`, or
        `db.table(name)`, which here never caches queries). When the
        block ends normally, whatever was written is saved once, atomically;
        if it raises, the file is left as it was. Nesting raises `StoreError`.
        """
        from vaworkspace.store.transaction import Transaction

        return Transaction(self)

    def _decode(
        self, raw: bytes | OpenFile, st: os.stat_result | None
    ) -> tuple[Document, int | None]:
        """The document over the bytes just read (or the file just opened, read
        by range), and the schema it was migrated from (None if current).

        A file our writer laid out (`layout.py`) at the current schema is opened
        by parsing its meta table alone; every other table waits until read.
        Any other file is parsed, migrated and checked whole (`decode`).
        """
        from vaworkspace.store import layout, migrations
        from vaworkspace.store.source import OpenFile, Source

        if isinstance(raw, OpenFile):
            slices = layout.read_layout_at(raw.read, raw.size)
        else:
            slices = layout.read_layout(raw)
        if slices is not None:
            source = Source(raw, slices, {}, self.path, self.real)
            meta = source.table("meta")
            head = meta.get(META_ID) if type(meta) is dict else None
            if (
                type(head) is dict
                and head.get("app") == APP
                and head.get("schema") == migrations.SCHEMA
            ):
                return Document(source), None
        if isinstance(raw, OpenFile):
            raw = raw.whole()
        doc, migrated_from = decode(self.path, raw, checked=False, real=self.real)
        return Document.whole(doc, raw), migrated_from

    def _open(self) -> tuple[OpenFile | None, os.stat_result | None]:
        """The file opened for reading by range (`read()`), and its stat; as
        `_load`, (None, None) if it does not exist and never did for this object."""
        from vaworkspace.store.source import OpenFile

        fd, st = self._open_checked()
        if fd is None or st is None:
            return None, None
        return OpenFile(fd, st.st_size, self.path), st

    def _load(self) -> tuple[bytes | None, os.stat_result | None]:
        """The file's bytes and the stat taken before reading them (so a write
        racing the read leaves the cache keyed to an older signature, never a
        newer one); (None, None) if the file does not exist and never did for
        this object (once seen, its absence is a `StoreError`).

        Opened non-blocking and checked to be a regular file of sane size
        before reading: a FIFO would block the read forever, a device never end.
        """
        fd, st = self._open_checked()
        if fd is None or st is None:
            return None, None
        try:
            with open(fd, "rb", closefd=False) as handle:
                raw = handle.read()
        except IsADirectoryError:
            raise StoreError(not_a_file(self.path)) from None
        except OSError as exc:
            raise unreadable(self.path, exc) from None
        finally:
            os.close(fd)
        return raw, st

    def _open_checked(self) -> tuple[int | None, os.stat_result | None]:
        """An open descriptor of the file, checked to be a regular file of sane
        size, and its stat; (None, None) if it does not exist and never did for
        this object."""
        flags = os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK
        try:
            fd = os.open(self.real, flags)
        except FileNotFoundError:
            if self._seen:
                raise StoreError(
                    _(
                        "workspace {path} is gone (moved or deleted since va opened it); "
                        "nothing was written; put it back, or restart va to begin a new one"
                    ).format(path=self.path)
                ) from None
            return None, None
        except OSError as exc:
            raise unreadable(self.path, exc) from None
        try:
            st = os.fstat(fd)
            check_kind(self.path, st)
        except OSError as exc:
            os.close(fd)
            raise unreadable(self.path, exc) from None
        except BaseException:
            os.close(fd)
            raise
        self._seen = True
        return fd, st

    def _save(
        self,
        doc: Document,
        raw: bytes | None,
        st: os.stat_result | None,
        migrated_from: int | None,
        unchecked: bool = True,
    ) -> None:
        """Back up if due, then replace the file with `doc`. Called under the lock.

        Only the tables the transaction replaced are serialised again; the
        others keep the file's bytes, checked against their CRC first, so a
        table damaged on disk is never copied unseen (`Document.serialized`).
        `doc` was checked when read; if it was `unchecked`ly changed (through
        TinyDB's own API rather than `store.tables`, which checks what it
        writes), it is checked in full first, so the layout never vouches for a
        record no read could use.
        """
        from vaworkspace.store import atomic, backup

        if not isinstance(doc, Document):  # TinyDB's drop_tables writes a plain dict
            doc = Document.whole(dict(doc))
        meta = doc.get("meta")
        head = meta.get(META_ID) if type(meta) is dict else None
        if type(head) is not dict or head.get("app") != APP:
            raise StoreError(
                f"workspace {self.path} was not saved: the transaction removed the meta "
                "record (a bug); nothing was changed"
            )
        unknown = sorted(name for name in doc if name not in TABLES)
        if unknown:
            raise StoreError(
                f"workspace {self.path} was not saved: the transaction added a table "
                f"{unknown[0]!r} no vaworkspace reads (a bug); nothing was changed"
            )
        if st is not None:
            check_writable(self.path, self.real, st)
        for name in TABLES:
            if name not in doc:
                doc[name] = {}
        if unchecked:
            from vaworkspace.store.migrations import place_tasks
            from vaworkspace.store.schema import BadRecord, check_document

            misplaced = place_tasks(doc)  # type: ignore[arg-type]  # a mapping of tables
            if misplaced is not None:
                raise StoreError(
                    f"workspace {self.path} was not saved: it {misplaced} (a bug); "
                    "nothing was changed"
                )
            try:
                check_document({name: doc[name] for name in TABLES})
            except BadRecord as exc:
                raise StoreError(
                    f"workspace {self.path} was not saved: {exc}, which could not be read "
                    "back (a bug); nothing was changed"
                ) from None
        data, slices, index = self._serialize(doc, meta)
        real = self.real
        if raw is not None:
            day = _day(self.clock())
            try:
                if migrated_from is not None:
                    backup.write_backup(real, raw, f"{day}-schema{migrated_from}")
                backup.ensure_daily(real, raw, day)
            except OSError as exc:
                raise StoreError(
                    _(
                        "workspace {path} was not saved: its backup {backup} could "
                        "not be written ({why}); nothing was changed; {remedy}"
                    ).format(
                        path=self.path,
                        backup=exc.filename,
                        why=exc.strerror,
                        remedy=remedy(exc, backup.backup_dir(real)),
                    )
                ) from None
        mode, after_ns = (st.st_mode & 0o7777, st.st_mtime_ns) if st is not None else (None, 0)
        try:
            new = atomic.write_atomic(real, data, mode, after_ns)
        except OSError as exc:
            raise StoreError(
                _("workspace {path} was not saved ({why}); nothing was changed; {remedy}").format(
                    path=self.path, why=exc.strerror, remedy=remedy(exc, os.path.dirname(real))
                )
            ) from None
        backup.sweep_temps(real)
        self._cache = (stat_signature(new), self._reopen(doc, data, slices, index))
        self._seen = True

    def _serialize(self, doc: Document, meta: Any) -> tuple[Chunks, dict[str, Slice], dict]:
        """The file's new bytes, laid out (`layout.py`): meta first, its first
        record starting with the layout; each other table spliced or serialised,
        and the client index (`client_index.py`) brought up to date (the third
        value: its table, as written)."""
        import zlib

        import orjson

        from vaworkspace.store import client_index, facts_index, layout

        head = {layout.FIELD: layout.placeholder()}
        head.update((k, v) for k, v in meta[META_ID].items() if k not in _OLD_FIELDS)
        meta_table = {META_ID: head}
        meta_table.update((k, v) for k, v in meta.items() if k != META_ID)
        try:
            made = {
                name: doc.serialized(name, orjson.dumps)
                for name in layout.ORDER[1:]
                if name != client_index.NAME
            }
            tables = {name: found[:4] for name, found in made.items()}
            index, index_table = client_index.compute(doc, made, orjson.dumps)
            tables[client_index.NAME] = (index, len(index[0]), zlib.crc32(index[0]), None)
            _data, length, crc, _slice, how = made["tasks"]
            if how[0] not in ("same", "appended"):  # see facts_index: appends are its tail
                facts = facts_index.compute(doc["tasks"], length, crc, orjson.dumps)
                tables[facts_index.NAME] = ([facts], len(facts), zlib.crc32(facts), None)
            return (*layout.assemble(orjson.dumps(meta_table), tables), index_table)
        except orjson.JSONEncodeError as exc:
            raise StoreError(
                f"workspace {self.path} was not saved: a record is not JSON ({exc}); "
                "nothing was changed"
            ) from None

    def _reopen(
        self, doc: Document, data: Chunks, slices: dict[str, Slice], index: dict
    ) -> Document:
        """The document over the bytes just written, sharing every table object
        the transaction parsed or replaced (so a reader compares by identity),
        and the client index as written (`index`)."""
        from vaworkspace.store import client_index, facts_index
        from vaworkspace.store.source import Source

        # the indexes may have been written anew
        names = slices.keys() - {"meta", client_index.NAME, facts_index.NAME}
        parsed = {name: doc[name] for name in names if doc.loaded(name)}
        parsed[client_index.NAME] = index
        source = Source(data, slices, parsed, self.path, self.real)
        source.verified.update(slices)  # their CRCs were computed from these bytes
        return Document(source)


_OLD_FIELDS = frozenset({"layout", "checksum"})
"""Meta fields the writer replaces: the layout, and the whole-file stamp it replaced."""
