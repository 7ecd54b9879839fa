"""The log form's fields read as `va log` reads its words (`domain/time/log_fields.py`)."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from vaworkspace.domain.time.log_fields import parse_log_fields
from vaworkspace.errors import InputError

TZ = ZoneInfo("America/Montreal")
NOW = datetime(2026, 12, 1, 19, 0, tzinfo=timezone.utc)  # Tuesday 14:00 in Montreal


def local(day: int, hhmm: str) -> datetime:
    hours, minutes = map(int, hhmm.split(":"))
    return datetime(2026, 12, day, hours, minutes, tzinfo=TZ)


def test_start_and_end_on_a_past_day() -> None:
    fields = {"client": "@acme", "task": "#12", "day": "yesterday", "start": "9:00", "end": "10:30"}
    request = parse_log_fields({**fields, "note": "call"}, NOW, TZ)
    monday = datetime(2026, 11, 30, 9, 0, tzinfo=TZ)
    assert (request.start, request.end) == (monday, monday.replace(hour=10, minute=30))
    assert (request.client, request.task, request.note) == ("acme", 12, "call")


def test_a_duration_alone_ends_now_today() -> None:
    request = parse_log_fields({"duration": "45m"}, NOW, TZ)
    assert (request.start, request.end) == (local(1, "13:15"), NOW)
    assert (request.client, request.task, request.note) == (None, None, "")
    assert request.kind is None  # the task's kind, or the default rate


def test_the_kind_of_work_is_read_as_va_log_reads_it() -> None:
    assert parse_log_fields({"duration": "1h", "kind": " #Data-Entry "}, NOW, TZ).kind == (
        "data-entry"
    )


def test_a_start_and_a_duration() -> None:
    request = parse_log_fields({"start": "10:00", "duration": "1h"}, NOW, TZ)
    assert (request.start, request.end) == (local(1, "10:00"), local(1, "11:00"))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "give a duration"),
        ({"end": "10:00"}, "an end needs a start"),
        ({"start": "10:00", "end": "9:00"}, "not after the start"),
        ({"start": "10:00", "end": "11:00", "duration": "2h"}, "not the time from 10:00 to 11:00"),
        ({"start": "10", "end": "soon"}, "not a time of day"),
        ({"duration": "1h", "day": "someday"}, "not a day"),
        ({"duration": "1h", "task": "twelve"}, "not a task number"),
        ({"start": "15:00", "end": "16:00"}, "in the future"),
        ({"duration": "25h"}, "more than 24 hours"),
        ({"duration": "1h", "kind": "data entry"}, "not a kind of work"),
    ],
)
def test_what_cannot_be_logged_says_why(fields, message) -> None:
    with pytest.raises(InputError, match=message):
        parse_log_fields(fields, NOW, TZ)


def test_a_bare_time_edits_the_entry_on_its_own_day() -> None:
    """`va entry edit 1 --end 9:45` at 14:00 meant tomorrow 9:45: a 25-hour entry."""
    from vaworkspace.domain.time.log_fields import on_entry_day

    start = local(1, "9:00")
    assert on_entry_day("9:45", start, NOW, TZ) == local(1, "9:45")
    assert on_entry_day(" 10:30 ", local(1, "8:00"), NOW, TZ) == local(1, "10:30")
    assert on_entry_day("2026-11-30 10:00", start, NOW, TZ) == datetime(
        2026, 11, 30, 10, 0, tzinfo=TZ
    )
