"""Export: each record's mapping, RFC 5545 framing, stable bytes, and times that survive."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.ical.calendars import RAW_MEETING, week_events
from vaworkspace.domain.calendar.event import Event
from vaworkspace.domain.models import Client, Task, TimeEntry
from vaworkspace.ical.writer import PRODID, export_calendar

UTC = timezone.utc
TZ = ZoneInfo("America/Montreal")
STAMP = datetime(2026, 3, 1, 12, tzinfo=UTC)
CLIENTS = {"acme": Client(id="acme", name="Acme Corp")}


def task(**changes) -> Task:
    values = {
        "id": 1,
        "uuid": "6f1c2d9e-0000-4000-8000-000000000001",
        "title": "Send invoice",
        "created": datetime(2026, 2, 1, 14, tzinfo=UTC),
        "modified": datetime(2026, 2, 2, 15, tzinfo=UTC),
    }
    values.update(changes)
    return Task(**values)


def sample() -> dict:
    """A week across the spring DST change (2026-03-08), a due, an all-day block."""
    invoice = task(
        client="acme",
        tags=["billing"],
        priority="high",
        due=datetime(2026, 12, 4, 22, tzinfo=UTC),
        recurrence="FREQ=MONTHLY;BYMONTHDAY=4",
        notes="Quote the PO number",
    )
    flights = task(
        id=2,
        uuid="6f1c2d9e-0000-4000-8000-000000000002",
        title="Book flights",
        due=date(2026, 12, 5),
        status="done",
        completed=datetime(2026, 3, 3, 15, tzinfo=UTC),
    )
    entries = [
        TimeEntry(
            id=7,
            start=datetime(2026, 3, 6, 14, tzinfo=UTC),  # Friday 09:00 EST
            end=datetime(2026, 3, 6, 15, 30, tzinfo=UTC),
            client="acme",
            task=1,
            note="first draft",
        ),
        TimeEntry(
            id=8,
            start=datetime(2026, 3, 8, 6, 30, tzinfo=UTC),  # 01:30 EST ...
            end=datetime(2026, 3, 8, 7, 30, tzinfo=UTC),  # ... 03:30 EDT: one real hour
            client="acme",
            billable=False,
            note="server migration",
        ),
        TimeEntry(
            id=9,
            start=datetime(2026, 3, 9, 13, tzinfo=UTC),  # Monday 09:00 EDT
            end=datetime(2026, 3, 9, 14, tzinfo=UTC),
        ),
    ]
    events = week_events()
    return {"tasks": [invoice, flights], "entries": entries, "events": events}


def export(dtstamp: datetime = STAMP, name: str | None = "VA work", **records) -> bytes:
    data = {**sample(), **records}
    return export_calendar(clients=CLIENTS, tz=TZ, name=name, dtstamp=dtstamp, **data)


def unfolded(data: bytes) -> list[str]:
    """Content lines with RFC 5545 folding undone."""
    return data.decode().replace("\r\n ", "").split("\r\n")


def component(data: bytes, uid: str):
    found = [c for c in Calendar.from_ical(data).walk() if str(c.get("UID", "")) == uid]
    assert len(found) == 1, uid
    return found[0]


def block(data: bytes, uid: str) -> list[str]:
    """The unfolded lines of one component, BEGIN to END."""
    lines = unfolded(data)
    at = lines.index(f"UID:{uid}")
    start = max(i for i in range(at) if lines[i].startswith("BEGIN:V"))
    end = next(i for i in range(at, len(lines)) if lines[i].startswith("END:V"))
    return lines[start : end + 1]


def test_task_becomes_vtodo_with_local_due_and_tzid():
    lines = block(export(), "6f1c2d9e-0000-4000-8000-000000000001")
    assert lines[0] == "BEGIN:VTODO"
    for expected in (
        "SUMMARY:Send invoice",
        "DTSTAMP:20260301T120000Z",
        "CREATED:20260201T140000Z",
        "LAST-MODIFIED:20260202T150000Z",
        "DUE;TZID=America/Montreal:20261204T170000",
        "PRIORITY:1",
        "STATUS:NEEDS-ACTION",
        "CATEGORIES:billing,acme",
        "X-VAWORKSPACE-CLIENT:acme",
        "RRULE:FREQ=MONTHLY;BYMONTHDAY=4",
        "DESCRIPTION:Quote the PO number",
    ):
        assert expected in lines
    todo = component(export(), "6f1c2d9e-0000-4000-8000-000000000001")
    assert todo["DUE"].dt == datetime(2026, 12, 4, 22, tzinfo=UTC)


def test_all_day_due_stays_a_date_and_done_is_completed():
    lines = block(export(), "6f1c2d9e-0000-4000-8000-000000000002")
    assert "DUE;VALUE=DATE:20261205" in lines
    assert {"STATUS:COMPLETED", "COMPLETED:20260303T150000Z", "PERCENT-COMPLETE:100"} <= set(lines)
    assert not any(line.startswith(("PRIORITY", "CATEGORIES", "X-VAWORKSPACE")) for line in lines)
    due = component(export(), "6f1c2d9e-0000-4000-8000-000000000002")["DUE"].dt
    assert type(due) is date and due == date(2026, 12, 5)


@pytest.mark.parametrize(
    ("status", "priority", "expected"),
    [
        ("inbox", "medium", {"STATUS:NEEDS-ACTION", "PRIORITY:5"}),
        ("waiting", "low", {"STATUS:NEEDS-ACTION", "PRIORITY:9"}),
        ("todo", None, {"STATUS:NEEDS-ACTION"}),
        ("cancelled", "high", {"STATUS:CANCELLED", "PRIORITY:1"}),
    ],
)
def test_status_and_priority(status, priority, expected):
    data = export(tasks=[task(status=status, priority=priority)], entries=[], events=[])
    lines = block(data, "6f1c2d9e-0000-4000-8000-000000000001")
    assert expected <= set(lines)
    assert not any(line.startswith(("COMPLETED", "PERCENT-COMPLETE")) for line in lines)
    if priority is None:
        assert not any(line.startswith("PRIORITY") for line in lines)


def test_scheduled_is_dtstart_and_mixed_types_become_times():
    same = task(scheduled=date(2026, 12, 1), due=date(2026, 12, 4))
    lines = block(export(tasks=[same]), same.uuid)
    assert {"DTSTART;VALUE=DATE:20261201", "DUE;VALUE=DATE:20261204"} <= set(lines)
    # RFC 5545 wants DTSTART and DUE of one value type: the date becomes local midnight.
    mixed = task(scheduled=date(2026, 12, 1), due=datetime(2026, 12, 4, 22, tzinfo=UTC))
    lines = block(export(tasks=[mixed]), mixed.uuid)
    assert "DTSTART;TZID=America/Montreal:20261201T000000" in lines
    # A start after the due would be invalid: it is left out.
    late = task(scheduled=date(2026, 12, 9), due=date(2026, 12, 4))
    assert not any(line.startswith("DTSTART") for line in block(export(tasks=[late]), late.uuid))


def test_time_entries_become_busy_events():
    data = export()
    lines = block(data, "entry-7@vaworkspace")
    assert lines[0] == "BEGIN:VEVENT"
    for expected in (
        "DTSTAMP:20260301T120000Z",
        "DTSTART;TZID=America/Montreal:20260306T090000",
        "DTEND;TZID=America/Montreal:20260306T103000",
        "SUMMARY:Acme Corp: Send invoice",
        "CATEGORIES:acme",
        "DESCRIPTION:first draft",
        "TRANSP:OPAQUE",
        "X-VAWORKSPACE-ENTRY:7",
        "X-VAWORKSPACE-BILLABLE:TRUE",
    ):
        assert expected in lines
    unbilled = block(data, "entry-8@vaworkspace")
    assert {"SUMMARY:Acme Corp: server migration", "X-VAWORKSPACE-BILLABLE:FALSE"} <= set(unbilled)
    bare = block(data, "entry-9@vaworkspace")
    assert "SUMMARY:work" in bare
    assert not any(line.startswith(("CATEGORIES", "DESCRIPTION")) for line in bare)


def test_entry_across_the_dst_change_keeps_wall_times_and_real_length():
    lines = block(export(), "entry-8@vaworkspace")
    assert "DTSTART;TZID=America/Montreal:20260308T013000" in lines
    assert "DTEND;TZID=America/Montreal:20260308T033000" in lines
    vevent = component(export(), "entry-8@vaworkspace")
    # Subtracting same-zone datetimes gives wall time (2 h); real time is 1 h.
    elapsed = vevent["DTEND"].dt.astimezone(UTC) - vevent["DTSTART"].dt.astimezone(UTC)
    assert elapsed == timedelta(hours=1)


def test_imported_event_keeps_its_original_text():
    lines = block(export(), "board-1@example.com")
    for original in RAW_MEETING.split("\r\n")[1:-2]:
        # icalendar quotes parameter values with spaces: same meaning (RFC 5545 §3.2).
        assert original.replace("CN=Bob Example", 'CN="Bob Example"') in lines
    assert lines.count("DTSTAMP:20260101T000000Z") == 1  # its own, not the export's
    assert "BEGIN:VALARM" in lines and "TRIGGER:-PT15M" in lines


def test_unreadable_raw_falls_back_to_the_stored_fields():
    broken = Event(
        id=4,
        uid="old@example.com",
        summary="Dentist",
        start=datetime(2026, 3, 12, 15, tzinfo=UTC),
        end=datetime(2026, 3, 12, 16, tzinfo=UTC),
        raw="not a calendar",
    )
    lines = block(export(events=[broken]), "old@example.com")
    assert "SUMMARY:Dentist" in lines
    assert "DTSTART;TZID=America/Montreal:20260312T110000" in lines


def test_work_blocks_are_built_from_fields():
    data = export()
    offsite = block(data, "block-2@vaworkspace")
    assert {"DTSTART;VALUE=DATE:20260311", "DTEND;VALUE=DATE:20260312"} <= set(offsite)
    focus = block(data, "block-3@vaworkspace")
    assert {
        "SUMMARY:Focus: invoices",
        "DTSTART;TZID=America/Montreal:20260309T100000",
        "RELATED-TO:6f1c2d9e-0000-4000-8000-000000000001",
        "CATEGORIES:acme",
    } <= set(focus)


def test_calendar_framing():
    data = export()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF only
    lines = unfolded(data)
    assert {
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:VA work",
    } <= set(lines)
    cal = Calendar.from_ical(data)
    items = cal.walk("VTODO") + cal.walk("VEVENT")
    assert len(items) == 8
    assert all("DTSTAMP" in item for item in items)
    assert b"X-WR-CALNAME" not in export(name=None)


def test_long_utf8_summary_folds_at_75_octets_between_characters():
    title = "Réservation à Montréal — 会議の準備 🚀 " * 6
    data = export(tasks=[task(title=title)], entries=[], events=[])
    physical = data.split(b"\r\n")
    assert max(len(line) for line in physical) == 75  # it did fold
    for line in physical:
        assert len(line) <= 75
        line.decode("utf-8")  # no multi-byte character split across lines
    todo = component(data, task().uuid)
    assert str(todo["SUMMARY"]) == title


def test_a_vtimezone_for_every_tzid():
    cal = Calendar.from_ical(export())
    assert cal.get_used_tzids() == {"America/Montreal", "Europe/Paris"}
    assert cal.get_missing_tzids() == set()
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == [
        "America/Montreal",
        "Europe/Paris",
    ]


def test_components_in_a_fixed_order():
    cal = Calendar.from_ical(export())
    names = [c.name for c in cal.subcomponents]
    assert names == ["VTIMEZONE"] * 2 + ["VTODO"] * 2 + ["VEVENT"] * 6
    todos = [str(c["UID"]) for c in cal.walk("VTODO")]
    assert todos == sorted(todos)
    assert [str(c["UID"]) for c in cal.walk("VEVENT")] == [
        "entry-7@vaworkspace",
        "entry-8@vaworkspace",
        "entry-9@vaworkspace",
        "block-3@vaworkspace",
        "board-1@example.com",
        "block-2@vaworkspace",
    ]


def test_two_exports_differ_only_in_dtstamp():
    later = STAMP + timedelta(days=40, seconds=7)
    first = export()
    shuffled = sample()
    for records in shuffled.values():
        records.reverse()
    second = export(dtstamp=later, **shuffled)
    assert first != second
    stamps = {f"DTSTAMP:{when:%Y%m%dT%H%M%SZ}" for when in (STAMP, later)}

    def without_stamps(data: bytes) -> list[str]:
        return [line for line in unfolded(data) if line not in stamps]

    assert without_stamps(first) == without_stamps(second)
    assert len(first) == len(second)


def test_parsed_back_times_are_the_same_instants():
    records = sample()
    cal = Calendar.from_ical(export())
    for entry in records["entries"]:
        vevent = component(export(), f"entry-{entry.id}@vaworkspace")
        assert vevent["DTSTART"].dt == entry.start
        assert vevent["DTEND"].dt == entry.end
        assert vevent["DTSTART"].dt.tzinfo is not None
    meeting = component(export(), "board-1@example.com")
    assert meeting["DTSTART"].dt == datetime(2026, 3, 10, 9, tzinfo=UTC)
    offsite = component(export(), "block-2@vaworkspace")
    assert type(offsite["DTSTART"].dt) is date
    assert len(cal.walk("VEVENT")) == 6


def test_a_utc_zone_writes_utc_times_without_vtimezone():
    entry = TimeEntry(
        id=1, start=datetime(2026, 1, 5, 9, tzinfo=UTC), end=datetime(2026, 1, 5, 10, tzinfo=UTC)
    )
    data = export_calendar(
        tasks=[], entries=[entry], events=[], clients={}, tz=ZoneInfo("UTC"), dtstamp=STAMP
    )
    assert "DTSTART:20260105T090000Z" in unfolded(data)
    assert b"VTIMEZONE" not in data
