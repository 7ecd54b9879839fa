"""Time entry rules at a fixed `now` (Tuesday 2026-12-01, 14:00 in Montreal);
DST cases use the real 2026 transitions of Montreal and Paris."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from vaworkspace.domain.models import TimeEntry
from vaworkspace.domain.time import entries
from vaworkspace.domain.time.entries import LogRequest
from vaworkspace.domain.time.timer import Segment
from vaworkspace.errors import InputError

UTC = timezone.utc
MTL = ZoneInfo("America/Montreal")
PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 12, 1, 19, 0, 30, 123, tzinfo=UTC)  # Tuesday 14:00:30 in Montreal


def mtl(*args: int) -> datetime:
    return datetime(*args, tzinfo=MTL).astimezone(UTC)


def log(*words: str, start: str | None = None) -> LogRequest:
    return entries.parse_log(list(words), NOW, MTL, start)


def entry(entry_id: int, start: datetime, minutes: int, client="acme", note="call") -> TimeEntry:
    return TimeEntry(entry_id, start, start + timedelta(minutes=minutes), client, note=note)


# ---------------------------------------------------------------- parse_log


def test_log_today_ends_now() -> None:
    request = log("1h30m", "@acme", "call with supplier")
    end = mtl(2026, 12, 1, 14, 0, 30)
    assert request == LogRequest(
        end - timedelta(minutes=90), end, "acme", None, "call with supplier"
    )
    assert request.end.tzinfo == UTC


def test_log_words_in_any_order_with_an_unquoted_note() -> None:
    request = log("45m", "sorted", "invoices", "task:12", "@globex", "for", "march")
    assert (request.client, request.task) == ("globex", 12)
    assert request.note == "sorted invoices for march"
    assert log("20", "task:#7").task == 7


@pytest.mark.parametrize(
    ("words", "day"),
    [
        (["yesterday"], date(2026, 11, 30)),
        (["hier"], date(2026, 11, 30)),
        (["2026-11-24"], date(2026, 11, 24)),
        (["mon"], date(2026, 11, 30)),
        (["tue"], date(2026, 11, 24)),  # today is Tuesday: the one before
        (["friday"], date(2026, 11, 27)),
        (["last", "fri"], date(2026, 11, 27)),
        (["lundi", "dernier"], date(2026, 11, 30)),
        (["nov", "30"], date(2026, 11, 30)),
        (["dec", "5"], date(2025, 12, 5)),  # still ahead this year: last year's
        (["5", "dec", "2025"], date(2025, 12, 5)),
        (["today"], date(2026, 12, 1)),
    ],
)
def test_log_on_a_past_day_ends_at_17(words: list[str], day: date) -> None:
    request = log("2h", "@acme", *words, "review")
    if day == date(2026, 12, 1):
        assert request.end == mtl(2026, 12, 1, 14, 0, 30)
    else:
        assert request.end == datetime.combine(day, entries.PAST_DAY_END, MTL).astimezone(UTC)
    assert request.end - request.start == timedelta(hours=2)
    assert request.note == "review"


def test_a_quoted_note_is_never_read_as_a_date() -> None:
    assert log("1h", "mon").note == ""
    assert log("1h", "prep for mon").note == "prep for mon"
    assert log("1h", "now").note == "now"  # an instant, not a day
    request = log("1h", "@acme", "@bob asked about task:3")
    assert (request.client, request.task, request.note) == ("acme", None, "@bob asked about task:3")


def test_log_with_start_time() -> None:
    request = log("1h", "2026-11-30", start="14:00")
    assert (request.start, request.end) == (mtl(2026, 11, 30, 14), mtl(2026, 11, 30, 15))
    assert log("30m", start="9:30am").start == mtl(2026, 12, 1, 9, 30)
    assert log("30m", "mon", start="17h15").start == mtl(2026, 11, 30, 17, 15)


def test_log_start_may_carry_its_own_day() -> None:
    assert log("1h", start="yesterday 14:00").start == mtl(2026, 11, 30, 14)
    assert log("1h", "yesterday", start="yesterday 14:00").start == mtl(2026, 11, 30, 14)
    with pytest.raises(InputError, match="not on 2026-11-27; give the day once"):
        log("1h", "fri", start="yesterday 14:00")
    with pytest.raises(InputError, match="needs a time of day"):
        log("1h", start="yesterday")


def test_log_start_across_spring_forward_counts_real_time() -> None:
    # 2026-03-08 in Montreal: 02:00 jumps to 03:00.
    now = datetime(2026, 3, 9, 12, tzinfo=UTC)
    request = entries.parse_log(["3h", "2026-03-08"], now, MTL, "01:00")
    assert request.start == datetime(2026, 3, 8, 6, tzinfo=UTC)
    assert request.end.astimezone(MTL).hour == 5  # 01:00 + 3 real hours, EDT


@pytest.mark.parametrize(
    ("words", "start", "message"),
    [
        ([], None, "needs a duration first"),
        (["@acme", "1h"], None, "can't read the duration '@acme'.*starts with the duration"),
        (["0m"], None, "at least one minute"),
        (["25h"], None, "more than 24 hours"),
        (["1h", "tomorrow"], None, "'tomorrow' is 2026-12-02, in the future"),
        (["1h", "next", "mon"], None, "'next mon' is 2026-12-07, in the future"),
        (["1h", "2027-01-04"], None, "in the future"),
        (["1h"], "15:00", "would start at 2026-12-01 15:00, in the future"),
        (["1h"], "13:30", "would end at 2026-12-01 14:30, after now"),
        (["1h", "14:00"], None, "looks like a time: use --start 14:00"),
        (["1h", "task:x"], None, "'task:x' is not a task number"),
        (["1h", "task:0"], None, "not a task number"),
        (["1h", "@"], None, "needs a client id"),
        (["1h", "@a", "@b"], None, r"two clients \(@a and @b\)"),
        (["1h", "task:1", "task:2"], None, r"two tasks \(task:1 and task:2\)"),
        (["1h", "yesterday", "2026-11-20"], None, "two days"),
        (["1h"], "soon", "can't read the date 'soon'"),
    ],
)
def test_log_errors(words: list[str], start: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message):
        log(*words, start=start)


# ---------------------------------------------------------------- overlaps


def test_find_overlap_allows_touching_ends() -> None:
    existing = [entry(7, mtl(2026, 12, 1, 14), 60), entry(8, mtl(2026, 12, 1, 10), 30)]
    assert entries.find_overlap(existing, mtl(2026, 12, 1, 15), mtl(2026, 12, 1, 16)) is None
    assert entries.find_overlap(existing, mtl(2026, 12, 1, 13), mtl(2026, 12, 1, 14)) is None
    assert entries.find_overlap(existing, mtl(2026, 12, 1, 10, 30), mtl(2026, 12, 1, 14)) is None


@pytest.mark.parametrize(
    ("start", "end"),
    [((14, 30), (14, 45)), ((13, 0), (14, 1)), ((14, 59), (16, 0)), ((13, 0), (16, 0))],
)
def test_find_overlap_catches_every_shared_minute(start, end) -> None:
    existing = [entry(7, mtl(2026, 12, 1, 14), 60)]
    found = entries.find_overlap(existing, mtl(2026, 12, 1, *start), mtl(2026, 12, 1, *end))
    assert found is existing[0]


def test_find_overlap_returns_the_earliest_and_ignores_the_edited_entry() -> None:
    existing = [entry(9, mtl(2026, 12, 1, 15), 60), entry(7, mtl(2026, 12, 1, 14), 60)]
    window = (mtl(2026, 12, 1, 14, 30), mtl(2026, 12, 1, 15, 30))
    assert entries.find_overlap(existing, *window).id == 7
    assert entries.find_overlap(existing, *window, ignore_id=7).id == 9
    assert entries.find_overlap([], *window) is None


def test_check_no_overlap_names_the_entry_in_local_time() -> None:
    existing = [entry(7, mtl(2026, 12, 1, 14), 60)]
    with pytest.raises(InputError) as caught:
        entries.check_no_overlap(existing, mtl(2026, 12, 1, 14, 30), mtl(2026, 12, 1, 16), MTL)
    assert str(caught.value) == (
        "overlaps entry 7 (14:00–15:00 @acme 'call'); adjust --start or the duration"
    )
    entries.check_no_overlap(existing, mtl(2026, 12, 1, 15), mtl(2026, 12, 1, 16), MTL)
    entries.check_no_overlap(existing, mtl(2026, 12, 1, 14), mtl(2026, 12, 1, 15), MTL, 7)


def test_check_no_overlap_gives_the_date_of_an_entry_from_the_day_before() -> None:
    existing = [entry(3, mtl(2026, 11, 30, 23), 120, client=None, note="x" * 60)]
    with pytest.raises(InputError) as caught:
        entries.check_no_overlap(existing, mtl(2026, 12, 1, 0), mtl(2026, 12, 1, 1), MTL)
    assert str(caught.value).startswith(f"overlaps entry 3 (2026-11-30 23:00–01:00 '{'x' * 39}…')")


# ---------------------------------------------------------------- entry_from_segment


def test_entry_from_segment_moves_the_end_back_by_the_pauses() -> None:
    start = mtl(2026, 12, 1, 9)
    segment = Segment(start, start + timedelta(minutes=50), 600, 12, "acme")
    made = entries.entry_from_segment(segment, 4, billable_default=False)
    assert made == TimeEntry(
        4, start, start + timedelta(minutes=40), "acme", 12, False, "", "timer"
    )
    assert made.seconds == segment.worked_seconds == 40 * 60


def test_entry_from_segment_without_pauses_keeps_the_stretch() -> None:
    start = mtl(2026, 12, 1, 9)
    segment = Segment(start, start + timedelta(minutes=25), 0, None, None)
    made = entries.entry_from_segment(segment, 1, True)
    assert (made.start, made.end, made.billable, made.source) == (
        start,
        start + timedelta(minutes=25),
        True,
        "timer",
    )


# ---------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("tz", "now", "hours"),
    [
        (MTL, datetime(2026, 3, 8, 18, tzinfo=UTC), 23),  # spring forward
        (MTL, datetime(2026, 11, 1, 18, tzinfo=UTC), 25),  # fall back
        (PARIS, datetime(2026, 10, 25, 12, tzinfo=UTC), 25),
        (PARIS, datetime(2026, 3, 29, 12, tzinfo=UTC), 23),
        (PARIS, datetime(2026, 12, 1, 12, tzinfo=UTC), 24),
    ],
)
def test_a_day_lasts_its_real_hours(tz, now: datetime, hours: int) -> None:
    first, after = entries.period_bounds("day", now, tz)
    assert (after - first) == timedelta(hours=hours)
    assert first.astimezone(tz).hour == 0 and after.astimezone(tz).hour == 0
    assert first <= now < after


def test_day_bounds_in_utc() -> None:
    assert entries.period_bounds("day", datetime(2026, 3, 8, 18, tzinfo=UTC), MTL) == (
        datetime(2026, 3, 8, 5, tzinfo=UTC),
        datetime(2026, 3, 9, 4, tzinfo=UTC),
    )
    assert entries.period_bounds("day", datetime(2026, 10, 25, 12, tzinfo=UTC), PARIS) == (
        datetime(2026, 10, 24, 22, tzinfo=UTC),
        datetime(2026, 10, 25, 23, tzinfo=UTC),
    )


def test_week_starts_monday_and_may_hold_a_dst_change() -> None:
    first, after = entries.period_bounds("week", datetime(2026, 3, 11, 12, tzinfo=UTC), MTL)
    assert first == mtl(2026, 3, 9) and after == mtl(2026, 3, 16)
    sunday = datetime(2026, 3, 8, 18, tzinfo=UTC)
    first, after = entries.period_bounds("week", sunday, MTL)
    assert (first, after - first) == (mtl(2026, 3, 2), timedelta(days=7, hours=-1))


def test_month_and_late_evening_local_dates() -> None:
    # 2026-12-01 02:00 UTC is still November 30 in Montreal.
    late = datetime(2026, 12, 1, 2, tzinfo=UTC)
    assert entries.period_bounds("month", late, MTL) == (mtl(2026, 11, 1), mtl(2026, 12, 1))
    assert entries.period_bounds("day", late, MTL)[0] == mtl(2026, 11, 30)
    first, after = entries.period_bounds("month", datetime(2026, 10, 10, tzinfo=UTC), PARIS)
    assert after - first == timedelta(days=31, hours=1)


def test_periods_around_another_day() -> None:
    assert entries.period_bounds("week", NOW, MTL, date(2026, 11, 12)) == (
        mtl(2026, 11, 9),
        mtl(2026, 11, 16),
    )
    assert entries.period_bounds("custom", NOW, MTL, date(2026, 11, 3), date(2026, 11, 3)) == (
        mtl(2026, 11, 3),
        mtl(2026, 11, 4),
    )
    first, after = entries.period_bounds("custom", NOW, MTL, date(2026, 3, 1), date(2026, 3, 31))
    assert after - first == timedelta(days=31, hours=-1)


@pytest.mark.parametrize(
    ("kind", "start", "end", "message"),
    [
        ("year", None, None, "unknown period 'year'; choose day, week, month, custom"),
        ("custom", date(2026, 11, 3), None, "needs both"),
        ("custom", date(2026, 11, 3), date(2026, 11, 2), "ends .* before it starts"),
        ("week", None, date(2026, 11, 2), "only goes with a custom period"),
    ],
)
def test_period_errors(kind: str, start, end, message: str) -> None:
    with pytest.raises(InputError, match=message):
        entries.period_bounds(kind, NOW, MTL, start, end)


def test_entries_in_selects_by_start_sorted() -> None:
    day_start, day_end = entries.period_bounds("day", NOW, MTL)
    across = entry(1, mtl(2026, 11, 30, 23), 120)  # starts the day before
    late = entry(2, mtl(2026, 12, 1, 23), 120)  # runs past midnight: counts today
    early = entry(3, mtl(2026, 12, 1, 0), 30)
    at_end = entry(4, mtl(2026, 12, 2, 0), 30)  # the next day's
    assert entries.entries_in([late, across, at_end, early], day_start, day_end) == [early, late]
