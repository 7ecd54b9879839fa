"""The working-minutes clock: precomputed once, then each deadline is arithmetic."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from vaworkspace.domain.time.worktime import WorkClock, WorkHours, working_minutes

UTC = timezone.utc
TZ = ZoneInfo("America/Montreal")
BASE = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # Tuesday 14:00 in Montreal


def test_minutes_between_counts_only_working_hours() -> None:
    clock = WorkClock(TZ, WorkHours())
    friday_evening = datetime(2026, 12, 4, 23, 0, tzinfo=UTC)  # Fri 18:00
    monday_ten = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)  # Mon 10:00
    assert clock.between(friday_evening, monday_ten) == 60
    assert clock.between(monday_ten, friday_evening) == -60
    assert clock.between(BASE, BASE + timedelta(minutes=22)) == 22


@settings(max_examples=300)
@given(
    start=st.integers(min_value=-60 * 24 * 60, max_value=60 * 24 * 60),
    length=st.integers(min_value=0, max_value=40 * 24 * 60),
    days=st.sets(st.integers(0, 6), min_size=1),
    hours=st.sampled_from([(time(9), time(17)), (time(8, 30), time(12, 15)), (time(6), time(23))]),
)
def test_clock_agrees_with_the_day_by_day_count(start, length, days, hours) -> None:
    """Over DST changes too (Montreal, 1 Nov 2026): they fall at night, outside the
    hours drawn; hours spanning one would count wall-clock minutes, not real ones."""
    work = WorkHours(hours[0], hours[1], frozenset(days))
    a = BASE + timedelta(minutes=start)
    b = a + timedelta(minutes=length)
    clock = WorkClock(TZ, work)
    assert clock.between(a, b) == working_minutes(a, b, TZ, work, cap=10**9)
