"""Records round-trip every task and client exactly, and stay small."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vaworkspace.domain.models import Budget, Client, Task
from vaworkspace.errors import StoreError
from vaworkspace.store.records import (
    client_from_record,
    client_to_record,
    task_from_record,
    task_to_record,
)

UTC = timezone.utc
instants = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda d: d.replace(microsecond=0))
values = st.one_of(st.none(), instants, st.dates(date(1990, 1, 1), date(2100, 1, 1)))
words = st.text(min_size=1, max_size=30)


@st.composite
def tasks(draw) -> Task:
    return Task(
        id=draw(st.integers(1, 10**6)),
        uuid=draw(st.uuids()).hex,
        title=draw(words),
        created=draw(instants),
        modified=draw(instants),
        client=draw(st.one_of(st.none(), st.sampled_from(["evelyne", "dental"]))),
        tags=draw(st.lists(words, max_size=3)),
        priority=draw(st.sampled_from([None, "high", "medium", "low"])),
        status=draw(st.sampled_from(["inbox", "todo", "waiting", "done", "cancelled"])),
        due=draw(values),
        wait=draw(values),
        scheduled=draw(values),
        estimate_minutes=draw(st.one_of(st.none(), st.integers(1, 10_000))),
        recurrence=draw(st.sampled_from([None, "FREQ=WEEKLY;BYDAY=MO"])),
        recur_from_completion=draw(st.booleans()),
        notes=draw(st.text(max_size=40)),
        completed=draw(st.one_of(st.none(), instants)),
        source=draw(st.sampled_from(["cli", "taskwarrior", "tui"])),
        depends=draw(st.lists(st.uuids().map(str), max_size=2)),
    )


@given(tasks())
def test_task_round_trip(task: Task) -> None:
    assert task_from_record(task.id, task_to_record(task)) == task


def test_defaults_are_left_out() -> None:
    now = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    record = task_to_record(Task(1, "u", "Call", now, now))
    assert record == {
        "uuid": "u",
        "title": "Call",
        "created": "2026-12-01T14:00:00Z",
        "modified": "2026-12-01T14:00:00Z",
    }


def test_task_instants_are_stored_in_utc() -> None:
    paris = timezone(timedelta(hours=1))
    local = datetime(2026, 12, 4, 17, 0, tzinfo=paris)
    record = task_to_record(Task(1, "u", "Call", local, local, due=local))
    assert record["created"] == record["due"] == "2026-12-04T16:00:00Z"
    record["modified"] = "2026-12-04T17:00:00+01:00"  # as an older file may hold it
    assert task_from_record(1, record).modified == datetime(2026, 12, 4, 16, tzinfo=UTC)


def test_client_round_trip() -> None:
    client = Client(
        "evelyne",
        "Évelyne",
        4500,
        "CAD",
        Budget(900, "week"),
        5,
        "America/Montreal",
        "#e879f9",
        "rush",
        False,
    )
    assert client_from_record(client_to_record(client)) == client
    assert client_from_record(client_to_record(Client("a", "A"))) == Client("a", "A")


def test_damaged_record_names_the_task() -> None:
    with pytest.raises(StoreError, match=r"task 7 .* damaged"):
        task_from_record(7, {"title": "no uuid"})
    with pytest.raises(StoreError, match=r"task 8 .* damaged"):
        task_from_record(8, {"uuid": "u", "title": "t", "created": "yesterday", "modified": "x"})


@given(st.tuples(instants, st.integers(0, 10**6)), st.booleans(), st.text(max_size=20))
def test_entry_round_trip(span, billable: bool, note: str) -> None:
    from vaworkspace.domain.models import TimeEntry
    from vaworkspace.store.records import entry_from_record, entry_to_record

    start, seconds = span
    entry = TimeEntry(
        3, start, start + timedelta(seconds=seconds), "acme", 12, billable, note, "timer"
    )
    assert entry_from_record(3, entry_to_record(entry)) == entry


def test_client_billing_fields_round_trip() -> None:
    client = Client("a", "A", billable=False, rounding_minutes=15, round_per="total")
    assert client_from_record(client_to_record(client)) == client


@given(values.filter(lambda v: v is not None), st.integers(0, 5), st.text(max_size=30))
def test_event_round_trip(start, sequence: int, raw: str) -> None:
    from vaworkspace.domain.calendar.event import Event
    from vaworkspace.store.records import event_from_record, event_to_record

    end = (
        start + timedelta(days=1) if not isinstance(start, datetime) else start + timedelta(hours=1)
    )
    event = Event(
        5,
        "uid-1",
        "Fitting",
        start,
        end,
        "20261204T140000Z",
        sequence,
        "FREQ=WEEKLY",
        "tentative",
        "Europe/Paris",
        "evelyne",
        "Google",
        "Atelier",
        "bring pins",
        datetime(2026, 11, 1, tzinfo=UTC),
        raw,
    )
    assert event_from_record(5, event_to_record(event)) == event


def test_tasks_read_together_share_their_deadlines() -> None:
    from vaworkspace.store.instants import DecodedDates

    now = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    due = datetime(2026, 12, 4, 17, 0, tzinfo=UTC)
    records = [task_to_record(Task(i, f"u{i}", "Call", now, now, due=due)) for i in (1, 2)]
    dates = DecodedDates()
    one, two = (task_from_record(i, r, dates) for i, r in enumerate(records, 1))
    assert one.due is two.due
    assert one.due == due
    alone = task_from_record(3, records[0])
    assert alone.due == due
    assert alone.due is not one.due


def test_a_damaged_deadline_names_the_task() -> None:
    now = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    record = task_to_record(Task(4, "u", "Call", now, now))
    record["due"] = "next friday"
    with pytest.raises(StoreError, match=r"task 4 .* damaged"):
        task_from_record(4, record)


@given(st.lists(tasks(), max_size=6, unique_by=lambda t: t.id), st.booleans())
def test_facts_read_from_records_are_the_built_tasks_facts(found: list[Task], open_only) -> None:
    """Ranking reads records without building tasks (`TaskTable.facts`): what it
    reads must be exactly what a built task says."""
    from vaworkspace.domain.tasks.facts import facts_of
    from vaworkspace.store.table_reads import TaskTable

    records = {str(task.id): task_to_record(task) for task in found}
    from_records = TaskTable(records).facts(open_only)
    from_tasks = [facts_of(task) for task in TaskTable(records).tasks(open_only)]
    assert from_records == from_tasks
    assert [type(facts) for facts in from_records] == [type(facts) for facts in from_tasks]


def test_facts_of_a_damaged_record_name_the_task() -> None:
    from vaworkspace.store.table_reads import TaskTable

    with pytest.raises(StoreError, match=r"task 9 .* damaged"):
        TaskTable({"9": {"uuid": "u", "title": "t", "created": "yesterday"}}).facts()


KINDS = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)


@given(st.dictionaries(KINDS, st.integers(0, 10**7), max_size=6), st.integers(0, 10**7))
def test_rates_by_kind_round_trip_in_their_order(kinds: dict[str, int], default: int) -> None:
    from vaworkspace.domain.kind_rates import apply_rate_settings, format_kind_table, table_settings
    from vaworkspace.store.schema import check_records

    client = Client("a", "A", rate_cents=default, kind_rates=kinds)
    record = client_to_record(client)
    check_records("clients", {"1": record})
    back = client_from_record(record)
    assert back == client and list(back.kind_rates) == list(kinds)
    # the form's text of the table, typed back, gives the same table in the same order
    typed = apply_rate_settings(client, table_settings(client, format_kind_table(client)))
    assert list(typed.kind_rates.items()) == list(kinds.items())


@given(st.one_of(st.none(), KINDS), st.one_of(st.none(), st.integers(0, 10**7)))
def test_an_entry_keeps_its_kind_and_rate_and_an_old_one_reads_without(kind, rate) -> None:
    from vaworkspace.domain.models import TimeEntry
    from vaworkspace.store.records import entry_from_record, entry_to_record

    start = datetime(2026, 12, 1, 14, tzinfo=UTC)
    entry = TimeEntry(
        4, start, start + timedelta(hours=1), "acme", None, True, "", "manual", kind, rate
    )
    record = entry_to_record(entry)
    assert entry_from_record(4, record) == entry
    old = {"start": "2026-12-01T14:00:00Z", "end": "2026-12-01T15:00:00Z", "client": "acme"}
    assert entry_from_record(5, old).kind is None and entry_from_record(5, old).rate_cents is None


def test_a_damaged_rate_table_is_refused_by_name() -> None:
    from vaworkspace.store.schema import BadRecord, check_records

    with pytest.raises(BadRecord, match="kind_rates"):
        check_records("clients", {"1": {"id": "a", "name": "A", "kind_rates": [["seo", "60"]]}})
