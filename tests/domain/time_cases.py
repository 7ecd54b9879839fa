"""What the time tests share: a week in Montreal, and small builders for entries,
clients and tasks (an entry is @acme's unless told otherwise)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from vaworkspace.domain.models import Client, Task, TimeEntry

UTC = timezone.utc
MTL = ZoneInfo("America/Montreal")
PARIS = ZoneInfo("Europe/Paris")
T0 = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)  # Tuesday 09:00 in Montreal
WEEK = (datetime(2026, 11, 30, 5, 0, tzinfo=UTC), datetime(2026, 12, 7, 5, 0, tzinfo=UTC))
CREATED = datetime(2026, 1, 1, tzinfo=UTC)


def local(tz, *parts: int, fold: int = 0) -> datetime:
    """The UTC instant of a local wall time."""
    return datetime(*parts, tzinfo=tz, fold=fold).astimezone(UTC)


_ids = iter(range(1, 10**9))


def entry(start: datetime, minutes: float = 0, seconds: int = 0, **fields) -> TimeEntry:
    """An entry for @acme unless `client` says otherwise."""
    end = start + timedelta(minutes=minutes, seconds=seconds)
    return TimeEntry(id=next(_ids), start=start, end=end, **{"client": "acme", **fields})


def client(cid: str = "acme", **fields) -> Client:
    base = dict(id=cid, name=cid.title(), rate_cents=6000, currency="CAD")
    base.update(fields)
    return Client(**base)


def task(tid: int, title: str, cid: str | None = "acme") -> Task:
    return Task(id=tid, uuid=f"u{tid}", title=title, created=CREATED, modified=CREATED, client=cid)
