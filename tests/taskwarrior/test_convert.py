"""Taskwarrior import, against real `task export` output (see fixtures/taskwarrior/)."""

from __future__ import annotations

import contextlib
import json
import random
from datetime import date, datetime, timezone, tzinfo
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vaworkspace.domain.tasks.recurrence import validate_rrule
from vaworkspace.errors import ImportFileError
from vaworkspace.store.records import task_from_record
from vaworkspace.taskwarrior import convert as taskwarrior
from vaworkspace.taskwarrior.convert import TaskwarriorImport, recur_to_rrule
from vaworkspace.taskwarrior.export import looks_like_taskwarrior, parse_export

FIXTURES = Path(__file__).parents[1] / "fixtures" / "taskwarrior"
PARIS = ZoneInfo("Europe/Paris")  # the zone the fixtures were typed in
UTC = timezone.utc
NOW = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
UUID = "0b82f4df-9428-4d74-9dcc-07e763be5aba"
Converted = SimpleNamespace  # tasks, records, clients, warnings, skipped


def convert(items: list[dict], now: datetime, tz: tzinfo) -> Converted:
    """`taskwarrior.convert`, its records read back as the workspace does (`tasks`)."""
    result = taskwarrior.convert(items, now, tz)
    tasks = [task_from_record(0, record) for record in result.records]
    return Converted(tasks=tasks, **vars(result))


@pytest.fixture(scope="module")
def raw() -> bytes:
    return (FIXTURES / "export-2.6.2.json").read_bytes()


@pytest.fixture(scope="module")
def items(raw) -> list[dict]:
    return parse_export(raw)


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


def test_real_export_parses(items):
    assert len(items) == 18
    assert all(isinstance(item, dict) for item in items)


def test_json_lines_export_gives_the_same_tasks(items):
    lines = parse_export((FIXTURES / "export-2.6.2-lines.json").read_bytes())
    assert [(i["uuid"], i["description"]) for i in lines] == [
        (i["uuid"], i["description"]) for i in items
    ]


def test_bom_whitespace_and_str_input(raw, items):
    assert parse_export(b"\xef\xbb\xbf\n  " + raw + b"\n\n") == items
    assert parse_export("\ufeff" + raw.decode()) == items


def test_json_lines_with_trailing_commas():
    text = '{"uuid": "%s", "description": "a"},\n\n{"uuid": "%s", "description": "b"}\n'
    parsed = parse_export(text % (UUID, UUID.replace("0b", "0c")))
    assert [i["description"] for i in parsed] == ["a", "b"]
    assert parse_export(b" [] ") == []


def _error(data) -> str:
    with pytest.raises(ImportFileError) as info:
        parse_export(data)
    message = str(info.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"hello world", "not a Taskwarrior export: expected a JSON array of tasks"),
        (b"<!DOCTYPE html><html><body>Login</body></html>", "it starts with '<!DOCTYPE html>"),
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b'[\n{"uuid": "x",\n  "description" "a"}]', "JSON error at line 3 column 17"),
        (b'{"a": 1}\n{"b": ', "JSON error at line 2 column"),
        (b'"just a string"', "it starts with"),
        (b"\xff\xfe[]", "not UTF-8 text at byte 0"),
        (b"[" * 100_000, "JSON nested too deeply"),
        (b"[" + b"1" * 5000 + b"]", "digits"),
    ],
)
def test_not_an_export(data, expected):
    message = _error(data)
    assert message.startswith("not a Taskwarrior export: expected a JSON array of tasks (")
    assert expected in message


def item(**fields) -> dict:
    return {"uuid": UUID, "description": "Call Zoë", "status": "pending", **fields}


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        (item(due="20261305T000000Z"), "bad date due '20261305T000000Z'"),
        (item(entry="2026-12-04"), "bad date entry '2026-12-04'"),
        (item(status="zombie"), "unknown status 'zombie'"),
        (item(priority="X"), "bad priority 'X' (expected H, M or L)"),
        (item(tags=[1, 2]), "tags must be a list of text"),
        (item(annotations=[{"description": "x"}]), "annotations must be a list"),
        (item(project=3), "project must be text"),
        (item(uuid="not-a-uuid"), "bad uuid 'not-a-uuid'"),
    ],
)
def test_bad_item_is_named_with_uuid_and_description(bad, expected):
    good = item(uuid=UUID.replace("0b", "0d"))
    message = _error(json.dumps([good, bad]))
    assert message.startswith("item 2 (")
    assert "description 'Call Zoë'" in message
    assert expected in message


def test_missing_fields():
    assert _error(json.dumps([{"uuid": UUID}])) == f"item 1 (uuid {UUID}): missing description"
    assert _error(json.dumps([{"description": "x"}])) == "item 1 (description 'x'): missing uuid"
    assert "missing description" in _error(json.dumps([item(description="  ")]))


def test_item_not_an_object_or_repeated():
    assert _error(json.dumps([item(), [1, 2]])) == "item 2: expected a JSON object, found an array"
    assert "found a number" in _error(b"[3]")
    assert "found null" in _error(b"[null]")
    assert "the same uuid appears twice" in _error(json.dumps([item(), item()]))


def test_one_bad_item_rejects_the_whole_real_file(raw):
    data = json.loads(raw)
    data[-1]["due"] = "20261305T000000Z"
    message = _error(json.dumps(data))
    assert message.startswith(f"item {len(data)} (uuid ")
    assert "20261305T000000Z" in message


def test_looks_like_taskwarrior(raw):
    assert looks_like_taskwarrior(raw)
    assert looks_like_taskwarrior((FIXTURES / "export-2.6.2-lines.json").read_bytes())
    assert looks_like_taskwarrior(b"\xef\xbb\xbf  " + raw)
    assert not looks_like_taskwarrior(b"BEGIN:VCALENDAR\r\nUID:x\r\n")
    assert not looks_like_taskwarrior(b"uuid,description\n1,2\n")
    assert not looks_like_taskwarrior(b'<html>"uuid" "description"</html>')
    assert not looks_like_taskwarrior(b"")


def test_fields_of_a_full_task(result, items):
    task = one(result, "Book flights Montréal → Paris for the show")
    source = next(i for i in items if i["description"] == task.title)
    assert task.id == 0
    assert task.uuid == source["uuid"]
    assert task.client == "acme"
    assert task.tags == ["next", "travel", "web"]
    assert task.priority == "high"
    assert [one(result, t).priority for t in ("Update website footer", "Call fabric supplier",
            "Chase unpaid invoice")] == ["medium", "low", None]  # fmt: skip
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
    assert sorted((c.id, c.name) for c in result.clients) == [
        ("acme", "Acme"), ("bakery", "Bakery"), ("coach", "Coach"), ("dental", "Dental"),
        ("realtor", "Realtor"),
    ]  # fmt: skip
    assert one(result, "Call fabric supplier").client == "acme"
    assert one(result, "Call fabric supplier").tags == []
    contract = one(result, "Send contract")
    assert (contract.client, contract.tags) == ("realtor", ["urgent", "listings-q1"])
    assert sorted(contract.depends) == sorted([
        uuid_of(items, "Book flights Montréal → Paris for the show"),
        uuid_of(items, "Update website footer"),
    ])  # fmt: skip


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
    old = [dict(i, status="waiting") if i["description"] == "Call fabric supplier" else i
           for i in items]  # fmt: skip
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
    assert [t.recurrence for t in triage] == [
        None, None, validate_rrule("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ]  # fmt: skip
    report = sorted(by_title(result, "Quarterly report ☕ für Zoë"), key=lambda t: t.due)
    assert report[-1].recurrence == validate_rrule("FREQ=WEEKLY;INTERVAL=2")
    assert report[-1].client is None


def test_until_on_a_timed_series_is_utc(items):
    timed = [dict(i, until="20270131T230000Z") if i.get("recur") == "2weeks" else i
             for i in items]  # fmt: skip
    report = max(by_title(convert(timed, NOW, PARIS), "Quarterly report ☕ für Zoë"),
                 key=lambda t: t.due)  # fmt: skip
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
    hourly = [dict(i, recur="3h") if i.get("recur") == "2weeks" else i for i in items]
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


RECUR = {
    "daily": "FREQ=DAILY", "weekly": "FREQ=WEEKLY", "weekdays": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2", "2weeks": "FREQ=WEEKLY;INTERVAL=2",
    "2 wks": "FREQ=WEEKLY;INTERVAL=2", "3d": "FREQ=DAILY;INTERVAL=3", "1d": "FREQ=DAILY",
    "monthly": "FREQ=MONTHLY", "quarterly": "FREQ=MONTHLY;INTERVAL=3",
    "2q": "FREQ=MONTHLY;INTERVAL=6", "yearly": "FREQ=YEARLY", "annual": "FREQ=YEARLY",
    "P1M": "FREQ=MONTHLY", "P2W": "FREQ=WEEKLY;INTERVAL=2", "P1Y": "FREQ=YEARLY",
    "3h": None, "5min": None, "0d": None, "whenever": None, "": None,
}  # fmt: skip


@pytest.mark.parametrize(("recur", "rule"), RECUR.items())
def test_recur_to_rrule(recur, rule):
    assert recur_to_rrule(recur) == rule
    if rule:
        validate_rrule(rule)


FIELDS = ["uuid", "description", "status", "due", "wait", "entry", "project", "tags",
          "annotations", "depends", "recur", "parent", "until", "priority", "end"]  # fmt: skip
ATOMS = st.sampled_from(
    [UUID, "20261204T170000Z", "20261203T230000Z", "20261305T000000Z", "pending", "waiting",
     "recurring", "completed", "H", "weekly", "2weeks", "Acme.Web", ".", "☕", ""]
) | st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)  # fmt: skip
KEYS = st.sampled_from(FIELDS) | st.text(max_size=4)
JSONISH = st.recursive(
    ATOMS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=6)
)
ITEMS = st.fixed_dictionaries(
    {"uuid": st.sampled_from([UUID, UUID.replace("0b", "0f")]), "description": st.text(min_size=1)},
    optional={name: JSONISH for name in FIELDS[2:]},
)


def _as_bytes(value, bom: bool, lines: bool) -> bytes:
    lines = lines and isinstance(value, list)
    text = "\n".join(json.dumps(v) for v in value) if lines else json.dumps(value)
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode()


@settings(max_examples=300, deadline=None)
@given(st.lists(ITEMS, max_size=3) | JSONISH, st.booleans(), st.booleans(), st.binary(max_size=3))
def test_jsonish_bytes_parse_or_raise_import_file_error(value, bom, lines, noise):
    for data in (_as_bytes(value, bom, lines), _as_bytes(value, bom, lines)[:-1] + noise):
        try:
            items = parse_export(data)
        except ImportFileError:
            continue
        # Whatever parse_export accepts, convert must handle without crashing.
        assert isinstance(taskwarrior.convert(items, NOW, PARIS), TaskwarriorImport)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=64))
def test_arbitrary_bytes_parse_or_raise_import_file_error(data):
    with contextlib.suppress(ImportFileError):
        assert isinstance(parse_export(data), list)
