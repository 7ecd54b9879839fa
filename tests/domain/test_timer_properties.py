"""The focus timer under random sessions: whatever users do, in whatever order and
after whatever pauses, elapsed time stays sound and logged stretches never overlap
(the round trip through the stored record: `tests/store/test_timer_records.py`)."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vaworkspace.domain.time import timer
from vaworkspace.domain.time.status import status
from vaworkspace.domain.time.timer import PomodoroSettings, Segment
from vaworkspace.errors import InputError

T0 = datetime(2026, 12, 1, 14, 0, tzinfo=timezone.utc)
PROPERTY = settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])

OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["advance", "pause", "resume", "stop", "switch", "skip", "start"]),
        st.integers(0, 4 * 3600),  # seconds since the previous operation
        st.sampled_from(["pomodoro", "countdown", "stopwatch"]),
        st.integers(1, 3 * 3600),
    ),
    max_size=40,
)
SETTINGS = st.builds(
    PomodoroSettings, st.integers(1, 60), st.integers(1, 30), st.integers(1, 45), st.integers(1, 6)
)


@PROPERTY
@given(st.sampled_from(timer.MODES), OPERATIONS, SETTINGS)
def test_random_sessions_stay_sound(mode: str, operations, pomo: PomodoroSettings) -> None:
    now, first = T0, T0
    state = timer.start(T0, mode, 1, None, pomo, 3600 if mode == "countdown" else None).state
    logged: list[Segment] = []
    for name, gap, mode, duration in operations:
        now += timedelta(seconds=gap)
        try:
            state, produced = _apply(name, state, now, mode, duration, pomo)
        except InputError:
            continue
        logged += produced
        if state is not None:
            assert timer.elapsed_seconds(state, now) >= 0
            assert (timer.remaining_seconds(state, now) or 0) >= 0
            assert status(state, now).running
    for a, b in itertools.pairwise(logged):
        assert a.end <= b.start  # stretches never overlap
    assert all(s.worked_seconds > 0 and s.end <= now for s in logged)
    if logged:
        assert sum(s.worked_seconds for s in logged) <= (now - first).total_seconds()


def _apply(name, state, now, mode, duration, pomo):
    """One operation; a timer is advanced first, as the service does."""
    logged: list[Segment] = []
    if state is not None:
        step = timer.advance(state, now, pomo)
        state, logged = step.state, step.logged
    if name == "start":
        result = timer.start(
            now, mode, 1, None, pomo, duration if mode == "countdown" else None, running=state
        )
        return result.state, logged
    if state is None or name == "advance":
        return state, logged
    if name in ("pause", "resume"):
        return getattr(timer, name)(state, now), logged
    if name == "skip":
        return timer.skip_break(state, now, pomo), logged
    result = timer.stop(state, now) if name == "stop" else timer.switch(state, now, 2, "b")
    return result.state, logged + result.logged


@PROPERTY
@given(OPERATIONS, SETTINGS)
def test_random_sessions_without_advance_only_raise_input_errors(operations, pomo) -> None:
    """Callers should advance first; if one forgets, nothing worse than InputError."""
    now, state = T0, None
    for name, gap, mode, duration in operations:
        now += timedelta(seconds=gap)
        try:
            if name == "start" or state is None:
                dur = duration if mode == "countdown" else None
                state = timer.start(now, mode, 1, None, pomo, dur, running=state).state
            elif name in ("pause", "resume"):
                state = getattr(timer, name)(state, now)
            elif name == "skip":
                state = timer.skip_break(state, now, pomo)
            elif name == "stop":
                assert all(s.end <= now for s in timer.stop(state, now).logged)
                state = None
            else:
                state = timer.switch(state, now, 2, None).state
        except InputError:
            continue
        if state is not None:
            assert timer.elapsed_seconds(state, now) >= 0
