"""A planned day follows its changes: a meeting imported or synced into it, or a
task with blocks on it done (or deleted) early, and its planned blocks are
planned again in the same write; blocks booked by hand never move, and a day
nobody planned stays unplanned. The clock: Tuesday 14:00 in Montreal
(`tests/agenda_workspace.py`); today's plan is then

    14:00–14:30 #1 Late invoice    14:35–14:50 #5 Send recall list
    15:40–16:25 #2 Book hotel      16:30–17:00 #3 Newsletter draft (2h: the rest later)
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.agenda_workspace import TODAY, at, build, calendar, timed
from vaworkspace.plan_text import summary_lines
from vaworkspace.store.block_records import is_planned

WEDNESDAY = TODAY + timedelta(days=1)
CALL_AT_16 = calendar(timed("call@t", "Call", "20261201T160000", "20261201T163000"))
THURSDAY_CALL = calendar(timed("thu@t", "Call", "20261203T100000", "20261203T103000"))


@pytest.fixture
def planned_ws(tmp_path):
    ws = build(tmp_path)
    ws.plan.plan(TODAY)
    return ws


def planned(ws) -> list[tuple]:
    return sorted((e.task, e.start, e.end) for e in ws.calendar.events() if is_planned(e))


def by_hand(ws) -> list[tuple]:
    return sorted(
        (e.task, e.start, e.end)
        for e in ws.calendar.events()
        if e.kind == "block" and not is_planned(e)
    )


def test_the_plan_this_file_starts_from(planned_ws) -> None:
    assert planned(planned_ws) == [
        (1, at("14:00"), at("14:30")),
        (2, at("15:40"), at("16:25")),
        (3, at("16:30"), at("17:00")),
        (5, at("14:35"), at("14:50")),
    ]


def test_a_meeting_imported_into_a_planned_day_replans_it(planned_ws) -> None:
    summary = planned_ws.calendar.import_file(CALL_AT_16, "call.ics", client="dental")
    assert summary.replanned == [TODAY]
    assert "  planned again: Tue 01 Dec (its events changed)" in summary_lines(summary)
    after = planned(planned_ws)
    call = (at("16:00") - timedelta(minutes=10), at("16:30") + timedelta(minutes=10))
    assert all(end <= call[0] or start >= call[1] for _, start, end in after)
    assert (1, at("14:00"), at("14:30")) in after and (5, at("14:35"), at("14:50")) in after
    assert (2, at("15:40"), at("16:25")) not in after  # it ran into the call


def test_a_dry_run_import_says_it_would_replan_and_writes_nothing(planned_ws) -> None:
    before = planned(planned_ws)
    summary = planned_ws.calendar.import_file(CALL_AT_16, "call.ics", dry_run=True)
    assert summary.replanned == [TODAY]
    assert any("would plan again: Tue 01 Dec" in line for line in summary_lines(summary))
    assert planned(planned_ws) == before


def test_a_sync_that_adds_a_meeting_replans_the_day(planned_ws, tmp_path) -> None:
    feed = tmp_path / "clinic.ics"
    feed.write_bytes(THURSDAY_CALL)
    planned_ws.subscriptions.add("clinic", str(feed), client="dental")
    [(_, first)] = planned_ws.subscriptions.sync()
    assert first.replanned == []  # Thursday was never planned
    before = planned(planned_ws)
    feed.write_bytes(CALL_AT_16)
    [(_, second)] = planned_ws.subscriptions.sync()
    assert second.replanned == [TODAY]
    assert planned(planned_ws) != before


def test_an_import_that_leaves_the_planned_days_alone_keeps_the_plan(planned_ws) -> None:
    ids = sorted(e.id for e in planned_ws.calendar.events() if is_planned(e))
    summary = planned_ws.calendar.import_file(THURSDAY_CALL, "thu.ics", client="dental")
    assert summary.replanned == []
    assert sorted(e.id for e in planned_ws.calendar.events() if is_planned(e)) == ids


def test_a_day_nobody_planned_is_not_planned_by_an_import(tmp_path) -> None:
    ws = build(tmp_path)
    summary = ws.calendar.import_file(CALL_AT_16, "call.ics", client="dental")
    assert summary.replanned == [] and planned(ws) == []


@pytest.mark.parametrize("close", ["complete", "remove"])
def test_a_task_done_early_gives_its_time_to_the_next_tasks(planned_ws, close) -> None:
    getattr(planned_ws.tasks, close)([2])  # Book hotel: 15:40–16:25 is free again
    after = planned(planned_ws)
    assert 2 not in {task for task, _, _ in after}
    newsletter = [(start, end) for task, start, end in after if task == 3]
    assert newsletter == [(at("15:40"), at("17:00"))], "the newsletter moves up into it"
    planned_ws.undo.undo()  # the task and the plan as they were, in one undo
    assert planned_ws.tasks.get(2).is_open
    assert (2, at("15:40"), at("16:25")) in planned(planned_ws)


def test_replanning_never_moves_a_block_booked_by_hand(tmp_path) -> None:
    ws = build(tmp_path)
    ws.agenda.schedule_block(4, at("16:15"))  # Idea for the blog, 30 min, by hand
    ws.plan.plan(TODAY)
    hand = by_hand(ws)
    ws.tasks.complete([5])
    ws.calendar.import_file(CALL_AT_16, "call.ics", client="dental")  # overlaps it
    assert by_hand(ws) == hand == [(4, at("16:15"), at("16:45"))]
    assert all(task != 4 for task, _, _ in planned(ws))


def test_a_task_done_with_no_plan_that_day_plans_nothing(tmp_path) -> None:
    ws = build(tmp_path)
    ws.agenda.schedule_block(2, at("14:00"))
    ws.tasks.complete([2])
    assert planned(ws) == [] and by_hand(ws) == []


def test_blocks_the_new_plan_keeps_keep_their_uid(planned_ws) -> None:
    before = {(e.task, e.start): e.uid for e in planned_ws.calendar.events() if is_planned(e)}
    planned_ws.calendar.import_file(CALL_AT_16, "call.ics", client="dental")
    after = {(e.task, e.start): e.uid for e in planned_ws.calendar.events() if is_planned(e)}
    assert after[1, at("14:00")] == before[1, at("14:00")]
