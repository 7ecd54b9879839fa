"""What ranking reads of every open task, kept compactly beside the `tasks` table.

`va list` ranks every open task and shows the first 25. Parsing the `tasks`
table for it means parsing every title, note and UUID (3.4 MB on the 10k
corpus) to read ten small values per task. So the writer keeps, in the
`open_facts` table of the same file, one record of columns: the task ids in
the `tasks` table's order, and per id what `TaskFacts` holds as stored text
(due, priority, tags, client, estimate, status, wait, depends, created); a
fifth of the bytes, parsed several times faster. The rows shown are then cut
from the `tasks` table's bytes, each found as `"<id>":{` searching forward from
the previous one, in table order: a quote inside a JSON string is always
escaped, so that text is structure, never content (`client_index.py` relies on
the same), and task records hold no nested objects.

Derived data, trusted only as far as it checks out: the record names the
length of the `tasks` bytes it was computed from (`covers`) and their CRC (the
one the layout recorded for them: the writer computes nothing more). `va add`
appends records before the table's closing brace without parsing it
(`Document.try_append`) and leaves the index as it is: the reader checks the
CRC of the bytes the index covers (their closing brace now a comma), reads the
records appended after them (the tail) from the table itself, and checks the
whole table's CRC as the layout records it, all in one pass. Any other write
of the `tasks` table computes the index anew. A file another program wrote has
no layout and is parsed whole; our next write then computes the index anew.
Any check that fails, a cut that does not parse or holds another id, and the
caller reads the `tasks` table whole, as it would without an index.
"""

from __future__ import annotations

import zlib
from itertools import repeat

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from vaworkspace.store.document import Document

NAME = "open_facts"
COLUMNS = ("due", "priority", "tags", "client", "estimate_minutes", "status", "wait", "depends")
"""The stored fields ranking reads, after the id and before `created`, in
`TaskFacts`' order."""
_KEY = "1"


def compute(table: dict[str, dict[str, Any]], length: int, crc: int, dumps: Any) -> bytes:
    """The `open_facts` table for a `tasks` table serialised as `length` bytes
    whose CRC-32 is `crc` (the writer's, as the layout records it)."""
    records = list(table.values())
    entry: dict[str, Any] = {"covers": length, "crc": f"{crc:08x}", "ids": list(map(int, table))}
    for name in (*COLUMNS, "created"):  # `va done` pays this: no Python code per record
        entry[name] = list(map(dict.get, records, repeat(name)))
    return dumps({_KEY: entry})


class FactsIndex:
    """The open tasks' facts as stored text, and their records cut one by one
    from the `tasks` table's bytes; built only by `read`, which checked them."""

    __slots__ = ("_data", "_ends", "_order", "columns", "ids", "tail")

    def __init__(
        self, ids: list[int], columns: dict[str, list], tail: dict[str, dict], data: bytes, end: int
    ) -> None:
        self.ids, self.columns, self.tail = ids, columns, tail
        self._data, self._ends = data, end
        self._order: dict[int, int] | None = None

    def records(self, wanted: list[int]) -> dict[int, dict] | None:
        """The stored records of the tasks `wanted` (ids the index or its tail
        holds), by id; None if a record cannot be cut out where it should be."""
        found: dict[int, dict] = {}
        if self._order is None:
            self._order = {task_id: at for at, task_id in enumerate(self.ids)}
        order, ids, data = self._order, self.ids, self._data
        places = []
        for task_id in wanted:
            record = self.tail.get(str(task_id))
            if record is not None:
                found[task_id] = record
            elif task_id in order:
                places.append(order[task_id])
            else:
                return None
        import orjson

        start = 0
        for at in sorted(set(places)):
            key = str(ids[at]).encode()
            start = data.find(b'"%b":{' % key, start)
            if start < 1 or data[start - 1] not in b"{,":
                return None
            last = at + 1 == len(ids)  # then the covered bytes end before the tail
            end = self._ends if last else data.find(b',"%d":{' % ids[at + 1], start)
            if end < 0:
                return None
            try:
                one = orjson.loads(b"{" + data[start:end] + b"}")
            except orjson.JSONDecodeError:
                return None
            record = one.get(key.decode()) if type(one) is dict and len(one) == 1 else None
            if type(record) is not dict:
                return None
            found[ids[at]] = record
            start = end
        return found


def read(doc: Document) -> FactsIndex | None:
    """The index of the file `doc` was read from, checked against the `tasks`
    table's bytes; None when there is none, it does not check out, or the
    table is parsed or changed already (then reading it costs nothing more)."""
    source = doc.source
    slices = source.slices
    if slices is None or NAME not in slices or "tasks" not in slices:
        return None
    if not doc.untouched("tasks") or not doc.untouched(NAME) or not source.has_bytes():
        return None
    table = source.table(NAME)  # checked against its CRC, as every table
    entry = table.get(_KEY) if type(table) is dict else None
    if type(entry) is not dict:
        return None
    covers, crc, ids = entry.get("covers"), entry.get("crc"), entry.get("ids")
    columns: dict[str, Any] = {name: entry.get(name) for name in (*COLUMNS, "created")}
    if type(covers) is not int or type(crc) is not str or type(ids) is not list:
        return None
    if not all(type(column) is list and len(column) == len(ids) for column in columns.values()):
        return None
    piece = slices["tasks"]
    data = bytes(source.view(piece.start, piece.end))
    if not 2 <= covers <= len(data) or piece.crc is None or not _is_crc(crc):
        return None
    # The covered bytes are the table as it was, but its closing brace: where
    # appended records begin, after a comma (`Document._splice`).
    body = zlib.crc32(memoryview(data)[: covers - 1])
    if zlib.crc32(b"}", body) != int(crc, 16):
        return None
    if zlib.crc32(memoryview(data)[covers - 1 :], body) != piece.crc:
        return None
    source.verified.add("tasks")
    tail: dict[str, dict] = {}
    rest = data[covers - 1 : -1].lstrip(b",")
    if rest:
        import orjson

        try:
            tail = orjson.loads(b"{" + rest + b"}")
        except orjson.JSONDecodeError:
            return None
        if type(tail) is not dict or not all(type(r) is dict for r in tail.values()):
            return None
    return FactsIndex(ids, columns, tail, data, covers - 1)


def _is_crc(text: str) -> bool:
    return len(text) == 8 and all(c in "0123456789abcdef" for c in text)
