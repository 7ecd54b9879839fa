"""The facts index (`store/facts_index.py`): `va list` ranks without parsing `tasks`.

Whatever the writes before it, a listing through the index must give exactly
the facts and the tasks that reading the `tasks` table gives; when the index
does not check out it is not used, and the listing is still right.
"""

from __future__ import annotations

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from tests.store.valid import task
from vaworkspace.service.context import Context
from vaworkspace.store import WorkspaceFile, tables
from vaworkspace.store.facts_index import NAME
from vaworkspace.store.layout import read_layout

CLIENTS = ["acme", "dental", None]
NOW = "2024-03-01T09:00:00Z"


def record(n: int, client: str | None = None, **fields) -> dict:
    """A task record with the fields ranking reads, varied by `n`."""
    found = task(title=f"task {n}", uuid=f"00000000-0000-4000-8000-{n:012d}", **fields)
    found["created"] = f"2024-01-{1 + n % 28:02d}T08:00:00Z"
    if client:
        found["client"] = client
    if n % 2:
        found["due"] = f"2024-03-{1 + n % 28:02d}"
    if n % 3 == 0:
        found["priority"] = "high"
        found["tags"] = ["next", f"t{n}"]
    if n % 5 == 0:
        found["estimate_minutes"] = 15 * n
    if n % 7 == 0:
        found["status"] = "waiting"
        found["wait"] = "2024-02-20T10:00:00Z"
    return found


def read_both(path) -> tuple[list, list, list, list]:
    """(facts, the first rows) through the index, then with the table parsed."""
    listed = []
    for index in (True, False):
        table = Context(str(path)).snapshot().table
        if not index:
            table._index_source = None
        facts = sorted(table.facts(open_only=True))
        ids = [fact.id for fact in facts[:: max(1, len(facts) // 5)]]
        table.build(ids)
        listed.append((facts, [table.task(task_id) for task_id in ids]))
    (facts, tasks), (plain_facts, plain_tasks) = listed
    return facts, tasks, plain_facts, plain_tasks


def parsed_tables(path, monkeypatch) -> list[str]:
    from vaworkspace.store import source

    names: list[str] = []
    real = source.Source.table

    def counting(self, name):
        if name not in self.parsed:
            names.append(name)
        return real(self, name)

    monkeypatch.setattr(source.Source, "table", counting)
    table = Context(str(path)).snapshot().table
    first = table.facts(open_only=True)
    assert table.facts(open_only=True) == first  # asked again (the TUI): read once
    table.build([1])
    table.task(1)
    return names


STEPS = st.lists(
    st.tuples(
        st.sampled_from(["add", "append", "done", "edit", "remove"]),
        st.integers(min_value=1, max_value=12),
        st.sampled_from(CLIENTS),
    ),
    min_size=1,
    max_size=10,
)


@settings(max_examples=30, deadline=None)
@given(steps=STEPS)
def test_the_index_gives_what_the_table_gives(tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("facts") / "ws.json"
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(db, "tasks", {n: record(n, CLIENTS[n % 3]) for n in range(1, 9)})
    for number, (kind, key, client) in enumerate(steps, 100):
        with WorkspaceFile(path).transaction() as db:
            if kind == "append":  # `va add`: new ids, the table left unparsed
                top = read_layout(path.read_bytes())["tasks"].last or 0
                tables.put_many(db, "tasks", {top + 1: record(number, client)})
                assert db.storage.read().appended.get("tasks")
                continue
            found = tables.record(db, "tasks", key)
            if kind == "add":
                top = max(map(int, tables.records(db, "tasks")), default=0)
                tables.put(db, "tasks", top + 1, record(number, client))
            elif kind == "done" and found is not None:
                tables.put(db, "tasks", key, {**found, "status": "done"})
            elif kind == "edit" and found is not None:
                tables.put(db, "tasks", key, {**found, "title": f"edited {number}", "due": NOW})
            elif kind == "remove":
                tables.delete(db, "tasks", [key])
        facts, tasks, plain_facts, plain_tasks = read_both(path)
        assert facts == plain_facts
        assert tasks == plain_tasks


def test_a_listing_parses_the_index_not_the_tasks(tmp_path, monkeypatch):
    path = tmp_path / "ws.json"
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(db, "tasks", {n: record(n) for n in range(1, 30)})
    with WorkspaceFile(path).transaction() as db:  # `va add`'s append: read from the tail
        tables.put_many(db, "tasks", {30: record(30)})
    assert parsed_tables(path, monkeypatch) == ["meta", "clients", NAME]


def test_an_index_that_does_not_match_the_table_is_not_used(tmp_path, monkeypatch):
    path = tmp_path / "ws.json"
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(db, "tasks", {n: record(n) for n in range(1, 20)})
    with WorkspaceFile(path).transaction() as db:  # a writer that forgot the index
        (entry,) = tables.records(db, NAME).values()
        entry = {**entry, "due": ["2030-01-01"] * len(entry["ids"])}
        stale = {**entry, "crc": "00000000"}
        tables.put(db, NAME, 1, stale)
    facts, tasks, plain_facts, plain_tasks = read_both(path)
    assert facts == plain_facts and tasks == plain_tasks
    assert "tasks" in parsed_tables(path, monkeypatch)


def test_a_record_that_cannot_be_cut_out_is_read_from_the_table(tmp_path):
    path = tmp_path / "ws.json"
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(db, "tasks", {n: record(n) for n in range(1, 20)})
    table = Context(str(path)).snapshot().table
    table.facts(open_only=True)
    assert table._index is not None
    table._index.ids[3] = 999  # the order no longer matches the bytes: task 3's cut fails
    table.build([3, 4])
    assert table.task(4).title == "task 4" and table.task(3).title == "task 3"


def test_plain_tinydb_reads_the_index_table(tmp_path):
    path = tmp_path / "ws.json"
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(db, "tasks", {n: record(n) for n in range(1, 5)})
    with TinyDB(path) as plain:
        (entry,) = plain.table(NAME).all()
        assert entry["ids"] == [1, 2, 3, 4]
        assert len(plain.table("tasks")) == 4
    piece = read_layout(path.read_bytes())["tasks"]
    assert orjson.loads(path.read_bytes())[NAME]["1"]["covers"] == piece.end - piece.start
