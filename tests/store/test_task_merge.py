"""Merging imported task records by uuid: ids kept, new ones numbered, nothing duplicated."""

from __future__ import annotations

from vaworkspace.domain.tasks.imports import ImportSummary
from vaworkspace.store.task_merge import merge_records


def rec(uuid: str, title: str = "t", **extra) -> dict:
    return {"uuid": uuid, "title": title, **extra}


def never(task_id: int, imported: dict) -> bool:
    return False


def test_new_records_are_numbered_in_order_and_known_ones_keep_their_id() -> None:
    existing = {"a": (3, rec("a")), "b": (5, rec("b", "old"))}
    summary = ImportSummary("x")
    imported = [rec("c"), rec("a"), rec("b", "new"), rec("d")]
    writes, next_id = merge_records(existing, imported, 9, summary, never)
    assert list(writes.items()) == [(9, rec("c")), (5, rec("b", "new")), (10, rec("d"))]
    assert next_id == 11
    assert (summary.created, summary.updated, summary.unchanged) == (2, 1, 1)
    assert summary.lines()[0] == "Imported x: 2 created, 1 updated, 1 unchanged"


def test_a_first_import_numbers_everything() -> None:
    summary = ImportSummary("x")
    writes, next_id = merge_records({}, [rec("a"), rec("b")], 1, summary, never)
    assert writes == {1: rec("a"), 2: rec("b")} and next_id == 3
    assert summary.as_json()["created"] == 2


def test_records_that_differ_but_read_the_same_are_unchanged() -> None:
    stored = rec("a", notes="")
    summary = ImportSummary("x")
    asked = []
    same = lambda task_id, new: asked.append((task_id, new)) or True  # noqa: E731
    writes, _ = merge_records({"a": (7, stored)}, [rec("a"), rec("b")], 8, summary, same)
    assert writes == {8: rec("b")} and summary.unchanged == 1
    assert asked == [(7, rec("a"))]


def test_a_repeated_uuid_keeps_the_last_record() -> None:
    summary = ImportSummary("x")
    imported = [rec("a", "first"), rec("b"), rec("a", "last")]
    writes, next_id = merge_records({}, imported, 1, summary, never)
    assert writes == {1: rec("a", "last"), 2: rec("b")} and next_id == 3
    assert summary.created == 2
