"""A Paris client's weekly call, Tuesdays at 16:00 in Paris, imported from her
calendar into a Montreal VA's agenda; her business hours are Paris hours."""

from __future__ import annotations

import json

PARIS_CALLS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Maison Lune//calls//FR
BEGIN:VTIMEZONE
TZID:Europe/Paris
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:weekly-call@maison-lune
DTSTAMP:20261101T120000Z
DTSTART;TZID=Europe/Paris:20261103T160000
DTEND;TZID=Europe/Paris:20261103T163000
RRULE:FREQ=WEEKLY;BYDAY=TU
SUMMARY:Weekly call with Maison Lune
END:VEVENT
END:VCALENDAR
"""


def test_weekly_calls_in_the_clients_zone(va, tmp_path) -> None:
    """Tuesday 8 December, 09:00 in Montreal (15:00 in Paris). The call is at
    16:00 Paris time: 10:00-10:30 here, and the plan keeps 09:50-10:40 free
    (10 minutes each side). Maison Lune's business hours, 09:00-17:00 in
    Paris, are 03:00-11:00 here: her work fits only before 11:00.

    Urgency:
    - #1 call notes, due 16:00 Paris time (typed for her: read in her zone),
      that is 10:00 here, 30 minutes: the working time both days share before
      it is 09:00-10:00, slack 30 → 24 × 120 / 150 = 19.20;
    - #3 invoice run @evelyne, due 17:00, 1h: slack 420 → 5.33, + 2 (weight
      5) → 7.33;
    - #2 translating her brief, no deadline: 0.

    The plan: the notes 09:00-09:30, before the call. The invoice run cannot
    use the 15 minutes left before the call (pieces of 25 minutes at least):
    10:40-11:40. The brief gets nothing: the only time left inside her hours
    is that 15-minute gap. Nothing is at risk.

    The series is hers: on Tuesday 16 March 2027 Montreal has moved its clocks
    and Paris not yet (5 hours apart, not 6), and the call is at 11:00 here.
    """
    va.at("2026-12-08 08:00")
    va("client", "add", "Maison Lune", "--id", "lune", "--tz", "Europe/Paris")
    va("client", "edit", "lune", "--hours", "09:00-17:00")
    va("client", "add", "Évelyne Couture", "--id", "evelyne", "--weight", "5")
    calls = tmp_path / "lune.ics"
    calls.write_text(PARIS_CALLS.replace("\n", "\r\n"), encoding="utf-8")
    va("import", str(calls), "--client", "lune")
    va.at("2026-12-08 09:00")
    va("add", "Prepare the call notes @lune due:today 16:00 ~30m")
    va("add", "Translate the brief @lune ~1h")
    va("add", "Invoice run @evelyne due:today 17:00 ~1h")

    assert va.order() == [(1, 19.2), (3, 7.33), (2, 0.0)]
    assert va.plan() == (
        [
            (1, "lune", "Tue 09:00", "Tue 09:30"),
            (3, "evelyne", "Tue 10:40", "Tue 11:40"),
        ],
        [],
    )
    march = json.loads(va("agenda", "--from", "2027-03-16", "--days", "1", "--json"))
    assert [(i["title"], i["start"], i["end"]) for i in march if i["type"] == "event"] == [
        ("Weekly call with Maison Lune", "2027-03-16T15:00:00Z", "2027-03-16T15:30:00Z")
    ]
