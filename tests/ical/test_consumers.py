"""Real consumers read an export with the same times: icalendar, khal and calcurse.

The file is built from domain objects with fixed instants (independent of the
service): a week across the spring DST change in America/Montreal (2026-03-08), an
imported meeting written in Europe/Paris, an all-day block, and two tasks. The
external programs are required, never skipped: `.ci/run` installs calcurse, and khal
comes with the test extra.
"""

from __future__ import annotations

import shutil
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.ical.calendars import FOCUS, MEETING, week_events
from tests.ical.consumers_run import run
from vaworkspace.domain.models import Client, Task, TimeEntry
from vaworkspace.ical.writer import export_calendar

UTC = timezone.utc
ZONE = "America/Montreal"


# What a VA in Montreal must see: (local start, local end, title).
TIMED = [
    ("2026-03-06 09:00", "2026-03-06 10:30", "Acme Corp: Send invoice"),  # EST
    ("2026-03-08 01:30", "2026-03-08 03:30", "Acme Corp: server migration"),  # EST→EDT, 1 h
    ("2026-03-09 09:00", "2026-03-09 10:00", "work"),  # EDT
    ("2026-03-09 10:00", "2026-03-09 11:00", "Focus: invoices"),
    ("2026-03-10 05:00", "2026-03-10 06:00", "Board meeting"),  # 10:00 Paris (CET)
]
ALL_DAY = ("2026-03-11", "Offsite")


def build() -> tuple[bytes, dict[str, tuple]]:
    """The export, and for each UID the instants every consumer must agree on."""
    created = datetime(2026, 2, 1, 14, tzinfo=UTC)
    tasks = [
        Task(
            id=1,
            uuid="c0ffee00-0000-4000-8000-000000000001",
            title="Send invoice",
            created=created,
            modified=created,
            client="acme",
            priority="high",
            due=datetime(2026, 12, 4, 22, tzinfo=UTC),
        ),
        Task(
            id=2,
            uuid="c0ffee00-0000-4000-8000-000000000002",
            title="Book flights",
            created=created,
            modified=created,
            due=date(2026, 12, 5),
            status="done",
            completed=datetime(2026, 3, 3, 15, tzinfo=UTC),
        ),
    ]
    spans = {
        7: (datetime(2026, 3, 6, 14, tzinfo=UTC), datetime(2026, 3, 6, 15, 30, tzinfo=UTC)),
        8: (datetime(2026, 3, 8, 6, 30, tzinfo=UTC), datetime(2026, 3, 8, 7, 30, tzinfo=UTC)),
        9: (datetime(2026, 3, 9, 13, tzinfo=UTC), datetime(2026, 3, 9, 14, tzinfo=UTC)),
    }
    entries = [
        TimeEntry(id=7, start=spans[7][0], end=spans[7][1], client="acme", task=1),
        TimeEntry(id=8, start=spans[8][0], end=spans[8][1], client="acme", note="server migration"),
        TimeEntry(id=9, start=spans[9][0], end=spans[9][1]),
    ]
    events = week_events()
    data = export_calendar(
        tasks=tasks,
        entries=entries,
        events=events,
        clients={"acme": Client(id="acme", name="Acme Corp")},
        tz=ZoneInfo(ZONE),
        name="VA work",
        dtstamp=datetime(2026, 3, 1, 12, tzinfo=UTC),
    )
    expected = {f"entry-{n}@vaworkspace": span for n, span in spans.items()}
    expected.update(
        {
            "board-1@example.com": MEETING,
            "block-3@vaworkspace": FOCUS,
            "block-2@vaworkspace": (date(2026, 3, 11), date(2026, 3, 12)),
            tasks[0].uuid: (None, tasks[0].due),
            tasks[1].uuid: (None, tasks[1].due),
        }
    )
    return data, expected


@pytest.fixture
def ics(tmp_path) -> Path:
    path = tmp_path / "export.ics"
    path.write_bytes(build()[0])
    return path


def test_icalendar_reads_the_same_instants():
    from icalendar import Calendar

    data, expected = build()
    cal = Calendar.from_ical(data)
    assert cal.get_missing_tzids() == set()
    seen = {}
    for item in cal.walk():
        if item.name == "VEVENT":
            seen[str(item["UID"])] = (item["DTSTART"].dt, item["DTEND"].dt)
        elif item.name == "VTODO":
            seen[str(item["UID"])] = (None, item["DUE"].dt)
    assert seen == expected  # aware datetimes compare as instants
    for start, end in seen.values():
        for value in (start, end):
            assert not isinstance(value, datetime) or value.tzinfo is not None


def test_recurring_ical_events_expands_the_week():
    import recurring_ical_events
    from icalendar import Calendar

    data, expected = build()
    found = recurring_ical_events.of(Calendar.from_ical(data)).between(
        date(2026, 3, 1), date(2026, 3, 20)
    )
    assert {str(e["UID"]): (e["DTSTART"].dt, e["DTEND"].dt) for e in found} == {
        uid: span for uid, span in expected.items() if span[0] is not None
    }


def test_khal_imports_and_lists_the_same_local_times(ics, tmp_path):
    khal = Path(sys.executable).with_name("khal")
    assert khal.exists(), (
        f"khal not found at {khal}: install the test extra (pip install '.[test]')"
    )
    vdir = tmp_path / "vdir"
    vdir.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        "[calendars]\n[[va]]\n"
        f"path = {vdir}\ntype = calendar\n"
        "[locale]\n"
        "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        f"local_timezone = {ZONE}\ndefault_timezone = {ZONE}\n"
        f"[sqlite]\npath = {tmp_path / 'khal.db'}\n"
    )
    base = [str(khal), "-c", str(config)]
    run([*base, "import", "--batch", "-a", "va", str(ics)], tmp_path)
    listed = run(
        [*base, "list", "--format", "{start} {end} {title}", "2026-03-01", "2026-03-20"], tmp_path
    ).splitlines()
    for start, end, title in TIMED:
        assert f"{start} {end} {title}" in listed, listed
    day, title = ALL_DAY
    assert f"{day} {day} {title}" in listed, listed  # khal shows the inclusive end
    # khal keeps events only; the tasks' VTODOs are not listed as events.
    assert not any("Book flights" in line for line in listed)


def test_calcurse_imports_events_and_todos_with_the_same_local_times(ics, tmp_path):
    calcurse = shutil.which("calcurse")
    assert calcurse, "calcurse is not installed: `.ci/run` installs it (apt-get install calcurse)"
    data = tmp_path / "calcurse"
    data.mkdir()
    base = [calcurse, "-D", str(data), "-C", str(data)]
    report = run([*base, "-i", str(ics)], tmp_path)
    assert "5 apps / 1 event / 2 todos / 0 skipped" in report, report

    listed = run(
        [
            *base,
            "-Q",
            "--filter-type",
            "cal",
            "--from",
            "03/01/2026",  # calcurse's default input format: mm/dd/yyyy
            "--to",
            "03/20/2026",
            "--format-apt",
            "%(start:%Y-%m-%d %H:%M) %(end:%Y-%m-%d %H:%M) %m\\n",
            "--format-event",
            "all day %m\\n",
        ],
        tmp_path,
    ).splitlines()
    for start, end, title in TIMED:
        assert f"{start} {end} {title}" in listed, listed
    assert f"all day {ALL_DAY[1]}" in listed, listed
    assert any(line.startswith("03/11/26") for line in listed), listed  # under its day

    todos = [*base, "-Q", "--filter-type", "todo", "--format-todo", "%p %m\\n"]
    open_todos = run([*todos, "--filter-uncompleted"], tmp_path).splitlines()
    assert "1 Send invoice" in open_todos, open_todos  # PRIORITY:1 kept
    done_todos = run([*todos, "--filter-completed"], tmp_path).splitlines()
    assert any(line.endswith(" Book flights") for line in done_todos), done_todos
