"""Where each table lies in the workspace file, so a command parses only the tables it needs.

The file stays one plain TinyDB JSON object (`TinyDB(path)` opens it and reads
every table). Our writer only fixes its shape: no whitespace, the tables in
`ORDER` (meta first), and as the first key of the first meta record a
fixed-width text, the layout:

    1:HHHHHHHH:meta+LLLLLLLLLL:clients+LLLLLLLLLL#CCCCCCCC^IIIIIIIIIIII:tasks+...

`HHHHHHHH` is the CRC-32 of the head (the bytes from the start of the file to
the end of the meta table) with these eight digits read as zeros, so the
layout itself and the meta records are covered. Then, per table, the length
in bytes of its JSON value, the CRC-32 of those bytes and the highest document
id in it (`?` digits when unknown). A reader checks the head and the
separators between tables (`read_layout`), then parses a table only when asked
for it, after checking its CRC (`document.py`). Fixed width, so the writer
knows the head's length before it knows the numbers it holds.

Any other file (written by plain TinyDB or an older vaworkspace, edited by
hand, damaged) fails these checks: `read_layout` returns None, or a table's CRC
does not match, and the reader falls back to parsing and checking the whole
file (correct, only slower). CRC-32 detects accidents, not forgery: a bytes
edit that also recomputes the CRCs gets past the record checks, never past the
structural ones. The layout is not a promise to anyone else: a foreign writer
may drop it, and the next write of ours lays the file out again.
"""

from __future__ import annotations

import zlib

from vaworkspace.store.migrations import TABLES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

FIELD = "layout"
VERSION = "1"
ORDER = ("meta", *(name for name in TABLES if name != "meta"))
"""The tables in file order: meta first (it holds the layout), then the rest."""

PREFIX = b'{"meta":{"1":{"layout":"'
_AT = len(PREFIX)
_HEAD_CRC = slice(_AT + 2, _AT + 10)  # after "1:"
_OPEN = b'{"meta":'
_DIGITS = 10
_ID_DIGITS = 12
_UNKNOWN_ID = "?" * _ID_DIGITS
_MAX_LAYOUT = 4096  # a layout is a few hundred bytes; never search further


class Slice:
    """One table's JSON value in the file: bytes [start, end), their CRC-32
    (None for meta, covered by the head's) and the highest document id in it
    (None when unknown: no append may then skip parsing the table)."""

    __slots__ = ("crc", "end", "last", "start")

    def __init__(self, start: int, end: int, crc: int | None, last: int | None) -> None:
        self.start, self.end, self.crc, self.last = start, end, crc, last

    def __repr__(self) -> str:
        return f"Slice({self.start}, {self.end}, {self.crc}, {self.last})"


def separator(name: str) -> bytes:
    """What precedes the value of table `name` (not meta) in the file."""
    return b',"' + name.encode() + b'":'


def placeholder() -> str:
    """A layout of the right width with every number zero."""
    parts = [VERSION, "0" * 8, f"meta+{'0' * _DIGITS}"]
    for name in ORDER[1:]:
        parts.append(f"{name}+{'0' * _DIGITS}#{'0' * 8}^{'0' * _ID_DIGITS}")
    return ":".join(parts)


def _text(meta_length: int, tables: dict[str, tuple[int, int, int | None]]) -> str:
    parts = [VERSION, "0" * 8, f"meta+{meta_length:0{_DIGITS}d}"]
    for name in ORDER[1:]:
        length, crc, last = tables[name]
        fits = last is not None and 0 <= last < 10**_ID_DIGITS
        shown = f"{last:0{_ID_DIGITS}d}" if fits else _UNKNOWN_ID
        parts.append(f"{name}+{length:0{_DIGITS}d}#{crc:08x}^{shown}")
    return ":".join(parts)


Chunks = list[bytes | memoryview]
"""Bytes to write one after the other (never joined: a 10k-task file is 8 MB)."""


def assemble(
    meta_bytes: bytes, tables: dict[str, tuple[Chunks, int, int, int | None]]
) -> tuple[Chunks, dict[str, Slice]]:
    """The whole file as chunks, and where each table lies in it: `meta_bytes`
    (the meta table serialised with `placeholder()` as the first value of its
    first record) and each table's (chunks, length, CRC, highest id).

    Raises ValueError if `meta_bytes` was not laid out that way (a bug).
    """
    blank = placeholder().encode()
    inner = len(b'{"1":{"layout":"')
    if not meta_bytes.startswith(b'{"1":{"layout":"') or meta_bytes[inner:][: len(blank)] != blank:
        raise ValueError("the meta table was not laid out for the file's layout")
    sizes = {name: (length, crc, last) for name, (_, length, crc, last) in tables.items()}
    text = _text(len(meta_bytes), sizes).encode()
    if len(text) != len(blank):
        raise ValueError("a table is too large for the file's layout")
    head = _OPEN + meta_bytes[:inner] + text + meta_bytes[inner + len(blank) :]
    crc = b"%08x" % zlib.crc32(head)
    chunks: Chunks = [head[: _HEAD_CRC.start], crc, head[_HEAD_CRC.stop :]]
    found = {"meta": Slice(len(_OPEN), len(head), None, None)}
    at = len(head)
    for name in ORDER[1:]:
        data, length, crc_value, last = tables[name]
        sep = separator(name)
        chunks.append(sep)
        chunks.extend(data)
        at += len(sep)
        found[name] = Slice(at, at + length, crc_value, last)
        at += length
    chunks.append(b"}")
    return chunks, found


def read_layout(raw: bytes) -> dict[str, Slice] | None:
    """Each table's slice of `raw`, if our writer laid it out and its head is
    intact; None for any other bytes (see `read_layout_at`)."""
    return read_layout_at(lambda start, end: raw[start:end], len(raw))


def read_layout_at(read: Callable[[int, int], bytes], size: int) -> dict[str, Slice] | None:
    """Each table's slice of a file of `size` bytes whose bytes [start, end)
    `read` returns, if our writer laid it out and its head is intact; None for
    any other file. Reads only the head, the separators between tables and the
    closing brace: the tables' own CRCs are checked when each is parsed."""
    head = read(0, min(size, _AT + _MAX_LAYOUT))
    if not head.startswith(PREFIX):
        return None
    end = head.find(b'"', _AT)
    if end < 0:
        return None
    try:
        fields = head[_AT:end].decode("ascii").split(":")
        if len(fields) != len(ORDER) + 2 or fields[0] != VERSION:
            return None
        head_crc = int(fields[1], 16)
        name, length = fields[2].split("+")
        if name != "meta":
            return None
        start = len(_OPEN)
        found = {"meta": Slice(start, start + int(length), None, None)}
        at = found["meta"].end
        for name, field in zip(ORDER[1:], fields[3:], strict=True):
            named, rest = field.split("+")
            length, rest = rest.split("#")
            crc, last = rest.split("^")
            sep = separator(name)
            if named != name or read(at, at + len(sep)) != sep:
                return None
            at += len(sep)
            known = None if "?" in last else int(last)
            found[name] = Slice(at, at + int(length), int(crc, 16), known)
            at = found[name].end
    except ValueError:
        return None
    if at + 1 != size or read(at, size) != b"}":
        return None
    meta_end = found["meta"].end
    covered = head if meta_end <= len(head) else read(0, meta_end)
    value = zlib.crc32(memoryview(covered)[: _HEAD_CRC.start])
    value = zlib.crc32(b"00000000", value)
    value = zlib.crc32(memoryview(covered)[_HEAD_CRC.stop : meta_end], value)
    if value != head_crc:
        return None
    return found


def intact(data: bytes | memoryview, piece: Slice) -> bool:
    """Whether a table's bytes `data` still match the CRC the writer recorded."""
    return zlib.crc32(data) == piece.crc


def highest_id(table: dict) -> int | None:
    """The highest document id of a table (0 if empty; None if an id is not a number)."""
    try:
        return max(map(int, table), default=0)
    except ValueError:
        return None
