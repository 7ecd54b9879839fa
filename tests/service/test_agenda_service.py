"""The agenda through the service: days sorted, series expanded, work blocks booked
(or refused, writing nothing), and the tasks that fit a free slot."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from tests.agenda_workspace import TODAY, UTC, at, build
from vaworkspace.domain.dates import day_start
from vaworkspace.errors import InputError, NotFoundError


@pytest.fixture
def agenda_ws(tmp_path):
    return build(tmp_path)


def test_agenda_days_sorts_the_day(agenda_ws) -> None:
    [plan], warnings = agenda_ws.agenda.days(TODAY)
    assert warnings == []
    assert [i.title for i in plan.timed] == [
        "Weekly sync",
        "Fitting call",
        "Recall review",
        "Showroom visit",
    ]
    assert [i.title for i in plan.all_day] == ["Clinic closed"]
    assert [(i.task_id, i.title) for i in plan.tasks] == [(5, "Send recall list")]
    assert plan.conflicts == {"fitting@t", "recall@t"}
    assert plan.free == [(at("14:00"), at("15:00")), (at("15:30"), at("17:00"))]


def test_agenda_days_for_a_week_expands_the_weekly_event(agenda_ws) -> None:
    plans, _ = agenda_ws.agenda.days(date(2026, 11, 30), 7)
    assert [p.day.day for p in plans] == [30, 1, 2, 3, 4, 5, 6]
    assert plans[1].timed[0].title == "Weekly sync"
    assert [i.title for i in plans[2].all_day] == ["Fabric fair"]
    assert [i.title for i in plans[4].tasks] == ["Book hotel"]
    assert not plans[5].working and plans[5].free == []
    next_week, _ = agenda_ws.agenda.days(date(2026, 12, 8))
    assert [i.title for i in next_week[0].timed] == ["Weekly sync"]


def test_schedule_block_books_and_sets_scheduled(agenda_ws) -> None:
    block = agenda_ws.agenda.schedule_block(2, at("14:00"))
    assert block.kind == "block" and block.task == 2 and block.client == "evelyne"
    assert block.summary == "Book hotel" and block.uid == f"block-{block.id}@vaworkspace"
    assert block.start == at("14:00") and block.end == at("14:45")  # the 45 min estimate
    assert block.start.tzinfo == UTC
    assert agenda_ws.tasks.get(2).scheduled == at("14:00")
    assert agenda_ws.tasks.get(2).modified == agenda_ws.now()
    items, _ = agenda_ws.agenda.items(day_start(TODAY, agenda_ws.tz), 1)
    [found] = [i for i in items if i.kind == "block"]
    assert found.title == "Book hotel" and found.start == at("14:00")
    [plan], _ = agenda_ws.agenda.days(TODAY)
    assert plan.free == [(at("14:45"), at("15:00")), (at("15:30"), at("17:00"))]
    again = agenda_ws.agenda.schedule_block(4, at("15:30"))  # no estimate: 30 minutes
    assert again.end == at("16:00") and again.id == block.id + 1


def test_schedule_block_refuses_an_overlap_and_writes_nothing(agenda_ws) -> None:
    before = agenda_ws.file.signature()
    with pytest.raises(InputError, match="would overlap 'Showroom visit' \\(15:00–15:30\\)"):
        agenda_ws.agenda.schedule_block(3, at("14:00"))  # 2 hours: into the showroom visit
    with pytest.raises(InputError, match="Weekly sync"):
        agenda_ws.agenda.schedule_block(2, at("09:00", TODAY + timedelta(days=7)))  # the series
    agenda_ws.agenda.schedule_block(2, at("14:00"))
    with pytest.raises(InputError, match="'Book hotel'"):
        agenda_ws.agenda.schedule_block(4, at("14:30"))  # into the first block
    assert agenda_ws.tasks.get(3).scheduled is None and agenda_ws.tasks.get(4).scheduled is None
    assert len([e for e in agenda_ws.calendar.events() if e.kind == "block"]) == 1
    assert before != agenda_ws.file.signature()


def test_schedule_block_other_refusals(agenda_ws) -> None:
    with pytest.raises(NotFoundError):
        agenda_ws.agenda.schedule_block(99, at("14:00"))
    agenda_ws.tasks.complete([4])
    with pytest.raises(InputError, match=r"task 4 .* is done"):
        agenda_ws.agenda.schedule_block(4, at("14:00"))
    with pytest.raises(InputError, match="time zone"):
        agenda_ws.agenda.schedule_block(2, datetime(2026, 12, 1, 14))
    with pytest.raises(InputError, match="at least a minute"):
        agenda_ws.agenda.schedule_block(2, at("14:00"), minutes=0)
    block = agenda_ws.agenda.schedule_block(2, at("11:30"), minutes=20)  # touching the review
    assert block.end == at("11:50")


def test_slot_tasks_are_the_most_urgent_that_fit(agenda_ws) -> None:
    fits = agenda_ws.agenda.slot_tasks((at("14:00"), at("15:00")))
    # not the 2-hour newsletter; the recall list due today (2h45 of slack) before
    # the high-priority hotel due Friday (26h15 of slack)
    assert [t.id for t in fits] == [1, 5, 2, 4]
    assert [t.id for t in agenda_ws.agenda.slot_tasks((at("14:00"), at("14:20")))] == [5]
    assert len(agenda_ws.agenda.slot_tasks((at("09:00"), at("17:00")), limit=3)) == 3
