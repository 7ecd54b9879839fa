"""The focus timer as a state machine over fake instants: no sleeping, no clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, settings

from vaworkspace.domain.time import timer
from vaworkspace.domain.time.timer import PomodoroSettings, Segment, TimerState
from vaworkspace.errors import InputError

UTC = timezone.utc
T0 = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)  # 09:00 in Montreal
MTL = ZoneInfo("America/Montreal")
POMO = PomodoroSettings()
PROPERTY = settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def started(mode: str = "pomodoro", duration: int | None = None, task: int | None = 12):
    return timer.start(T0, mode, task, "acme", POMO, duration).state


def seg(start: float, end: float, paused: int = 0, task: int | None = 12) -> Segment:
    return Segment(at(start), at(end), paused, task, "acme")


# ---------------------------------------------------------------- start


def test_start_pomodoro_uses_the_focus_length() -> None:
    result = timer.start(T0, "pomodoro", 12, "acme", POMO)
    state = result.state
    assert (result.logged, result.events) == ([], [])
    assert state == TimerState("pomodoro", 12, "acme", "focus", T0, None, 0, 25 * 60, 0, T0, 0)


def test_start_drops_microseconds_and_converts_to_utc() -> None:
    now = datetime(2026, 12, 1, 9, 0, 0, 999_999, tzinfo=MTL)
    state = timer.start(now, "stopwatch", None, None, POMO).state
    assert state.phase_started == T0 and state.phase_started.tzinfo == UTC
    assert state.target_seconds is None


def test_start_countdown_needs_a_duration() -> None:
    assert started("countdown", 600).target_seconds == 600
    with pytest.raises(InputError, match="needs a duration"):
        timer.start(T0, "countdown", None, None, POMO)
    with pytest.raises(InputError, match="24 hours"):
        timer.start(T0, "countdown", None, None, POMO, 0)
    with pytest.raises(InputError, match="24 hours"):
        timer.start(T0, "countdown", None, None, POMO, 25 * 3600)


@pytest.mark.parametrize("mode", ["pomodoro", "stopwatch"])
def test_start_refuses_a_duration_it_cannot_use(mode: str) -> None:
    with pytest.raises(InputError, match="countdown"):
        timer.start(T0, mode, None, None, POMO, 600)


def test_start_refuses_an_unknown_mode() -> None:
    with pytest.raises(InputError, match="pomodoro, countdown, stopwatch"):
        timer.start(T0, "egg", None, None, POMO)


def test_start_refuses_a_second_timer_naming_the_first() -> None:
    running = timer.start(at(5), "pomodoro", 12, None, POMO).state
    with pytest.raises(InputError) as caught:
        timer.start(at(10), "stopwatch", 13, None, POMO, running=running, tz=MTL)
    assert str(caught.value) == (
        "a timer is already running on task 12 (started 09:05); stop or switch it first"
    )
    with pytest.raises(InputError, match=r"for @acme \(started 14:00 UTC\)"):
        timer.start(at(10), "stopwatch", None, None, POMO, running=started(task=None))


# ---------------------------------------------------------------- pause / resume


def test_pause_freezes_elapsed_and_resume_accounts_for_it() -> None:
    state = timer.pause(started(), at(10))
    assert state.paused_at == at(10)
    assert timer.elapsed_seconds(state, at(50)) == 600
    state = timer.resume(state, at(15))
    assert (state.paused_at, state.paused_seconds, state.entry_paused_seconds) == (None, 300, 300)
    assert timer.elapsed_seconds(state, at(20)) == 15 * 60
    assert timer.remaining_seconds(state, at(20)) == 10 * 60


def test_several_pauses_add_up_and_push_the_phase_end() -> None:
    state = started()
    for pause_at, resume_at in [(5, 7), (10, 11), (20, 24)]:
        state = timer.resume(timer.pause(state, at(pause_at)), at(resume_at))
    assert state.paused_seconds == state.entry_paused_seconds == 7 * 60
    assert timer.advance(state, at(31.9), POMO).logged == []
    result = timer.advance(state, at(32), POMO)
    assert result.logged == [seg(0, 32, 7 * 60)]
    assert result.logged[0].worked_seconds == 25 * 60


def test_pause_and_resume_refusals() -> None:
    state = timer.pause(started(), at(1))
    with pytest.raises(InputError, match="already paused"):
        timer.pause(state, at(2))
    with pytest.raises(InputError, match="not paused"):
        timer.resume(started(), at(2))


def test_a_clock_going_backwards_never_gives_negative_time() -> None:
    state = started()
    assert timer.elapsed_seconds(state, at(-5)) == 0
    paused = timer.pause(state, at(-5))
    assert paused.paused_at == T0
    assert timer.resume(paused, at(-10)).paused_seconds == 0


# ---------------------------------------------------------------- pomodoro


def test_focus_end_logs_the_block_and_starts_a_break() -> None:
    result = timer.advance(started(), at(26), POMO)
    assert result.logged == [seg(0, 25)]
    assert result.events == ["Focus block 1 done: take a 5-minute break"]
    state = result.state
    assert (state.phase, state.phase_started, state.pomodoros) == ("break", at(25), 1)
    assert (state.entry_start, state.target_seconds) == (None, 300)
    assert timer.remaining_seconds(state, at(26)) == 240


def test_advance_before_the_end_changes_nothing() -> None:
    state = started()
    assert timer.advance(state, at(24), POMO) == timer.Transition(state, [], [])


def test_break_end_starts_focus_at_the_break_end() -> None:
    state = timer.advance(started(), at(25), POMO).state
    result = timer.advance(state, at(31), POMO)
    assert result.events == ["Break over: back to work"]
    assert result.logged == []
    assert (result.state.phase, result.state.phase_started) == ("focus", at(30))
    assert result.state.entry_start == at(30)


def test_three_hours_later_every_cycle_is_logged_at_its_own_instants() -> None:
    result = timer.advance(started(), at(180), POMO)
    # focus 0-25, 30-55, 60-85, 90-115, long break 115-130, focus 130-155, break 155-160,
    # focus 160-185 is under way at 180.
    assert result.logged == [seg(0, 25), seg(30, 55), seg(60, 85), seg(90, 115), seg(130, 155)]
    assert result.events == [
        "Focus block 1 done: take a 5-minute break",
        "Break over: back to work",
        "Focus block 2 done: take a 5-minute break",
        "Break over: back to work",
        "Focus block 3 done: take a 5-minute break",
        "Break over: back to work",
        "Focus block 4 done: take a 15-minute long break",
        "Break over: back to work",
        "Focus block 5 done: take a 5-minute break",
        "Break over: back to work",
    ]
    state = result.state
    assert (state.phase, state.phase_started, state.pomodoros) == ("focus", at(160), 5)
    assert timer.elapsed_seconds(state, at(180)) == 20 * 60
    # Catching up in small steps gives the same story as one big jump.
    stepwise, logged = started(), []
    for minute in range(0, 181, 7):
        step = timer.advance(stepwise, at(minute), POMO)
        stepwise, logged = step.state, logged + step.logged
    step = timer.advance(stepwise, at(180), POMO)
    assert (step.state, logged + step.logged) == (state, result.logged)


def test_long_break_follows_every_nth_block() -> None:
    custom = PomodoroSettings(
        focus_minutes=10, break_minutes=2, long_break_minutes=7, long_break_every=2
    )
    state = timer.start(T0, "pomodoro", None, None, custom).state
    result = timer.advance(state, at(30), custom)
    assert [s.start for s in result.logged] == [at(0), at(12)]
    assert (result.state.phase, result.state.phase_started) == ("focus", at(29))


def test_a_paused_timer_catches_up_only_to_its_pause() -> None:
    # Paused at 27 while the break (25-30) ran, not yet advanced.
    state = timer.pause(started(), at(27))
    result = timer.advance(state, at(500), POMO)
    assert result.logged == [seg(0, 25)]
    state = result.state
    assert (state.phase, state.paused_at) == ("break", at(27))
    assert timer.elapsed_seconds(state, at(500)) == 120
    state = timer.resume(state, at(100))
    assert state.paused_seconds == 73 * 60 and state.entry_paused_seconds == 0
    assert timer.advance(state, at(102.9), POMO).events == []
    result = timer.advance(state, at(103), POMO)
    assert result.events == ["Break over: back to work"]
    assert result.state.entry_start == at(103)


def test_a_pause_started_after_a_break_ended_stays_in_the_next_focus() -> None:
    state = timer.advance(started(), at(25), POMO).state
    state = timer.pause(state, at(40))  # the break ended at 30, unnoticed
    state = timer.advance(state, at(90), POMO).state
    assert (state.phase, state.phase_started, state.paused_at) == ("focus", at(30), at(40))
    state = timer.resume(state, at(60))
    assert state.entry_paused_seconds == 20 * 60
    result = timer.stop(state, at(65))
    assert result.logged == [seg(30, 65, 20 * 60)]


def test_skip_break_starts_focus_now() -> None:
    state = timer.advance(started(), at(26), POMO).state
    state = timer.skip_break(state, at(27), POMO)
    assert (state.phase, state.phase_started, state.entry_start) == ("focus", at(27), at(27))
    assert state.target_seconds == 25 * 60 and state.pomodoros == 1
    result = timer.advance(state, at(52), POMO)
    assert result.logged == [seg(27, 52)]


def test_skip_break_while_paused_unpauses() -> None:
    state = timer.pause(timer.advance(started(), at(26), POMO).state, at(27))
    state = timer.skip_break(state, at(40), POMO)
    assert (state.paused_at, state.paused_seconds, state.phase_started) == (None, 0, at(40))


def test_skip_break_refuses_during_focus() -> None:
    with pytest.raises(InputError, match="no break to skip"):
        timer.skip_break(started(), at(3), POMO)


def test_a_forgotten_timer_stops_after_the_phase_limit() -> None:
    result = timer.advance(started(), at(60 * 24 * 365), POMO)
    assert result.state is None
    assert result.events[-1].startswith("Timer stopped")
    assert len(result.events) == timer.MAX_PHASES + 1
    assert len(result.logged) == timer.MAX_PHASES // 2


def test_a_week_long_catch_up_is_fast_and_exact() -> None:
    result = timer.advance(started(), at(7 * 24 * 60), POMO)
    cycle = 4 * 25 + 3 * 5 + 15  # minutes of four blocks and their breaks
    assert result.state is not None
    assert result.logged[4] == seg(cycle, cycle + 25)
    assert all(s.worked_seconds == 25 * 60 for s in result.logged)


# ---------------------------------------------------------------- countdown / stopwatch


def test_countdown_ends_logs_and_stops() -> None:
    state = started("countdown", 45 * 60)
    assert timer.advance(state, at(44), POMO).state == state
    result = timer.advance(state, at(300), POMO)
    assert result.state is None
    assert result.logged == [seg(0, 45)]
    assert result.events == ["Countdown over: time is up"]


def test_countdown_with_pauses_ends_later() -> None:
    state = timer.resume(timer.pause(started("countdown", 600), at(5)), at(8))
    assert timer.advance(state, at(12.9), POMO).state == state
    assert timer.advance(state, at(13), POMO).logged == [seg(0, 13, 180)]


def test_stopwatch_never_ends() -> None:
    state = started("stopwatch")
    result = timer.advance(state, at(60 * 24 * 30), POMO)
    assert result == timer.Transition(state, [], [])
    assert timer.remaining_seconds(state, at(100)) is None
    assert timer.elapsed_seconds(state, at(100)) == 6000


# ---------------------------------------------------------------- stop / switch


def test_stop_logs_the_stretch_under_way() -> None:
    result = timer.stop(started("stopwatch"), at(42))
    assert result == timer.Transition(None, [seg(0, 42)], [])


def test_stop_while_paused_ends_at_the_pause() -> None:
    state = timer.resume(timer.pause(started("stopwatch"), at(10)), at(20))
    state = timer.pause(state, at(30))
    assert timer.stop(state, at(90)).logged == [seg(0, 30, 600)]


def test_stop_during_a_break_or_at_once_logs_nothing() -> None:
    state = timer.advance(started(), at(26), POMO).state
    assert timer.stop(state, at(27)) == timer.Transition(None, [], [])
    assert timer.stop(started(), T0).logged == []


def test_stop_never_logs_past_an_unnoticed_phase_end() -> None:
    assert timer.stop(started(), at(70)).logged == [seg(0, 25)]
    assert timer.stop(started("countdown", 600), at(70)).logged == [seg(0, 10)]


def test_switch_logs_and_continues_the_same_phase() -> None:
    state = timer.resume(timer.pause(started(), at(5)), at(6))
    result = timer.switch(state, at(10), 13, "globex")
    assert result.logged == [seg(0, 10, 60)]
    state = result.state
    assert (state.task, state.client, state.entry_start) == (13, "globex", at(10))
    assert (state.phase_started, state.paused_seconds, state.entry_paused_seconds) == (T0, 60, 0)
    result = timer.advance(state, at(27), POMO)  # the phase still ends at 26
    assert result.logged == [Segment(at(10), at(26), 0, 13, "globex")]


def test_switch_while_paused_resumes_on_the_new_task() -> None:
    state = timer.pause(started("stopwatch"), at(10))
    result = timer.switch(state, at(15), 13, None)
    assert result.logged == [seg(0, 10)]
    state = result.state
    assert (state.paused_at, state.paused_seconds, state.entry_start) == (None, 300, at(15))
    assert timer.stop(state, at(20)).logged == [Segment(at(15), at(20), 0, 13, None)]


def test_switch_during_a_break_only_changes_the_task() -> None:
    state = timer.advance(started(), at(26), POMO).state
    result = timer.switch(state, at(27), 13, None)
    assert result.logged == [] and result.state.entry_start is None
    focus = timer.advance(result.state, at(31), POMO).state
    assert (focus.task, focus.entry_start) == (13, at(30))


# ---------------------------------------------------------------- settings


def test_settings_from_config() -> None:
    table = {"focus": 50, "break": "10m", "long_break": 30, "long_break_every": 3}
    assert PomodoroSettings.from_config(table) == PomodoroSettings(50, 10, 30, 3)
    assert PomodoroSettings.from_config({}) == PomodoroSettings()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"focuss": 25}, "unknown pomodoro setting 'focuss'"),
        ({"focus": 0}, "'focus' must be 1 to 240 minutes"),
        ({"focus": 25.5}, "'focus' must be"),
        ({"break": True}, "'break' must be"),
        ({"long_break": "4h30m"}, "'long_break' must be 1 to 240 minutes"),
        ({"long_break": "soon"}, "'long_break' must be 1 to 240 minutes, not 'soon'"),
        ({"long_break_every": "4"}, "'long_break_every' must be 1 to 24,"),
        ([], "must be a table"),
    ],
)
def test_settings_refuse_bad_values(table, message: str) -> None:
    with pytest.raises(InputError, match=message):
        PomodoroSettings.from_config(table)
