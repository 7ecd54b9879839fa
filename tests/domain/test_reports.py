"""Reports: hours, rounding, money, retainers and DST days (the CSV: test_timesheet.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.time_cases import MTL, PARIS, T0, WEEK, client, entry, local, task
from vaworkspace.domain.models import Budget, TimeEntry
from vaworkspace.domain.time.billing import billed_minutes
from vaworkspace.domain.time.reports import (
    NO_CLIENT_NAME,
    budget_burn,
    budget_period,
    build_report,
    crossed_thresholds,
    report_json,
)
from vaworkspace.errors import InputError


def week_report(entries, clients, tasks=None, **kwargs):
    return build_report(entries, clients, tasks or {}, *WEEK, MTL, **kwargs)


def only_line(report):
    assert len(report.lines) == 1
    return report.lines[0]


# ---------------------------------------------------------------- rounding


@pytest.mark.parametrize(
    ("seconds", "block", "billed"),
    [
        (7 * 60, 6, 12),
        (6 * 60, 6, 6),
        (0, 6, 0),
        (6, 6, 6),
        (60, 15, 15),
        (15 * 60, 15, 15),
        (15 * 60 + 1, 15, 30),
        (44 * 60, 15, 45),
        (7 * 60, 0, 7),
        (7 * 60 + 30, 0, 8),
        (7 * 60 + 29, 0, 7),
        (7 * 60 + 30, 1, 8),
        (-180, 6, 0),
    ],
)
def test_billed_minutes(seconds, block, billed):
    assert billed_minutes(seconds, block) == billed


@pytest.mark.parametrize(
    ("block", "per", "billed"),
    [
        (6, "entry", 12 + 6 + 12),  # 7 → 12, 6 → 6, 8 → 12
        (6, "total", 24),  # 21 → 24
        (15, "entry", 45),
        (15, "total", 30),
        (0, "entry", 21),
        (0, "total", 21),
    ],
)
def test_rounding_per_entry_or_total(block, per, billed):
    acme = client(rounding_minutes=block, round_per=per, rate_cents=6000)
    entries = [entry(T0, 7), entry(T0 + timedelta(hours=1), 6), entry(T0 + timedelta(hours=2), 8)]
    line = only_line(week_report(entries, {"acme": acme}))
    assert line.billed_minutes == billed
    assert line.amount_cents == billed * 100  # 60.00 an hour is 1.00 a minute
    assert line.seconds == line.billable_seconds == 21 * 60


def test_exact_minutes_round_half_up_per_entry():
    acme = client(rounding_minutes=0)
    entries = [entry(T0, seconds=89), entry(T0 + timedelta(hours=1), seconds=90)]  # 1, 2
    assert only_line(week_report(entries, {"acme": acme})).billed_minutes == 3
    acme.round_per = "total"  # 179 s → 3 min
    assert only_line(week_report(entries, {"acme": acme})).billed_minutes == 3


@pytest.mark.parametrize(
    ("minutes", "rate", "cents"),
    [
        (60, 4500, 4500),
        (7, 2500, 292),  # 291.67
        (1, 90, 2),  # 1.5 rounds half up
        (1, 30, 1),  # 0.5 rounds half up
        (1, 29, 0),
        (90, 3333, 5000),  # 4999.5
    ],
)
def test_amount_in_cents_rounds_half_up(minutes, rate, cents):
    acme = client(rate_cents=rate, rounding_minutes=0)
    line = only_line(week_report([entry(T0, minutes)], {"acme": acme}))
    assert line.amount_cents == cents
    assert isinstance(line.amount_cents, int)


def test_non_billable_counts_time_but_not_money():
    acme = client(rounding_minutes=15)
    entries = [entry(T0, 45), entry(T0 + timedelta(hours=1), 15, billable=False)]
    line = only_line(week_report(entries, {"acme": acme}))
    assert (line.seconds, line.billable_seconds) == (3600, 45 * 60)
    assert line.billed_minutes == 45
    assert line.amount_cents == 4500
    assert line.non_billable_share == pytest.approx(0.25)


def test_lines_tasks_days_and_totals():
    clients = {
        "zed": client("zed", name="Zed & Co", currency="EUR", rate_cents=3000),
        "acme": client("acme", name="acme"),
        "bee": client("bee", name="Bee", currency="CAD"),
    }
    tasks = {1: task(1, "Inbox zero"), 2: task(2, "Book flights")}
    entries = [
        entry(T0, 30, client="zed"),
        entry(T0, 20, client="acme", task=1),
        entry(T0 + timedelta(days=1), 40, client="acme", task=2),
        entry(T0 + timedelta(days=1, hours=2), 10, client="acme", task=1, billable=False),
        entry(T0 + timedelta(hours=3), 5, client="acme"),
        entry(T0, 15, client=None),
        entry(T0, 10, client="gone", task=99),  # deleted client and task
        entry(WEEK[1], 60, client="acme"),  # next week: excluded
        entry(WEEK[0] - timedelta(seconds=1), 60, client="acme"),  # before: excluded
    ]
    report = week_report(entries, clients, tasks)
    assert [line.name for line in report.lines] == ["acme", "gone", "Zed & Co", NO_CLIENT_NAME]
    acme = report.lines[0]
    assert [(t.task, t.title, t.seconds) for t in acme.tasks] == [
        (2, "Book flights", 2400),
        (1, "Inbox zero", 1800),
        (None, "(no task)", 300),
    ]
    assert acme.tasks[1].billable_seconds == 1200
    assert acme.days == {date(2026, 12, 1): 1500, date(2026, 12, 2): 3000}
    gone, zed, none = report.lines[1:]
    assert (gone.client, gone.amount_cents, gone.tasks[0].title) == ("gone", 0, "#99")
    assert none.client is None and none.currency == "CAD"  # two CAD clients, one EUR
    assert report.total_seconds == 75 * 60 + 30 * 60 + 15 * 60 + 10 * 60
    assert report.totals_by_currency == {"CAD": 6500, "EUR": 1500}
    assert report.lines[2] is zed


def test_no_client_currency_defaults_to_eur():
    report = week_report([entry(T0, 15, client=None)], {})
    assert (only_line(report).currency, only_line(report).amount_cents) == ("EUR", 0)


def test_report_must_end_after_it_starts():
    with pytest.raises(InputError, match="end after"):
        build_report([], {}, {}, WEEK[1], WEEK[0], MTL)


def test_report_json_shape():
    acme = client(budget=Budget(600, "week"), rounding_minutes=15)
    entries = [entry(T0, 50, task=1), entry(T0 + timedelta(hours=2), 10, billable=False)]
    data = report_json(week_report(entries, {"acme": acme}, {1: task(1, "Payroll")}, now=T0))
    assert data == [
        {
            "client": "acme",
            "name": "Acme",
            "hours": 1.0,
            "billable_hours": 0.83,
            "billed_hours": 1.0,
            "amount_cents": 6000,
            "currency": "CAD",
            "budget_hours": 10.0,
            "budget_used_hours": 1.0,
            "budget_remaining_hours": 9.0,
            "non_billable_share": 0.167,
            "tasks": [
                {"task": 1, "title": "Payroll", "hours": 0.83, "billable_hours": 0.83},
                {"task": None, "title": "(no task)", "hours": 0.17, "billable_hours": 0.0},
            ],
            "kinds": [
                {
                    "kind": None,
                    "hours": 1.0,
                    "billed_hours": 1.0,
                    "rate_cents": 6000,
                    "amount_cents": 6000,
                }
            ],
        }
    ]


# ---------------------------------------------------------------- budgets

NOW = local(MTL, 2026, 12, 2, 12, 0)  # Wednesday


def test_budget_week_uses_local_monday_to_sunday():
    acme = client(budget=Budget(600, "week"), rounding_minutes=0)
    entries = [
        entry(local(MTL, 2026, 11, 29, 23, 30), 60),  # Sunday before (Monday in UTC)
        entry(local(MTL, 2026, 11, 30, 0, 0), 60),  # Monday 00:00
        entry(local(MTL, 2026, 12, 6, 23, 59), 60),  # Sunday 23:59
        entry(local(MTL, 2026, 12, 7, 0, 0), 60),  # next Monday
        entry(local(MTL, 2026, 12, 1, 10, 0), 60, billable=False),  # free time
        entry(local(MTL, 2026, 12, 1, 11, 0), 60, client="other"),
    ]
    assert budget_burn(acme, entries, NOW, MTL) == (120, 600)


def test_budget_month_uses_local_calendar_month():
    acme = client(budget=Budget(40 * 60, "month"), rounding_minutes=15)
    entries = [
        entry(local(MTL, 2026, 11, 30, 23, 30), 60),  # Dec 1 in UTC, November locally
        entry(local(MTL, 2026, 12, 1, 0, 0), 10),  # → 15
        entry(local(MTL, 2026, 12, 31, 23, 30), 20),  # → 30
        entry(local(MTL, 2027, 1, 1, 0, 0), 60),
    ]
    assert budget_burn(acme, entries, NOW, MTL) == (45, 2400)
    acme.round_per = "total"  # 30 min once
    assert budget_burn(acme, entries, NOW, MTL) == (30, 2400)


def test_budget_burn_without_budget_is_none():
    assert budget_burn(client(), [entry(T0, 60, client="acme")], NOW, MTL) is None


def test_budget_period_bounds_across_dst():
    first, last = budget_period("week", local(MTL, 2026, 3, 10, 12), MTL)
    assert (first, last) == (local(MTL, 2026, 3, 9, 0), local(MTL, 2026, 3, 16, 0))
    first, last = budget_period("week", local(MTL, 2026, 3, 8, 12), MTL)  # DST Sunday
    assert last - first == timedelta(days=7, hours=-1)
    with pytest.raises(InputError):
        budget_period("year", NOW, MTL)


def test_report_budget_reaches_outside_the_report_and_may_go_negative():
    acme = client(budget=Budget(120, "month"), rounding_minutes=0)
    earlier = [entry(local(MTL, 2026, 12, 1 + i, 9), 60, client="acme") for i in range(2)]
    this_week = [entry(local(MTL, 2026, 12, 8, 9), 30, client="acme")]
    december = earlier + this_week
    start, end = local(MTL, 2026, 12, 7), local(MTL, 2026, 12, 14)
    report = build_report(this_week, {"acme": acme}, {}, start, end, MTL, december, NOW)
    line = only_line(report)
    assert (line.seconds, line.budget_minutes, line.budget_used_minutes) == (1800, 120, 150)
    assert line.budget_remaining_minutes == -30
    assert line.budget_period == "month"
    # Without budget_entries, only the report's entries count; without now, its start.
    line = only_line(build_report(this_week, {"acme": acme}, {}, start, end, MTL))
    assert line.budget_used_minutes == 30


WEEK_BEFORE = (local(MTL, 2026, 11, 23), local(MTL, 2026, 11, 30))


def test_report_budget_period_is_the_report_s_not_now_s():
    """A past week's report shows that week's retainer (issue #9); a report that
    holds `now` shows the retainer as used now."""
    acme = client(budget=Budget(600, "week"))
    last_week = [entry(local(MTL, 2026, 11, 24, 9), 60, client="acme")]
    this_week = [entry(local(MTL, 2026, 12, 1, 9), 30, client="acme")]
    every = last_week + this_week
    report = build_report(last_week, {"acme": acme}, {}, *WEEK_BEFORE, MTL, every, NOW)
    assert only_line(report).budget_used_minutes == 60
    week = local(MTL, 2026, 11, 30), local(MTL, 2026, 12, 7)
    report = build_report(this_week, {"acme": acme}, {}, *week, MTL, every, NOW)
    assert only_line(report).budget_used_minutes == 30
    november = local(MTL, 2026, 11, 1), local(MTL, 2026, 12, 1)
    report = build_report(last_week, {"acme": acme}, {}, *november, MTL, every, NOW)
    assert only_line(report).budget_used_minutes == 30  # its last week: 30 Nov - 6 Dec


@pytest.mark.parametrize(
    ("before", "after", "budget", "crossed"),
    [
        (0, 479, 600, []),
        (0, 480, 600, [80]),
        (479, 480, 600, [80]),
        (480, 500, 600, []),
        (500, 600, 600, [100]),
        (0, 900, 600, [80, 100]),
        (600, 700, 600, []),
        (700, 100, 600, []),  # going down notifies nothing
        (0, 10, 0, []),
        (0, 8, 10, [80]),
        (7, 9, 9, [80, 100]),  # 80 % of 9 is 7.2
    ],
)
def test_crossed_thresholds(before, after, budget, crossed):
    assert crossed_thresholds(before, after, budget) == crossed


# ---------------------------------------------------------------- DST


def test_spring_forward_counts_real_time_on_the_local_day():
    acme = client(rounding_minutes=0)
    start = local(MTL, 2026, 3, 8, 1, 30)
    stop = local(MTL, 2026, 3, 8, 3, 30)
    evening = local(MTL, 2026, 3, 7, 23, 30)  # March 8 in UTC
    entries = [TimeEntry(1, start, stop, "acme"), entry(evening, 60, client="acme")]
    report = build_report(
        entries, {"acme": acme}, {}, local(MTL, 2026, 3, 2), local(MTL, 2026, 3, 9), MTL
    )
    line = only_line(report)
    assert line.days == {date(2026, 3, 7): 3600, date(2026, 3, 8): 3600}
    assert line.billed_minutes == 120


def test_fall_back_counts_the_repeated_hour():
    acme = client(rounding_minutes=0)
    first = local(PARIS, 2026, 10, 25, 2, 30, fold=0)
    second = local(PARIS, 2026, 10, 25, 2, 30, fold=1)
    assert second - first == timedelta(hours=1)
    day_start, day_end = local(PARIS, 2026, 10, 25), local(PARIS, 2026, 10, 26)
    hourly = [entry(day_start + timedelta(hours=h), 60, client="acme") for h in range(25)]
    report = build_report(hourly, {"acme": acme}, {}, day_start, day_end, PARIS)
    assert only_line(report).days == {date(2026, 10, 25): 25 * 3600}  # a 25-hour day
    report = build_report(
        [TimeEntry(1, first, second, "acme")], {"acme": acme}, {}, day_start, day_end, PARIS
    )
    line = only_line(report)
    assert (line.seconds, line.days) == (3600, {date(2026, 10, 25): 3600})


# ---------------------------------------------------------------- properties

CLIENTS = {
    "a": client("a", rounding_minutes=6, budget=Budget(600, "week")),
    "b": client("b", rounding_minutes=15, round_per="total", currency="EUR", rate_cents=3500),
    "c": client("c", rounding_minutes=0, budget=Budget(2400, "month"), rate_cents=1999),
}
SPAN = (local(PARIS, 2026, 10, 19), local(PARIS, 2026, 11, 2))  # includes fall back

random_entries = st.lists(
    st.builds(
        lambda offset, length, cid, tid, billable: entry(
            SPAN[0] + timedelta(seconds=offset),
            seconds=length,
            client=cid,
            task=tid,
            billable=billable,
        ),
        st.integers(-86_400, 16 * 86_400),
        st.integers(0, 8 * 3600),
        st.sampled_from([None, "a", "b", "c", "gone"]),
        st.sampled_from([None, 1, 2, 3]),
        st.booleans(),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(random_entries)
def test_report_totals_equal_the_sum_of_durations(entries):
    tasks = {1: task(1, "One"), 2: task(2, "Two")}
    report = build_report(entries, CLIENTS, tasks, *SPAN, PARIS, entries, SPAN[0])
    inside = [e for e in entries if SPAN[0] <= e.start < SPAN[1]]
    assert report.total_seconds == sum(e.seconds for e in inside)
    assert sum(line.seconds for line in report.lines) == report.total_seconds
    assert len(report.lines) == len({e.client for e in inside})
    money: dict[str, int] = {}
    for line in report.lines:
        assert sum(line.days.values()) == line.seconds
        assert sum(t.seconds for t in line.tasks) == line.seconds
        assert sum(t.billable_seconds for t in line.tasks) == line.billable_seconds
        assert 0 <= line.billable_seconds <= line.seconds
        assert 0.0 <= line.non_billable_share <= 1.0
        assert all(
            SPAN[0].astimezone(PARIS).date() <= d < SPAN[1].astimezone(PARIS).date()
            for d in line.days
        )
        if line.client in ("a", "b"):  # rounding up never bills less than the time
            assert line.billed_minutes * 60 >= line.billable_seconds
        money[line.currency] = money.get(line.currency, 0) + line.amount_cents
        if line.budget_minutes is not None:
            burn = budget_burn(CLIENTS[line.client], entries, SPAN[0], PARIS)
            assert (line.budget_used_minutes, line.budget_minutes) == burn
    assert report.totals_by_currency == money
    assert all(line.client is not None for line in report.lines[:-1])  # no client last
