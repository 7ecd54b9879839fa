"""The agenda's rules: free slots in the work hours, clashes, which day an item is on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from vaworkspace.domain.calendar.agenda import (
    AgendaItem,
    block_minutes,
    busy_times,
    conflicts,
    falls_on,
    fitting,
    free_slots,
    overlapping,
    plan_day,
    work_window,
)
from vaworkspace.domain.models import Task
from vaworkspace.domain.time.worktime import WorkHours

MTL = ZoneInfo("America/Montreal")
UTC = timezone.utc
WORK = WorkHours()  # 09:00-17:00, Monday to Friday
EVERY_DAY = frozenset(range(7))
TUESDAY = date(2026, 12, 1)


def local(day: date, hhmm: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(hhmm), MTL).astimezone(UTC)


def event(start, end, uid: str = "e", kind: str = "event", title: str = "x") -> AgendaItem:
    return AgendaItem(kind, title, start, end, uid)


def hours(slots) -> list[str]:
    return [f"{a.astimezone(MTL):%H:%M}-{b.astimezone(MTL):%H:%M}" for a, b in slots]


# -- free slots ---------------------------------------------------------------------


def test_an_empty_working_day_is_one_slot_of_work_hours() -> None:
    slots = free_slots(TUESDAY, [], WORK, MTL)
    assert slots == [(local(TUESDAY, "09:00"), local(TUESDAY, "17:00"))]
    assert all(s.tzinfo is UTC for pair in slots for s in pair)


def test_a_day_off_has_no_free_slot() -> None:
    saturday = date(2026, 12, 5)
    assert free_slots(saturday, [], WORK, MTL) == []
    assert work_window(saturday, WORK, MTL) is None
    assert plan_day(saturday, [], WORK, MTL).working is False


def test_spring_forward_day_counts_real_hours() -> None:
    """2026-03-08 in Montreal: 02:00 EST jumps to 03:00 EDT."""
    dst = date(2026, 3, 8)
    night = WorkHours(time(1, 0), time(5, 0), EVERY_DAY)
    [(start, end)] = free_slots(dst, [], night, MTL)
    assert start == datetime(2026, 3, 8, 6, 0, tzinfo=UTC)  # 01:00 EST
    assert end == datetime(2026, 3, 8, 9, 0, tzinfo=UTC)  # 05:00 EDT
    assert end - start == timedelta(hours=3)
    # A meeting 01:30 EST - 03:30 EDT (one real hour) leaves 03:30-05:00.
    busy = [(datetime(2026, 3, 8, 6, 30, tzinfo=UTC), datetime(2026, 3, 8, 7, 30, tzinfo=UTC))]
    assert hours(free_slots(dst, busy, night, MTL)) == ["01:00-01:30", "03:30-05:00"]


def test_work_hours_stay_wall_clock_hours_across_the_change() -> None:
    days = WorkHours(time(9, 0), time(17, 0), EVERY_DAY)
    before = free_slots(date(2026, 3, 7), [], days, MTL)[0][0]
    after = free_slots(date(2026, 3, 8), [], days, MTL)[0][0]
    assert before.hour == 14 and after.hour == 13  # 09:00 EST, then 09:00 EDT
    assert hours([free_slots(date(2026, 11, 1), [], days, MTL)[0]]) == ["09:00-17:00"]


def test_events_partly_outside_work_hours_only_cut_what_is_inside() -> None:
    busy = [
        (local(TUESDAY, "07:00"), local(TUESDAY, "08:00")),  # before: no effect
        (local(TUESDAY, "08:00"), local(TUESDAY, "09:30")),
        (local(TUESDAY, "12:00"), local(TUESDAY, "13:00")),
        (local(TUESDAY, "12:30"), local(TUESDAY, "13:15")),  # overlapping busy: merged
        (local(TUESDAY, "16:30"), local(TUESDAY, "19:00")),
        (local(TUESDAY, "20:00"), local(TUESDAY, "21:00")),  # after: no effect
    ]
    assert hours(free_slots(TUESDAY, busy, WORK, MTL)) == ["09:30-12:00", "13:15-16:30"]


def test_an_event_covering_the_whole_day_leaves_nothing() -> None:
    busy = [(local(TUESDAY, "00:00"), local(TUESDAY, "23:00"))]
    assert free_slots(TUESDAY, busy, WORK, MTL) == []


def test_all_day_events_do_not_block() -> None:
    offsite = event(TUESDAY, TUESDAY + timedelta(days=1), uid="offsite")
    call = event(local(TUESDAY, "10:00"), local(TUESDAY, "11:00"), uid="call")
    assert busy_times([offsite, call])[0] == (TUESDAY, TUESDAY + timedelta(days=1))
    assert hours(free_slots(TUESDAY, busy_times([offsite, call]), WORK, MTL)) == [
        "09:00-10:00",
        "11:00-17:00",
    ]
    plan = plan_day(TUESDAY, [offsite, call], WORK, MTL)
    assert plan.all_day == [offsite] and plan.timed == [call]
    assert hours(plan.free) == ["09:00-10:00", "11:00-17:00"]
    assert plan.free_minutes == 60 + 360


def test_short_gaps_are_dropped() -> None:
    busy = [
        (local(TUESDAY, "09:10"), local(TUESDAY, "10:00")),  # 10 min gap before
        (local(TUESDAY, "10:15"), local(TUESDAY, "17:00")),  # 15 min gap: kept
    ]
    assert hours(free_slots(TUESDAY, busy, WORK, MTL)) == ["10:00-10:15"]
    assert free_slots(TUESDAY, busy, WORK, MTL, min_minutes=20) == []
    assert hours(free_slots(TUESDAY, busy, WORK, MTL, min_minutes=5)) == [
        "09:00-09:10",
        "10:00-10:15",
    ]


def test_not_before_hides_the_past_and_rounds_to_the_quarter() -> None:
    now = local(TUESDAY, "14:07")
    assert hours(free_slots(TUESDAY, [], WORK, MTL, not_before=now)) == ["14:15-17:00"]
    assert hours(free_slots(TUESDAY, [], WORK, MTL, not_before=local(TUESDAY, "14:00"))) == [
        "14:00-17:00"
    ]
    assert free_slots(TUESDAY, [], WORK, MTL, not_before=local(TUESDAY, "16:50")) == []
    yesterday = TUESDAY - timedelta(days=1)
    assert free_slots(yesterday, [], WORK, MTL, not_before=now) == []
    assert hours(free_slots(TUESDAY, [], WORK, MTL, not_before=local(yesterday, "10:00"))) == [
        "09:00-17:00"
    ]


# -- conflicts ------------------------------------------------------------------------


def test_overlapping_events_and_blocks_conflict() -> None:
    items = [
        event(local(TUESDAY, "09:00"), local(TUESDAY, "10:00"), "a"),
        event(local(TUESDAY, "09:30"), local(TUESDAY, "10:30"), "b"),
        event(local(TUESDAY, "10:30"), local(TUESDAY, "11:00"), "c"),  # touches b
        event(local(TUESDAY, "13:00"), local(TUESDAY, "15:00"), "d"),
        event(local(TUESDAY, "14:00"), local(TUESDAY, "14:30"), "blk", kind="block"),
        event(local(TUESDAY, "16:00"), local(TUESDAY, "16:30"), "e"),
    ]
    assert conflicts(items) == {"a", "b", "d", "blk"}


def test_a_long_event_conflicts_with_everything_inside_it() -> None:
    items = [
        event(local(TUESDAY, "09:00"), local(TUESDAY, "17:00"), "long"),
        event(local(TUESDAY, "10:00"), local(TUESDAY, "10:30"), "x"),
        event(local(TUESDAY, "15:00"), local(TUESDAY, "15:30"), "y"),
    ]
    assert conflicts(items) == {"long", "x", "y"}


def test_all_day_events_tasks_and_touching_ends_do_not_conflict() -> None:
    items = [
        event(TUESDAY, TUESDAY + timedelta(days=1), "allday"),
        event(local(TUESDAY, "09:00"), local(TUESDAY, "10:00"), "a"),
        event(local(TUESDAY, "10:00"), local(TUESDAY, "11:00"), "b"),
        replace(event(local(TUESDAY, "09:30"), local(TUESDAY, "09:30"), "t"), kind="task"),
    ]
    assert conflicts(items) == set()
    assert conflicts([]) == set()


def test_overlapping_lists_what_a_new_block_would_hit() -> None:
    items = [
        event(local(TUESDAY, "09:00"), local(TUESDAY, "10:00"), "a"),
        event(TUESDAY, TUESDAY + timedelta(days=1), "allday"),
        event(local(TUESDAY, "11:00"), local(TUESDAY, "12:00"), "b"),
    ]
    hits = overlapping(items, local(TUESDAY, "10:00"), local(TUESDAY, "11:30"))
    assert [i.uid for i in hits] == ["b"]
    assert overlapping(items, local(TUESDAY, "10:00"), local(TUESDAY, "11:00")) == []


# -- which day --------------------------------------------------------------------------


def test_items_fall_on_their_local_days() -> None:
    wednesday = TUESDAY + timedelta(days=1)
    late = event(local(TUESDAY, "22:00"), local(wednesday, "01:00"))  # across midnight
    assert falls_on(late, TUESDAY, MTL) and falls_on(late, wednesday, MTL)
    two_days = event(TUESDAY, TUESDAY + timedelta(days=2))
    assert falls_on(two_days, wednesday, MTL)
    assert not falls_on(two_days, TUESDAY + timedelta(days=2), MTL)  # end exclusive
    due_evening = replace(event(local(TUESDAY, "22:00"), local(TUESDAY, "22:00")), kind="task")
    assert falls_on(due_evening, TUESDAY, MTL)  # 03:00 UTC on Wednesday
    assert not falls_on(due_evening, wednesday, MTL)
    due_day = replace(event(wednesday, wednesday), kind="task")
    assert falls_on(due_day, wednesday, MTL) and not falls_on(due_day, TUESDAY, MTL)
    ending_at_midnight = event(local(TUESDAY, "23:00"), local(wednesday, "00:00"))
    assert not falls_on(ending_at_midnight, wednesday, MTL)


def test_an_agenda_item_reads_as_the_agenda_json_shows_it() -> None:
    timed = event(local(TUESDAY, "09:00"), local(TUESDAY, "10:00"), "a", title="Call")
    assert not timed.all_day and event(TUESDAY, TUESDAY).all_day
    assert timed.as_json() == {
        "type": "event",
        "title": "Call",
        "client": None,
        "start": local(TUESDAY, "09:00"),
        "end": local(TUESDAY, "10:00"),
        "all_day": False,
        "uid": "a",
    }


def test_plan_day_sorts_and_flags() -> None:
    items = [
        event(local(TUESDAY, "11:00"), local(TUESDAY, "12:00"), "late"),
        event(local(TUESDAY, "09:00"), local(TUESDAY, "11:30"), "early"),
        replace(event(TUESDAY, TUESDAY), kind="task", uid="task"),
        event(
            local(TUESDAY, "09:00") + timedelta(days=1),
            local(TUESDAY, "10:00") + timedelta(days=1),
            "tomorrow",
        ),
    ]
    plan = plan_day(TUESDAY, items, WORK, MTL)
    assert [i.uid for i in plan.timed] == ["early", "late"]
    assert [i.uid for i in plan.tasks] == ["task"]
    assert plan.conflicts == {"early", "late"}
    assert hours(plan.free) == ["12:00-17:00"]


# -- blocks ---------------------------------------------------------------------------------


def task(task_id: int, estimate: int | None) -> Task:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    return Task(task_id, f"u{task_id}", f"T{task_id}", now, now, estimate_minutes=estimate)


def test_block_length_and_fitting_tasks() -> None:
    assert block_minutes(task(1, None)) == 30
    assert block_minutes(task(1, 90)) == 90
    assert block_minutes(task(1, 90), 20) == 20
    slot = (local(TUESDAY, "10:00"), local(TUESDAY, "11:00"))
    ranked = [task(1, 90), task(2, None), task(3, 60), task(4, 15), task(5, 45), task(6, 5)]
    assert [t.id for t in fitting(ranked, slot)] == [2, 3, 4, 5, 6]
    assert [t.id for t in fitting(ranked, slot, limit=2)] == [2, 3]
    assert fitting(ranked, (slot[0], slot[0] + timedelta(minutes=4))) == []
