"""Reading .ics files as Google, Outlook/Exchange, Apple and Nextcloud write them.

The fixtures are hand-made copies of each producer's quirks. They are stored with
LF line endings; `load` turns them into CRLF (what the RFC and most producers use)
unless a test wants the raw LF form.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vaworkspace.domain.calendar.event import Event
from vaworkspace.errors import ImportFileError
from vaworkspace.ical.reader import MAX_BYTES, ReadResult, read_calendar

FIXTURES = Path(__file__).parent / "fixtures"
PARIS = ZoneInfo("Europe/Paris")
MONTREAL = ZoneInfo("America/Montreal")
UTC = timezone.utc
GOOD = ("google.ics", "outlook.ics", "apple.ics", "nextcloud.ics", "floating.ics")


def load(name: str, crlf: bool = True) -> bytes:
    data = (FIXTURES / name).read_bytes()
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n") if crlf else data


def read(name: str, tz: ZoneInfo = PARIS) -> ReadResult:
    return read_calendar(load(name), name, tz)


def summaries(result: ReadResult) -> dict[str, Event]:
    return {event.summary: event for event in result.events}


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


# Google ----------------------------------------------------------------------------


def test_google_feed_name_and_utc_times_in_the_feed_zone() -> None:
    result = read("google.ics")
    board = summaries(result)["Board call"]
    assert result.calendar_name == "Acme – Dana's agenda"
    assert (board.start, board.end) == (utc(2026, 12, 4, 19), utc(2026, 12, 4, 20))
    assert board.tzid == "America/New_York"  # X-WR-TIMEZONE applied by x-wr-timezone
    assert board.calendar == "Acme – Dana's agenda"
    assert board.location == "Google Meet"
    assert (result.skipped, result.warnings) == ([], [])


def test_google_floating_time_is_in_the_feed_zone_not_the_users() -> None:
    breakfast = summaries(read("google.ics", tz=PARIS))["Breakfast with investors"]
    assert breakfast.start == utc(2026, 12, 7, 13)  # 08:00 New York, not 08:00 Paris


def test_google_recurring_event_with_moved_instance_and_exdate() -> None:
    result = read("google.ics")
    weekly = [e for e in result.events if e.uid == "5kq2r0v1weekly@google.com"]
    master, moved = sorted(weekly, key=lambda e: e.recurrence_id or "")
    assert master.recurrence_id is None
    assert master.rrule == "FREQ=WEEKLY;BYDAY=MO"
    assert master.start == utc(2026, 11, 2, 14)  # 09:00 EST
    assert "EXDATE;TZID=America/New_York:20261123T090000" in master.raw
    assert master.description == "Agenda:\n1. Budget, Q4\n2. Hiring"
    assert (master.sequence, master.last_modified) == (2, utc(2026, 11, 1, 11, 59))
    assert moved.recurrence_id == "20261109T140000Z"  # canonical: the UTC instant
    assert moved.start == utc(2026, 11, 10, 19)
    assert moved.summary == "Weekly sync with Dana (moved to Tuesday)"
    assert moved.sequence == 3


def test_google_utc_series_is_rewritten_to_recur_in_the_feed_zone() -> None:
    standup = summaries(read("google.ics"))["Stand-up"]
    assert standup.start == utc(2026, 10, 26, 13)
    assert "DTSTART;TZID=America/New_York:20261026T090000" in standup.raw
    assert standup.rrule == "FREQ=DAILY;COUNT=10"


def test_google_all_day_event_is_dates_with_exclusive_end() -> None:
    closed = summaries(read("google.ics"))["Office closed"]
    assert (closed.start, closed.end) == (date(2026, 12, 25), date(2026, 12, 26))
    assert closed.all_day and closed.tzid is None


# Outlook / Exchange ----------------------------------------------------------------


def test_outlook_windows_zone_names_resolve_to_iana() -> None:
    result = read("outlook.ics")
    review = summaries(result)["Quarterly review"]
    boston = summaries(result)["Call with Boston office"]
    assert review.start == utc(2026, 10, 22, 8)  # 10:00 CEST, summer time still on
    assert review.tzid == "Europe/Berlin"
    assert review.rrule == "FREQ=WEEKLY;BYDAY=TH;WKST=MO;UNTIL=20261231T090000Z"
    assert boston.start == utc(2026, 11, 6, 20)  # 15:00 EST
    assert boston.tzid == "America/New_York"
    assert result.calendar_name is None and boston.calendar == "outlook.ics"
    assert (result.skipped, result.warnings) == ([], [])


def test_outlook_windows_zone_names_resolve_without_their_vtimezones() -> None:
    text = load("outlook.ics").decode()
    stripped = re.sub(r"BEGIN:VTIMEZONE.*?END:VTIMEZONE\r\n", "", text, flags=re.DOTALL)
    assert "VTIMEZONE" not in stripped
    result = read_calendar(stripped.encode(), "stripped.ics", MONTREAL)
    review = summaries(result)["Quarterly review"]
    assert (review.start, review.tzid) == (utc(2026, 10, 22, 8), "Europe/Berlin")
    assert result.warnings == []


def test_outlook_raw_keeps_microsoft_properties_and_alarm_with_iana_tzid() -> None:
    review = summaries(read("outlook.ics"))["Quarterly review"]
    assert "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE" in review.raw
    assert "BEGIN:VALARM" in review.raw and "TRIGGER;RELATED=START:-PT15M" in review.raw
    assert "DTSTART;TZID=Europe/Berlin:20261022T100000" in review.raw
    assert review.raw.startswith("BEGIN:VEVENT")


def test_outlook_cancelled_instance_is_an_event_and_a_cancellation() -> None:
    result = read("outlook.ics")
    cancelled = summaries(result)["Canceled: Quarterly review"]
    assert cancelled.status == "cancelled"
    assert cancelled.recurrence_id == "20261119T090000Z"  # 10:00 CET
    assert (cancelled.uid, "20261119T090000Z") in result.cancelled_uids
    assert len(result.cancelled_uids) == 1


def test_outlook_method_cancel_cancels_even_without_times() -> None:
    result = read("outlook-cancel.ics")
    uids = [uid for uid, _ in result.cancelled_uids]
    assert uids[1] == "cancel-without-times@client.example"
    assert len(uids) == 2 and result.skipped == []
    (event,) = result.events
    assert event.status == "cancelled" and event.sequence == 1


def test_private_vtimezone_names_are_resolved_per_file() -> None:
    """Outlook's "Customized Time Zone" means a different zone in each file."""
    pune = read_calendar(load("outlook-custom-zone.ics"), "pune.ics", PARIS).events[0]
    other = load("outlook-custom-zone.ics").replace(b"+0530", b"-0300")
    brazil = read_calendar(other, "brazil.ics", PARIS).events[0]
    assert pune.start == utc(2026, 11, 12, 9, 30)
    assert brazil.start == utc(2026, 11, 12, 18)
    assert pune.tzid != brazil.tzid
    assert pune.tzid.startswith("Customized Time Zone ~")
    assert "BEGIN:VTIMEZONE" in pune.raw and f"TZID:{pune.tzid}" in pune.raw


# Apple -----------------------------------------------------------------------------


def test_apple_event_with_paris_zone_alarms_and_x_apple_properties() -> None:
    result = read("apple.ics", tz=MONTREAL)
    fitting = summaries(result)["Fitting at the atelier"]
    assert result.calendar_name == "Sophie (Paris)"
    assert (fitting.start, fitting.end) == (utc(2026, 11, 12, 8, 30), utc(2026, 11, 12, 9, 30))
    assert fitting.tzid == "Europe/Paris"
    assert fitting.location == "Atelier, 12 rue de la Paix\nParis"
    assert fitting.raw.count("BEGIN:VALARM") == 2
    assert "X-APPLE-STRUCTURED-LOCATION" in fitting.raw
    assert "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC" in fitting.raw
    assert result.skipped == []


def test_apple_multi_day_all_day_event() -> None:
    salon = summaries(read("apple.ics"))["Salon in Lyon"]
    assert (salon.start, salon.end) == (date(2026, 12, 7), date(2026, 12, 10))
    assert salon.all_day


# Nextcloud tasks -------------------------------------------------------------------


def test_nextcloud_todos_map_to_task_fields() -> None:
    result = read("nextcloud.ics", tz=PARIS)
    todos = {todo.title: todo for todo in result.todos}
    flights = todos["Book flights to Berlin"]
    assert flights.uid == "2f7ac1e0-4b6d-4a1f-9c3e-8d5b7a6f1e20"
    assert flights.due == utc(2026, 11, 10, 16)  # 17:00 Berlin
    assert flights.start == utc(2026, 11, 5, 8)
    assert (flights.priority, flights.status) == ("high", "todo")
    assert flights.categories == ["Acme", "Travel Booking"]
    assert flights.tags == ["acme", "travel-booking"]
    assert flights.notes == "Aisle seat, Lufthansa if possible."
    assert flights.created == utc(2026, 10, 20, 8)
    report = todos["Send weekly report"]
    assert (report.due, report.rrule, report.priority) == (
        date(2026, 11, 6),
        "FREQ=WEEKLY;BYDAY=FR",
        "medium",
    )
    assert report.status == "todo"  # IN-PROCESS
    assert report.last_modified == utc(2026, 11, 1, 9)  # written without Z: taken as UTC
    domain = todos["Renew domain acme.example"]
    assert (domain.status, domain.completed, domain.priority) == (
        "done",
        utc(2026, 10, 28, 14, 30),
        "low",
    )
    assert todos["Old newsletter idea"].status == "cancelled"
    assert todos["Prepare invoices"].due == utc(2026, 11, 30, 11)  # floating: the user's zone
    assert todos["Prepare invoices"].priority is None
    assert result.events == [] and result.calendar_name == "Acme tasks"


# Floating times and unknown zones --------------------------------------------------


def test_floating_times_are_the_users_zone() -> None:
    in_paris = summaries(read("floating.ics", tz=PARIS))
    in_montreal = summaries(read("floating.ics", tz=MONTREAL))
    assert in_paris["Dentist"].start == utc(2026, 12, 4, 8)
    assert in_montreal["Dentist"].start == utc(2026, 12, 4, 14)
    assert in_paris["Dentist"].tzid is None
    assert in_paris["Coffee with Sam"].end == utc(2026, 12, 5, 13, 45)  # DURATION
    assert (in_paris["Invoice day"].start, in_paris["Invoice day"].end) == (
        date(2026, 12, 8),
        date(2026, 12, 9),
    )  # no DTEND: one day
    assert in_paris["Conference"].end == date(2026, 12, 17)  # DURATION:P3D


def test_unknown_tzid_warns_and_reads_the_users_zone() -> None:
    result = read("unknown-tzid.ics", tz=PARIS)
    rover = summaries(result)["Rover check-in"]
    assert rover.start == utc(2026, 12, 4, 8)  # 09:00 read as Paris, not as UTC
    assert rover.tzid == "Europe/Paris"
    (warning,) = result.warnings  # the vendor-prefixed Paris TZID resolves silently
    assert "mars-1@crm.example" in warning and "Rover check-in" in warning
    assert "Mars/Olympus_Mons" in warning and "Europe/Paris" in warning
    assert summaries(result)["Paris check-in"].tzid == "Europe/Paris"


# Malformed files -------------------------------------------------------------------


def test_missing_end_vcalendar_is_repaired_with_a_warning() -> None:
    result = read("no-end.ics")
    assert [e.summary for e in result.events] == ["Complete event", "Second event"]
    assert any("END:VCALENDAR" in w for w in result.warnings)


def test_file_cut_inside_an_event_keeps_the_complete_ones() -> None:
    result = read("truncated.ics")
    assert [e.summary for e in result.events] == ["Complete event"]
    (skipped,) = result.skipped
    assert skipped.startswith("line 11, UID half@cut.example") and "END:VEVENT" in skipped


def test_bom_lf_only_and_utf16_read_like_the_plain_file() -> None:
    plain = read("google.ics").events
    for data in (
        b"\xef\xbb\xbf" + load("google.ics"),
        load("google.ics", crlf=False),
        load("google.ics").decode().encode("utf-16"),
    ):
        result = read_calendar(data, "google.ics", PARIS)
        assert [(e.uid, e.start, e.end) for e in result.events] == [
            (e.uid, e.start, e.end) for e in plain
        ]
        assert result.warnings == []


def test_latin1_bytes_are_decoded_with_a_warning() -> None:
    result = read("latin1.ics")
    assert result.events[0].summary == "Réunion équipe"
    assert result.events[0].location == "Salle Renée"
    assert result.calendar_name == "Café Lumière"
    assert any("not UTF-8" in w for w in result.warnings)


def test_bare_vevent_is_wrapped_with_a_warning() -> None:
    result = read("bare-vevent.ics")
    assert [e.summary for e in result.events] == ["Interview"]
    assert any("outside BEGIN:VCALENDAR" in w for w in result.warnings)


def test_dtend_before_dtstart_is_repaired_with_a_warning() -> None:
    result = read("dtend-before-dtstart.ics")
    assert [e.summary for e in result.events] == [
        "Good one",
        "Backwards",
        "All-day with DTEND = DTSTART",
    ]
    assert result.skipped == []
    assert result.warnings == [
        'line 11, UID backwards@broken.example ("Backwards"): DTEND is before DTSTART; '
        "dropped it, so the event lasts no time (RFC 5545)"
    ]
    backwards = result.events[1]
    assert backwards.start == backwards.end == utc(2026, 12, 4, 11)  # see test_span_repair.py
    assert result.events[2].end == date(2026, 12, 6)  # DTEND = DTSTART on a date: one day


def test_broken_rrules_are_skipped() -> None:
    result = read("broken-rrule.ics")
    assert [e.summary for e in result.events] == ["Monthly review"]
    lines = [s.split(",")[0] for s in result.skipped]
    assert lines == ["line 12", "line 20", "line 28"]
    assert "never happens" in result.skipped[0]
    assert "RRULE" in result.skipped[1] and "COUNT and UNTIL" in result.skipped[2]


def test_bad_properties_skip_only_their_component() -> None:
    result = read("bad-properties.ics")
    reasons = {s.split(":")[0].split(", ")[1]: s for s in result.skipped}
    assert "no DTSTART" in reasons['UID no-start@bad.example ("No start")']
    assert "unreadable DTSTART" in reasons['UID dashes@bad.example ("Dashed date")']
    kept = summaries(result)
    assert set(kept) == {"Bad attendee line", "No UID at all", "Mixed kinds"}
    assert kept["Mixed kinds"].start == date(2026, 12, 4)  # repaired: see test_span_repair.py
    assert any("unreadable ATTENDEE" in w for w in result.warnings)
    assert any("VJOURNAL" in w for w in result.warnings)
    made = kept["No UID at all"]
    assert made.uid.startswith("vaworkspace-") and f"UID:{made.uid}" in made.raw
    assert read("bad-properties.ics").events[2].uid == made.uid  # stable across re-imports


def test_skip_messages_stay_on_one_line() -> None:
    text = load("dtend-before-dtstart.ics").replace(b"SUMMARY:Backwards", b"SUMMARY:Back\\nwards")
    text = text.replace(b"DTSTART:20261204T110000Z\r\n", b"")
    (skipped,) = read_calendar(text, "multi.ics", PARIS).skipped
    assert skipped == 'line 11, UID backwards@broken.example ("Back wards"): no DTSTART'


def test_same_identity_twice_keeps_the_higher_sequence() -> None:
    text = load("bare-vevent.ics").decode()
    newer = text.replace("SUMMARY:Interview", "SEQUENCE:2\r\nSUMMARY:Interview (moved)")
    result = read_calendar((newer + text).encode(), "twice.ics", PARIS)
    assert [e.summary for e in result.events] == ["Interview (moved)"]
    assert any("appears twice" in w for w in result.warnings)


def test_this_and_future_override_is_kept_for_the_expansion() -> None:
    text = (
        load("bare-vevent.ics")
        .decode()
        .replace("SUMMARY:", "RECURRENCE-ID;RANGE=THISANDFUTURE:20261204T160000Z\r\nSUMMARY:")
    )
    result = read_calendar(text.encode(), "range.ics", PARIS)
    assert result.events[0].recurrence_id == "20261204T160000Z"
    assert "RANGE=THISANDFUTURE" in result.events[0].raw


def test_recurrence_id_of_a_date_is_its_date_text() -> None:
    text = load("bare-vevent.ics").decode()
    text = re.sub(r"DTSTART:.*\r\nDTEND:.*\r\n", "DTSTART;VALUE=DATE:20261204\r\n", text)
    text = text.replace("SUMMARY:", "RECURRENCE-ID;VALUE=DATE:20261203\r\nSUMMARY:")
    assert read_calendar(text.encode(), "d.ics", PARIS).events[0].recurrence_id == "20261203"


@pytest.mark.parametrize(
    ("data", "looks_like"),
    [
        (load("login-page.ics"), "an HTML page (a login page?)"),
        (b"", "is empty"),
        (b"  \r\n\r\n", "is empty"),
        (bytes(range(256)) * 40, "a binary file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "a PNG image"),
        (b"PK\x03\x04" + bytes(100), "a ZIP archive"),
        (b'{"error": "unauthorized"}', "JSON"),
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana\r\nEND:VCARD\r\n", "vCard"),
        (b"Hello, this is a text file.\n", "no BEGIN:VCALENDAR"),
    ],
)
def test_files_that_are_not_calendars_raise_one_clear_error(data: bytes, looks_like: str) -> None:
    with pytest.raises(ImportFileError) as error:
        read_calendar(data, "dana.ics", PARIS)
    message = str(error.value)
    assert message.startswith("dana.ics ") and looks_like in message
    assert "\n" not in message


def test_too_big_file_is_refused_before_reading() -> None:
    data = load("google.ics") + b"X-PADDING:" + b"x" * MAX_BYTES
    with pytest.raises(ImportFileError, match=r"big\.ics is 10\.0 MB; the limit is 10 MB"):
        read_calendar(data, "big.ics", PARIS)


# Properties ------------------------------------------------------------------------


@pytest.mark.parametrize("name", [*GOOD, "outlook-custom-zone.ics", "unknown-tzid.ics"])
def test_raw_text_reads_back_as_the_same_event(name: str) -> None:
    """Expansion and export work from `raw`: it must mean what we read."""
    for event in read(name).events:
        (again,) = read_calendar(event.raw.encode(), "raw.ics", PARIS).events
        assert (again.uid, again.start, again.end, again.tzid, again.recurrence_id) == (
            event.uid,
            event.start,
            event.end,
            event.tzid,
            event.recurrence_id,
        )


def test_reader_module_does_not_import_the_ical_libraries() -> None:
    """`va list` imports the service, which imports this module: it must stay cheap."""
    code = (
        "import sys, vaworkspace.ical.reader; "
        "print(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('icalendar', 'recurring_ical_events', 'x_wr_timezone')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


_SOURCES = [load(name) for name in (*GOOD, "outlook-custom-zone.ics")]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A valid fixture with lines deleted or duplicated and bytes overwritten."""
    lines = draw(st.sampled_from(_SOURCES)).split(b"\r\n")
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["delete", "duplicate", "byte"]))
        at = draw(st.integers(0, len(lines) - 1))
        if kind == "delete" and len(lines) > 1:
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif lines[at]:
            column = draw(st.integers(0, len(lines[at]) - 1))
            value = draw(st.integers(0, 255))
            lines[at] = lines[at][:column] + bytes([value]) + lines[at][column + 1 :]
    return b"\r\n".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated())
def test_mutated_calendars_read_or_raise_import_file_error(data: bytes) -> None:
    try:
        result = read_calendar(data, "mutated.ics", PARIS)
    except ImportFileError:
        return
    for event in result.events:
        assert isinstance(event.start, datetime) == isinstance(event.end, datetime)
        if isinstance(event.start, datetime):
            assert event.start.tzinfo is UTC and event.end.tzinfo is UTC
        assert event.end >= event.start
    for todo in result.todos:
        for value in (todo.due, todo.start):
            assert not isinstance(value, datetime) or value.tzinfo is UTC
