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

from operator import is_

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


def compute(doc, serialized: dict, dumps) -> tuple[Chunks, dict]:
    """The new `client_index` table for a document about to be written, from
    each item table's `Document.serialized` result: an unchanged table keeps
    its entry, an appended one extends it, a serialised one is indexed anew.
    Returns its bytes and the table itself (the writer keeps it parsed: a
    feed published after the write reads it again)."""
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
            ranges = None if prev is None else _after_removal(doc, name, prev)
            if ranges is None:
                ranges = ranges_of(chunks[0], doc[name])
        if ranges is not None:
            entries[name] = {"table": name, "crc": f"{crc:08x}", "clients": ranges}
    table = {str(n): entries[name] for n, name in enumerate(ITEMS, 1) if name in entries}
    return [dumps(table)], table


def _after_removal(doc, name: str, prev: dict) -> Ranges | None:
    """The ranges of table `name` after one record left it and nothing else
    changed (`va done` moves a task out of `tasks`), from the file's entry: that
    record's range dropped, the later ones moved back by its length. None if
    the table changed otherwise or the entry is not the file's table's; then it
    is indexed anew (`ranges_of`, a search per record).

    Holds because the writer serialises a table the same way whoever holds it:
    the records that stay are the same objects in the same order, so the same
    bytes; a wrong range would anyway fail the reader's checks."""
    from vaworkspace.store.document import Document

    if not isinstance(doc, Document) or doc.source.slices is None:
        return None
    source = doc.source
    old, new = source.parsed.get(name), doc[name]
    piece = source.slices.get(name) if source.slices is not None else None
    if old is None or piece is None or prev.get("crc") != f"{piece.crc:08x}":
        return None
    if len(new) != len(old) - 1 or not new.keys() <= old.keys():
        return None
    (gone,) = old.keys() - new.keys()
    if not all(map(is_, new.values(), map(old.__getitem__, new))):
        return None  # a record replaced, not only one removed
    if list(new) != [key for key in old if key != gone]:
        return None
    client = old[gone].get("client")
    owner = client if type(client) is str else NO_CLIENT
    spans = prev["clients"].get(owner)
    if type(spans) is not list:
        return None
    data = source.view(piece.start, piece.end)
    needle = b'"%b":{' % gone.encode()
    starts = [at for at in range(0, len(spans) - 1, 2) if _starts(data, spans[at], needle)]
    if len(starts) != 1:
        return None
    start, end = spans[starts[0]], spans[starts[0] + 1]
    # Its bytes and the comma after it go; the last record takes the comma before
    # it, and nothing but the closing brace follows it.
    step = 0 if end == len(data) - 1 else end + 1 - start
    found: Ranges = {}
    try:
        for each, kept in prev["clients"].items():
            if each == owner:
                kept = kept[: starts[0]] + kept[starts[0] + 2 :]
            if kept:
                found[each] = [at - step if at > start else at for at in kept] if step else kept
    except TypeError:  # not numbers: an entry no writer of ours made
        return None
    return found


def _starts(data: memoryview, at: object, needle: bytes) -> bool:
    """Whether the record at `at` of the table's bytes is keyed as `needle` says."""
    return (
        type(at) is int
        and at > 0
        and data[at - 1 : at] in (b"{", b",")
        and data[at : at + len(needle)] == needle
    )


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
