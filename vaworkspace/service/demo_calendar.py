"""The demo week's calendar: the clients' meetings, an all-day day off, a weekly
call, and one work block, so the Agenda (6) has a day to show.

The events are written as the iCalendar files a client would send (one per
client, times in the VA's zone) and go through `va import`'s own path, so they
are stored exactly as imported events are: raw text, UID, series expansion.
Like the rest of the demo, everything is placed relative to the local "today"
and nothing is random.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.service import Workspace

# client: [(days from today, local "HH:MM-HH:MM" or "all-day", summary, weekly)]
EVENTS: dict[str, list[tuple[int, str, str, bool]]] = {
    "evelyne": [
        (0, "10:30-11:00", "Call with Évelyne: show logistics", False),
        (1, "15:00-16:00", "Fitting at the atelier (video)", False),
        (10, "all-day", "Évelyne's fashion show, Paris", False),
    ],
    "dental": [
        (0, "13:00-13:30", "Clinic staff meeting", False),
        (2, "12:30-13:15", "Supplier rep visit, Dr. Lefèvre", False),
    ],
    "coach": [
        (0, "16:30-17:00", "Weekly check-in with Marc", True),
        (2, "11:00-11:30", "Newsletter review with Marc", False),
    ],
    "realtor": [
        (0, "15:30-16:00", "Open house prep with Sophie", False),
        (3, "09:30-10:30", "Photographer at rue des Lilas", False),
    ],
    "bakery": [
        (3, "all-day", "Boulangerie closed: inventory", False),
    ],
}

BLOCK = (28, "16:00")
"""One work block today: the CRM entry (task 28, due today), booked at 16:00."""

DTSTAMP = "20260101T000000Z"  # fixed: the same `now` gives the same file


def demo_calendar(client: str, today: date, zone: str | None, language: str = "en") -> bytes:
    """One client's events as an iCalendar file, times in `zone` (UTC if None),
    summaries in French when `language` is French."""
    from vaworkspace.service.demo_french import event_summary

    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vaworkspace//demo//EN"]
    for number, (days, span, summary, weekly) in enumerate(EVENTS[client], 1):
        day = today + timedelta(days=days)
        lines += ["BEGIN:VEVENT", f"UID:demo-{client}-{number}@vaworkspace", f"DTSTAMP:{DTSTAMP}"]
        if span == "all-day":
            lines += [
                f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            ]
        else:
            first, last = span.split("-")
            lines += [_stamp("DTSTART", day, first, zone), _stamp("DTEND", day, last, zone)]
        if weekly:
            lines.append("RRULE:FREQ=WEEKLY")
        if language.startswith("fr"):
            summary = event_summary(summary, language)
        lines += [f"SUMMARY:{summary}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def _stamp(name: str, day: date, clock: str, zone: str | None) -> str:
    hour, minute = (int(part) for part in clock.split(":"))
    if zone is None:
        moment = datetime.combine(day, time(hour, minute), timezone.utc)
        return f"{name}:{moment:%Y%m%dT%H%M%SZ}"
    return f"{name};TZID={zone}:{day:%Y%m%d}T{hour:02d}{minute:02d}00"


def fill_demo_calendar(ws: Workspace, tz: tzinfo) -> None:
    """Import each client's demo calendar, then book the demo's work block."""
    today = ws.now().astimezone(tz).date()
    zone = getattr(tz, "key", None)  # an IANA name; None for a fixed offset (UTC)
    for client in EVENTS:
        data = demo_calendar(client, today, zone, ws.config.language)
        ws.calendar.import_file(data, f"{client}.ics", client)
    task, clock = BLOCK
    hour, minute = (int(part) for part in clock.split(":"))
    ws.agenda.schedule_block(task, datetime.combine(today, time(hour, minute), tz))
