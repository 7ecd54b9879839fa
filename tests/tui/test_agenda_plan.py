"""Pilot tests: `P` on the agenda proposes a plan of the day shown (in a worker),
`a` accepts it, `P` plans again, `X` clears, esc goes back; a block booked by
hand never moves. The clock is Tuesday 14:00 in Montreal; today's busy time
after 14:00 is the 15:00–15:30 showroom visit and the hand-booked block
15:30–16:15 (`tests/agenda_workspace.py`)."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from tests.agenda_workspace import at, build, calendar, timed
from tests.tui.conftest import SIZE, app_for, errors, messages, show
from vaworkspace.domain.calendar.agenda import clock
from vaworkspace.errors import InputError
from vaworkspace.store.block_records import is_planned


@pytest.fixture
def agenda_ws(tmp_path):
    ws = build(tmp_path)
    ws.agenda.schedule_block(2, at("15:30"))  # Book hotel, 45 min, booked by hand
    return ws


WEDNESDAY = date(2026, 12, 2)


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def planned(ws) -> list[tuple]:
    return sorted(
        (e.task, e.start, e.end)
        for e in ws.calendar.events()
        if e.kind == "block" and is_planned(e)
    )


def by_hand(ws) -> list[tuple]:
    return [
        (e.task, e.start, e.end)
        for e in ws.calendar.events()
        if e.kind == "block" and not is_planned(e)
    ]


def footer_keys(screen) -> list[str]:
    return [key.key for key in screen.query("FooterKey")]


async def propose(pilot, key: str = "P"):
    """Press `key` and wait for the worker's proposal to be shown."""
    await pilot.press(key)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return pilot.app.screen


async def test_P_shows_a_proposal_and_a_writes_it_as_shown(agenda_ws) -> None:
    hand = by_hand(agenda_ws)
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        await show(pilot, "6", "AgendaScreen")
        assert "P" in footer_keys(pilot.app.screen)
        screen = await propose(pilot)
        expected = agenda_ws.plan.plan(write=False)
        assert expected.blocks, "the afternoon has room for the open tasks"
        day, side = text(screen, "#day"), text(screen, "#side")
        assert "· proposal" in text(screen, "#title")
        assert f"Plan  {len(expected.blocks)} blocks" in side
        for block in expected.blocks:
            line = f"{clock(block.start, agenda_ws.tz)}–{clock(block.end, agenda_ws.tz)}"
            assert f"{line} #{block.task} " in side
            assert f"◇ {line}" in day
        assert "◆ 15:30–16:15 Book hotel" in day  # the hand-booked block, as it was
        assert planned(agenda_ws) == []  # a proposal writes nothing
        keys = footer_keys(screen)
        assert {"a", "P", "X", "escape"} <= set(keys)
        assert not {"h", "l", "v", "T", "enter", "m", "x"} & set(keys)
        await pilot.press("a")
        await pilot.pause()
        assert planned(agenda_ws) == sorted((b.task, b.start, b.end) for b in expected.blocks)
        assert by_hand(agenda_ws) == hand
        assert any(
            m.startswith(f"Planned {len(expected.blocks)} blocks") for m in messages(pilot.app)
        )
        assert "· proposal" not in text(screen, "#title")
        assert "◇" not in text(screen, "#day")
        assert "h" in footer_keys(screen) and "a" not in footer_keys(screen)
        assert not errors(pilot.app)
        await pilot.press("u")
        assert planned(agenda_ws) == []


async def test_the_proposal_is_made_off_the_event_loop(agenda_ws) -> None:
    seen = []
    preview = agenda_ws.plan.preview

    def spy(day):
        seen.append(threading.current_thread() is threading.main_thread())
        return preview(day)

    agenda_ws.plan.preview = spy
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        await show(pilot, "6", "AgendaScreen")
        await propose(pilot)
        assert seen == [False]
        assert "Plan  " in text(pilot.app.screen, "#side")


async def test_a_refusal_while_planning_is_a_notice_and_the_agenda_stays(agenda_ws) -> None:
    def refuse(day):
        raise InputError("workspace file is busy")

    agenda_ws.plan.preview = refuse
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        await show(pilot, "6", "AgendaScreen")
        screen = await propose(pilot)
        assert any("busy" in e for e in errors(pilot.app))
        assert "Planning" not in text(screen, "#side") and "Due today" in text(screen, "#side")
        assert "a" not in footer_keys(screen) and "h" in footer_keys(screen)


async def test_P_again_plans_afresh_and_a_changed_day_is_refused_then_replanned(
    agenda_ws,
) -> None:
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        await show(pilot, "6", "AgendaScreen")
        screen = await propose(pilot)
        first = screen.proposal.result.blocks
        agenda_ws.tasks.complete([first[0].task])  # done elsewhere meanwhile
        screen = await propose(pilot)  # P again
        assert first[0].task not in {b.task for b in screen.proposal.result.blocks}
        # A meeting lands at 14:00 while the proposal is on screen (a sync in
        # another terminal): accepting the old proposal would clash with it.
        stale = screen.proposal
        meeting = calendar(timed("call@t", "Urgent call", "20261201T140000", "20261201T143000"))
        agenda_ws.calendar.import_file(meeting, "call.ics", client="evelyne")
        await pilot.press("a")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        said = "the agenda of Tue 01 Dec changed since this plan was made; plan it again"
        assert said in errors(pilot.app)
        assert planned(agenda_ws) == []
        fresh = screen.proposal
        assert fresh is not stale and fresh is not None
        assert all(b.start >= at("14:40") for b in fresh.result.blocks)  # the call + 10 min
        await pilot.press("a")
        await pilot.pause()
        assert planned(agenda_ws) == sorted((b.task, b.start, b.end) for b in fresh.result.blocks)


async def test_X_clears_the_planned_blocks_and_keeps_the_hand_booked(agenda_ws) -> None:
    agenda_ws.plan.plan()
    assert planned(agenda_ws)
    hand = by_hand(agenda_ws)
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        await show(pilot, "6", "AgendaScreen")
        screen = await propose(pilot)
        await pilot.press("X")
        await pilot.pause()
        assert planned(agenda_ws) == []
        assert by_hand(agenda_ws) == hand
        assert screen.proposal is None
        assert any(m.startswith("Removed ") and "planned block" in m for m in messages(pilot.app))
        assert "◆ 15:30–16:15 Book hotel" in text(screen, "#day")
        await pilot.press("u")
        assert planned(agenda_ws)


async def test_esc_leaves_the_proposal_and_writes_nothing(agenda_ws) -> None:
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        await show(pilot, "6", "AgendaScreen")
        screen = await propose(pilot)
        assert screen.proposal is not None
        await pilot.press("escape")
        await pilot.pause()
        assert screen.proposal is None
        assert "◇" not in text(screen, "#day") and "Due today" in text(screen, "#side")
        assert planned(agenda_ws) == []
        await pilot.press("l")  # the day keys are back
        assert text(screen, "#title").startswith("Wed 02 Dec 2026")


async def test_P_plans_the_day_shown_and_not_in_the_week_view(agenda_ws) -> None:
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        await show(pilot, "6", "AgendaScreen")
        await pilot.press("l")  # Wednesday: a whole free day
        screen = await propose(pilot)
        assert screen.proposal.result.first == WEDNESDAY
        await pilot.press("a")
        await pilot.pause()
        days = {start.astimezone(agenda_ws.tz).date() for _, start, _ in planned(agenda_ws)}
        assert days == {WEDNESDAY}
        await pilot.press("v")
        await propose(pilot)  # greyed in the week view: nothing proposed
        assert screen.proposal is None and "a" not in footer_keys(screen)


async def test_the_palette_plans_the_day_from_any_screen(agenda_ws) -> None:
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        await commands["Agenda: plan the day"].callback()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "AgendaScreen"
        assert app.screen.proposal is not None and "Plan  " in text(app.screen, "#side")


async def test_a_waits_for_a_busy_file_and_accepts_without_planning_again(
    agenda_ws, monkeypatch
) -> None:
    """A busy file is not a changed day: `a` waits for the lock (`tui.lock_wait`)
    and writes the proposal shown, and no second proposal follows it."""
    from tests.tui.test_lock_wait import PATIENCE, held_by_another_process
    from vaworkspace.tui import lock_wait

    monkeypatch.setattr(lock_wait, "LOCK_WAIT", PATIENCE)
    previews, preview = [], agenda_ws.plan.preview
    monkeypatch.setattr(agenda_ws.plan, "preview", lambda day: previews.append(day) or preview(day))
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        await show(pilot, "6", "AgendaScreen")
        screen = await propose(pilot)
        expected = agenda_ws.plan.plan(write=False)
        async with held_by_another_process(agenda_ws):
            await pilot.press("a")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert planned(agenda_ws) == sorted((b.task, b.start, b.end) for b in expected.blocks)
        assert screen.proposal is None and screen.planning is None
        assert "· proposal" not in text(screen, "#title")
        assert len(previews) == 1, "planned again while waiting for the lock"
        assert not errors(pilot.app)
