"""Work blocks through the service: completing or deleting a task releases its
blocks (free again, gone from exports), undo brings them back; a block is moved
or removed on its own, a clash refused with nothing written."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.agenda_workspace import TODAY, at, build
from vaworkspace.change_text import change_label
from vaworkspace.errors import InputError, NotFoundError

FREE_TODAY = [(at("14:00"), at("15:00")), (at("15:30"), at("17:00"))]


@pytest.fixture
def agenda_ws(tmp_path):
    return build(tmp_path)


def free(ws) -> list:
    [plan], _ = ws.agenda.days(TODAY)
    return plan.free


def blocks(ws) -> list:
    return [e for e in ws.calendar.events() if e.kind == "block"]


@pytest.mark.parametrize(
    "close", [lambda ws: ws.tasks.complete([2]), lambda ws: ws.tasks.remove([2])]
)
def test_a_closed_or_deleted_task_releases_its_block(agenda_ws, close) -> None:
    block = agenda_ws.agenda.schedule_block(2, at("14:00"))
    assert free(agenda_ws) != FREE_TODAY
    assert block.uid.encode() in agenda_ws.calendar.export()
    close(agenda_ws)
    assert blocks(agenda_ws) == []
    assert free(agenda_ws) == FREE_TODAY
    assert block.uid.encode() not in agenda_ws.calendar.export()
    agenda_ws.undo.undo()  # the task and its block come back together
    assert [b.uid for b in blocks(agenda_ws)] == [block.uid]
    assert agenda_ws.tasks.get(2).is_open and free(agenda_ws) != FREE_TODAY


def test_other_tasks_blocks_and_events_stay(agenda_ws) -> None:
    agenda_ws.agenda.schedule_block(2, at("14:00"))
    kept = agenda_ws.agenda.schedule_block(5, at("15:30"))
    events = len(agenda_ws.calendar.events())
    agenda_ws.tasks.complete([2, 1])
    assert [b.uid for b in blocks(agenda_ws)] == [kept.uid]
    assert len(agenda_ws.calendar.events()) == events - 1


def test_remove_a_block_frees_the_slot_and_unschedules_the_task(agenda_ws) -> None:
    block = agenda_ws.agenda.schedule_block(2, at("14:00"))
    removed = agenda_ws.agenda.remove_block(block.id)
    assert removed.uid == block.uid and blocks(agenda_ws) == []
    assert agenda_ws.tasks.get(2).scheduled is None and agenda_ws.tasks.get(2).is_open
    assert free(agenda_ws) == FREE_TODAY
    assert change_label(agenda_ws.undo.undo()) == "remove the work block of task 2: Book hotel"
    assert agenda_ws.tasks.get(2).scheduled == at("14:00")
    with pytest.raises(NotFoundError, match="no work block 99"):
        agenda_ws.agenda.remove_block(99)


def test_move_a_block_keeps_its_length_and_moves_scheduled(agenda_ws) -> None:
    block = agenda_ws.agenda.schedule_block(2, at("14:00"))
    moved = agenda_ws.agenda.move_block(block.id, at("15:30"))
    assert (moved.id, moved.start, moved.end) == (block.id, at("15:30"), at("16:15"))
    assert agenda_ws.tasks.get(2).scheduled == at("15:30")
    assert free(agenda_ws) == [(at("14:00"), at("15:00")), (at("16:15"), at("17:00"))]
    tomorrow = at("09:00", TODAY + timedelta(days=1))
    assert agenda_ws.agenda.blocks(at("00:00"), at("23:59")) == [moved]
    agenda_ws.agenda.move_block(block.id, tomorrow)
    assert [b.start for b in agenda_ws.agenda.blocks(tomorrow, tomorrow + timedelta(hours=1))] == [
        tomorrow
    ]


def test_a_move_onto_an_event_is_refused_and_writes_nothing(agenda_ws) -> None:
    block = agenda_ws.agenda.schedule_block(2, at("14:00"))
    before = agenda_ws.file.signature()
    with pytest.raises(InputError, match="would overlap 'Showroom visit'"):
        agenda_ws.agenda.move_block(block.id, at("14:30"))
    assert agenda_ws.file.signature() == before
    agenda_ws.agenda.move_block(block.id, at("14:10"))  # overlapping only itself: fine


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The tables parsed from the file's bytes from now on, in order."""
    from vaworkspace.store import source

    names: list[str] = []
    real = source.Source.table

    def counting(self, name):
        if name not in self.parsed:
            names.append(name)
        return real(self, name)

    monkeypatch.setattr(source.Source, "table", counting)
    return names


def test_a_task_finished_early_releases_its_planned_blocks(agenda_ws) -> None:
    """`va plan` sets no `scheduled`, yet its blocks go with the task, and come
    back with it on undo."""
    planned = agenda_ws.plan.plan(TODAY).blocks
    task_id = planned[0].task
    mine = [b.uid for b in blocks(agenda_ws) if b.task == task_id]
    assert mine and agenda_ws.tasks.get(task_id).scheduled is None
    agenda_ws.tasks.complete([task_id])
    assert [b for b in blocks(agenda_ws) if b.task == task_id] == []
    assert all(uid.encode() not in agenda_ws.calendar.export() for uid in mine)
    agenda_ws.undo.undo()
    assert [b.uid for b in blocks(agenda_ws) if b.task == task_id] == mine


def test_undoing_a_replan_still_releases_the_blocks_it_brings_back(agenda_ws) -> None:
    first = {b.task for b in agenda_ws.plan.plan(TODAY).blocks}
    agenda_ws.plan.clear(TODAY)
    agenda_ws.undo.undo()  # the first plan's blocks are back
    task_id = min(first)
    agenda_ws.tasks.remove([task_id])
    assert [b for b in blocks(agenda_ws) if b.task == task_id] == []


def test_completing_a_task_without_blocks_never_parses_the_calendar(agenda_ws, parses) -> None:
    planned = {b.task for b in agenda_ws.plan.plan(TODAY).blocks}
    unplanned = next(t.id for t in agenda_ws.tasks.all(open_only=True) if t.id not in planned)
    parses.clear()
    agenda_ws.tasks.complete([unplanned])
    assert parses and "events" not in parses
