"""What the date tests share: a fixed `now` (Tuesday 2026-12-01 14:00 UTC), real zones
whose 2026 DST transitions the cases use, and hypothesis strategies over both."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

UTC = timezone.utc
NOW = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)  # Tuesday: 09:00 Montreal, 15:00 Paris
MTL = ZoneInfo("America/Montreal")
PARIS = ZoneInfo("Europe/Paris")
INSTANTS = st.datetimes(datetime(2000, 1, 1), datetime(2090, 1, 1), timezones=st.just(UTC))
ZONES = st.sampled_from([MTL, PARIS, UTC, ZoneInfo("Asia/Kolkata"), ZoneInfo("Pacific/Apia")])
# The root conftest's autouse env fixture is irrelevant to these pure functions.
PROPERTY = settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def local(tz, *args: int) -> datetime:
    return datetime(*args, tzinfo=tz).astimezone(UTC)
