"""`ws.plan` beyond `va plan`: the preview the agenda's `P` shows, accepting it
as shown, the `[plan] buffer` setting, and a day planned alone next to a
planned day (the clock: Tuesday 14:00 in Montreal, `tests/agenda_workspace.py`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from tests.agenda_workspace import TODAY, at, build, calendar, timed
from vaworkspace.errors import InputError
from vaworkspace.store.block_records import is_planned

WEDNESDAY = TODAY + timedelta(days=1)


@pytest.fixture
def agenda_ws(tmp_path):
    return build(tmp_path)


def planned(ws) -> list[tuple]:
    return sorted((e.task, e.start, e.end) for e in ws.calendar.events() if is_planned(e))


def test_the_preview_is_the_plan_and_its_day_writes_nothing(agenda_ws) -> None:
    preview = agenda_ws.plan.preview(TODAY)
    assert preview.result.blocks == agenda_ws.plan.plan(TODAY, write=False).blocks
    drawn = [(i.task_id, i.start, i.end) for i in preview.agenda.timed if i.kind == "block"]
    assert drawn == [(b.task, b.start, b.end) for b in preview.result.blocks]
    assert planned(agenda_ws) == []
    taken = sum(b.minutes for b in preview.result.blocks)
    [today], _ = agenda_ws.agenda.days(TODAY)
    assert preview.agenda.free_minutes < today.free_minutes - taken + 1


def test_accept_writes_the_preview_as_shown(agenda_ws) -> None:
    preview = agenda_ws.plan.preview(TODAY)
    agenda_ws.plan.accept_preview(preview)
    assert planned(agenda_ws) == sorted((b.task, b.start, b.end) for b in preview.result.blocks)


def test_accept_refuses_a_preview_the_day_outgrew(agenda_ws) -> None:
    preview = agenda_ws.plan.preview(TODAY)
    meeting = calendar(timed("late@t", "Late call", "20261201T163000", "20261201T170000"))
    agenda_ws.calendar.import_file(meeting, "late.ics", client="dental")
    before = Path(agenda_ws.path).read_bytes()
    with pytest.raises(InputError, match="changed since this plan was made"):
        agenda_ws.plan.accept_preview(preview)
    assert Path(agenda_ws.path).read_bytes() == before


def test_accept_refuses_a_block_of_a_task_closed_since(agenda_ws) -> None:
    preview = agenda_ws.plan.preview(TODAY)
    agenda_ws.tasks.complete([preview.result.blocks[0].task])
    with pytest.raises(InputError, match=f"task {preview.result.blocks[0].task} was closed"):
        agenda_ws.plan.accept_preview(preview)
    assert planned(agenda_ws) == []


@pytest.mark.parametrize("buffer", [0, 30])
def test_the_config_buffer_keeps_time_free_around_events(tmp_path, buffer) -> None:
    ws = build(tmp_path)
    ws.ctx.config = replace(ws.config, plan_buffer_minutes=buffer)
    blocks = ws.plan.plan(TODAY, write=False).blocks
    showroom = (at("15:00"), at("15:30"))
    gap = timedelta(minutes=buffer)
    assert blocks
    assert all(b.end <= showroom[0] - gap or b.start >= showroom[1] + gap for b in blocks)
    touching = any(b.end == showroom[0] - gap or b.start == showroom[1] + gap for b in blocks)
    assert touching, "the plan packs up to the buffer's edge"


def test_a_day_planned_alone_does_not_place_again_what_another_day_holds(agenda_ws) -> None:
    agenda_ws.plan.plan(WEDNESDAY)  # a whole free day: every open task fits there
    wednesday = planned(agenda_ws)
    assert {t for t, _, _ in wednesday} == {1, 2, 3, 4, 5}
    agenda_ws.plan.plan(TODAY)  # today, alone, afterwards
    assert planned(agenda_ws) == wednesday, "no task is planned twice"
    agenda_ws.plan.clear(WEDNESDAY)
    assert {b.task for b in agenda_ws.plan.plan(TODAY).blocks} >= {1, 5}


def test_a_retainer_used_up_this_week_does_not_hold_back_next_weeks_days(tmp_path) -> None:
    """Thursday 3 December, 14:00: Maison Lune's 3h/week are logged already, so
    Thursday and Friday get none of their work; Monday opens a new week, and
    the plan gives them their 3 hours again (a 100-minute block, a break, 80
    minutes), not one minute more that week."""
    from datetime import datetime, timezone

    from vaworkspace.config import Config
    from vaworkspace.service import Workspace

    thursday = datetime(2026, 12, 3, 19, 0, tzinfo=timezone.utc)
    ws = Workspace(
        str(tmp_path / "w.json"), Config(timezone_name="America/Montreal"), lambda: thursday
    )
    ws.clients.add("Maison Lune", id="lune", budget="3h/week")
    ws.time.log(["3h", "@lune", "fittings"], start="2026-12-01 09:00")
    ws.tasks.add("Lookbook layout @lune ~6h")
    ws.tasks.add("Own bookkeeping ~1h")
    result = ws.plan.plan(TODAY + timedelta(days=2), days=5, write=False)  # Thu to Mon
    by_day: dict = {}
    for block in result.blocks:
        day = block.start.astimezone(ws.tz).date()
        by_day.setdefault((day, block.task), 0)
        by_day[day, block.task] += block.minutes
    lune = {day: minutes for (day, task), minutes in by_day.items() if task == 1}
    assert sorted(lune) == [TODAY + timedelta(days=6)]  # Monday 7 December only
    assert lune[TODAY + timedelta(days=6)] == 180
    assert (TODAY + timedelta(days=2), 2) in by_day  # Thursday: the VA's own work
