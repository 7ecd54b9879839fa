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


def test_shared_clock_counts_only_the_hours_both_sides_work_whatever_their_dst() -> None:
    """Montreal and Paris change their clocks a week apart in the autumn: on Tue 27
    Oct 2026 Paris 09:00-17:00 is Montreal 04:00-12:00 (3 shared hours with the
    VA's 09:00-17:00); on Tue 3 Nov it is 03:00-11:00 (2 shared hours)."""
    from zoneinfo import ZoneInfo

    from vaworkspace.domain.time.worktime import SharedClock, WorkClock, WorkHours

    montreal, paris = ZoneInfo("America/Montreal"), ZoneInfo("Europe/Paris")
    clock = SharedClock(montreal, WorkHours(), paris, WorkHours())

    def day(d: int, month: int = 10):
        start = datetime(2026, month, d, 0, 0, tzinfo=montreal)
        return start, start.replace(hour=23)

    assert clock.between(*day(27)) == 180
    assert clock.between(*day(3, 11)) == 120
    assert clock.between(*day(31)) == 0  # a Saturday
    late = clock.between(day(28)[0], day(27)[0])
    assert late == WorkClock(montreal, WorkHours()).between(day(28)[0], day(27)[0]) < 0
    far = clock.between(day(3, 11)[0], datetime(2027, 6, 1, tzinfo=montreal))
    weeks = (datetime(2027, 6, 1) - datetime(2026, 11, 3)).days / 7
    assert abs(far - weeks * 5 * 120) <= 120 * 5  # a week's shared time at most
