"""Taskwarrior import, against real `task export` output (see fixtures/taskwarrior/)."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, tzinfo
from types import SimpleNamespace

import pytest

from tests.taskwarrior.sample import FIXTURES, NOW, PARIS, UTC, UUID, items_of
from vaworkspace.domain.tasks.recurrence import validate_rrule
from vaworkspace.store.records import task_from_record
from vaworkspace.store.task_columns import task_records
from vaworkspace.taskwarrior import convert as taskwarrior
from vaworkspace.taskwarrior.export import read_export

Converted = SimpleNamespace  # tasks, clients, warnings, skipped


def convert(items: list[dict], now: datetime, tz: tzinfo) -> Converted:
    """Check and convert the items; the tasks as the store writes them and the
    workspace reads them back (`tasks`)."""
    result = taskwarrior.convert(read_export(json.dumps(items)), now, tz)
    tasks = [task_from_record(n, record) for n, record in enumerate(task_records(result.tasks))]
    assert tasks == result.tasks.tasks()  # nothing lost or changed on the way
    return Converted(**{**vars(result), "tasks": tasks})


def changed(items: list[dict], which, **fields) -> list[dict]:
    """The items, those `which` picks with `fields` changed."""
    return [dict(item, **fields) if which(item) else item for item in items]


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return items_of((FIXTURES / "export-2.6.2.json").read_bytes())


@pytest.fixture(scope="module")
def result(items) -> Converted:
    return convert(items, NOW, PARIS)


def by_title(result: Converted, title: str) -> list:
    return [task for task in result.tasks if task.title == title]


def one(result: Converted, title: str):
    (task,) = by_title(result, title)
    return task


def uuid_of(items: list[dict], description: str) -> str:
    return next(i["uuid"] for i in items if i["description"] == description)


def item(**fields) -> dict:
    return {"uuid": UUID, "description": "Call Zoë", "status": "pending", **fields}


def test_fields_of_a_full_task(result, items):
    task = one(result, "Book flights Montréal → Paris for the show")
    source = next(i for i in items if i["description"] == task.title)
    assert task.id == 0
    assert task.uuid == source["uuid"]
    assert task.client == "acme"
    assert task.tags == ["next", "travel", "web"]
    assert task.priority == "high"
    others = ("Update website footer", "Call fabric supplier", "Chase unpaid invoice")
    assert [one(result, title).priority for title in others] == ["medium", "low", None]
    assert task.status == "todo"
    assert task.due == datetime(2026, 12, 4, 16, 0, tzinfo=UTC)  # typed 17:00 Paris
    assert task.created == datetime(2026, 12, 1, 13, 50, 37, tzinfo=UTC)
    assert task.modified == task.created
    assert task.notes == (
        "2026-12-01: Client prefers aisle seat\n2026-12-01: Budget max 900 € — checked"
    )
    assert task.source == "taskwarrior"
    assert task.estimate_minutes is None
    assert task.completed is None
    assert task.recurrence is None


def test_all_instants_are_aware_utc(result):
    for task in result.tasks:
        for value in (task.created, task.modified, task.completed, task.due, task.wait):
            if isinstance(value, datetime):
                assert value.utcoffset().total_seconds() == 0


def test_projects_become_clients_and_a_sub_tag(result, items):
    names = ["Acme", "Bakery", "Coach", "Dental", "Realtor"]
    assert sorted((c.id, c.name) for c in result.clients) == [(n.lower(), n) for n in names]
    assert one(result, "Call fabric supplier").client == "acme"
    assert one(result, "Call fabric supplier").tags == []
    contract = one(result, "Send contract")
    assert (contract.client, contract.tags) == ("realtor", ["urgent", "listings-q1"])
    needed = ("Book flights Montréal → Paris for the show", "Update website footer")
    assert sorted(contract.depends) == sorted(uuid_of(items, title) for title in needed)


def test_local_midnight_becomes_an_all_day_date(result, items):
    footer = one(result, "Update website footer")
    assert footer.due == date(2026, 12, 10)
    assert footer.scheduled == date(2026, 12, 8)
    assert one(result, "Chase unpaid invoice").due == datetime(2026, 12, 15, 8, 30, tzinfo=UTC)
    # Read in another zone, 23:00Z is not midnight: it stays an instant.
    (in_utc,) = [t for t in convert(items, NOW, UTC).tasks if t.title == footer.title]
    assert in_utc.due == datetime(2026, 12, 9, 23, 0, tzinfo=UTC)


def test_future_wait_is_waiting_past_wait_is_todo(result, items):
    supplier = one(result, "Call fabric supplier")  # TW 2.6 keeps it "pending"
    assert (supplier.status, supplier.wait) == ("waiting", date(2026, 12, 20))
    invoice = one(result, "Chase unpaid invoice")
    assert (invoice.status, invoice.wait) == ("todo", date(2026, 11, 28))
    later = convert(items, datetime(2026, 12, 25, tzinfo=UTC), PARIS)
    assert one(later, "Call fabric supplier").status == "todo"


def test_older_waiting_status(items):
    old = changed(items, lambda i: i["description"] == "Call fabric supplier", status="waiting")
    assert one(convert(old, NOW, PARIS), "Call fabric supplier").status == "waiting"
    after = convert(old, datetime(2026, 12, 21, tzinfo=UTC), PARIS)
    assert one(after, "Call fabric supplier").status == "todo"


def test_pending_without_project_lands_in_the_inbox(result):
    idea = one(result, "Inbox idea: new logo")
    assert (idea.client, idea.status) == (None, "inbox")


def test_completed_and_deleted(result):
    done = one(result, "Old finished thing")
    assert (done.status, done.client) == ("done", "dental")
    assert done.completed == datetime(2026, 12, 1, 13, 50, 37, tzinfo=UTC)
    deleted = one(result, "Thing to delete")
    assert deleted.status == "cancelled"
    assert deleted.completed is not None


def test_recurring_templates_are_skipped(result):
    assert len(result.tasks) == 15
    assert len(result.skipped) == 3
    assert all("recurring template" in line for line in result.skipped)
    assert any("'Weekly newsletter'" in line for line in result.skipped)


def test_rule_goes_on_the_newest_pending_child(result):
    older, newer = sorted(by_title(result, "Weekly newsletter"), key=lambda t: t.due)
    assert (older.due, newer.due) == (date(2026, 12, 3), date(2026, 12, 10))
    assert older.recurrence is None
    assert newer.recurrence == validate_rrule("FREQ=WEEKLY;UNTIL=20270331")
    assert (newer.client, newer.tags) == ("bakery", ["newsletter"])


def test_weekdays_and_interval_rules(result):
    triage = sorted(by_title(result, "Triage inbox"), key=lambda t: t.due)
    assert [t.status for t in triage] == ["done", "todo", "todo"]
    weekdays = validate_rrule("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")
    assert [t.recurrence for t in triage] == [None, None, weekdays]
    report = sorted(by_title(result, "Quarterly report ☕ für Zoë"), key=lambda t: t.due)
    assert report[-1].recurrence == validate_rrule("FREQ=WEEKLY;INTERVAL=2")
    assert report[-1].client is None


def test_until_on_a_timed_series_is_utc(items):
    timed = changed(items, lambda i: i.get("recur") == "2weeks", until="20270131T230000Z")
    reports = by_title(convert(timed, NOW, PARIS), "Quarterly report ☕ für Zoë")
    report = max(reports, key=lambda t: t.due)
    assert report.recurrence == validate_rrule("FREQ=WEEKLY;INTERVAL=2;UNTIL=20270131T230000Z")


def test_template_without_pending_child_warns(items):
    template = uuid_of([i for i in items if i["status"] == "recurring"], "Weekly newsletter")
    alone = [i for i in items if i.get("parent") != template]
    result = convert(alone, NOW, PARIS)
    (warning,) = [w for w in result.warnings if "no pending instance" in w]
    assert "'Weekly newsletter'" in warning
    assert by_title(result, "Weekly newsletter") == []


def test_children_without_their_template_use_their_own_recur(items):
    children_only = [i for i in items if i["status"] != "recurring"]
    result = convert(children_only, NOW, PARIS)
    newest = max(by_title(result, "Weekly newsletter"), key=lambda t: t.due)
    assert newest.recurrence == validate_rrule("FREQ=WEEKLY;UNTIL=20270331")
    assert result.skipped == []


def test_unconvertible_recur_warns_and_imports_a_one_off(items):
    hourly = changed(items, lambda i: i.get("recur") == "2weeks", recur="3h")
    result = convert(hourly, NOW, PARIS)
    assert all(t.recurrence is None for t in by_title(result, "Quarterly report ☕ für Zoë"))
    assert any("cannot convert recurrence '3h'" in w for w in result.warnings)


def test_unknown_udas_give_one_warning(result):
    assert [w for w in result.warnings if "UDA" in w] == [
        "ignored Taskwarrior attributes (UDAs): billable, estimate"
    ]


def test_depends_as_comma_string():
    a, b = UUID, UUID.replace("0b", "0e")
    result = convert([item(), item(uuid=b, depends=f"{a.upper()}, ")], NOW, PARIS)
    assert result.tasks[1].depends == [a]


def test_order_is_entry_then_uuid_whatever_the_input_order(items, result):
    shuffled = list(items)
    random.Random(4).shuffle(shuffled)
    assert convert(shuffled, NOW, PARIS) == result
    keys = [(t.created, t.uuid) for t in result.tasks]
    assert keys == sorted(keys)
