"""Where each client's records lie in the item tables, so one client's feed parses only them.

A published feed (`[[publish]]`) is rebuilt after every change that touches its
client, from that client's tasks, time entries and events. Parsing the whole
tables for it would cost what the workspace holds (8 MB on 10k tasks and 5k
events), after a `va add` that parsed none of them. So the writer keeps, in
the `client_index` table of the same file, for each item table: the CRC of
the table's bytes it was computed for and, per client, the byte range of each
of its records within those bytes. A reader (`Document.client_records`)
joins one client's ranges into one small JSON object and parses that.

Derived data, trusted only as far as it checks out: an entry is used only if
its CRC is the table's as the layout records it (and the table's bytes match
it), every record parsed from it has the expected client, and their number is
the number of ranges; a range cut in the wrong place cannot parse, since a
record is balanced JSON and any other cut is not. Otherwise the table is
parsed whole and filtered, as before. Other writers drop or keep a stale
index; either way it fails these checks and ours rewrites it.

Record boundaries are found in the serialised table by looking for each key
in table order as `,"<key>":{` (or `{"<key>":{` for the first): a `"` inside
a JSON string is always escaped, so that text is structure, never content.
"""

from __future__ import annotations

from vaworkspace.store.layout import Chunks

NAME = "client_index"
ITEMS = ("tasks", "closed_tasks", "entries", "events")
"""The tables a feed shows records of, each record with its `client`."""
NO_CLIENT = ""
"""The key of the records without a client (no client id is empty)."""

Ranges = dict[str, list[int]]


def ranges_of(data: bytes | memoryview, table: dict, offset: int = 0) -> Ranges | None:
    """Per client, [start, end, start, end, …] of each record of `table` (key
    and value, as `"<key>":{…}`) in `data`, its serialisation, shifted by
    `offset`; None if a record cannot be found (then no index is kept).

    One pass: each key is looked for from where the previous one was found,
    and the previous record ends at the comma before it."""
    found: Ranges = {}
    if not table:
        return found
    raw = bytes(data) if isinstance(data, memoryview) else data
    find = raw.find
    at, start, spans = 0, -1, None
    for key, record in table.items():
        at = find(b'"%b":{' % key.encode(), at)
        if at < 1 or raw[at - 1] not in _BEFORE:
            return None
        if spans is not None:
            spans.append(start + offset)
            spans.append(at - 1 + offset)
        client = record.get("client")
        spans = found.setdefault(client if type(client) is str else NO_CLIENT, [])
        start, at = at, at + 1
    assert spans is not None
    spans.append(start + offset)
    spans.append(len(raw) - 1 + offset)  # up to the closing brace
    return found


_BEFORE = frozenset(b"{,")
"""What precedes a record's key: the table's opening brace or a comma."""


def extended(old: Ranges, rest: bytes, records: dict, base: int) -> Ranges | None:
    """`old` plus the ranges of `records`, serialised as `rest` (a JSON object
    without its opening brace) placed at `base` in the table's bytes."""
    more = ranges_of(b"{" + rest, records, base - 1)
    if more is None:
        return None
    merged = {client: list(spans) for client, spans in old.items()}
    for client, spans in more.items():
        merged.setdefault(client, []).extend(spans)
    return merged


def compute(doc, serialized: dict, dumps) -> Chunks:
    """The new `client_index` table for a document about to be written, from
    each item table's `Document.serialized` result: an unchanged table keeps
    its entry, an appended one extends it, a serialised one is indexed anew."""
    old = _entries(doc)
    entries = {}
    for name in ITEMS:
        chunks, _, crc, _, how = serialized[name]
        prev = old.get(name)
        ranges: Ranges | None = None
        if how[0] == "same":
            if prev is not None and prev.get("crc") == f"{crc:08x}":
                entries[name] = prev
            continue
        if how[0] == "appended":
            _, old_crc, base, rest, records = how
            if prev is not None and prev.get("crc") == f"{old_crc:08x}":
                ranges = extended(prev["clients"], rest, records, base)
        else:
            ranges = ranges_of(chunks[0], doc[name])
        if ranges is not None:
            entries[name] = {"table": name, "crc": f"{crc:08x}", "clients": ranges}
    table = {str(n): entries[name] for n, name in enumerate(ITEMS, 1) if name in entries}
    return [dumps(table)]


def _entries(doc) -> dict[str, dict]:
    """The index entries of the file `doc` was read from, by table (none if it
    has no usable index)."""
    from vaworkspace.store.document import Document

    if not isinstance(doc, Document) or NAME not in doc.source.names:
        return {}
    table = doc.source.table(NAME)
    found = {}
    for record in table.values():
        name, clients = record.get("table"), record.get("clients")
        if name in ITEMS and type(record.get("crc")) is str and type(clients) is dict:
            found[name] = record
    return found


def lookup(doc, name: str) -> dict | None:
    """The index entry of table `name` in the file `doc` reads, if any."""
    return _entries(doc).get(name)
