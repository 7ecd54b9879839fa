"""The demo workspace: realistic, complete, and the same for the same `now`."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, timezone
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from vaworkspace.domain.dates import to_instant
from vaworkspace.domain.models import PRIORITIES, STATUSES, Budget
from vaworkspace.domain.tasks.recurrence import validate_rrule
from vaworkspace.service.demo import demo_workspace

UTC = timezone.utc
PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 12, 1, 8, 30, tzinfo=UTC)  # Tuesday 09:30 in Paris


@pytest.fixture(scope="module")
def demo():
    return demo_workspace(NOW, PARIS)


def test_counts_and_identities(demo):
    clients, tasks = demo
    assert [c.id for c in clients] == ["evelyne", "dental", "coach", "realtor", "bakery"]
    assert [t.id for t in tasks] == list(range(1, 41))
    assert len({t.uuid for t in tasks}) == 40


def test_clients(demo):
    clients = {c.id: c for c in demo[0]}
    evelyne = clients["evelyne"]
    assert (evelyne.name, evelyne.weight, evelyne.rate_cents, evelyne.currency) == (
        "Évelyne Couture",
        5,
        4500,
        "CAD",
    )
    assert evelyne.budget == Budget(15 * 60, "week")
    assert evelyne.timezone == "America/Montreal"
    assert clients["dental"].budget == Budget(40 * 60, "month")
    assert clients["realtor"].budget is None
    assert [c.weight for c in clients.values()] == [5, 4, 3, 3, 2]
    for client in clients.values():
        if client.timezone:
            ZoneInfo(client.timezone)
        assert client.color and client.color.startswith("#")


def test_every_task_client_exists_or_is_none(demo):
    clients, tasks = demo
    ids = {c.id for c in clients}
    assert all(t.client is None or t.client in ids for t in tasks)
    assert {t.client for t in tasks} == ids | {None}


def test_status_mix(demo):
    tasks = demo[1]
    counts = Counter(t.status for t in tasks)
    assert set(counts) <= set(STATUSES)
    assert (counts["done"], counts["cancelled"], counts["waiting"], counts["inbox"]) == (4, 1, 3, 3)
    assert all(t.client is None for t in tasks if t.status == "inbox")
    assert all(t.client is not None for t in tasks if t.status != "inbox")


def test_waiting_two_future_one_past(demo):
    waits = [to_instant(t.wait, PARIS) for t in demo[1] if t.status == "waiting"]
    assert sorted(w > NOW for w in waits) == [False, True, True]


def test_closed_tasks_have_recent_completion(demo):
    for task in demo[1]:
        if task.status in ("done", "cancelled"):
            assert NOW - timedelta(days=7) < task.completed < NOW
            assert task.created < task.completed
        else:
            assert task.completed is None


def test_due_mix(demo):
    today = NOW.astimezone(PARIS).date()
    open_tasks = [t for t in demo[1] if t.is_open]
    overdue = [t for t in open_tasks if t.due and to_instant(t.due, PARIS, end=True) < NOW]
    assert len(overdue) == 4
    days = [
        t.due.astimezone(PARIS).date() if isinstance(t.due, datetime) else t.due
        for t in open_tasks
        if t.due
    ]
    assert sum(d == today for d in days) >= 3
    assert sum(d == today + timedelta(days=1) for d in days) >= 3
    assert sum(today < d <= today + timedelta(days=7) for d in days) >= 10
    assert sum(t.due is None for t in open_tasks) >= 3
    assert any(isinstance(t.due, datetime) for t in open_tasks)
    assert any(type(t.due) is date for t in open_tasks)


def test_fri_17_is_local_time(demo):
    flights = demo[1][0]
    assert flights.due == datetime(2026, 12, 4, 16, 0, tzinfo=UTC)  # Friday 17:00 Paris


def test_recurring_tasks_validate(demo):
    recurring = [t for t in demo[1] if t.recurrence]
    assert len(recurring) == 4
    for task in recurring:
        assert validate_rrule(task.recurrence) == task.recurrence
        assert task.due is not None
    assert [t.recur_from_completion for t in recurring].count(True) == 1
    assert {t.recurrence for t in recurring} >= {"FREQ=WEEKLY", "FREQ=MONTHLY"}


def test_tags_priorities_estimates_notes(demo):
    tasks = demo[1]
    assert sum("next" in t.tags for t in tasks) == 2
    assert {t.priority for t in tasks} == {*PRIORITIES, None}
    assert sum(t.estimate_minutes is not None for t in tasks) >= 30
    assert sum(bool(t.notes) for t in tasks) >= 5


def test_one_dependency_on_an_existing_task(demo):
    tasks = demo[1]
    uuids = {t.uuid for t in tasks}
    with_deps = [t for t in tasks if t.depends]
    assert len(with_deps) == 1
    assert set(with_deps[0].depends) <= uuids - {with_deps[0].uuid}


def test_created_spread_over_three_weeks(demo):
    created = [t.created for t in demo[1]]
    assert all(NOW - timedelta(days=22) < c <= NOW for c in created)
    assert max(created) - min(created) > timedelta(days=14)
    assert all(t.modified >= t.created for t in demo[1])


def test_all_instants_aware_utc(demo):
    for task in demo[1]:
        values = (task.created, task.modified, task.completed, task.due, task.wait, task.scheduled)
        for value in values:
            if isinstance(value, datetime):
                assert value.utcoffset() == timedelta(0)
                assert value.tzinfo is not None


def test_deterministic_and_fresh(demo):
    again = demo_workspace(NOW, PARIS)
    assert again == demo
    again[1][0].tags.append("x")
    again[0][0].name = "changed"
    assert demo_workspace(NOW, PARIS) == demo


@pytest.mark.parametrize("zone", ["America/Montreal", "Pacific/Auckland", "UTC"])
@pytest.mark.parametrize("day", range(7))
def test_any_day_and_zone(zone, day):
    now = NOW + timedelta(days=day, hours=5 * day)
    _, tasks = demo_workspace(now, ZoneInfo(zone))
    assert len(tasks) == 40
    assert len({t.uuid for t in tasks}) == 40
    assert [t.uuid for t in tasks] == [t.uuid for t in demo_workspace(NOW, PARIS)[1]]


def test_demo_entries_are_past_working_time_without_overlaps() -> None:
    from vaworkspace.service.demo import demo_entries

    entries = demo_entries(NOW, PARIS)
    assert len(entries) >= 15
    assert all(e.end <= NOW and e.seconds > 0 for e in entries)
    spans = sorted((e.start, e.end) for e in entries)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))
    assert {e.client for e in entries} >= {"evelyne", "dental", None}
    assert any(not e.billable for e in entries)
