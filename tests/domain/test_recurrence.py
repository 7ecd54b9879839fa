"""Recurrence: quick-add phrases, RRULE validation, descriptions and next due values."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from vaworkspace.domain.tasks.every import parse_every
from vaworkspace.domain.tasks.recurrence import (
    describe_rrule,
    next_due,
    remaining_rule,
    validate_rrule,
)
from vaworkspace.errors import InputError

MTL = ZoneInfo("America/Montreal")
UTC = timezone.utc


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# ---------------------------------------------------------------- parse_every


@pytest.mark.parametrize(
    ("text", "rule", "used"),
    [
        ("day", "FREQ=DAILY", 1),
        ("daily", "FREQ=DAILY", 1),
        ("Day", "FREQ=DAILY", 1),
        ("weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", 1),
        ("weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", 1),
        ("weekend", "FREQ=WEEKLY;BYDAY=SA,SU", 1),
        ("week-end", "FREQ=WEEKLY;BYDAY=SA,SU", 1),
        ("week", "FREQ=WEEKLY", 1),
        ("weekly", "FREQ=WEEKLY", 1),
        ("month", "FREQ=MONTHLY", 1),
        ("monthly", "FREQ=MONTHLY", 1),
        ("year", "FREQ=YEARLY", 1),
        ("yearly", "FREQ=YEARLY", 1),
        ("quarter", "FREQ=MONTHLY;INTERVAL=3", 1),
        ("2 days", "FREQ=DAILY;INTERVAL=2", 2),
        ("3 weeks", "FREQ=WEEKLY;INTERVAL=3", 2),
        ("2-weeks", "FREQ=WEEKLY;INTERVAL=2", 1),
        ("6 months", "FREQ=MONTHLY;INTERVAL=6", 2),
        ("2 years", "FREQ=YEARLY;INTERVAL=2", 2),
        ("1 day", "FREQ=DAILY", 2),
        ("other day", "FREQ=DAILY;INTERVAL=2", 2),
        ("other week", "FREQ=WEEKLY;INTERVAL=2", 2),
        ("other month", "FREQ=MONTHLY;INTERVAL=2", 2),
        ("fortnight", "FREQ=WEEKLY;INTERVAL=2", 1),
        ("monday", "FREQ=WEEKLY;BYDAY=MO", 1),
        ("MON", "FREQ=WEEKLY;BYDAY=MO", 1),
        ("mondays", "FREQ=WEEKLY;BYDAY=MO", 1),
        ("mon,thu", "FREQ=WEEKLY;BYDAY=MO,TH", 1),
        ("thu,mon", "FREQ=WEEKLY;BYDAY=MO,TH", 1),
        ("mon, thu", "FREQ=WEEKLY;BYDAY=MO,TH", 2),
        ("monday and thursday", "FREQ=WEEKLY;BYDAY=MO,TH", 3),
        ("Tue & Fri", "FREQ=WEEKLY;BYDAY=TU,FR", 3),
        ("other friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", 2),
        ("2 weeks on friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", 4),
        ("week on mon and wed", "FREQ=WEEKLY;BYDAY=MO,WE", 5),
        ("month on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15", 4),
        ("month on 15", "FREQ=MONTHLY;BYMONTHDAY=15", 3),
        ("month the 1st", "FREQ=MONTHLY;BYMONTHDAY=1", 3),
        ("15th", "FREQ=MONTHLY;BYMONTHDAY=15", 1),
        ("1st and 15th", "FREQ=MONTHLY;BYMONTHDAY=1,15", 3),
        ("month on the last day", "FREQ=MONTHLY;BYMONTHDAY=-1", 5),
        ("quarter on the 1st", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1", 4),
        ("jour", "FREQ=DAILY", 1),
        ("2 semaines", "FREQ=WEEKLY;INTERVAL=2", 2),
        ("mois", "FREQ=MONTHLY", 1),
        ("lundi et jeudi", "FREQ=WEEKLY;BYDAY=MO,TH", 3),
        ("mon-fri", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", 1),  # a range, not two days
        ("fri-mon", "FREQ=WEEKLY;BYDAY=MO,FR,SA,SU", 1),
    ],
)
def test_parse_every_forms(text: str, rule: str, used: int) -> None:
    assert parse_every(text.split()) == (rule, used)


@pytest.mark.parametrize(
    ("text", "rule", "used"),
    [
        ("monday call Bob", "FREQ=WEEKLY;BYDAY=MO", 1),
        ("day at 9am", "FREQ=DAILY", 1),
        ("week on time", "FREQ=WEEKLY", 1),  # "on" stays a title word
        ("monday and call Bob", "FREQ=WEEKLY;BYDAY=MO", 1),
        ("month on budget", "FREQ=MONTHLY", 1),
        ("friday.", "FREQ=WEEKLY;BYDAY=FR", 1),
    ],
)
def test_parse_every_stops_at_the_title(text: str, rule: str, used: int) -> None:
    assert parse_every(text.split()) == (rule, used)


@pytest.mark.parametrize(
    "text",
    [
        "invoice",
        "",
        "2",
        "2 invoices",
        "other",
        "0 days",
        "day-to-day tasks",
        "32nd",
        "2 weekdays",
        "2 daily",
        "last friday",
        "15 minutes",
    ],
)
def test_parse_every_not_a_recurrence(text: str) -> None:
    assert parse_every(text.split()) is None


def test_parse_every_output_is_canonical_and_valid() -> None:
    for text in ("thu,mon", "2 weeks on friday", "1st and 15th", "weekdays", "quarter"):
        rule, _ = parse_every(text.split())
        assert validate_rrule(rule) == rule


def test_parse_and_describe_do_not_import_dateutil() -> None:
    """They run on every `va add`, which has a 47 ms budget."""
    code = (
        "import sys, vaworkspace.domain.models; before = set(sys.modules); "
        "import vaworkspace.domain.tasks.recurrence as r, vaworkspace.domain.tasks.every as e; "
        "r.describe_rrule(e.parse_every(['2', 'weeks', 'on', 'friday'])[0]); "
        "print(sorted({'dateutil', 'dateutil.rrule', 'typing', 'zoneinfo'} & "
        "(set(sys.modules) - before)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------- validate_rrule


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("FREQ=DAILY", "FREQ=DAILY"),
        ("RRULE:FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=MO"),
        ("rrule:freq=weekly;byday=th,mo", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("FREQ=WEEKLY;INTERVAL=1", "FREQ=WEEKLY"),
        ("BYMONTHDAY=15;FREQ=MONTHLY;INTERVAL=2", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15"),
        ("FREQ=MONTHLY;BYDAY=+1MO", "FREQ=MONTHLY;BYDAY=1MO"),
        ("FREQ=DAILY;COUNT=5;", "FREQ=DAILY;COUNT=5"),
        (" FREQ=DAILY ; UNTIL=20261231T235959Z ", "FREQ=DAILY;UNTIL=20261231T235959Z"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=YEARLY;BYMONTHDAY=29;BYMONTH=2"),
        ("FREQ=HOURLY;INTERVAL=4", "FREQ=HOURLY;INTERVAL=4"),
    ],
)
def test_validate_rrule_canonical(text: str, canonical: str) -> None:
    assert validate_rrule(text) == canonical


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "FREQ is missing"),
        ("BYDAY=MO", "FREQ is missing"),
        ("FREQ=SOMETIMES", "FREQ must be one of"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL must be"),
        ("FREQ=DAILY;COUNT=-1", "COUNT must be"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY takes"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY must be"),
        ("FREQ=DAILY;FOO=1", "unknown part 'FOO'"),
        ("FREQ=DAILY;FREQ=WEEKLY", "FREQ is given twice"),
        ("FREQ=DAILY;BYDAY", "should be KEY=VALUE"),
        ("FREQ=DAILY;BYHOUR=25", "hour must be"),
        ("FREQ=DAILY;UNTIL=tomorrow", "UNTIL must look like"),
        ("FREQ=DAILY;UNTIL=20261340", "not a real date"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20261231", "COUNT and UNTIL"),
    ],
)
def test_validate_rrule_rejects(text: str, why: str) -> None:
    with pytest.raises(InputError, match="is not a valid RRULE") as err:
        validate_rrule(text)
    assert why in str(err.value)
    assert "every monday" in str(err.value)  # says what to do


@pytest.mark.parametrize("freq", ["MINUTELY", "SECONDLY"])
def test_validate_rrule_refuses_too_frequent(freq: str) -> None:
    with pytest.raises(InputError, match="too often for a task"):
        validate_rrule(f"FREQ={freq}")


def test_validate_rrule_refuses_a_rule_that_never_happens_quickly() -> None:
    start = time.process_time()  # CPU: a loaded machine stretches wall time, not work
    with pytest.raises(InputError, match="never happens"):
        validate_rrule("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")
    assert time.process_time() - start < 2  # dateutil alone walks to year 9999


# ---------------------------------------------------------------- describe_rrule


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("FREQ=DAILY", "every day"),
        ("FREQ=DAILY;INTERVAL=2", "every 2 days"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"),
        ("FREQ=WEEKLY;BYDAY=SA,SU", "every weekend"),
        ("FREQ=WEEKLY;INTERVAL=2", "every 2 weeks"),
        ("FREQ=WEEKLY;BYDAY=MO,TH", "every week on Monday and Thursday"),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", "every week on Monday, Wednesday and Friday"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every 2 weeks on Friday"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "every month on the 15th"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,2,3,22", "every month on the 1st, 2nd, 3rd and 22nd"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "every month on the last day"),
        ("FREQ=MONTHLY;INTERVAL=3", "every 3 months"),
        ("FREQ=MONTHLY;BYDAY=1MO", "every month on the 1st Monday"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "every month on the last Friday"),
        ("FREQ=YEARLY", "every year"),
        ("FREQ=HOURLY;INTERVAL=4", "every 4 hours"),
        ("RRULE:freq=daily;count=5", "every day, 5 times"),
        ("FREQ=WEEKLY;UNTIL=20261231T235959Z", "every week, until 2026-12-31"),
    ],
)
def test_describe_rrule(rule: str, text: str) -> None:
    assert describe_rrule(rule) == text


@pytest.mark.parametrize("rule", ["FREQ=YEARLY;BYWEEKNO=20", "nonsense", "FREQ=MINUTELY"])
def test_describe_rrule_falls_back_to_the_rule(rule: str) -> None:
    assert describe_rrule(rule) == rule


# ---------------------------------------------------------------- next_due: dates


def done_at(day: date, hour: int = 15) -> datetime:
    """A completion moment on a Montreal local day (15:00 UTC is 10:00 or 11:00 there)."""
    return utc(day.year, day.month, day.day, hour)


def after(rule: str, due: date | None, done: date | None = None, again: bool = False) -> object:
    """next_due for an all-day task done on `done` (default: its due day) in Montreal."""
    return next_due(rule, due, done_at(done or due), again, MTL)


@pytest.mark.parametrize(
    ("rule", "due", "done", "expected"),
    [
        ("FREQ=DAILY", date(2026, 3, 2), None, date(2026, 3, 3)),
        # completed early: counts from the due date
        ("FREQ=WEEKLY", date(2026, 3, 10), date(2026, 3, 2), date(2026, 3, 17)),
        # completed 3 days late: one copy, after the completion, not three stale ones
        ("FREQ=DAILY", date(2026, 3, 2), date(2026, 3, 5), date(2026, 3, 6)),
        # due Monday 2 March, done Wednesday 11 March: next Monday, 16 March
        ("FREQ=WEEKLY", date(2026, 3, 2), date(2026, 3, 11), date(2026, 3, 16)),
        ("FREQ=WEEKLY;BYDAY=MO,TH", date(2026, 3, 2), None, date(2026, 3, 5)),
        ("FREQ=WEEKLY;BYDAY=MO,TH", date(2026, 3, 5), None, date(2026, 3, 9)),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", date(2026, 3, 6), None, date(2026, 3, 20)),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", date(2026, 3, 6), None, date(2026, 3, 9)),
        ("FREQ=MONTHLY;BYMONTHDAY=15", date(2026, 1, 15), date(2026, 1, 20), date(2026, 2, 15)),
        ("FREQ=MONTHLY", date(2026, 1, 15), None, date(2026, 2, 15)),
        ("FREQ=MONTHLY;INTERVAL=3", date(2026, 1, 15), None, date(2026, 4, 15)),
        ("FREQ=YEARLY", date(2026, 5, 1), None, date(2027, 5, 1)),
        # no previous due: counts from the completion day
        ("FREQ=DAILY", None, date(2026, 3, 5), date(2026, 3, 6)),
    ],
)
def test_next_due_dates(rule: str, due: date | None, done: date | None, expected: date) -> None:
    assert after(rule, due, done) == expected


def test_monthly_from_month_end_keeps_to_month_ends() -> None:
    """Chosen behaviour: a plain monthly rule anchored on a last day means "month end".

    dateutil alone would skip February (no 31st); a VA's month-end invoice must not.
    The price: a plain monthly task due Feb 28 next falls on Mar 31.
    """
    due, seen = date(2026, 1, 31), []
    for _ in range(4):
        due = after("FREQ=MONTHLY", due)
        seen.append(due)
    assert seen == [date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30), date(2026, 5, 31)]


def test_monthly_from_the_30th_falls_back_in_february() -> None:
    assert after("FREQ=MONTHLY", date(2026, 1, 30)) == date(2026, 2, 28)
    assert after("FREQ=MONTHLY", date(2026, 3, 30)) == date(2026, 4, 30)


def test_explicit_bymonthday_31_skips_short_months() -> None:
    """An explicit BYMONTHDAY is obeyed literally, as RFC 5545 says."""
    assert after("FREQ=MONTHLY;BYMONTHDAY=31", date(2026, 1, 31)) == date(2026, 3, 31)


def test_yearly_on_february_29() -> None:
    assert after("FREQ=YEARLY", date(2028, 2, 29)) == date(2029, 2, 28)


def test_from_completion_date() -> None:
    # due 2 March, done 5 March, "every! week": a week after the completion
    assert after("FREQ=WEEKLY", date(2026, 3, 2), date(2026, 3, 5), again=True) == date(2026, 3, 12)


def test_from_completion_uses_the_local_day() -> None:
    # 02:00 UTC on 6 March is still 5 March (21:00) in Montreal
    got = next_due("FREQ=DAILY", date(2026, 3, 1), utc(2026, 3, 6, 2), True, MTL)
    assert got == date(2026, 3, 6)


# ---------------------------------------------------------------- next_due: instants


def test_dst_keeps_local_wall_time() -> None:
    # 2026-03-07 09:00 EST is 14:00Z; DST starts 8 March: 09:00 EDT is 13:00Z
    got = next_due("FREQ=DAILY", utc(2026, 3, 7, 14), utc(2026, 3, 7, 16), False, MTL)
    assert got == utc(2026, 3, 8, 13)
    assert got.tzinfo is not None and got.utcoffset().total_seconds() == 0


def test_dst_end_keeps_local_wall_time() -> None:
    # 2026-10-31 09:00 EDT is 13:00Z; DST ends 1 November: 09:00 EST is 14:00Z
    got = next_due("FREQ=DAILY", utc(2026, 10, 31, 13), utc(2026, 10, 31, 13), False, MTL)
    assert got == utc(2026, 11, 1, 14)


def test_instant_completed_late_skips_missed() -> None:
    got = next_due("FREQ=DAILY", utc(2026, 3, 2, 14), utc(2026, 3, 4, 20), False, MTL)
    assert got == utc(2026, 3, 5, 14)


def test_instant_completed_before_the_time_of_day() -> None:
    # due 9 March 09:00 EDT, done 10 March 08:00 EDT: the 10 March 09:00 copy is next
    got = next_due("FREQ=DAILY", utc(2026, 3, 9, 13), utc(2026, 3, 10, 12), False, MTL)
    assert got == utc(2026, 3, 10, 13)


def test_instant_from_completion_keeps_the_time_of_day() -> None:
    # due Monday 2 March 09:00 EST, done Thursday 5 March 16:00 EST: next Thursday
    # 12 March at 09:00 local, which is EDT by then (13:00Z)
    got = next_due("FREQ=WEEKLY", utc(2026, 3, 2, 14), utc(2026, 3, 5, 21), True, MTL)
    assert got == utc(2026, 3, 12, 13)


def test_naive_instants_are_taken_as_utc() -> None:
    got = next_due("FREQ=DAILY", datetime(2026, 3, 2, 14), datetime(2026, 3, 2, 15), False, MTL)
    assert got == utc(2026, 3, 3, 14)


# ---------------------------------------------------------------- exhaustion


def test_count_one_ends_the_series() -> None:
    assert after("FREQ=DAILY;COUNT=1", date(2026, 3, 2)) is None


def test_count_counts_down_with_remaining_rule() -> None:
    rule, due, dues = "FREQ=DAILY;COUNT=3", date(2026, 3, 2), []
    while due is not None:
        dues.append(due)
        due, rule = after(rule, due), remaining_rule(rule)
    assert dues == [date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)]


def test_remaining_rule() -> None:
    assert remaining_rule("rrule:freq=daily;count=3") == "FREQ=DAILY;COUNT=2"
    assert remaining_rule("FREQ=DAILY") == "FREQ=DAILY"


def test_until_date_is_inclusive_then_ends() -> None:
    assert after("FREQ=DAILY;UNTIL=20260305", date(2026, 3, 4)) == date(2026, 3, 5)
    assert after("FREQ=DAILY;UNTIL=20260305", date(2026, 3, 5)) is None


def test_until_in_utc_with_instants() -> None:
    rule = "FREQ=DAILY;UNTIL=20260303T140000Z"
    got = next_due(rule, utc(2026, 3, 2, 14), utc(2026, 3, 2, 15), False, MTL)
    assert got == utc(2026, 3, 3, 14)
    assert next_due(rule, utc(2026, 3, 3, 14), utc(2026, 3, 3, 15), False, MTL) is None


def test_a_rule_that_never_happens_returns_none_quickly() -> None:
    start = time.process_time()  # CPU: a loaded machine stretches wall time, not work
    assert after("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", date(2026, 1, 1)) is None
    assert time.process_time() - start < 2


def test_next_due_rejects_garbage() -> None:
    with pytest.raises(InputError, match="not a valid RRULE"):
        after("every day", date(2026, 3, 2))
