"""The rules the UIs used to hold, at their one home in the service: the "no
client" filter and counts, triage, entries by client, the timer key, import
format detection."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from vaworkspace.config import Config
from vaworkspace.domain.by_client import NO_CLIENT
from vaworkspace.domain.time.toggle import START, STOP, SWITCH
from vaworkspace.errors import NotFoundError
from vaworkspace.service import Workspace
from vaworkspace.service.inputs import looks_like_calendar
from vaworkspace.service.results import Logged

NOW = datetime(2026, 12, 1, 15, 0, tzinfo=timezone.utc)  # Tuesday 10:00 in Montreal


@pytest.fixture
def moment() -> list[datetime]:
    return [NOW]


@pytest.fixture
def ws(tmp_path, moment) -> Workspace:
    ws = Workspace(
        str(tmp_path / "ws.json"), Config(timezone_name="America/Montreal"), clock=lambda: moment[0]
    )
    ws.clients.add("Acme")
    ws.clients.add("Acme Two", id="acme-two")
    ws.tasks.add("Call supplier @acme ~30m")  # 1: sorted
    ws.tasks.add("Pay invoice")  # 2: no client, no estimate
    ws.tasks.add("Book hotel @acme-two")  # 3: no estimate
    ws.tasks.add("File receipts ~15m")  # 4: no client
    return ws


def test_no_client_is_a_filter_of_the_inbox(ws) -> None:
    assert sorted(t.id for _, t in ws.inbox.ranked(client=NO_CLIENT)) == [2, 4]
    assert sorted(t.id for _, t in ws.inbox.ranked(client="acme")) == [1]
    assert len(ws.inbox.ranked()) == 4


def test_counts_match_the_filters(ws) -> None:
    counts = ws.inbox.open_counts()
    assert counts == {"acme": 1, "acme-two": 1, NO_CLIENT: 2}
    for client, count in counts.items():
        assert len(ws.inbox.ranked(client=client)) == count


def test_triage_queue_holds_what_still_needs_sorting(ws) -> None:
    assert [t.id for t in ws.inbox.triage_queue()] == sorted(
        [2, 3, 4], key=[t.id for _, t in ws.inbox.ranked()].index
    )


def test_entries_by_client_or_without_one(ws) -> None:
    ws.time.log(["1h", "@acme"])
    ws.time.log(["30m", "@acme-two"], "07:00")
    ws.time.log(["15m"], "08:00")
    assert [e.seconds for e in ws.time.entries(client="acme")] == [3600]
    assert [e.seconds for e in ws.time.entries(client="acme-two")] == [1800]
    assert [e.seconds for e in ws.time.entries(client=NO_CLIENT)] == [900]
    assert len(ws.time.entries()) == 3
    with pytest.raises(NotFoundError):
        ws.time.entries(client="nobody")


def test_the_timer_key_starts_stops_and_switches(ws, moment) -> None:
    assert ws.time.toggle_timer(1) == (START, Logged([]))
    moment[0] += timedelta(minutes=10)
    action, logged = ws.time.toggle_timer(3)
    assert action == SWITCH and [(e.task, e.seconds) for e in logged.entries] == [(1, 600)]
    moment[0] += timedelta(minutes=5)
    action, logged = ws.time.toggle_timer(3)
    assert action == STOP and [(e.task, e.seconds) for e in logged.entries] == [(3, 300)]
    assert not ws.time.timer_now().running


def test_import_format_is_detected_from_name_or_content(ws, tmp_path) -> None:
    assert looks_like_calendar(b"", "agenda.ICS")
    assert looks_like_calendar(b"\xef\xbb\xbf\r\nbegin:vcalendar\r\n", "feed")
    assert not looks_like_calendar(b'[{"description": "x"}]', "export.json")
    task = {
        "uuid": "6f3c1d1e-8d39-4c8f-9a43-2b0f1c2d3e4f",
        "description": "From TW",
        "status": "pending",
        "entry": "20261101T120000Z",
    }
    ws.import_file(json.dumps([task]).encode(), "export.json")
    assert "From TW" in [t.title for t in ws.snapshot().tasks()]
    calendar = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        b"UID:u1\r\nDTSTAMP:20261101T120000Z\r\nDTSTART:20261202T150000Z\r\n"
        b"DTEND:20261202T160000Z\r\nSUMMARY:Meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    summary = ws.import_file(calendar, "-")
    assert type(summary).__name__ == "CalendarImport"
