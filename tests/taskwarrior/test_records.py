"""Every stored task says what its Taskwarrior item says, whatever the export.

Generated exports (`strategies.exports`) are converted, the tasks stored as an
import stores them (`store.task_columns`), and each record is read back as the
workspace reads it (`store.records`) and compared with its item, field by
field, by the mapping rules of `taskwarrior/convert.py`.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.taskwarrior.strategies import exports
from vaworkspace.store.records import task_from_record, task_to_record
from vaworkspace.store.schema import check_records
from vaworkspace.store.task_columns import task_records
from vaworkspace.taskwarrior.convert import convert
from vaworkspace.taskwarrior.export import read_export

UTC = timezone.utc
NOW = datetime(2026, 12, 1, 14, 0, 7, tzinfo=UTC)
ZONES = st.sampled_from([UTC, ZoneInfo("Europe/Paris"), ZoneInfo("Pacific/Chatham")])
SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
STATUS = {"pending": "todo", "waiting": "todo", "completed": "done", "deleted": "cancelled"}


def instant(value: str | None) -> datetime | None:
    return None if value is None else datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def local_value(value: str | None, tz) -> date | datetime | None:
    """Taskwarrior's local midnight is a bare date; any other time, the instant."""
    moment = instant(value)
    if moment is None:
        return None
    local = moment.astimezone(tz)
    return local.date() if local.time() == time() else moment


def text_list(value) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return list(value)


def expected_tags(item: dict) -> list[str]:
    tags = text_list(item.get("tags", []))
    top, _, rest = item.get("project", "").strip().partition(".")
    sub = "-".join(
        filter(None, "".join(c if c.isalnum() or c == "_" else " " for c in rest.lower()).split())
    )
    if top.strip() and sub and sub not in tags:
        tags.append(sub)
    return tags


@SETTINGS
@given(exports(), ZONES)
def test_every_record_passes_the_stores_check(export, tz) -> None:
    """An import writes these records unchecked (`tables.put_many(checked=True)`):
    the check the store would run must pass on every record it makes of a
    conversion."""
    records = task_records(convert(read_export(json.dumps(export)), NOW, tz).tasks)
    check_records("tasks", {str(n): record for n, record in enumerate(records, 1)})


@SETTINGS
@given(exports(), ZONES)
def test_each_record_says_what_its_item_says(export, tz) -> None:
    result = convert(read_export(json.dumps(export)), NOW, tz)
    kept = [item for item in export if item.get("status") != "recurring"]
    records = task_records(result.tasks)
    assert len(records) == len(kept)
    assert [task_from_record(n, r) for n, r in enumerate(records)] == result.tasks.tasks()
    by_uuid = {item["uuid"].lower(): item for item in kept}
    for record in records:
        task = task_from_record(1, record)
        item = by_uuid[task.uuid]
        created = (
            instant(item.get("entry"))
            or instant(item.get("modified"))
            or NOW.replace(microsecond=0)
        )
        assert (task.title, task.created) == (item["description"].strip(), created)
        assert task.modified == (instant(item.get("modified")) or created)
        assert task.due == local_value(item.get("due"), tz)
        assert task.wait == local_value(item.get("wait"), tz)
        assert task.scheduled == local_value(item.get("scheduled"), tz)
        assert task.priority == {"H": "high", "M": "medium", "L": "low"}.get(item.get("priority"))
        assert task.tags == expected_tags(item)
        assert task.depends == [uuid.lower() for uuid in text_list(item.get("depends", []))]
        assert task.source == "taskwarrior"
        status = STATUS[item.get("status", "pending")]
        if status == "todo":
            wait = instant(item.get("wait"))
            status = "waiting" if wait and wait > NOW else "todo" if task.client else "inbox"
        assert task.status == status
        closed = status in ("done", "cancelled")
        assert task.completed == (instant(item.get("end")) if closed else None)
        notes = [
            f"{instant(note['entry']).astimezone(tz).date()}: {note['description'].strip()}"
            for note in item.get("annotations", [])
        ]
        assert task.notes == "\n".join(notes)
        assert list(task_to_record(task).items()) == list(record.items())  # stored as is


@SETTINGS
@given(exports())
def test_records_come_by_entry_then_uuid(export) -> None:
    tasks = convert(read_export(json.dumps(export)), NOW, UTC).tasks
    by_uuid = {item["uuid"].lower(): item for item in export}
    keys = [(by_uuid[uuid].get("entry", ""), uuid) for uuid in tasks.uuid]
    assert keys == sorted(keys)
