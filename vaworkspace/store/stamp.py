"""The stamp a writer leaves in the workspace file: these bytes were checked.

Checking every record (`schema.check_document`) costs about 0.7x a parse of a
10,000-task file, on every command. But nearly every version of the file was
written by a transaction that had checked what it read and what it changed. So
the writer stamps the file itself (no second file, nothing that outlives the
command): `meta["1"]["checksum"]` holds the CRC-32 of the file's bytes as they
are with that value blanked to eight zeros. A reader whose file matches its
stamp skips the record checks; any other file (edited by hand, restored, written
by an older vaworkspace, damaged on disk) is checked in full. Only a deliberate
forgery (recomputing the CRC after an edit) could get a bad record past the
checks, and then only past the record checks, not the structural ones.

Where the stamp is must be cheap and certain to find: the writer puts the meta
table first in the file and the checksum first in its record, so a stamped file
starts with exactly `STAMP_PREFIX`. Nothing else can produce that prefix: it is
the top-level object's first key, and no user text comes before it.
"""

from __future__ import annotations

import zlib

FIELD = "checksum"
BLANK = "00000000"
STAMP_PREFIX = b'{"meta":{"1":{"checksum":"'
_AT = len(STAMP_PREFIX)
_END = _AT + len(BLANK)


def arrange(doc: dict) -> dict:
    """Put the meta table first and a blank stamp first in its record, in place;
    return the new meta record (the caller fills in the stamp)."""
    meta = doc.pop("meta")
    head = {FIELD: BLANK}
    head.update((k, v) for k, v in meta["1"].items() if k != FIELD)
    new_meta = {"1": head}
    new_meta.update((k, v) for k, v in meta.items() if k != "1")
    rest = list(doc.items())
    doc.clear()
    doc["meta"] = new_meta
    doc.update(rest)
    return head


def seal(data: bytes) -> tuple[bytes, str]:
    """The serialised `arrange`d document with its stamp filled in, and the stamp."""
    if not data.startswith(STAMP_PREFIX) or data[_AT : _END + 1] != b'00000000"':
        raise ValueError("the document was not arranged for a stamp")
    value = b"%08x" % zlib.crc32(data)
    return data[:_AT] + value + data[_END:], value.decode()


def is_sealed(raw: bytes) -> bool:
    """Whether `raw` carries a stamp that matches its bytes. Never copies `raw`."""
    if not raw.startswith(STAMP_PREFIX) or raw[_END : _END + 1] != b'"':
        return False
    crc = zlib.crc32(raw[:_AT])
    crc = zlib.crc32(b"00000000", crc)
    crc = zlib.crc32(memoryview(raw)[_END:], crc)
    return raw[_AT:_END] == b"%08x" % crc
