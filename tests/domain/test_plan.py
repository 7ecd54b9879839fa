"""The day planner (`domain/calendar/plan.py`): examples, then its guarantees as properties."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from vaworkspace.domain.calendar.plan import (
    Day,
    PlanBlock,
    PlanRules,
    PlanTask,
    plan_day,
    plan_days,
)

UTC = timezone.utc
OPEN = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # a Monday
CLOSE = OPEN + timedelta(hours=8)
PLAIN = PlanRules(cap_minutes=24 * 60, buffer_minutes=0, break_minutes=0, cycle_minutes=10**6)


def at(hour: int, minute: int = 0) -> datetime:
    return OPEN.replace(hour=hour, minute=minute)


def spans(blocks: list[PlanBlock]) -> list[tuple[int, str, str]]:
    return [(b.task, f"{b.start:%H:%M}", f"{b.end:%H:%M}") for b in blocks]


def test_rank_order_fills_the_earliest_time_around_an_event() -> None:
    day = Day((OPEN, CLOSE), events=[(at(10), at(11))])
    tasks = [PlanTask(1, "acme", 60), PlanTask(2, None, 30)]
    plan, left = plan_day(day, tasks, PLAIN, UTC)
    assert spans(plan.blocks) == [(1, "09:00", "10:00"), (2, "11:00", "11:30")]
    assert left == {1: 0, 2: 0}


def test_a_task_due_today_goes_first_when_it_would_miss_otherwise() -> None:
    day = Day((OPEN, CLOSE))
    tasks = [PlanTask(1, None, 120), PlanTask(2, None, 60, due=at(10))]
    plan, _ = plan_day(day, tasks, PLAIN, UTC)
    assert spans(plan.blocks) == [(2, "09:00", "10:00"), (1, "10:00", "12:00")]
    assert plan.at_risk == []


def test_urgency_goes_first_when_the_deadline_still_holds() -> None:
    day = Day((OPEN, CLOSE))
    tasks = [PlanTask(1, None, 60), PlanTask(2, None, 60, due=at(15)), PlanTask(3, None, 30)]
    plan, _ = plan_day(day, tasks, PLAIN, UTC)
    assert spans(plan.blocks) == [
        (1, "09:00", "10:00"),
        (2, "10:00", "11:00"),
        (3, "11:00", "11:30"),
    ]


def test_a_deadline_that_cannot_be_met_is_at_risk_with_the_reason() -> None:
    day = Day((OPEN, CLOSE), events=[(at(10, 15), at(15))])
    tasks = [PlanTask(7, None, 120, due=at(15))]
    plan, _ = plan_day(day, tasks, PLAIN, UTC)
    assert [(r.task, r.reason) for r in plan.at_risk] == [(7, "needs 2h00, 1h15 free before 15:00")]
    assert spans(plan.blocks) == [(7, "09:00", "10:15"), (7, "15:00", "15:45")]


def test_buffer_breaks_and_the_cycle() -> None:
    rules = PlanRules(cap_minutes=600, buffer_minutes=10, break_minutes=5, cycle_minutes=100)
    day = Day((OPEN, CLOSE), events=[(at(13), at(14))])
    plan, _ = plan_day(day, [PlanTask(1, None, 150), PlanTask(2, None, 25)], rules, UTC)
    # 100 minutes (a cycle), a 15-minute long break, the 50 left; then task 2
    # after a 5-minute break; the meeting keeps 10 minutes clear on each side.
    assert spans(plan.blocks) == [
        (1, "09:00", "10:40"),
        (1, "10:55", "11:45"),
        (2, "11:50", "12:15"),
    ]


def test_hand_placed_blocks_stay_and_count_toward_the_cap() -> None:
    rules = PlanRules(cap_minutes=120, buffer_minutes=0, break_minutes=0, cycle_minutes=600)
    day = Day((OPEN, CLOSE), fixed=[(at(9), at(10))])
    plan, left = plan_day(day, [PlanTask(1, None, 180)], rules, UTC)
    assert spans(plan.blocks) == [(1, "10:00", "11:00")]
    assert left == {1: 120}


def test_a_split_never_leaves_a_piece_under_the_minimum() -> None:
    day = Day((OPEN, at(10, 30)), events=[(at(9, 40), at(10))])
    plan, left = plan_day(day, [PlanTask(1, None, 60)], PLAIN, UTC)
    # 40 + 20 would leave a 20-minute piece: 35 then 25 instead.
    assert spans(plan.blocks) == [(1, "09:00", "09:35"), (1, "10:00", "10:25")]
    assert left == {1: 0}


def test_client_hours_bound_the_clients_blocks() -> None:
    day = Day((OPEN, CLOSE), client_windows={"paris": (at(14), at(16))})
    plan, _ = plan_day(day, [PlanTask(1, "paris", 60), PlanTask(2, "acme", 60)], PLAIN, UTC)
    assert spans(plan.blocks) == [(2, "09:00", "10:00"), (1, "14:00", "15:00")]


def test_a_used_up_retainer_plans_only_what_is_due_today() -> None:
    day = Day((OPEN, CLOSE), ends=OPEN + timedelta(hours=15))
    tasks = [PlanTask(1, "acme", 60), PlanTask(2, "acme", 30, due=at(23)), PlanTask(3, "bob", 30)]
    plan, left = plan_day(day, tasks, PLAIN, UTC, {"acme": 0})
    assert sorted(b.task for b in plan.blocks) == [2, 3]
    assert left[1] == 60


def test_overdue_is_at_risk_and_still_planned() -> None:
    day = Day((OPEN, CLOSE), not_before=at(11))
    plan, _ = plan_day(day, [PlanTask(1, None, 30, due=at(10))], PLAIN, UTC)
    assert [r.reason for r in plan.at_risk] == ["overdue since 10:00"]
    assert spans(plan.blocks) == [(1, "11:00", "11:30")]


def test_a_day_planned_ahead_finds_overdue_what_fell_due_before_it() -> None:
    """Planning tomorrow on a Sunday night: a task due Sunday 17:00 is overdue
    there, not "due that day with no free time before 17:00"."""
    day = Day((OPEN, CLOSE))
    yesterday = OPEN - timedelta(hours=16)
    plan, _ = plan_day(day, [PlanTask(1, None, 30, due=yesterday)], PLAIN, UTC)
    assert [r.reason for r in plan.at_risk] == ["overdue since Sun 06 Dec 17:00"]
    assert spans(plan.blocks) == [(1, "09:00", "09:30")]


def test_several_days_carry_what_a_day_could_not_hold() -> None:
    days = [Day((OPEN, CLOSE)), Day((OPEN + timedelta(days=1), CLOSE + timedelta(days=1)))]
    rules = PlanRules(cap_minutes=240, buffer_minutes=0, break_minutes=0, cycle_minutes=600)
    plan = plan_days(days, [PlanTask(1, None, 300)], rules, UTC)
    assert [b.minutes for b in plan.blocks] == [240, 60]
    assert plan.blocks[1].start == OPEN + timedelta(days=1)


# -- properties --------------------------------------------------------------------

QUANTUM = 25  # the generated days sit on a 25-minute grid, so EDF is exact


@st.composite
def days_and_tasks(draw: st.DrawFn, grid: bool) -> tuple[Day, list[PlanTask], PlanRules]:
    slots = draw(st.integers(2, 24))
    step = QUANTUM if grid else 5
    unit = timedelta(minutes=step)
    length = slots * (QUANTUM // step) if grid else slots * 5
    window = (OPEN, OPEN + unit * length)
    events = []
    for _ in range(draw(st.integers(0, 4))):
        first = draw(st.integers(0, length - 1))
        events.append((OPEN + unit * first, OPEN + unit * (first + draw(st.integers(1, 6)))))
    tasks = []
    clients = ["a", "b", "c"]
    for number in range(draw(st.integers(0, 8))):
        minutes = draw(st.integers(1, 6)) * QUANTUM if grid else draw(st.integers(1, 200))
        due = draw(st.none() | st.integers(1, length).map(lambda n: OPEN + unit * n))
        client = None if grid else draw(st.sampled_from([None, *clients]))
        tasks.append(PlanTask(number + 1, client, minutes, due))
    windows = {}
    if not grid:
        for client in clients:
            if draw(st.booleans()):
                lo = draw(st.integers(0, length - 1))
                hi = draw(st.integers(lo + 1, length))
                windows[client] = (OPEN + unit * lo, OPEN + unit * hi)
    if grid:
        rules = PLAIN
    else:
        rules = PlanRules(
            cap_minutes=draw(st.integers(0, 600)),
            buffer_minutes=draw(st.sampled_from([0, 5, 10, 15])),
            break_minutes=draw(st.sampled_from([0, 5])),
            long_break_minutes=15,
            cycle_minutes=draw(st.sampled_from([50, 100, 10**6])),
        )
    fixed = [] if grid else _free_fixed(draw, window, events)
    not_before = None if grid else draw(st.none() | st.just(OPEN + unit * (length // 3)))
    return Day(window, events, fixed, windows, not_before), tasks, rules


def _free_fixed(draw: st.DrawFn, window, events) -> list[tuple[datetime, datetime]]:  # type: ignore[no-untyped-def]
    start = draw(st.integers(0, 60)) * 5
    first = window[0] + timedelta(minutes=start)
    block = (first, first + timedelta(minutes=30))
    clash = any(s < block[1] and e > block[0] for s, e in events)
    return [] if clash or block[1] > window[1] else [block]


@settings(max_examples=300, deadline=None)
@given(days_and_tasks(grid=False))
def test_blocks_respect_every_bound(case: tuple[Day, list[PlanTask], PlanRules]) -> None:
    day, tasks, rules = case
    plan, left = plan_day(day, tasks, rules, UTC, {"b": 60})
    assert day.window is not None
    pad = timedelta(minutes=rules.buffer_minutes)
    blocks = sorted(plan.blocks, key=lambda b: b.start)
    for block in blocks:
        assert day.window[0] <= block.start < block.end <= day.window[1]
        assert day.not_before is None or block.start >= day.not_before
        for start, end in day.events:
            assert block.end <= start - pad or block.start >= end + pad
        for start, end in day.fixed:
            assert block.end <= start or block.start >= end
        bounds = day.client_windows.get(block.client or "")
        assert bounds is None or (bounds[0] <= block.start and block.end <= bounds[1])
        assert block.minutes <= rules.cycle_minutes
    for before, after in itertools.pairwise(blocks):
        assert after.start >= before.end + timedelta(minutes=rules.break_minutes)
    fixed = sum(int((e - s).total_seconds()) // 60 for s, e in day.fixed)
    assert sum(b.minutes for b in blocks) <= max(0, rules.cap_minutes - fixed)
    for task in tasks:
        mine = [b.minutes for b in blocks if b.task == task.id]
        assert sum(mine) + left[task.id] == task.minutes
        if len(mine) > 1 or left[task.id]:
            assert all(m >= min(rules.min_block, task.minutes) for m in mine)
    used_b = sum(b.minutes for b in blocks if b.client == "b")
    due_b = any(t.client == "b" and t.due is not None for t in tasks)
    assert due_b or used_b <= 60


def edf_feasible(day: Day, tasks: list[PlanTask]) -> bool:
    """Earliest deadline first on the free grid: whether every deadline can be met."""
    assert day.window is not None
    free = []
    moment = day.window[0]
    while moment < day.window[1]:
        end = moment + timedelta(minutes=QUANTUM)
        if not any(s < end and e > moment for s, e in day.events):
            free.append(end)
        moment = end
    dated = sorted((t for t in tasks if t.due is not None), key=lambda t: t.due)  # type: ignore[arg-type, return-value]
    used = 0
    for task in dated:
        used += task.minutes // QUANTUM
        if used > len(free) or free[used - 1] > task.due:  # type: ignore[operator]
            return False
    return True


@settings(max_examples=300, deadline=None)
@given(days_and_tasks(grid=True))
def test_every_deadline_a_feasible_plan_could_meet_is_met(
    case: tuple[Day, list[PlanTask], PlanRules],
) -> None:
    day, tasks, rules = case
    plan, _ = plan_day(day, tasks, rules, UTC)
    if edf_feasible(day, tasks):
        assert plan.at_risk == []
        for task in tasks:
            if task.due is not None:
                mine = [b for b in plan.blocks if b.task == task.id]
                assert sum(b.minutes for b in mine if b.end <= task.due) == task.minutes
    else:
        assert plan.at_risk


def test_time_already_logged_counts_toward_the_cap() -> None:
    rules = PlanRules(cap_minutes=120, buffer_minutes=0, break_minutes=0, cycle_minutes=600)
    day = Day((OPEN, CLOSE), worked_minutes=90)
    plan, left = plan_day(day, [PlanTask(1, None, 60)], rules, UTC)
    assert spans(plan.blocks) == [(1, "09:00", "09:30")]
    assert left == {1: 30}


def test_a_date_without_a_time_is_due_by_the_end_of_the_day() -> None:
    midnight = OPEN.replace(hour=0) + timedelta(days=1)
    day = Day((OPEN, at(10)), ends=midnight)
    plan, _ = plan_day(day, [PlanTask(4, None, 90, due=midnight)], PLAIN, UTC)
    assert [r.reason for r in plan.at_risk] == ["needs 1h30, 1h00 free by the end of the day"]


def test_a_clients_window_is_their_own_date_that_meets_the_work_day() -> None:
    from datetime import date, time
    from zoneinfo import ZoneInfo

    from vaworkspace.domain.calendar.plan import client_window
    from vaworkspace.domain.time.worktime import WorkHours

    montreal_day = (
        datetime(2026, 12, 7, 14, 0, tzinfo=UTC),  # 09:00–17:00 in Montreal
        datetime(2026, 12, 7, 22, 0, tzinfo=UTC),
    )
    paris = client_window(
        date(2026, 12, 7), WorkHours(time(9), time(17)), ZoneInfo("Europe/Paris"), montreal_day
    )
    assert paris == (
        datetime(2026, 12, 7, 8, 0, tzinfo=UTC),
        datetime(2026, 12, 7, 16, 0, tzinfo=UTC),
    )
    # Auckland's Tuesday 09:00 is Monday 15:00 in Montreal: their Tuesday it is.
    auckland = client_window(
        date(2026, 12, 7), WorkHours(time(9), time(17)), ZoneInfo("Pacific/Auckland"), montreal_day
    )
    assert auckland == (
        datetime(2026, 12, 7, 20, 0, tzinfo=UTC),
        datetime(2026, 12, 8, 4, 0, tzinfo=UTC),
    )
    early = client_window(
        date(2026, 12, 7), WorkHours(time(6), time(8)), ZoneInfo("Europe/Paris"), montreal_day
    )
    assert early is None
