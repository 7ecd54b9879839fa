"""The `state` table's small records, read and written only through store/state_records."""

from __future__ import annotations

from datetime import datetime, timezone

from vaworkspace.domain.calendar.subscriptions import Subscription
from vaworkspace.domain.models import Task
from vaworkspace.store import WorkspaceFile, tables
from vaworkspace.store.records import task_to_record
from vaworkspace.store.state_records import (
    SyncedTodos,
    add_subscription,
    has_subscription,
    preference,
    remove_subscription,
    set_preference,
    subscriptions,
)
from vaworkspace.store.task_merge import stored_unchanged, task_ids_by_uuid

T0 = datetime(2026, 12, 1, 14, 0, tzinfo=timezone.utc)


def event(calendar: str | None) -> dict:
    record = {"uid": f"{calendar}@t", "summary": "x", "start": "2026-12-01", "end": "2026-12-02"}
    return record | ({"calendar": calendar} if calendar else {})


def test_a_preference_is_replaced_in_place_and_others_are_kept(tmp_path) -> None:
    wf = WorkspaceFile(tmp_path / "ws.json")
    assert preference(wf.read()["state"], "theme", "va-dark") == "va-dark"
    with wf.transaction() as db:
        set_preference(db, "theme", "nord")
        set_preference(db, "sidebar", False)
        set_preference(db, "theme", "va-light")
    state = wf.read()["state"]
    assert preference(state, "theme") == "va-light" and preference(state, "sidebar") is False
    assert len(state) == 2


def test_subscriptions_are_added_once_and_removed_with_their_events(tmp_path) -> None:
    wf = WorkspaceFile(tmp_path / "ws.json")
    with wf.transaction() as db:
        set_preference(db, "theme", "nord")
        add_subscription(db, Subscription("acme", "https://example.org/a.ics", "acme"))
        add_subscription(db, Subscription("home", "/tmp/home.ics"))
        tables.put_many(db, "events", {1: event("acme"), 2: event(None), 3: event("home")})
        assert has_subscription(db, "acme") and not has_subscription(db, "other")
    assert subscriptions(wf.read()["state"]) == [
        Subscription("acme", "https://example.org/a.ics", "acme"),
        Subscription("home", "/tmp/home.ics", None),
    ]
    with wf.transaction() as db:
        assert remove_subscription(db, "acme") == 1
        assert remove_subscription(db, "acme") is None
    assert [s.name for s in subscriptions(wf.read()["state"])] == ["home"]
    assert list(wf.read()["events"]) == ["2", "3"]
    assert preference(wf.read()["state"], "theme") == "nord"


def test_a_synced_todo_is_edited_here_once_its_task_differs_from_the_import(tmp_path) -> None:
    wf = WorkspaceFile(tmp_path / "ws.json")
    task = Task(4, "uid-1", "Book hotel", T0, T0)
    with wf.transaction() as db:
        tables.put(db, "tasks", 4, task_to_record(task))
        synced = SyncedTodos(db)
        assert not synced.edited_here("uid-1", 4)  # never imported: no local edit to keep
        synced.remember("uid-1", task, task)
        assert not synced.edited_here("uid-1", 4)
    with wf.transaction() as db:
        assert task_ids_by_uuid(db) == {"uid-1": 4}
        assert stored_unchanged(db, task)
        edited = Task(4, "uid-1", "Book the hotel", T0, T0)
        assert not stored_unchanged(db, edited)
        tables.put(db, "tasks", 4, task_to_record(edited))
        synced = SyncedTodos(db)
        assert synced.edited_here("uid-1", 4)
        synced.remember("uid-1", edited, task)  # the same record, replaced
        assert not synced.edited_here("uid-1", 4)
    kinds = [r["kind"] for r in wf.read()["synced_todos"].values()]
    assert kinds == ["ical-task"]
    assert not wf.read()["state"]  # their own table: a change's undo never parses them


def test_the_calendar_s_copy_is_compared_without_the_import_s_clock(tmp_path) -> None:
    wf = WorkspaceFile(tmp_path / "ws.json")
    theirs = Task(4, "uid-1", "Book hotel", T0, T0)
    with wf.transaction() as db:
        synced = SyncedTodos(db)
        assert synced.edited_there("uid-1", theirs)  # never read: nothing to compare with
        synced.remember("uid-1", theirs, theirs)
        later = T0.replace(hour=T0.hour + 1)
        assert not synced.edited_there("uid-1", Task(4, "uid-1", "Book hotel", later, later))
        assert synced.edited_there("uid-1", Task(4, "uid-1", "Book a hotel", T0, T0))
        synced.remember("uid-1", None, Task(4, "uid-1", "Book a hotel", T0, T0))
        assert not synced.edited_there("uid-1", Task(4, "uid-1", "Book a hotel", T0, T0))
        [record] = tables.records(db, "synced_todos").values()
        assert record["record"]["title"] == "Book hotel"  # a conflict keeps the stored task
