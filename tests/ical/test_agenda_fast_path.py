"""The agenda's fast path gives exactly what recurring-ical-events gives.

The oracle below expands every series the plain way: all its members in one
calendar, `recurring_ical_events.of(calendar).between(...)` over the window in
the user's zone. The agenda instead reads the expansion a write stored in each
master record, or (no stored expansion, a window past its horizon) expands one
series lazily within the cap. Both are compared with the oracle over the
benchmark-like corpus and every fixture from real calendar apps, for windows
around today, in the past, past the horizon and across DST changes.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from tests.ical.corpus import corpus_ics
from vaworkspace.config import Config
from vaworkspace.errors import ImportFileError
from vaworkspace.ical.expand import _overlaps, is_series
from vaworkspace.service import Workspace
from vaworkspace.service.occurrences import occurrences
from vaworkspace.store.records import event_from_record
from vaworkspace.store.series import KEY

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2026, 12, 1, 14, 0, tzinfo=timezone.utc)
UTC = timezone.utc
ZONES = ("America/Montreal", "Europe/Paris", "Australia/Sydney")


def oracle(records: dict, start: datetime, end: datetime, tz) -> list[tuple]:
    """What the agenda must show, expanded the straightforward way."""
    import recurring_ical_events
    from icalendar import Calendar

    events = [event_from_record(int(i), r) for i, r in records.items()]
    shown = []
    series: dict[str, list] = {}
    for event in events:
        if is_series(event):
            series.setdefault(event.uid, []).append(event)
        elif event.status != "cancelled" and _overlaps(event.start, event.end, start, end, tz):
            shown.append((event.uid, None, event.summary, event.start, event.end))
    for uid, members in series.items():
        calendar = Calendar()
        for member in members:
            raw = member.raw
            if "BEGIN:VCALENDAR" not in raw:
                raw = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{raw}END:VCALENDAR\r\n"
            for component in Calendar.from_ical(raw).subcomponents:
                calendar.add_component(component)
        rids = {m.recurrence_id for m in members}
        found = recurring_ical_events.of(calendar).between(start.astimezone(tz), end.astimezone(tz))
        for component in found:
            if str(component.get("STATUS", "")).upper() == "CANCELLED":
                continue
            first, last = _value(component.decoded("DTSTART"), tz), None
            last = _value(component.decoded("DTEND"), tz) if "DTEND" in component else first
            rid = _rid(component, tz)
            shown.append(
                (uid, rid if rid in rids else None, str(component["SUMMARY"]).strip(), first, last)
            )
    return sorted(shown, key=_order(tz))


def _value(value, tz):
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=tz)).astimezone(UTC)
    return value


def _rid(component, tz) -> str | None:
    from vaworkspace.ical.zones import recurrence_id_text

    prop = component.get("RECURRENCE-ID")
    return None if prop is None else recurrence_id_text(prop.dt, tz)


def _order(tz):
    def key(item):
        start = item[3]
        if not isinstance(start, datetime):
            start = datetime.combine(start, time(0), tz).astimezone(UTC)
        return (start, item[0], item[2], str(item[4]))

    return key


def agenda(records: dict, start: datetime, end: datetime, tz) -> list[tuple]:
    found, _ = occurrences(records, start, end, tz)
    shown = [(e.uid, e.recurrence_id, e.summary, first, last) for e, first, last in found]
    return sorted(shown, key=_order(tz))


def _without_expansions(records: dict) -> dict:
    return {i: {k: v for k, v in r.items() if k != KEY} for i, r in records.items()}


def _imported(tmp_path, data: bytes, zone: str) -> tuple[dict, object]:
    config = Config(timezone_name=zone)
    ws = Workspace(str(tmp_path / f"{zone.replace('/', '-')}.json"), config, clock=lambda: NOW)
    ws.calendar.import_file(data, "test.ics")
    return ws.file.read()["events"], config.tz


def _windows(tz) -> list[tuple[datetime, datetime]]:
    def day(d: date) -> datetime:
        return datetime.combine(d, time(0), tz).astimezone(UTC)

    starts = [
        date(2026, 12, 1),  # today
        date(2026, 11, 3),  # a month back
        date(2027, 3, 12),  # US DST starts on the 14th
        date(2027, 3, 26),  # EU DST starts on the 28th
        date(2027, 4, 2),  # Sydney leaves DST on the 4th
        date(2026, 10, 24),  # EU (25th) and US (Nov 1st) DST end
        date(2028, 2, 1),  # past the stored horizon: expanded then
    ]
    return [(day(d), day(d + timedelta(days=8))) for d in starts]


@pytest.fixture(scope="module", params=ZONES[::2])
def corpus(request, tmp_path_factory):
    data = corpus_ics(date(2026, 12, 1), events=2500)
    return _imported(tmp_path_factory.mktemp("corpus"), data, request.param)


def test_corpus_series_have_stored_expansions(corpus) -> None:
    records, _ = corpus
    masters = [r for r in records.values() if r.get("rrule")]
    assert len(masters) > 200
    assert all(KEY in r for r in masters)
    finals = [r for r in masters if r[KEY].get("final")]
    assert finals, "series whose COUNT or UNTIL came are marked final"
    assert all("UNTIL" in r["rrule"] or "COUNT" in r["rrule"] for r in finals)
    assert len(finals) < len(masters)  # open-ended ones are not


@pytest.mark.parametrize("window", range(7))
def test_corpus_agenda_is_what_recurring_ical_events_gives(corpus, window: int) -> None:
    records, tz = corpus
    start, end = _windows(tz)[window]
    expected = oracle(records, start, end, tz)
    assert expected, "a window with nothing in it proves nothing"
    assert agenda(records, start, end, tz) == expected
    assert agenda(_without_expansions(records), start, end, tz) == expected


def _fixture_windows(records: dict, tz) -> list[tuple[datetime, datetime]]:
    """A fortnight from each series' first start, a year on, and the DST weeks."""
    windows = _windows(tz)
    for record in records.values():
        if record.get("rrule") or record.get("recurrence_id") or "RDATE" in record.get("raw", ""):
            event = event_from_record(0, record)
            start = event.start
            if not isinstance(start, datetime):
                start = datetime.combine(start, time(0), tz).astimezone(UTC)
            for offset in (-3, 40, 365):
                windows.append(
                    (start + timedelta(days=offset), start + timedelta(days=offset + 14))
                )
    return windows


EDGES = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//edges//EN\r
BEGIN:VEVENT\r
UID:rdates@edges\r
SUMMARY:Extra dates\r
DTSTART;TZID=Europe/Paris:20261203T090000\r
DTEND;TZID=Europe/Paris:20261203T100000\r
RDATE;TZID=Europe/Paris:20261210T150000,20270330T090000\r
RDATE;VALUE=PERIOD:20261215T080000Z/20261215T113000Z\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:floating@edges\r
SUMMARY:Floating daily\r
DTSTART:20261125T073000\r
DTEND:20261125T080000\r
RRULE:FREQ=DAILY;COUNT=200\r
EXDATE:20261202T073000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:floating@edges\r
SUMMARY:Floating daily, later\r
RECURRENCE-ID:20261204T073000\r
DTSTART:20261204T110000\r
DTEND:20261204T120000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:floating@edges\r
SUMMARY:Floating daily, called off\r
RECURRENCE-ID:20261205T073000\r
STATUS:CANCELLED\r
DTSTART:20261205T073000\r
DTEND:20261205T080000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:holiday@edges\r
SUMMARY:Office week\r
DTSTART;VALUE=DATE:20261130\r
DTEND;VALUE=DATE:20261202\r
RRULE:FREQ=WEEKLY;BYDAY=MO\r
EXDATE;VALUE=DATE:20261214\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:sydney@edges\r
SUMMARY:Sydney standup\r
DTSTART;TZID=Australia/Sydney:20260901T083000\r
DTEND;TZID=Australia/Sydney:20260901T084500\r
RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:sydney@edges\r
SUMMARY:Sydney standup (new time)\r
RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Australia/Sydney:20261208T083000\r
DTSTART;TZID=Australia/Sydney:20261208T093000\r
DTEND;TZID=Australia/Sydney:20261208T100000\r
END:VEVENT\r
END:VCALENDAR\r
"""
"""RDATE (times and a PERIOD) and RDATE-only series, floating and all-day rules,
an override and a cancelled instance, THISANDFUTURE across Sydney's DST."""


def _calendar(name: str) -> bytes:
    return EDGES if name == "edges" else (FIXTURES / name).read_bytes()


@pytest.mark.parametrize("zone", ZONES[:2])
@pytest.mark.parametrize("name", ["edges", *sorted(p.name for p in FIXTURES.glob("*.ics"))])
def test_fixture_agenda_is_what_recurring_ical_events_gives(tmp_path, name, zone) -> None:
    try:
        records, tz = _imported(tmp_path, _calendar(name), zone)
    except ImportFileError:
        return  # not a calendar: tests/ical/test_import.py checks the message
    for start, end in _fixture_windows(records, tz):
        expected = oracle(records, start, end, tz)
        assert agenda(records, start, end, tz) == expected, (name, start)
        assert agenda(_without_expansions(records), start, end, tz) == expected, (name, start)


def test_a_member_changed_behind_the_stored_expansion_is_expanded_again(tmp_path) -> None:
    records, tz = _imported(tmp_path, EDGES, "Europe/Paris")
    start, end = _windows(tz)[0]
    changed = {i: dict(r) for i, r in records.items()}
    for record in changed.values():  # another program edits the text, not the expansion
        if record["uid"] == "floating@edges" and "recurrence_id" not in record:
            record["raw"] = record["raw"].replace("COUNT=200", "COUNT=3")
    shown = agenda(changed, start, end, tz)
    assert shown == oracle(changed, start, end, tz)
    assert len([s for s in shown if s[0] == "floating@edges"]) < 3


def test_a_later_write_extends_the_stored_horizon(tmp_path) -> None:
    later = NOW + timedelta(days=120)
    config = Config(timezone_name="Europe/Paris")
    ws = Workspace(str(tmp_path / "w.json"), config, clock=lambda: NOW)
    ws.calendar.import_file(EDGES, "edges.ics")
    before = {r["uid"]: r[KEY]["to"] for r in ws.file.read()["events"].values() if KEY in r}
    ws.ctx.clock = lambda: later
    ws.calendar.import_file(EDGES, "edges.ics")  # nothing changed but the date
    after = {r["uid"]: r[KEY]["to"] for r in ws.file.read()["events"].values() if KEY in r}
    assert after.keys() == before.keys()
    assert all(after[uid] > before[uid] for uid in before)


def test_an_agenda_over_stored_series_parses_no_calendar_text(tmp_path) -> None:
    """The hot path: a week of a 1,000-event agenda in a fresh process without
    icalendar or recurring-ical-events (each series was expanded when written)."""
    import os
    import subprocess
    import sys

    path = tmp_path / "w.json"
    config = Config(timezone_name="America/Montreal")
    ws = Workspace(str(path), config, clock=lambda: NOW)
    ws.calendar.import_file(corpus_ics(date(2026, 12, 1), events=1000), "corpus.ics")
    program = (
        "import sys\n"
        "from vaworkspace.cli import main\n"
        "code = main(['--db', sys.argv[1], 'agenda', '--days', '7'])\n"
        "loaded = [m for m in ('icalendar', 'recurring_ical_events') if m in sys.modules]\n"
        "print('loaded:', loaded, code)\n"
    )
    env = dict(os.environ, VAWORKSPACE_NOW="2026-12-01T14:00:00Z", TZ="America/Montreal")
    done = subprocess.run(
        [sys.executable, "-c", program, str(path)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert "event" in done.stdout
    assert done.stdout.splitlines()[-1] == "loaded: [] 0"


def test_both_paths_cut_a_series_at_the_same_count() -> None:
    from vaworkspace.ical import expand
    from vaworkspace.service import occurrences as fast

    assert fast.MAX_OCCURRENCES == expand.MAX_OCCURRENCES
