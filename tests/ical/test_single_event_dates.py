"""EXDATE and RDATE on an event without RRULE (RFC 5545 §3.8.5 allows both there).

Nextcloud and SabreDAV keep a cancelled single meeting as an EXDATE on its own
start, and add extra dates to a one-off with RDATE: the excluded instance must
leave the agenda, each RDATE occurrence must show.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from tests.ical.gaps import day_titles, load, workspace

UTC = timezone.utc
FIXTURE = "nextcloud-single-exdate-rdate.ics"
ZONE = "Europe/Paris"


@pytest.fixture
def ws(tmp_path):
    ws = workspace(tmp_path, ZONE)
    summary = ws.calendar.import_file(load(FIXTURE), FIXTURE)
    assert (summary.created, summary.skipped) == (3, [])
    return ws


@pytest.mark.parametrize("stored", [True, False], ids=["stored", "from-text"])
def test_an_excluded_single_event_leaves_the_agenda(ws, stored) -> None:
    assert day_titles(ws, date(2026, 12, 3), ZONE, stored) == [
        ("Fitting", datetime(2026, 12, 3, 15, tzinfo=UTC), datetime(2026, 12, 3, 16, tzinfo=UTC))
    ]
    assert day_titles(ws, date(2026, 12, 4), ZONE, stored) == []  # the all-day one too


@pytest.mark.parametrize("stored", [True, False], ids=["stored", "from-text"])
def test_every_rdate_of_a_single_event_shows(ws, stored) -> None:
    shown = [
        title
        for day in (date(2026, 12, 1), date(2026, 12, 3), date(2026, 12, 10))
        for title, _, _ in day_titles(ws, day, ZONE, stored)
    ]
    assert shown == ["Fitting", "Fitting", "Fitting"]
