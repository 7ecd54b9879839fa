"""Pilot: a timer stopped seconds after it started logs nothing and says so (issue #9)."""

from __future__ import annotations

from datetime import timedelta

from tests.tui.conftest import NOW, SIZE, app_for, focus, messages


async def test_t_t_two_seconds_apart_logs_nothing_and_says_why(moving) -> None:
    ws, moment = moving
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert ws.time.timer_now().running
        moment[0] = NOW + timedelta(seconds=2)
        await pilot.press("t")
        await pilot.pause()
        assert not ws.time.timer_now().running
        assert ws.time.entries() == []
        said = messages(pilot.app)[-1]
        assert "not logged" in said and "1-minute minimum" in said


async def test_focus_stop_after_seconds_logs_nothing_and_says_why(moving) -> None:
    ws, moment = moving
    ws.time.start_timer(task_id=1, mode="stopwatch")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await focus(pilot)
        moment[0] = NOW + timedelta(seconds=30)
        await pilot.press("s")
        await pilot.pause()
        assert ws.time.entries() == []
        said = messages(pilot.app)[-1]
        assert "not logged" in said and "0:30" in said


async def test_focus_stop_after_minutes_still_logs(moving) -> None:
    ws, moment = moving
    ws.time.start_timer(task_id=1, mode="stopwatch")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await focus(pilot)
        moment[0] = NOW + timedelta(minutes=3)
        await pilot.press("s")
        await pilot.pause()
        assert [e.seconds for e in ws.time.entries()] == [180]
        assert "not logged" not in messages(pilot.app)[-1]
