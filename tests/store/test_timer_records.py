"""The running timer's stored record: read back exactly, and a damaged one refused
naming the field (the schema check reads it on every open)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vaworkspace.domain.time import timer
from vaworkspace.domain.time.timer import PomodoroSettings, TimerState
from vaworkspace.errors import InputError
from vaworkspace.store.timer_records import (
    find_timer,
    has_timer,
    timer_from_record,
    timer_to_record,
)

T0 = datetime(2026, 12, 1, 14, 0, tzinfo=timezone.utc)
POMO = PomodoroSettings()


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def started() -> TimerState:
    state = timer.start(T0, "pomodoro", 12, "acme", POMO).state
    assert state is not None
    return state


def test_record_round_trip_of_a_paused_break() -> None:
    state = timer.pause(timer.advance(started(), at(26), POMO).state, at(27))
    record = timer_to_record(state)
    assert record["phase_started"] == "2026-12-01T14:25:00Z"
    assert record["paused_at"] == "2026-12-01T14:27:00Z"
    assert record["entry_start"] is None
    assert timer_from_record(record) == state


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"mode": "egg"}, "mode"),
        ({"phase": "nap"}, "phase"),
        ({"phase_started": "yesterday"}, "phase_started"),
        ({"phase_started": "2026-12-01"}, "phase_started"),
        ({"phase_started": None}, "phase_started"),
        ({"paused_at": 5}, "paused_at"),
        ({"paused_seconds": -1}, "paused_seconds"),
        ({"pomodoros": True}, "pomodoros"),
        ({"task": "12"}, "task"),
        ({"client": 3}, "client"),
        ({"target_seconds": 0}, "target_seconds"),
        ({"target_seconds": None}, "target_seconds"),
        ({"mode": "countdown", "phase": "break", "entry_start": None}, "phase"),
        ({"entry_start": None}, "entry_start"),
    ],
)
def test_damaged_records_are_input_errors_naming_the_field(change: dict, field: str) -> None:
    record = timer_to_record(started()) | change
    with pytest.raises(InputError, match=f"saved timer is damaged: '{field}'"):
        timer_from_record(record)


def test_missing_fields_and_non_tables_are_input_errors() -> None:
    record = timer_to_record(started())
    del record["mode"]
    with pytest.raises(InputError, match="'mode'"):
        timer_from_record(record)
    with pytest.raises(InputError, match="expected a table"):
        timer_from_record(["pomodoro"])


def test_the_state_table_holds_at_most_one_timer_among_other_kinds() -> None:
    preference = {"kind": "preference", "name": "theme", "value": "nord"}
    assert find_timer({1: preference}) is None and not has_timer({1: preference})
    stored = {1: preference, 2: {"kind": "timer", "timer": timer_to_record(started())}}
    assert find_timer(stored) == started() and has_timer(stored)


STEPS = st.lists(
    st.tuples(
        st.sampled_from(["advance", "pause", "resume", "skip", "switch"]),
        st.integers(0, 4 * 3600),  # seconds since the previous step
    ),
    max_size=30,
)


@settings(max_examples=200)
@given(st.sampled_from(timer.MODES), STEPS)
def test_every_state_a_session_reaches_reads_back_exactly(mode: str, steps) -> None:
    now = T0
    state = timer.start(T0, mode, 1, "acme", POMO, 3600 if mode == "countdown" else None).state
    for name, gap in steps:
        if state is None:
            return
        now += timedelta(seconds=gap)
        state = timer.advance(state, now, POMO).state
        try:
            if state is not None and name in ("pause", "resume"):
                state = getattr(timer, name)(state, now)
            elif state is not None and name == "skip":
                state = timer.skip_break(state, now, POMO)
            elif state is not None and name == "switch":
                state = timer.switch(state, now, 2, None).state
        except InputError:
            continue
        if state is not None:
            assert timer_from_record(timer_to_record(state)) == state
