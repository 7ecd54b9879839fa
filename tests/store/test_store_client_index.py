"""The client index (`store/client_index.py`): one client's records parsed alone.

A published feed is rebuilt after each change to its client; before the
index it parsed every task and event of the workspace to pick that client's.
What `Document.client_records` returns must always be exactly what filtering
the whole table gives, or None (then the caller filters the whole table).
"""

from __future__ import annotations

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.store.valid import task
from vaworkspace.store import WorkspaceFile, tables
from vaworkspace.store.client_index import ITEMS
from vaworkspace.store.layout import read_layout

CLIENTS = ["acme", "dental", "zed"]


def event(n: int, client: str | None) -> dict:
    record = {"uid": f"e{n}", "summary": f"meeting {n}", "start": "2024-01-01", "end": "2024-01-02"}
    if client:
        record["client"] = client
    return record


def filtered(path, name: str, client: str) -> dict:
    whole = orjson.loads(path.read_bytes())[name]
    return {k: r for k, r in whole.items() if r.get("client") == client}


def by_keys(path, name: str, keys: set[str]) -> dict:
    whole = orjson.loads(path.read_bytes())[name]
    return {k: r for k, r in whole.items() if k in keys}


def assert_index_agrees(path) -> None:
    doc = WorkspaceFile(path).read()
    for name in ITEMS:
        for client in CLIENTS:
            picked = doc.client_records(name, client)
            assert picked is not None, (name, client)
            assert list(picked.items()) == list(filtered(path, name, client).items())
    whole = orjson.loads(path.read_bytes())
    for name in ITEMS:
        keys = list(whole[name])
        for wanted in ({*keys, "999"}, set(keys[::2]), set(keys[-1:]), {"999"}):
            doc = WorkspaceFile(path).read()
            picked = doc.records_by_key(name, wanted)
            assert picked is not None, (name, wanted)
            assert list(picked.items()) == list(by_keys(path, name, wanted).items())
            assert not doc.loaded(name)  # cut alone: the table was not parsed


STEPS = st.lists(
    st.tuples(
        st.sampled_from(["add", "done", "reopen", "remove", "event"]),
        st.integers(min_value=1, max_value=8),
        st.sampled_from([*CLIENTS, None]),
    ),
    min_size=1,
    max_size=10,
)


@settings(max_examples=30, deadline=None)
@given(steps=STEPS)
def test_the_index_gives_what_filtering_the_table_gives(tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("index") / "ws.json"
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(
            db, "tasks", {n: task(title=f"t{n}", client=CLIENTS[n % 3]) for n in (1, 2)}
        )
    for number, (kind, key, client) in enumerate(steps):
        with WorkspaceFile(path).transaction() as db:
            found = tables.record(db, "tasks", key)
            fields = {"client": client} if client else {}
            if kind == "add":
                top = max(tables.records(db, "tasks"), default=0)
                tables.put(db, "tasks", top + 1, task(title=f"n{number}", **fields))
            elif kind in ("done", "reopen") and found is not None:
                status = "done" if kind == "done" else "todo"
                tables.put(db, "tasks", key, {**found, "status": status})
            elif kind == "remove":
                tables.delete(db, "tasks", [key])
            elif kind == "event":
                tables.put(db, "events", key, event(number, client))
        assert read_layout(path.read_bytes()) is not None
        assert_index_agrees(path)


def test_a_record_holding_a_lookalike_of_the_next_key_is_never_cut_wrong(tmp_path):
    """An unknown field may hold an object keyed like the next record: the
    boundary search may stop there, and the reader must notice."""
    path = tmp_path / "ws.json"
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(
            db,
            "tasks",
            {
                1: task(title="one", client="acme", extra={"2": {"x": 1}}),
                2: task(title="two", client="dental"),
                3: task(title="three", client="acme"),
            },
        )
    doc = WorkspaceFile(path).read()
    for client in ("acme", "dental"):
        picked = doc.client_records("tasks", client)
        assert picked is None or picked == filtered(path, "tasks", client)
    for wanted in ({"1"}, {"2"}, {"3"}, {"1", "2", "3"}):
        picked = WorkspaceFile(path).read().records_by_key("tasks", wanted)
        assert picked is None or picked == by_keys(path, "tasks", wanted)


def test_a_stale_index_is_not_used(tmp_path):
    path = tmp_path / "ws.json"
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(db, "events", {1: event(1, "acme"), 2: event(2, "zed")})
    data = path.read_bytes()
    changed = data.replace(b'"client":"zed"', b'"client":"acm"')  # a hand edit
    path.write_bytes(changed)
    doc = WorkspaceFile(path).read()
    assert doc.client_records("events", "acme") is None  # the table's CRC no longer matches
    with WorkspaceFile(path).transaction() as db:  # the next write indexes it anew
        tables.put(db, "events", 3, event(3, "acme"))
    assert list(WorkspaceFile(path).read().client_records("events", "acme")) == ["1", "3"]


def test_after_a_write_the_same_process_reads_the_new_index(tmp_path):
    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path)
    with wf.transaction() as db:
        tables.put_many(db, "tasks", {1: task(title="a", client="acme")})
    with wf.transaction() as db:  # appended: the index is extended, not recomputed
        tables.put(db, "tasks", 2, task(title="b", client="acme"))
    assert list(wf.read().client_records("tasks", "acme")) == ["1", "2"]


def test_after_a_write_the_index_is_not_parsed_again_and_is_the_files(tmp_path):
    """The writer keeps the index it just wrote: a feed published after the
    change reads it without parsing it from the new bytes, and it is exactly
    what they hold."""
    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path)
    with wf.transaction() as db:
        tables.put_many(db, "tasks", {1: task(title="a", client="acme")})
        tables.put_many(db, "events", {1: event(1, "zed")})
    with wf.transaction() as db:
        tables.put(db, "tasks", 2, task(title="b", client="zed"))
    kept = wf.read().source.parsed["client_index"]
    assert kept == orjson.loads(path.read_bytes())["client_index"]
    assert_index_agrees(path)


def test_done_moves_one_range_out_instead_of_searching_the_table(tmp_path, monkeypatch):
    """`va done` takes one record out of `tasks`: the index drops its range and
    moves the later ones back, as a search of the whole table would find them."""
    from vaworkspace.store import client_index

    path = tmp_path / "ws.json"
    owners = [*CLIENTS, None]
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(
            db, "tasks", {n: task(title=f"t{n}", client=owners[n % 4]) for n in range(1, 30)}
        )
    real = client_index.ranges_of
    for key in (5, 29, 1, 2):  # one in the middle, the last, the first, one left alone
        searched: list[int] = []

        def counting(data, table, offset=0, searched=searched):
            searched.append(len(table))
            return real(data, table, offset)

        monkeypatch.setattr(client_index, "ranges_of", counting)
        with WorkspaceFile(path).transaction() as db:
            found = tables.record(db, "tasks", key)
            tables.put(db, "tasks", key, {**found, "status": "done"})
        monkeypatch.undo()
        assert searched == [1]  # the record appended to closed_tasks, not the 28 left
        doc = orjson.loads(path.read_bytes())
        entry = next(e for e in doc["client_index"].values() if e["table"] == "tasks")
        assert entry["clients"] == real(orjson.dumps(doc["tasks"]), doc["tasks"])
        assert_index_agrees(path)


def test_a_feed_reads_other_clients_tasks_of_its_entries_without_parsing_their_table(tmp_path):
    """A feed's time entries may name tasks of other clients, most of them
    closed: those few records are cut from the table, never the whole table
    parsed (10k closed tasks), and a task that is gone is still None."""
    from vaworkspace.store.feed_source import FeedSource

    path = tmp_path / "ws.json"
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(db, "tasks", {1: task(title="mine", client="acme")})
        tables.put_many(db, "tasks", {2: task(title="open, dental's", client="dental")})
        closed = {n: task(title=f"closed {n}", client="zed", status="done") for n in (3, 4, 5)}
        tables.put_many(db, "tasks", closed)
        entries = {
            n: {"start": "2024-01-02T09:00:00Z", "end": "2024-01-02T10:00:00Z", "client": "acme"}
            for n in range(1, 6)
        }
        for n, task_id in zip(range(1, 6), (1, 2, 4, 9, None), strict=True):
            if task_id is not None:
                entries[n]["task"] = task_id
        tables.put_many(db, "entries", entries)
    whole = orjson.loads(path.read_bytes())
    assert set(whole["closed_tasks"]) == {"3", "4", "5"}
    doc = WorkspaceFile(path).read()
    source = FeedSource(doc, "acme")
    assert [entry.task for entry in source.entries()] == [1, 2, 4, 9, None]
    assert {n: source.task(n) and source.task(n).title for n in (1, 2, 4, 9)} == {
        1: "mine",
        2: "open, dental's",
        4: "closed 4",
        9: None,
    }
    assert not doc.loaded("closed_tasks")
