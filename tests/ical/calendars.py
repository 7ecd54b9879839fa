"""Calendar text shared by the calendar tests (a Google-like feed with a to-do)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from vaworkspace.domain.calendar.event import Event

WEEKLY = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Google Inc//Google Calendar 70.9054//EN\r
X-WR-CALNAME:Evelyne\r
X-WR-TIMEZONE:America/Montreal\r
BEGIN:VEVENT\r
UID:fitting-1@google.com\r
DTSTAMP:20261120T120000Z\r
DTSTART;TZID=America/Montreal:20261130T100000\r
DTEND;TZID=America/Montreal:20261130T110000\r
RRULE:FREQ=WEEKLY;COUNT=4\r
SUMMARY:Fitting with the models\r
SEQUENCE:0\r
ATTENDEE;CN=Evelyne:mailto:evelyne@example.com\r
X-GOOGLE-CONFERENCE:https://meet.google.com/abc\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:lunch-2@google.com\r
DTSTAMP:20261120T120000Z\r
DTSTART;VALUE=DATE:20261203\r
SUMMARY:Fabric fair\r
END:VEVENT\r
BEGIN:VTODO\r
UID:todo-3@nextcloud\r
DTSTAMP:20261120T120000Z\r
SUMMARY:Send the fabric samples\r
DUE;VALUE=DATE:20261204\r
PRIORITY:1\r
CATEGORIES:supplier\r
END:VTODO\r
END:VCALENDAR\r
"""


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_bytes(text.encode())
    return str(path)


# An Outlook-like meeting with an attendee, an alarm and an X- property: what an
# export must keep.
RAW_MEETING = (
    "BEGIN:VEVENT\r\n"
    "UID:board-1@example.com\r\n"
    "DTSTAMP:20260101T000000Z\r\n"
    "DTSTART;TZID=Europe/Paris:20260310T100000\r\n"
    "DTEND;TZID=Europe/Paris:20260310T110000\r\n"
    "SUMMARY:Board meeting\r\n"
    "ATTENDEE;CN=Bob Example;ROLE=REQ-PARTICIPANT:mailto:bob@example.com\r\n"
    "X-CLIENT-FLAG;X-LEVEL=2:keep me\r\n"
    "BEGIN:VALARM\r\n"
    "ACTION:DISPLAY\r\n"
    "TRIGGER:-PT15M\r\n"
    "DESCRIPTION:Board meeting soon\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
)

MEETING = (
    datetime(2026, 3, 10, 9, tzinfo=timezone.utc),
    datetime(2026, 3, 10, 10, tzinfo=timezone.utc),
)
"""The meeting's instants: 10:00-11:00 in Paris (CET), 05:00 in Montreal."""
FOCUS = (
    datetime(2026, 3, 9, 14, tzinfo=timezone.utc),
    datetime(2026, 3, 9, 15, tzinfo=timezone.utc),
)
"""The focus block's instants: 10:00-11:00 in Montreal (EDT, the day after the change)."""


def week_events() -> list[Event]:
    """The events of the export tests' week across the spring DST change: the
    imported meeting above, an all-day block, and a block planned for task 1."""
    return [
        Event(
            id=1,
            uid="board-1@example.com",
            summary="Board meeting",
            start=MEETING[0],
            end=MEETING[1],
            tzid="Europe/Paris",
            raw=RAW_MEETING,
        ),
        Event(
            id=2,
            uid="",
            summary="Offsite",
            start=date(2026, 3, 11),
            end=date(2026, 3, 12),
            kind="block",
        ),
        Event(
            id=3,
            uid="",
            summary="Focus: invoices",
            start=FOCUS[0],
            end=FOCUS[1],
            kind="block",
            task=1,
            client="acme",
        ),
    ]
