"""What the timer shows: its status, the break reminder, and the typed target."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from vaworkspace.domain.time import timer, timer_text
from vaworkspace.domain.time.status import TimerStatus, status
from vaworkspace.domain.time.timer import PomodoroSettings, TimerState
from vaworkspace.errors import InputError

T0 = datetime(2026, 12, 1, 14, 0, tzinfo=timezone.utc)
POMO = PomodoroSettings()


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def started(mode: str = "pomodoro") -> TimerState:
    state = timer.start(T0, mode, 12, "acme", POMO).state
    assert state is not None
    return state


def test_status_without_a_timer() -> None:
    assert status(None, T0).as_json() == {
        "running": False,
        "task": None,
        "client": None,
        "mode": None,
        "phase": None,
        "paused": False,
        "elapsed_seconds": 0,
        "remaining_seconds": None,
        "pomodoros": 0,
        "events": [],
    }


def test_status_of_a_paused_pomodoro() -> None:
    state = timer.pause(started(), at(10))
    assert status(state, at(12), ("Focus block ended",)) == TimerStatus(
        running=True,
        task=12,
        client="acme",
        mode="pomodoro",
        phase="focus",
        paused=True,
        elapsed_seconds=600,
        remaining_seconds=900,
        pomodoros=0,
        events=("Focus block ended",),
    )
    assert status(state, at(12)).shown_seconds == 900


def test_timer_targets_are_parsed_before_the_service() -> None:
    assert timer_text.parse_target("12") == (12, None)
    assert timer_text.parse_target(" #7 ") == (7, None)
    assert timer_text.parse_target("@acme") == (None, "acme")
    with pytest.raises(InputError, match="neither a task id"):
        timer_text.parse_target("twelve")


def test_continuous_work_and_break_reminder() -> None:
    state = timer.resume(timer.pause(started("stopwatch"), at(30)), at(40))
    assert timer.continuous_work_seconds(state, at(99)) == 89 * 60
    assert timer.break_reminder(state, at(99)) is None
    assert timer.break_reminder(state, at(100)) == "You have worked 90 minutes without a break"
    assert timer.break_reminder(state, at(100), after_minutes=0) is None
    assert timer.break_reminder(None, at(100)) is None
    on_break = timer.advance(started(), at(26), POMO).state
    assert timer.continuous_work_seconds(on_break, at(27)) == 0
