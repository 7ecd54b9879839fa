"""A workspace with two imported calendars and a task due today, for agenda tests.

Two small calendars (a weekly recurring sync, two calls that overlap on Tuesday
1 December, all-day events) and five open tasks. With the clock at Tuesday 14:00
in Montreal (`tests.tui.conftest.NOW`), today's free slots are 14:00–15:00 and
15:30–17:00.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from tests.tui.conftest import NOW
from vaworkspace.config import Config
from vaworkspace.domain.dates import day_start
from vaworkspace.service import Workspace

UTC = timezone.utc
MONTREAL = ZoneInfo("America/Montreal")
TODAY = date(2026, 12, 1)
VTIMEZONE = """BEGIN:VTIMEZONE
TZID:America/Montreal
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE"""
EVENT = """BEGIN:VEVENT
UID:{uid}
DTSTAMP:20261101T120000Z
DTSTART{start}
DTEND{end}{extra}
SUMMARY:{title}
END:VEVENT"""


def calendar(*events: str) -> bytes:
    text = "\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//tests//agenda//EN",
            VTIMEZONE,
            *events,
            "END:VCALENDAR",
        ]
    )
    return text.replace("\n", "\r\n").encode()


def timed(uid: str, title: str, start: str, end: str, extra: str = "") -> str:
    zone = ";TZID=America/Montreal:"
    return EVENT.format(uid=uid, title=title, start=zone + start, end=zone + end, extra=extra)


def all_day(uid: str, title: str, first: str, after: str) -> str:
    return EVENT.format(
        uid=uid, title=title, start=";VALUE=DATE:" + first, end=";VALUE=DATE:" + after, extra=""
    )


WEEKLY = "\nRRULE:FREQ=WEEKLY;BYDAY=TU"
EVELYNE = calendar(
    timed("sync@t", "Weekly sync", "20261103T090000", "20261103T093000", WEEKLY),
    timed("fitting@t", "Fitting call", "20261201T100000", "20261201T110000"),
    timed("showroom@t", "Showroom visit", "20261201T150000", "20261201T153000"),
    all_day("fair@t", "Fabric fair", "20261202", "20261203"),
)
DENTAL = calendar(
    timed("recall@t", "Recall review", "20261201T103000", "20261201T113000"),
    timed("lunch@t", "Team lunch", "20261203T120000", "20261203T130000"),
    all_day("closed@t", "Clinic closed", "20261201", "20261202"),
)


def build(folder, clock=None):
    """Two clients, five open tasks (one due today), two imported calendars."""
    config = Config(timezone_name="America/Montreal")
    ws = Workspace(str(folder / "agenda.json"), config, clock=clock or (lambda: NOW))
    ws.clients.add("Évelyne Couture", weight="5", color="#e879f9")
    ws.clients.add("Dental clinic", id="dental", color="#38bdf8")
    ws.tasks.add("Late invoice @dental due:2026-11-25 ~30m")
    ws.tasks.add("Book hotel @evelyne !h due:fri 17:00 ~45m #travel")
    ws.tasks.add("Newsletter draft @dental due:in-3-weeks ~2h")
    ws.tasks.add("Idea for the blog")
    ws.tasks.add("Send recall list @dental due:today ~15m")
    ws.calendar.import_file(EVELYNE, "test.ics", client="evelyne")
    ws.calendar.import_file(DENTAL, "test.ics", client="dental")
    return ws


def at(hhmm: str, day: date = TODAY) -> datetime:
    """The UTC instant of a Montreal wall-clock time (no DST change in December)."""
    hours, minutes = map(int, hhmm.split(":"))
    return day_start(day, MONTREAL) + timedelta(hours=hours, minutes=minutes)
