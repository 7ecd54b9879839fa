"""One version of the workspace file: its bytes, where each table lies, and the
tables parsed so far.

Apart from `document.py` because it is the file's side of the story: reading the
laid-out bytes (`layout.py`), checking each table's CRC before it is parsed, and
falling back to a whole parse and check when the bytes are not ours. A
`Document` is the command's side: what it changed, appended or removed.
"""

from __future__ import annotations

import gc
import os
import weakref

from vaworkspace.errors import StoreError
from vaworkspace.store import layout
from vaworkspace.store.layout import Slice

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    Table = dict[str, dict[str, Any]]


class OpenFile:
    """The workspace file as a read opened it, its bytes fetched by range
    (`os.pread`): a command reads, and holds, only the tables it parses (not the
    events of a 10k-task file for a `va list`).

    The descriptor stays on the version it opened: our writers replace the file
    by renaming a new one over it, never by writing into it, so every range is
    of that one version. A foreign program writing in place is caught by the
    tables' CRCs, and the reader then falls back to the whole file as it is.
    Closed when the last `Source` reading it is gone.
    """

    __slots__ = ("__weakref__", "fd", "path", "size")

    def __init__(self, fd: int, size: int, path: str) -> None:
        self.fd, self.size, self.path = fd, size, path
        weakref.finalize(self, os.close, fd)

    def read(self, start: int, end: int) -> bytes:
        """Bytes [start, end) (fewer if the file is shorter now)."""
        try:
            data = os.pread(self.fd, max(0, end - start), start)
            while 0 < len(data) < end - start:  # a short read: ask for the rest
                more = os.pread(self.fd, end - start - len(data), start + len(data))
                if not more:
                    break
                data += more
        except OSError as exc:
            raise StoreError(
                f"workspace {self.path} cannot be read ({exc.strerror}); check the disk"
            ) from None
        return data

    def whole(self) -> bytes:
        """Every byte of the file as it is now."""
        return self.read(0, max(self.size, os.fstat(self.fd).st_size))


class Source:
    """One version of the file: its bytes, where each table lies, the tables parsed so far.

    `slices` is None for a document that was parsed whole (a foreign file, a
    migration, a new workspace): then `parsed` holds every table. The bytes are
    in memory (`raw`, or the chunks just written) or read by range from the
    open file (`OpenFile`).
    """

    __slots__ = (
        "_chunks",
        "_file",
        "_raw",
        "_starts",
        "names",
        "parsed",
        "path",
        "real",
        "slices",
        "verified",
    )

    def __init__(
        self,
        raw: bytes | layout.Chunks | OpenFile | None,
        slices: dict[str, Slice] | None,
        parsed: dict[str, Table],
        path: str = "",
        real: str | None = None,
    ) -> None:
        self._file = raw if isinstance(raw, OpenFile) else None
        self._raw: bytes | None = raw if isinstance(raw, bytes) else None
        self._chunks: layout.Chunks | None = raw if isinstance(raw, list) else None
        self._starts: list[int] | None = None
        self.slices, self.parsed = slices, parsed
        self.names: tuple[str, ...] = tuple(slices) if slices is not None else tuple(parsed)
        self.path, self.real = path, real
        self.verified: set[str] = set()

    @property
    def raw(self) -> bytes | None:
        """The file's bytes; after a write, joined from what was written only if
        a table nobody parsed is read (most commands end first)."""
        if self._chunks is not None:
            self._raw, self._chunks = b"".join(self._chunks), None
        elif self._raw is None and self._file is not None:
            self._raw = self._file.whole()
        return self._raw

    def hold(self, raw: bytes) -> None:
        """The whole file's bytes, of this very version (a transaction read them
        and found the file unchanged): a table is then cut from them, not read
        again by range (a write copies every table it did not change)."""
        if self._file is not None and self._raw is None:
            self._raw = raw

    def has_bytes(self) -> bool:
        return self._raw is not None or self._chunks is not None or self._file is not None

    def view(self, start: int, end: int) -> memoryview:
        """The file's bytes [start, end): after a write, cut from the chunks
        written (joining only the few that hold them), never the whole file."""
        chunks = self._chunks
        if chunks is None:
            if self._raw is None and self._file is not None:
                return memoryview(self._file.read(start, end))
            assert self._raw is not None
            return memoryview(self._raw)[start:end]
        if self._starts is None:
            at, starts = 0, []
            for chunk in chunks:
                starts.append(at)
                at += len(chunk)
            self._starts = starts
        from bisect import bisect_right

        first = bisect_right(self._starts, start) - 1
        parts = []
        for at, chunk in zip(self._starts[first:], chunks[first:], strict=True):
            if at >= end:
                break
            parts.append(memoryview(chunk)[max(start - at, 0) : end - at])
        if len(parts) == 1:
            return parts[0]
        return memoryview(b"".join(parts))

    def table(self, name: str) -> Table:
        found = self.parsed.get(name)
        if found is not None:
            return found
        if self.slices is None or not self.has_bytes():
            raise KeyError(name)
        piece = self.slices[name]
        data = self.view(piece.start, piece.end)
        if not self._intact(name, piece, data):
            self.fall_back()
            return self.parsed[name]
        found = loads(data)
        if type(found) is not dict:  # only a forged CRC could get here
            self.fall_back()
            return self.parsed[name]
        self.parsed[name] = found
        return found

    def sealed_bytes(self, name: str) -> tuple[memoryview, int, int | None] | None:
        """A table's bytes as the writer left them (checked against their CRC),
        with that CRC and the table's highest id; None if not ours to copy."""
        if self.slices is None or not self.has_bytes():
            return None
        piece = self.slices[name]
        data = self.view(piece.start, piece.end)
        if piece.crc is None or not self._intact(name, piece, data):
            return None
        return data, piece.crc, piece.last

    def last_id(self, name: str) -> int | None:
        """The highest id in table `name` as the writer recorded it, if known."""
        if self.slices is None or name in self.parsed:
            return None
        return self.slices[name].last

    def _intact(self, name: str, piece: Slice, data: memoryview | None = None) -> bool:
        """Whether table `name`'s bytes (`data` if already read) match their CRC."""
        if name in self.verified or piece.crc is None:  # meta: the head's CRC covers it
            return True
        if not self.has_bytes():
            return False
        if not layout.intact(self.view(piece.start, piece.end) if data is None else data, piece):
            return False
        self.verified.add(name)
        return True

    def fall_back(self) -> None:
        """Parse and check the whole file, as for a file someone else wrote.

        Every table is replaced by the full parse's, even one already parsed:
        the full parse may file a task in the other table (`place_tasks`).
        Raises `StoreError` if the file cannot be read.
        """
        from vaworkspace.store.migrations import decode

        assert self.raw is not None
        doc, _ = decode(self.path, self.raw, checked=False, real=self.real)
        for name in self.names:
            self.parsed[name] = doc[name]
        self.slices = None


def loads(data: memoryview) -> Any:
    """orjson with the cyclic GC paused (see `migrations._parse`)."""
    import orjson

    enabled = gc.isenabled()
    gc.disable()
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return None
    finally:
        if enabled:
            gc.enable()
