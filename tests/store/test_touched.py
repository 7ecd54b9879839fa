"""Which clients a saved change touched, told from the documents before and after."""

from __future__ import annotations

from vaworkspace.store.touched import touched_clients


def doc(**tables: dict) -> dict:
    return {name: tables.get(name, {}) for name in ("clients", "tasks", "entries", "events")}


def test_a_task_moved_between_clients_touches_both_and_what_shows_it() -> None:
    task = {"uuid": "u", "title": "Book hotel", "client": "acme"}
    entry = {"start": "x", "client": "bakery", "task": 1}
    before = doc(tasks={"1": task}, entries={"1": entry})
    after = dict(before, tasks={"1": {**task, "client": "dental"}})
    assert touched_clients(before, after) == {"acme", "dental", "bakery"}


def test_an_unchanged_table_or_record_touches_nothing() -> None:
    before = doc(tasks={"1": {"uuid": "u", "client": "acme"}})
    assert touched_clients(before, dict(before)) == set()
    same_records = dict(before, tasks=dict(before["tasks"]))  # a new table, same records
    assert touched_clients(before, same_records) == set()


def test_derived_fields_change_no_feed_but_content_does() -> None:
    event = {"uid": "e", "client": "acme", "raw": "BEGIN:VEVENT"}
    before = doc(events={"1": event})
    derived = dict(before, events={"1": {**event, "ics": {"fp": 1}, "expansion": {}}})
    assert touched_clients(before, derived) == set()
    edited = dict(before, events={"1": {**event, "raw": "BEGIN:VEVENT\nX"}})
    assert touched_clients(before, edited) == {"acme"}


def test_clients_items_without_one_and_removals() -> None:
    before = doc(
        clients={"1": {"id": "acme", "name": "Acme"}},
        entries={"1": {"start": "x"}, "2": {"start": "y", "client": "dental"}},
    )
    after = doc(clients={"1": {"id": "acme", "name": "ACME"}}, entries={"1": {"start": "z"}})
    assert touched_clients(before, after) == {"acme", None, "dental"}


def test_a_migration_trusts_nothing() -> None:
    assert touched_clients(None, doc()) is None
