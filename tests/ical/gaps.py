"""Helpers of the tests for the gaps real calendar files showed (issue #15, section 2):
a workspace in a given zone at a fixed moment, and one local day of its agenda."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from vaworkspace.config import Config
from vaworkspace.service import Workspace
from vaworkspace.service.occurrences import occurrences
from vaworkspace.store.series import KEY

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2026, 12, 1, 14, 0, tzinfo=timezone.utc)
UTC = timezone.utc


def load(name: str) -> bytes:
    """A fixture as its producer writes it: CRLF lines."""
    data = (FIXTURES / name).read_bytes()
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def workspace(tmp_path: Path, zone: str, now: datetime = NOW) -> Workspace:
    config = Config(timezone_name=zone)
    path = tmp_path / f"{zone.replace('/', '-')}.json"
    return Workspace(str(path), config, clock=lambda: now)


def day_bounds(day: date, zone: str) -> tuple[datetime, datetime]:
    tz = ZoneInfo(zone)
    start = datetime.combine(day, time(0), tz).astimezone(UTC)
    return start, datetime.combine(day + timedelta(days=1), time(0), tz).astimezone(UTC)


def day_titles(ws: Workspace, day: date, zone: str, stored: bool = True) -> list[tuple]:
    """(title, start, end) of what one local day lists: from the expansions the
    import stored, or (`stored=False`) each series expanded from its text."""
    start, end = day_bounds(day, zone)
    records = ws.file.read()["events"]
    if not stored:
        records = {i: {k: v for k, v in r.items() if k != KEY} for i, r in records.items()}
    found, warnings = occurrences(records, start, end, ZoneInfo(zone))
    assert warnings == []
    return [(event.summary, first, last) for event, first, last in found]
