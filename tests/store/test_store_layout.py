"""The writer's layout of the workspace file (`store/layout.py`, `store/document.py`).

A file a transaction wrote is read table by table: a command parses only the
tables it reads, and a table whose bytes still match their CRC is not checked
record by record. Any other bytes (a hand edit, a restore, damage of a byte or
three, plain TinyDB, an older vaworkspace) are parsed and checked whole. A write
re-serialises only the tables it replaced and copies the others' bytes, after
checking them. Before the layout, the file carried one whole-file stamp and
every command parsed all 8 MB of a 10k-task workspace.
"""

from __future__ import annotations

import json
import zlib

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.store.valid import task
from vaworkspace.errors import StoreError
from vaworkspace.store import WorkspaceFile, doc_table, schema, skeleton, tables
from vaworkspace.store.layout import ORDER, PREFIX, read_layout


def add(path, title: str, **fields) -> None:
    """Add a task the way the service does (`store.tables` checks what it
    writes, so the save does not run `check_document` again)."""
    with WorkspaceFile(path).transaction() as db:
        doc_id = tables.meta(db).get("next_task_id", 1)
        tables.put(db, "tasks", doc_id, task(title=title, **fields))
        tables.set_meta(db, {"next_task_id": doc_id + 1})


def event(n: int) -> dict:
    return {"uid": f"e{n}", "summary": f"meeting {n}", "start": "2024-01-01", "end": "2024-01-02"}


@pytest.fixture
def checks(monkeypatch) -> list[int]:
    """Counts full record checks (`decode` imports `check_document` at call time)."""
    calls: list[int] = []
    real = schema.check_document

    def counting(doc: dict) -> None:
        calls.append(1)
        real(doc)

    monkeypatch.setattr(schema, "check_document", counting)
    return calls


def slices(data: bytes) -> dict[str, bytes]:
    found = read_layout(data)
    assert found is not None
    return {name: data[s.start : s.end] for name, s in found.items()}


def test_a_written_file_is_laid_out_and_stays_plain_tinydb(tmp_path):
    from tinydb import TinyDB

    path = tmp_path / "ws.json"
    add(path, "first")
    data = path.read_bytes()
    assert data.startswith(PREFIX) and data.count(PREFIX) == 1
    assert list(orjson.loads(data)) == list(ORDER)
    pieces = slices(data)
    assert {name: orjson.loads(piece) for name, piece in pieces.items()} == orjson.loads(data)
    db = TinyDB(path, access_mode="r")
    assert [r["title"] for r in db.table("tasks").all()] == ["first"]
    assert db.table("meta").get(doc_id=1)["app"] == "vaworkspace"
    for name in ORDER:  # every table reads through TinyDB's own API
        assert len(db.table(name)) == len(orjson.loads(data)[name])
    db.close()
    assert path.read_bytes() == data


def test_a_read_parses_only_the_tables_asked_for_and_checks_no_record(tmp_path, checks, parses):
    path = tmp_path / "ws.json"
    add(path, "first")
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(db, "events", {n: event(n) for n in range(1, 4)})
    parses.clear()
    doc = WorkspaceFile(path).read()
    assert parses == ["meta"]
    assert doc["tasks"]["1"]["title"] == "first"
    assert parses == ["meta", "tasks"]
    assert not doc.loaded("events") and checks == []


def test_adding_a_task_parses_neither_tasks_nor_events_and_copies_their_bytes(
    tmp_path, checks, parses
):
    path = tmp_path / "ws.json"
    add(path, "first")
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(db, "events", {n: event(n) for n in range(1, 4)})
    before = slices(path.read_bytes())
    parses.clear()
    add(path, "second")
    assert parses == ["meta"]  # next_task_id is in meta; the task is spliced in
    after = slices(path.read_bytes())
    for name in ("clients", "entries", "events", "state"):
        assert after[name] == before[name]
    assert (
        after["tasks"]
        == before["tasks"][:-1] + b',"2":' + orjson.dumps(task(title="second")) + b"}"
    )
    assert [t["title"] for t in WorkspaceFile(path).read()["tasks"].values()] == [
        "first",
        "second",
    ]
    assert checks == []


def test_a_replaced_record_is_written_through_a_parse_and_moves_to_the_end(tmp_path):
    path = tmp_path / "ws.json"
    for title in ("a", "b", "c"):
        add(path, title)
    with WorkspaceFile(path).transaction() as db:
        tables.put(db, "tasks", 2, task(title="B"))
        tables.put(db, "tasks", 9, task(title="new"))
    read = WorkspaceFile(path).read()["tasks"]
    assert [(k, r["title"]) for k, r in read.items()] == [
        ("1", "a"),
        ("3", "c"),
        ("2", "B"),
        ("9", "new"),
    ]
    with WorkspaceFile(path).transaction() as db:  # 9 was recorded as the highest id
        tables.put(db, "tasks", 5, task(title="lower"))
    assert list(WorkspaceFile(path).read()["tasks"]) == ["1", "3", "2", "9", "5"]


def test_a_file_without_a_layout_is_checked_and_gains_one_on_its_next_write(tmp_path, checks):
    path = tmp_path / "ws.json"
    doc = skeleton()
    doc["tasks"] = {"1": task(title="older")}
    doc["meta"]["1"]["next_task_id"] = 2
    doc["meta"]["1"]["checksum"] = "0badc0de"  # the whole-file stamp before the layout
    path.write_bytes(json.dumps(doc).encode())  # as an older vaworkspace or plain TinyDB
    assert WorkspaceFile(path).read()["tasks"]["1"]["title"] == "older"
    assert checks == [1]
    add(path, "newer")
    assert checks == [1, 1]
    data = path.read_bytes()
    assert read_layout(data) is not None
    assert "checksum" not in orjson.loads(data)["meta"]["1"]
    assert [t["title"] for t in WorkspaceFile(path).read()["tasks"].values()] == [
        "older",
        "newer",
    ]
    assert checks == [1, 1]


@pytest.mark.parametrize(
    ("old", "new", "refused"),
    [
        (b"first", b"firsu", False),  # one byte inside a record, still a valid record
        (b'"title"', b'"titlE"', True),  # a field name: the task lacks a title
        (b"2024-01-01T00", b"2024-13-01T00", True),  # a date that does not exist
        (b"01T00:00:00Z", b"01T00:00:0Z", True),  # a byte deleted: the layout no longer fits
        (b'Z","', b'Z" ,"', False),  # a space inserted between fields
    ],
)
def test_a_few_bytes_changed_in_a_table_mean_a_full_check(tmp_path, checks, old, new, refused):
    path = tmp_path / "ws.json"
    add(path, "first")
    data = path.read_bytes()
    assert data.count(old) >= 1
    changed = data.replace(old, new, 1)
    path.write_bytes(changed)
    for attempt in (lambda: WorkspaceFile(path).read()["tasks"], lambda: add(path, "second")):
        try:
            attempt()
        except StoreError as exc:
            assert "cannot be read" in str(exc) and "\n" not in str(exc)
            assert refused
        else:
            assert not refused
    assert checks == [1, 1]
    if refused:
        assert path.read_bytes() == changed
    else:
        assert read_layout(path.read_bytes()) is not None


def test_a_changed_or_malformed_layout_means_a_full_check(tmp_path, checks):
    path = tmp_path / "ws.json"
    add(path, "first")
    data = path.read_bytes()
    at = len(PREFIX) + 2  # the head's CRC
    digit = data[at : at + 1]
    for stamp in (b"0" if digit != b"0" else b"1", b"X"):
        path.write_bytes(data[:at] + stamp + data[at + 1 :])
        assert WorkspaceFile(path).read()["tasks"]["1"]["title"] == "first"
    assert checks == [1, 1]


def test_a_damaged_table_is_refused_when_read_and_never_copied_by_a_write(tmp_path):
    path = tmp_path / "ws.json"
    add(path, "first")
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(db, "events", {1: event(1)})
    data = path.read_bytes().replace(b'"summary"', b'"summarX"')
    path.write_bytes(data)
    doc = WorkspaceFile(path).read()
    assert doc["tasks"]["1"]["title"] == "first"  # what a task list needs is fine
    with pytest.raises(StoreError, match=r'event 1 .* has no "summary"'):
        doc["events"]
    with pytest.raises(StoreError, match=r'event 1 .* has no "summary"'):
        add(path, "must not be written")  # it copies the events table: checked first
    assert path.read_bytes() == data


def test_a_table_whose_bytes_match_its_crc_but_not_json_falls_back(tmp_path):
    """Only a forgery gets here; the full parse still refuses the file."""
    path = tmp_path / "ws.json"
    add(path, "first")
    data = path.read_bytes()
    pieces = read_layout(data)
    assert pieces is not None
    state = pieces["state"]
    assert data[state.start : state.end] == b"{}"
    bad = b"[]"
    forged = data.replace(b"#%08x^" % zlib.crc32(b"{}"), b"#%08x^" % zlib.crc32(bad))
    forged = forged[: state.start] + bad + forged[state.end :]
    path.write_bytes(forged)
    with pytest.raises(StoreError, match="malformed"):
        WorkspaceFile(path).read()["state"]


@settings(max_examples=60, deadline=None)
@given(title=st.text(min_size=1, max_size=60))
def test_user_text_can_never_pose_as_the_layout(tmp_path_factory, title):
    """JSON escapes every `"` inside a string (as `\\"`), so the layout's
    `":"` can only be structure, and the writer puts it at byte 0."""
    path = tmp_path_factory.mktemp("layout") / "ws.json"
    fake = PREFIX.decode() + '1:00000000:meta+0000000001","app":"vaworkspace"'
    add(path, fake + title)
    with WorkspaceFile(path).transaction() as db:
        doc_table(db, "tasks").update({"layout": "1:00000000"}, doc_ids=[1])
    data = path.read_bytes()
    assert data.count(PREFIX) == 1 and data.startswith(PREFIX)
    read = WorkspaceFile(path).read()
    assert read["tasks"]["1"]["title"] == fake + title
    assert read["tasks"]["1"]["layout"] == "1:00000000"


KEYS = st.integers(min_value=1, max_value=12)
STEPS = st.lists(
    st.tuples(
        st.sampled_from(["put", "delete", "tinydb"]),
        st.sampled_from(["tasks", "events", "entries"]),
        st.lists(KEYS, min_size=1, max_size=3),
    ),
    min_size=1,
    max_size=8,
)


def record(table: str, key: int, step: int) -> dict:
    if table == "tasks":
        return task(title=f"t{key}-{step}")
    if table == "events":
        return event(key * 100 + step)
    return {"start": "2024-01-01T09:00:00Z", "end": "2024-01-01T10:00:00Z", "note": f"{step}"}


@settings(max_examples=40, deadline=None)
@given(steps=STEPS)
def test_spliced_writes_read_back_as_a_plain_parse_and_as_tinydb(tmp_path_factory, steps):
    """Whatever mix of appends, replacements and deletions: the file is what a
    model of the tables says, laid out, and plain TinyDB reads the same."""
    from tinydb import TinyDB

    path = tmp_path_factory.mktemp("splice") / "ws.json"
    model: dict[str, dict[str, dict]] = {"tasks": {}, "events": {}, "entries": {}}
    with WorkspaceFile(path).transaction() as db:
        tables.set_meta(db, {"next_task_id": 1})
    for number, (kind, table, keys) in enumerate(steps):
        with WorkspaceFile(path).transaction() as db:
            if kind == "put":
                fresh = {key: record(table, key, number) for key in keys}
                tables.put_many(db, table, fresh)
                for key, value in fresh.items():
                    model[table].pop(str(key), None)
                    model[table][str(key)] = value
            elif kind == "delete":
                tables.delete(db, table, keys)
                for key in keys:
                    model[table].pop(str(key), None)
            else:
                for key in set(keys) & set(map(int, model[table])):
                    doc_table(db, table).update({"note": f"n{number}"}, doc_ids=[key])
                    model[table][str(key)] = {**model[table][str(key)], "note": f"n{number}"}
        data = path.read_bytes()
        assert read_layout(data) is not None
        whole = orjson.loads(data)
        for name, expected in model.items():
            assert list(whole[name].items()) == list(expected.items())
            assert list(WorkspaceFile(path).read()[name].items()) == list(expected.items())
    db = TinyDB(path, access_mode="r")
    for name, expected in model.items():
        assert {str(d.doc_id): dict(d) for d in db.table(name).all()} == expected
    db.close()
