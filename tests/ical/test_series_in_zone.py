"""Recurring all-day and floating-time series are placed on the VA's clock.

An all-day date starts at local midnight and a floating 23:00 is 23:00 where the
VA is: a one-day agenda in America/Montreal must not list the next day's
occurrence, nor one in Asia/Tokyo the previous day's (the UTC date differs from
the local one in both). Checked on the stored expansions and on the expansion
from text alike.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from tests.ical.gaps import day_titles, load, workspace

UTC = timezone.utc
FIXTURE = "apple-allday-floating-series.ics"


def at(zone: str, *parts: int) -> datetime:
    return datetime(*parts, tzinfo=ZoneInfo(zone)).astimezone(UTC)


@pytest.mark.parametrize("stored", [True, False], ids=["stored", "from-text"])
@pytest.mark.parametrize("zone", ["America/Montreal", "Asia/Tokyo"])
def test_one_local_day_lists_that_days_occurrences_only(tmp_path, zone, stored) -> None:
    ws = workspace(tmp_path, zone)
    ws.calendar.import_file(load(FIXTURE), FIXTURE)
    shown = day_titles(ws, date(2026, 12, 3), zone, stored)
    assert sorted(shown) == sorted(
        [
            ("Gym pass day", date(2026, 12, 3), date(2026, 12, 4)),
            ("Call home", at(zone, 2026, 12, 3, 23), at(zone, 2026, 12, 3, 23, 30)),
            ("Night check", at(zone, 2026, 12, 3, 0), at(zone, 2026, 12, 3, 0, 30)),
        ]
    )


def test_the_cli_agenda_of_one_day_in_tokyo(tmp_path, monkeypatch, capsys) -> None:
    import json

    from vaworkspace.cli import main

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    monkeypatch.setenv("VAWORKSPACE_NOW", "2026-12-02T20:00:00Z")  # Dec 3, 05:00 in Tokyo
    path = tmp_path / "home.ics"
    path.write_bytes(load(FIXTURE))
    assert main(["import", str(path)]) == 0
    capsys.readouterr()
    assert main(["agenda", "--days", "1", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [(i["title"], i["start"]) for i in items] == [
        ("Gym pass day", "2026-12-03"),
        ("Night check", "2026-12-02T15:00:00Z"),
        ("Call home", "2026-12-03T14:00:00Z"),
    ]
