"""The workspace document as a command sees it: tables parsed when first asked for.

`Document` is the mapping (table name → {doc id: record}) that `WorkspaceFile.read()`
returns and a transaction's TinyDB works on. Over a file our writer laid out
(`layout.py`), a table is parsed the first time it is read, after its CRC is
checked, and never validated record by record: the writer checked every record
it wrote. So `va add` parses meta and clients, not 8 MB of tasks and events.

Any other file is parsed and checked whole (`migrations.decode`), once: when it
is opened, or when a table's CRC turns out not to match (`Source.fall_back`).
Either way every table a command sees was checked, by this read or by the
writer.

A `Document` records how it differs from the file it was read from: tables
replaced (`changed`, as TinyDB and `store.tables` replace whole tables, never
records in place) and records appended to a table nobody parsed (`appended`,
`tables.put_many`'s fast path for new ids). The writer (`file.py`) re-serialises
only the replaced tables and splices the bytes of the others. Copies share the
`Source`, so a table parsed through one copy is the same object in all: an
unchanged table is `is`-identical before and after a write (`touched.py`,
`Snapshot.reuse` rely on it).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, MutableMapping

from vaworkspace.store import layout
from vaworkspace.store.source import Source, loads

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    Table = dict[str, dict[str, Any]]
    Serialized = tuple[layout.Chunks, int, int, int | None, tuple[Any, ...]]
    Change = tuple[str, dict[str, Any] | None, dict[str, Any] | None]


if TYPE_CHECKING:
    _Mapping = MutableMapping[str, Any]  # a table is a dict; callers index it freely
else:
    _Mapping = MutableMapping


class Document(_Mapping):
    """Table name → {doc id: record}, parsed on first access. Treat every table
    and record as read-only: replace a table to change it (`store.tables`)."""

    __slots__ = ("appended", "changed", "removed", "source")

    def __init__(
        self,
        source: Source,
        changed: dict[str, Table] | None = None,
        appended: dict[str, Table] | None = None,
    ) -> None:
        self.source = source
        self.changed: dict[str, Table] = changed if changed is not None else {}
        self.appended: dict[str, Table] = appended if appended is not None else {}
        self.removed: set[str] = set()

    @classmethod
    def whole(cls, doc: dict[str, Table], raw: bytes | None = None) -> Document:
        """A document parsed whole (nothing to splice from)."""
        return cls(Source(raw, None, doc))

    def copy(self) -> Document:
        fresh = Document(
            self.source, dict(self.changed), {k: dict(v) for k, v in self.appended.items()}
        )
        fresh.removed = set(self.removed)
        return fresh

    def __getitem__(self, name: str) -> Any:
        found = self.changed.get(name)
        if found is not None:
            return found
        if name in self.removed:
            raise KeyError(name)
        if name in self.appended:
            merged = dict(self.source.table(name))
            for key, record in self.appended.pop(name).items():
                merged.pop(key, None)
                merged[key] = record
            self.changed[name] = merged
            return merged
        if name not in self.source.names:
            raise KeyError(name)
        return self.source.table(name)

    def __setitem__(self, name: str, table: Table) -> None:
        self.changed[name] = table
        self.appended.pop(name, None)
        self.removed.discard(name)

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self.changed.pop(name, None)
        self.appended.pop(name, None)
        if name in self.source.names:
            self.removed.add(name)

    def __contains__(self, name: object) -> bool:
        if name in self.changed:
            return True
        return name in self.source.names and name not in self.removed

    def __iter__(self) -> Iterator[str]:
        for name in self.source.names:
            if name not in self.removed:
                yield name
        for name in self.changed:
            if name not in self.source.names or name in self.removed:
                yield name

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def loaded(self, name: str) -> bool:
        """Whether table `name` was parsed or replaced (reading it costs nothing)."""
        return name in self.changed or name in self.source.parsed

    def untouched(self, name: str) -> bool:
        """Whether table `name` is still the file's, unparsed and unchanged."""
        return (
            name not in self.changed
            and name not in self.appended
            and name not in self.removed
            and name not in self.source.parsed
        )

    def lacks(self, name: str, key: str) -> bool:
        """Whether table `name` certainly has no record `key`, known without
        parsing it: from the table if it is parsed, else from the highest id
        the writer recorded."""
        changed = self.changed.get(name)
        if changed is not None:
            return key not in changed
        if name in self.removed or name not in self.source.names:
            return True
        if key in self.appended.get(name, ()):
            return False
        parsed = self.source.parsed.get(name)
        if parsed is not None:
            return key not in parsed
        last = self.source.last_id(name)
        return last is not None and key.isdigit() and int(key) > last

    def may_hold(self, name: str, keys: Collection[str]) -> set[str]:
        """The keys of `keys` that table `name` may hold: `lacks` for many keys
        at once (a 10k import asks for every record), at C speed when the
        writer's highest id rules them all out."""
        changed = self.changed.get(name)
        if changed is not None:
            return set(changed.keys() & keys)
        if name in self.removed or name not in self.source.names:
            return set()
        held = set(self.appended.get(name, {}).keys() & keys)
        parsed = self.source.parsed.get(name)
        if parsed is not None:
            return held | (parsed.keys() & keys)
        last = self.source.last_id(name)
        if last is None:
            return held | set(keys)
        if not keys or (all(map(str.isdecimal, keys)) and min(map(int, keys)) > last):
            return held
        return held | {key for key in keys if not key.isdecimal() or int(key) <= last}

    def try_append(self, name: str, records: Table, absent: Collection[str] = ()) -> bool:
        """Add records with new ids to a table nobody parsed, without parsing it.

        Done only when no record can replace one (each id is above the table's
        highest as the writer recorded it, or in `absent`: known by the caller
        not to be there) and the table was not parsed or replaced (then the
        plain way costs no parse). Returns whether it was done.
        """
        if name in self.changed or name in self.removed or name not in self.source.names:
            return False
        if name in self.source.parsed or self.source.slices is None:
            return False
        last = self.source.slices[name].last
        pending = self.appended.get(name, {})
        if not pending.keys().isdisjoint(records):
            return False
        new = records.keys() - absent if absent else records.keys()
        if new and (last is None or not all(map(str.isdecimal, new)) or min(map(int, new)) <= last):
            return False
        self.appended[name] = {**pending, **records}
        return True

    def serialized(self, name: str, dumps: Any) -> Serialized:
        """Table `name` as the file will hold it: (chunks, length, CRC-32,
        highest id, how), `how` telling `client_index.compute` what was done.

        The file's own bytes when the table is unchanged (checked against their
        CRC; how: ("same",)), those bytes with the appended records spliced in
        before the closing brace (checked and extended in one pass; how:
        ("appended", old CRC, where the new records start, their JSON without
        the opening brace, the records)), or a fresh serialisation of a
        replaced (or unverifiable) table (how: ("fresh",)).
        """
        import zlib

        if name not in self.changed:
            extra = self.appended.get(name)
            if not extra:
                sealed = self.source.sealed_bytes(name)
                if sealed is not None:
                    data, crc, last = sealed
                    return [data], len(data), crc, last, ("same",)
            else:
                spliced = self._splice(name, dumps(extra))
                if spliced is not None:
                    return spliced
        table = self[name]
        data = dumps(table)
        return [data], len(data), zlib.crc32(data), layout.highest_id(table), ("fresh",)

    def _splice(self, name: str, tail: bytes) -> Serialized | None:
        """The file's bytes of table `name` with the records serialised as
        `tail` (a JSON object) added before its closing brace; None if those
        bytes do not match their CRC (then the table is parsed, or refused)."""
        import zlib

        source = self.source
        piece = source.slices[name] if source.slices is not None else None
        if piece is None or not source.has_bytes() or piece.crc is None:
            return None
        whole = source.view(piece.start, piece.end)
        body = whole[:-1]
        crc = zlib.crc32(body)
        if zlib.crc32(whole[-1:], crc) != piece.crc:
            return None
        joint = b"," if len(body) > 1 else b""
        rest = tail[1:]
        crc = zlib.crc32(rest, zlib.crc32(joint, crc))
        records = self.appended[name]
        top = max(map(int, records))
        last = None if piece.last is None else max(piece.last, top)
        base = len(body) + len(joint)
        how = ("appended", piece.crc, base, rest, records)
        return [body, joint, rest], base + len(rest), crc, last, how

    def client_records(self, name: str, client: str) -> Table | None:
        """The records of `client` in item table `name`, in table order: parsed
        alone through the file's client index (`client_index.py`), or filtered
        from the table if it is parsed already; None when the index cannot be
        used (the caller then filters the whole table)."""
        source = self.source
        if self.loaded(name):  # parsed already: filtering it costs no parse
            return {k: r for k, r in self[name].items() if r.get("client") == client}
        indexed = self._indexed(name)
        if indexed is None or not source._intact(name, indexed[1]):
            return None
        clients, piece = indexed
        spans = clients.get(client)
        if spans is None:  # every record is indexed: the client has none here
            return {}
        if type(spans) is not list or len(spans) % 2:
            return None
        try:  # each record cut from the chunks just written: the table is never joined
            at, size = piece.start, piece.end - piece.start
            cuts = [(spans[i], spans[i + 1]) for i in range(0, len(spans), 2)]
            if not all(0 <= a <= b <= size for a, b in cuts):
                return None
            data = b"{" + b",".join(source.view(at + a, at + b) for a, b in cuts) + b"}"
        except TypeError:  # not numbers
            return None
        records = loads(memoryview(data))
        if type(records) is not dict or len(records) != len(spans) // 2:
            return None
        for record in records.values():
            if type(record) is not dict or record.get("client") != client:
                return None
        return records

    def records_by_key(self, name: str, keys: Collection[str]) -> Table | None:
        """The records of item table `name` among `keys` (a key it lacks is
        left out), in table order: cut alone through the file's client index,
        which knows where every record lies, or picked from the table if it is
        parsed already; None when the index cannot be used (the caller then
        reads the table whole). A feed's time entries may name a few tasks of
        other clients: the table of 10k closed tasks is not parsed for them."""
        if self.loaded(name):
            table = self[name]
            return {key: record for key, record in table.items() if key in keys}
        indexed = self._indexed(name)
        if indexed is None:
            return None
        clients, piece = indexed
        data = bytes(self.source.view(piece.start, piece.end))
        if not self.source._intact(name, piece, memoryview(data)):
            return None
        wanted = {key.encode() for key in keys}
        find, size = data.find, len(data)
        cuts = []
        try:  # a record's range starts at its key's opening quote (`client_index.ranges_of`)
            for spans in clients.values():
                for at in range(0, len(spans) - 1, 2):
                    start, end = spans[at], spans[at + 1]
                    if not 0 < start < end <= size:
                        return None
                    close = find(b'"', start + 1, end)
                    if close > 0 and data[start + 1 : close] in wanted:
                        cuts.append((start, end))
        except TypeError:  # not numbers: an entry no writer of ours made
            return None
        if not cuts:
            return {}
        cuts.sort()
        records = loads(memoryview(b"{" + b",".join(data[a:b] for a, b in cuts) + b"}"))
        if type(records) is not dict or len(records) != len(cuts):
            return None
        if not all(key.encode() in wanted and type(r) is dict for key, r in records.items()):
            return None
        return records

    def _indexed(self, name: str) -> tuple[dict, layout.Slice] | None:
        """The client index's ranges of item table `name` (client -> [start,
        end, ...]) and the table's slice, if the index is the one of the
        table's bytes as the layout records them (their CRC not checked yet)."""
        from vaworkspace.store import client_index

        source = self.source
        if not self.untouched(name) or source.slices is None or not source.has_bytes():
            return None
        found = client_index.lookup(self, name)
        piece = source.slices.get(name)
        if found is None or piece is None or found["crc"] != f"{piece.crc:08x}":
            return None
        return found["clients"], piece


def changes(before: _Mapping, after: _Mapping, name: str) -> list[Change] | None:
    """(key, old record or None, new record or None) for each record of table
    `name` a transaction wrote, from the document it read (`before`) and the
    one it saved (`after`); parses nothing the transaction did not.

    Relies on tables and records never being changed in place: a record
    written is one that is no longer the same object. None if `name` is absent.
    """
    if isinstance(after, Document):
        if name in after.appended and not after.loaded(name):
            return [(key, None, record) for key, record in after.appended[name].items()]
        same = isinstance(before, Document) and after.source is before.source
        if same and not after.loaded(name) and name not in after.removed:
            return []  # never parsed, so never written
    old, new = before.get(name) or {}, after.get(name) or {}
    if old is new:
        return []
    get = old.get
    found: list[Change] = [
        (key, get(key), record) for key, record in new.items() if get(key) is not record
    ]
    found.extend((key, old[key], None) for key in old.keys() - new.keys())
    return found
