"""`va export` writes RFC 5545 even when the imported text it re-emits does not.

Exchange and old producers write events without SUMMARY (calcurse crashes on
them), dates without VALUE=DATE, DTEND beside DURATION, EXDATEs of another value
type than DTSTART, and parameters no RFC defines. The export mends exactly those
(`ical/normalise.py`) and keeps X- properties, X- parameters and all that is valid;
calcurse and khal, which tests/ical/test_consumers.py already runs, read the result.
"""

from __future__ import annotations

import re
import shutil
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ical.consumers_run import run
from tests.ical.gaps import FIXTURES
from vaworkspace.domain.calendar.event import Event
from vaworkspace.ical.writer import export_calendar

UTC = timezone.utc
FIXTURE = FIXTURES / "exchange-rfc-violations.ics"
DATED = ("DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE")


@pytest.fixture(params=["imported", "stored-before"])
def exported(request, monkeypatch, capsys, tmp_path) -> str:
    """`va export` after `va import`; or the export of records stored before the
    import normalised their text (each holds its component exactly as it came)."""
    if request.param == "stored-before":
        return _export_as_stored_before()
    from vaworkspace.cli import main

    monkeypatch.setenv("VAWORKSPACE_NOW", "2026-12-01T19:00:00Z")
    assert main(["import", str(FIXTURE)]) == 0
    out = tmp_path / "export.ics"
    assert main(["export", "--events", "-o", str(out)]) == 0
    capsys.readouterr()
    return out.read_bytes().decode()


def _export_as_stored_before() -> str:
    from dataclasses import replace

    from vaworkspace.ical.reader import read_calendar
    from vaworkspace.ical.scan import decode, scan

    data = FIXTURE.read_bytes().replace(b"\n", b"\r\n")
    texts = {block.peek("UID"): block.text for block in scan(decode(data, "f")[0], "f").blocks}
    events = read_calendar(data, "f", ZoneInfo("America/Montreal")).events
    return export_calendar(
        tasks=[],
        entries=[],
        events=[replace(e, id=n, raw=texts[e.uid]) for n, e in enumerate(events, 1)],
        clients={},
        tz=ZoneInfo("America/Montreal"),
        dtstamp=datetime(2026, 12, 1, tzinfo=UTC),
    ).decode()


def _unfolded(text: str) -> list[str]:
    return re.sub(r"\r\n[ \t]", "", text).split("\r\n")


def _events(text: str) -> list[list[str]]:
    found, current = [], None
    for line in _unfolded(text):
        if line == "BEGIN:VEVENT":
            current = []
        elif line == "END:VEVENT" and current is not None:
            found.append(current)
            current = None
        elif current is not None:
            current.append(line)
    return found


def test_every_event_has_a_summary(exported) -> None:
    events = _events(exported)
    assert len(events) == 4
    for lines in events:
        (summary,) = [line for line in lines if line.startswith("SUMMARY")]
        assert summary.split(":", 1)[1].strip()
    assert "SUMMARY:(no title)" in exported


def test_dates_carry_value_date_and_no_tzid(exported) -> None:
    for line in _unfolded(exported):
        head, _, value = line.partition(":")
        if head.split(";")[0] in DATED and re.fullmatch(r"\d{8}(,\d{8})*", value):
            assert ";VALUE=DATE" in head and "TZID" not in head, line
    assert "DTSTART;VALUE=DATE:20261210" in exported


def test_exdates_take_dtstarts_value_type(exported) -> None:
    planning, standup = (
        next(lines for lines in _events(exported) if f"SUMMARY:{title}" in lines)
        for title in ("Planning day", "Standup")
    )
    assert "EXDATE;VALUE=DATE:20261214" in planning
    (exdate,) = [line for line in standup if line.startswith("EXDATE")]
    (start,) = [line for line in standup if line.startswith("DTSTART")]
    zone = start.split(":")[0].removeprefix("DTSTART")
    assert exdate == f"EXDATE{zone}:20261205T100000"  # DTSTART's time and zone that day


def test_bogus_parameters_go_and_x_properties_stay(exported) -> None:
    assert "FOO=bar" not in exported and "BOGUS=1" not in exported
    assert "SUMMARY;LANGUAGE=en-us:Acme closed" in exported
    assert "X-MICROSOFT-CDO-BUSYSTATUS;X-SOURCE=owa:BUSY" in exported
    assert "X-ALT-DESC;FMTTYPE=text/html:<p>Closed</p>" in _unfolded(exported)
    assert "ATTENDEE;CN=Dana;PARTSTAT=ACCEPTED;X-NUM-GUESTS=0:mailto:dana@example.com" in (
        _unfolded(exported)
    )
    assert "CLASS:PRIVATE" in exported


def test_a_stored_event_with_dtend_and_duration_exports_dtend_only() -> None:
    """The import drops DURATION beside DTEND now; records stored before still hold both."""
    raw = (
        "BEGIN:VEVENT\r\nUID:old@example.com\r\nDTSTAMP:20261120T150000Z\r\n"
        "DTSTART:20261204T150000Z\r\nDTEND:20261204T160000Z\r\nDURATION:PT1H\r\n"
        "SUMMARY:Old record\r\nEND:VEVENT\r\n"
    )
    start, end = datetime(2026, 12, 4, 15, tzinfo=UTC), datetime(2026, 12, 4, 16, tzinfo=UTC)
    event = Event(id=1, uid="old@example.com", summary="Old record", start=start, end=end, raw=raw)
    text = export_calendar(
        tasks=[],
        entries=[],
        events=[event],
        clients={},
        tz=ZoneInfo("America/Montreal"),
        dtstamp=datetime(2026, 12, 1, tzinfo=UTC),
    ).decode()
    assert "DTEND:20261204T160000Z" in text and "DURATION" not in text


def test_calcurse_and_khal_read_the_export(exported, tmp_path) -> None:
    ics = tmp_path / "normalised.ics"
    ics.write_bytes(exported.encode())
    calcurse = shutil.which("calcurse")
    assert calcurse, "calcurse is not installed: `.ci/run` installs it (apt-get install calcurse)"
    data = tmp_path / "calcurse"
    data.mkdir()
    report = run([calcurse, "-D", str(data), "-C", str(data), "-i", str(ics)], tmp_path)
    assert "0 skipped" in report, report
    khal = Path(sys.executable).with_name("khal")
    vdir = tmp_path / "vdir"
    vdir.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[va]]\npath = {vdir}\ntype = calendar\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "local_timezone = America/Montreal\ndefault_timezone = America/Montreal\n"
        f"[sqlite]\npath = {tmp_path / 'khal.db'}\n"
    )
    base = [str(khal), "-c", str(config)]
    run([*base, "import", "--batch", "-a", "va", str(ics)], tmp_path)
    listed = run([*base, "list", "--format", "{title}", "2026-12-01", "2026-12-31"], tmp_path)
    for title in ("(no title)", "Acme closed", "Planning day", "Standup"):
        assert title in listed, listed


_WHEN = st.one_of(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)).map(
        lambda d: f";VALUE=DATE:{d:%Y%m%d}"
    ),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)).map(lambda d: f":{d:%Y%m%d}"),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1)).map(
        lambda d: f";TZID=Europe/Paris:{d:%Y%m%dT%H%M%S}"
    ),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1)).map(
        lambda d: f":{d:%Y%m%dT%H%M%S}Z"
    ),
)


@settings(max_examples=100, deadline=None)
@given(
    start=_WHEN,
    exdates=st.lists(_WHEN, max_size=3),
    summary=st.sampled_from(["", "SUMMARY:Call\r\n", "SUMMARY:\r\n"]),
    extra=st.sampled_from(["", "DURATION:PT1H\r\n", "X-KEEP;X-P=1;FOO=2:v\r\n"]),
)
def test_normalising_is_idempotent_and_keeps_the_start(start, exdates, summary, extra) -> None:
    from icalendar import Component

    from vaworkspace.ical.normalise import normalise

    text = (
        f"BEGIN:VEVENT\r\nUID:u\r\nDTSTART{start}\r\n{summary}{extra}"
        + "".join(f"EXDATE{value}\r\n" for value in exdates)
        + "END:VEVENT\r\n"
    )
    component = Component.from_ical(text)
    before = component["DTSTART"].dt
    normalise(component)
    once = component.to_ical()
    again = Component.from_ical(once)
    assert again["DTSTART"].dt == before
    normalise(again)
    assert again.to_ical() == once
    kinds = {isinstance(d.dt, datetime) for p in _list(again.get("EXDATE")) for d in p.dts}
    assert kinds <= {isinstance(before, datetime)}
    if "X-KEEP" in extra:
        (kept,) = [line for line in once.split(b"\r\n") if line.startswith(b"X-KEEP")]
        assert b"X-P=1" in kept and b"FOO=2" in kept  # an X- property keeps its parameters


def _list(value):
    return [] if value is None else value if isinstance(value, list) else [value]
