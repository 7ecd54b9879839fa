"""store.tables writes: whole documents replaced, never a record changed in place."""

from __future__ import annotations

import pytest

from vaworkspace.store import WorkspaceFile, tables


def task(title: str) -> dict:
    return {"uuid": title, "title": title, "created": "2024-01-01", "modified": "2024-01-01"}


def test_put_many_inserts_and_replaces_in_one_write(tmp_path) -> None:
    wf = WorkspaceFile(tmp_path / "ws.json")
    with wf.transaction() as db:
        tables.put_many(db, "tasks", {1: task("a"), 2: task("b"), 3: task("c")})
    cached = wf.read()
    old_table, old_record = cached["tasks"], cached["tasks"]["2"]
    with wf.transaction() as db:
        tables.put_many(db, "tasks", {2: task("B"), 4: task("d")})
        tables.put_many(db, "tasks", {})
    # Replaced documents move to the end, as remove + insert did.
    assert list(wf.read()["tasks"].items()) == [
        ("1", task("a")),
        ("3", task("c")),
        ("2", task("B")),
        ("4", task("d")),
    ]
    assert list(WorkspaceFile(tmp_path / "ws.json").read()["tasks"]) == ["1", "3", "2", "4"]
    # What a reader held before (the TUI's snapshot, the read cache) is untouched.
    assert list(old_table) == ["1", "2", "3"] and old_record == task("b")


def test_put_many_in_a_failed_transaction_changes_nothing(tmp_path) -> None:
    wf = WorkspaceFile(tmp_path / "ws.json")
    with wf.transaction() as db:
        tables.put_many(db, "tasks", {1: task("a")})
    before = (tmp_path / "ws.json").read_bytes()
    cached = wf.read()["tasks"]
    with pytest.raises(RuntimeError), wf.transaction() as db:
        tables.put_many(db, "tasks", {1: task("A"), 2: task("b")})
        raise RuntimeError
    assert (tmp_path / "ws.json").read_bytes() == before
    assert cached == {"1": task("a")} and wf.read()["tasks"] == {"1": task("a")}


def test_put_many_then_table_reads_see_the_new_documents(tmp_path) -> None:
    wf = WorkspaceFile(tmp_path / "ws.json")
    with wf.transaction() as db:
        tables.put(db, "tasks", 7, task("x"))
        tables.put_many(db, "tasks", {7: task("y"), 8: task("z")})
        assert tables.record(db, "tasks", 7) == task("y")
        assert tables.records(db, "tasks") == {7: task("y"), 8: task("z")}
        tables.put(db, "tasks", 8, task("z2"))
        tables.delete(db, "tasks", [7])
    assert wf.read()["tasks"] == {"8": task("z2")}


def test_may_hold_answers_as_lacks_does_for_each_key(tmp_path) -> None:
    """`Document.may_hold` is `lacks` for many keys at once (a 10k import asks
    for every record): the same answer in every state a table can be in."""
    from vaworkspace.store.document import Document

    wf = WorkspaceFile(tmp_path / "ws.json")
    with wf.transaction() as db:
        tables.put_many(db, "tasks", {1: task("a"), 5: task("b"), 9: task("c")})
    keys = ["1", "2", "5", "9", "10", "12", "x", "٣"]
    docs = []
    docs.append(("unparsed", WorkspaceFile(tmp_path / "ws.json").read()))
    parsed = WorkspaceFile(tmp_path / "ws.json").read()
    assert parsed.loaded("tasks") is False and parsed["tasks"] and parsed.loaded("tasks")
    docs.append(("parsed", parsed))
    appended = WorkspaceFile(tmp_path / "ws.json").read().copy()
    assert appended.try_append("tasks", {"12": task("d")})
    docs.append(("appended", appended))
    changed = WorkspaceFile(tmp_path / "ws.json").read().copy()
    changed["tasks"] = {"2": task("e")}
    docs.append(("changed", changed))
    for label, doc in docs:
        assert isinstance(doc, Document)
        expected = {key for key in keys if not doc.lacks("tasks", key)}
        assert doc.may_hold("tasks", keys) == expected, label
        assert doc.may_hold("tasks", ["10", "11"]) == {k for k in ("10", "11") if k in expected}
        events = {key for key in keys if not doc.lacks("events", key)}
        assert doc.may_hold("events", keys) == events == {"x"}, label  # only what no id rules out
    assert docs[0][1].may_hold("tasks", ["10", "11"]) == set()  # above the highest id: at C speed
