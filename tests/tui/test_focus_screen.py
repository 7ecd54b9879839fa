"""Pilot tests: the focus timer screen (4).

The focus screen repaints from stored instants, so these tests move a clock the
workspace reads and call `refresh_bar()` as the app's tick would.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Digits

from tests.tui.conftest import NOW, SIZE, app_for, errors, focus, messages, text
from vaworkspace.domain.time.status import TimerStatus
from vaworkspace.service.results import Logged
from vaworkspace.tui.focus import cycle_dots, stopped_text

# -- focus: without a timer ----------------------------------------------------


async def test_focus_without_a_timer_says_how_to_start_one(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        assert screen.query_one(Digits).value == "--:--"
        assert screen.query_one(Digits).has_class("-idle")
        assert text(screen, "#phase") == "No timer running"
        assert "press t on a task in the inbox (1), or @ here" in text(screen, "#what")
        assert "Nothing logged yet today" in text(screen, "#today-table")


@pytest.mark.parametrize("key", ["space", "p", "s", "b"])
async def test_focus_keys_without_a_timer_notify_an_error(ws, key: str) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await focus(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert any("no timer is running" in m for m in errors(pilot.app))
        assert ws.time.timer_now().running is False


async def test_focus_at_starts_a_pomodoro_on_a_client_alone(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        await pilot.press("at")
        bar = screen.query_one("CommandBar")
        assert bar.has_class("-open")
        await pilot.press(*"den", "enter")
        await pilot.pause()
        status = ws.time.timer_now()
        assert status.running and status.client == "dental" and status.task is None
        assert status.mode == "pomodoro"
        assert not bar.has_class("-open")
        assert "Focus on @dental" in messages(pilot.app)
        assert screen.query_one(Digits).value == "25:00"
        assert "@dental Dental clinic" in text(screen, "#what")


async def test_focus_at_refuses_an_unknown_or_empty_client_in_the_prompt(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        await pilot.press("at", "enter")
        bar = screen.query_one("CommandBar")
        assert bar.has_class("-open")
        assert "type a client" in text(bar, "#preview")
        await pilot.press(*"nobody", "enter")
        assert bar.has_class("-open")
        assert "nobody" in text(bar, "#preview")
        await pilot.press("escape")
        assert not bar.has_class("-open")
        assert ws.time.timer_now().running is False


async def test_focus_enter_without_history_asks_for_a_client(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        await pilot.press("enter")
        assert screen.query_one("CommandBar").has_class("-open")


async def test_focus_enter_starts_again_on_the_latest_entry(ws) -> None:
    ws.time.log(["30m", "task:2"], start="13:00")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        assert "enter: another pomodoro on #2 Book hotel" in text(screen, "#what")
        await pilot.press("enter")
        await pilot.pause()
        status = ws.time.timer_now()
        assert status.task == 2 and status.client == "evelyne"
        assert "Focus on #2 Book hotel" in messages(pilot.app)
        assert "#2 Book hotel" in text(screen, "#what")
        await pilot.press("enter")  # a timer already runs: the service refuses
        assert any("already running" in m for m in errors(pilot.app))


async def test_focus_enter_falls_back_to_the_client_of_a_done_task(ws) -> None:
    ws.time.log(["30m", "task:1"], start="13:00")
    ws.tasks.complete([1])
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await focus(pilot)
        await pilot.press("enter")
        status = ws.time.timer_now()
        assert status.task is None and status.client == "dental"


# -- focus: a running timer -----------------------------------------------------


async def test_focus_digits_follow_the_stored_instants(moving) -> None:
    ws, moment = moving
    ws.time.start_timer(task_id=1)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        digits = screen.query_one(Digits)
        assert digits.value == "25:00"
        assert text(screen, "#phase").startswith("Focus")
        assert "○○○○" in text(screen, "#phase")
        moment[0] = NOW + timedelta(minutes=7, seconds=13)
        screen.refresh_bar()
        assert digits.value == "17:47"
        await pilot.press("space")
        assert ws.time.timer_now().paused and digits.has_class("-paused")
        assert text(screen, "#phase").startswith("Paused")
        assert "Timer paused: space or p resumes" in messages(pilot.app)
        moment[0] += timedelta(minutes=5)  # a pause does not count
        screen.refresh_bar()
        assert digits.value == "17:47"
        await pilot.press("p")
        assert not ws.time.timer_now().paused
        assert "Timer resumed" in messages(pilot.app)
        moment[0] += timedelta(minutes=1)
        screen.refresh_bar()
        assert digits.value == "16:47"


async def test_focus_break_dots_and_skip(moving) -> None:
    ws, moment = moving
    ws.time.start_timer(task_id=1)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        await pilot.press("b")
        assert any("no break to skip" in m for m in errors(pilot.app))
        moment[0] = NOW + timedelta(minutes=26)
        ws.time.timer()  # the app's tick catches the timer up and logs the block
        screen.reload()
        digits = screen.query_one(Digits)
        assert digits.value == "04:00" and digits.has_class("-break")
        assert text(screen, "#phase").startswith("Break   ●○○○  1 block done")
        assert "0h25" in text(screen, "#today-table")
        await pilot.press("b")
        assert "Break skipped: focus again" in messages(pilot.app)
        assert ws.time.timer_now().phase == "focus"
        assert digits.value == "25:00" and not digits.classes


async def test_focus_stop_logs_and_says_what(moving) -> None:
    ws, moment = moving
    ws.time.start_timer(client="dental")
    moment[0] = NOW + timedelta(minutes=10)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        table = text(screen, "#today-table")
        assert "@dental" in table and "0h10" in table and "Total" in table
        await pilot.press("s")
        await pilot.pause()
        [entry] = ws.time.entries()
        assert entry.client == "dental" and entry.seconds == 600
        assert f"Timer stopped: logged entry {entry.id} (10 min @dental)" in messages(pilot.app)
        assert screen.query_one(Digits).value == "--:--"
        assert "0h10" in text(screen, "#today-table")


async def test_focus_stopwatch_counts_up_past_an_hour(moving) -> None:
    ws, moment = moving
    ws.time.start_timer(client="evelyne", mode="stopwatch")
    moment[0] = NOW + timedelta(hours=1, minutes=5)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        assert screen.query_one(Digits).value == "1:05:00"
        assert text(screen, "#phase") == "Focus · stopwatch"
        assert "1h05" in text(screen, "#today-table")


async def test_focus_reload_after_an_outside_change(moving) -> None:
    ws, moment = moving
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        # as `va timer start` in another terminal:
        ws.time.start_timer(task_id=1, mode="countdown", minutes=10)
        moment[0] += timedelta(minutes=1)
        screen.reload()
        assert screen.query_one(Digits).value == "09:00"
        assert text(screen, "#phase") == "Focus · countdown"


def test_focus_helpers() -> None:
    long_break = TimerStatus(True, pomodoros=4, phase="long_break")
    assert cycle_dots(long_break, 4) == "●●●●"
    assert cycle_dots(TimerStatus(True, pomodoros=4, phase="focus"), 4) == "○○○○"
    assert cycle_dots(TimerStatus(True, pomodoros=6, phase="break"), 4) == "●●○○"
    assert stopped_text(Logged([])) == "Timer stopped: no focus time to log"
