"""The events of the benchmark corpus (the shared bench's `make_corpus.py`), as a
function: VEVENTs in three TZIDs and UTC, all-day ones, and about one in ten
recurring (DAILY or WEEKLY; COUNT, UNTIL or open-ended; always with EXDATEs),
dated around `today`. Same seed, same file."""

from __future__ import annotations

import datetime as dt
import random

ZONES = ("America/New_York", "Europe/London", "Australia/Sydney")
PEOPLE = ["Alice", "Bob", "Chen", "Dana", "Emeka", "Farah", "Gita", "Hugo"]
CLIENTS = [f"Client{n:02d}" for n in range(20)]
VTIMEZONES = {
    "America/New_York": [
        ("DAYLIGHT", "-0500", "-0400", "EDT", "20070311T020000", "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"),
        (
            "STANDARD",
            "-0400",
            "-0500",
            "EST",
            "20071104T020000",
            "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
        ),
    ],
    "Europe/London": [
        (
            "DAYLIGHT",
            "+0000",
            "+0100",
            "BST",
            "19810329T010000",
            "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        ),
        (
            "STANDARD",
            "+0100",
            "+0000",
            "GMT",
            "19961027T020000",
            "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        ),
    ],
    "Australia/Sydney": [
        (
            "STANDARD",
            "+1100",
            "+1000",
            "AEST",
            "20080406T030000",
            "FREQ=YEARLY;BYMONTH=4;BYDAY=1SU",
        ),
        (
            "DAYLIGHT",
            "+1000",
            "+1100",
            "AEDT",
            "20081005T020000",
            "FREQ=YEARLY;BYMONTH=10;BYDAY=1SU",
        ),
    ],
}


def _vevent(rng: random.Random, i: int, today: dt.datetime) -> list[str]:
    client = rng.choice(CLIENTS)
    day = today + dt.timedelta(days=rng.randint(-182, 182))
    lines = [
        "BEGIN:VEVENT",
        f"UID:evt-{i:05d}@bench.invalid",
        "DTSTAMP:20261101T000000Z",
        f"SUMMARY:{rng.choice(('Call', 'Review', 'Sync'))} with {rng.choice(PEOPLE)}",
        f"CATEGORIES:{client}",
    ]
    kind = rng.random()
    if kind < 0.08:  # all-day, some multi-day
        start = day.date()
        end = start + dt.timedelta(days=rng.choice((1, 1, 1, 2, 3)))
        lines += [f"DTSTART;VALUE=DATE:{start:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}"]
        return [*lines, "END:VEVENT"]
    start = day.replace(hour=rng.randint(8, 17), minute=rng.choice((0, 15, 30, 45)))
    end = start + dt.timedelta(minutes=rng.choice((15, 30, 45, 60, 90, 120)))
    zone = rng.choice((*ZONES, "UTC"))
    prop = "" if zone == "UTC" else f";TZID={zone}"
    fmt = "%Y%m%dT%H%M%SZ" if zone == "UTC" else "%Y%m%dT%H%M%S"
    lines += [f"DTSTART{prop}:{start:{fmt}}", f"DTEND{prop}:{end:{fmt}}"]
    if kind > 0.90:
        freq = rng.choice(("WEEKLY", "WEEKLY", "WEEKLY", "DAILY", "DAILY"))
        step = dt.timedelta(days=7 if freq == "WEEKLY" else 1)
        count = rng.randint(8, 52 if freq == "WEEKLY" else 60)
        r = rng.random()
        rule = f"FREQ={freq}"
        if r < 0.45:
            rule += f";COUNT={count}"
        elif r < 0.9:  # UNTIL is UTC when DTSTART has a TZID (RFC 5545)
            rule += f";UNTIL={start + step * (count - 1) + dt.timedelta(days=1):%Y%m%dT000000Z}"
        else:
            count = 60
        lines.append(f"RRULE:{rule}")
        for k in sorted(rng.sample(range(1, count), rng.randint(1, 3))):
            lines.append(f"EXDATE{prop}:{start + step * k:{fmt}}")
    return [*lines, "END:VEVENT"]


def corpus_ics(today: dt.date, events: int = 5000, seed: int = 43) -> bytes:
    """The calendar as bytes; `today` anchors every date."""
    rng = random.Random(seed)
    moment = dt.datetime(today.year, today.month, today.day, 8, 0)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vaworkspace//test corpus//EN"]
    for tzid, parts in VTIMEZONES.items():
        lines += ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
        for kind, frm, to, name, start, rule in parts:
            lines += [f"BEGIN:{kind}", f"TZOFFSETFROM:{frm}", f"TZOFFSETTO:{to}", f"TZNAME:{name}"]
            lines += [f"DTSTART:{start}", f"RRULE:{rule}", f"END:{kind}"]
        lines.append("END:VTIMEZONE")
    for i in range(events):
        lines += _vevent(rng, i, moment)
    lines.append("END:VCALENDAR")
    return "".join(line + "\r\n" for line in lines).encode()
