"""What the timer says, in French under a French UI (issue #12): the events of a
catch-up, the stretch too short to log, the break reminder; plurals by ngettext
(French counts 0 and 1 as singular); English as it always was."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from vaworkspace.domain.time import timer, timer_text
from vaworkspace.domain.time.timer import PomodoroSettings
from vaworkspace.i18n import use_language

T0 = datetime(2026, 12, 1, 14, 0, tzinfo=timezone.utc)
POMO = PomodoroSettings()


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.fixture
def french():
    use_language("fr_CA")


def test_a_pomodoro_caught_up_hours_later_says_each_phase_in_french(french) -> None:
    state = timer.start(T0, "pomodoro", 12, "acme", POMO).state
    events = timer.advance(state, at(116), POMO).events
    assert events == [
        "Bloc 1 terminé : prenez une pause de 5 minutes",
        "Fin de la pause : au travail",
        "Bloc 2 terminé : prenez une pause de 5 minutes",
        "Fin de la pause : au travail",
        "Bloc 3 terminé : prenez une pause de 5 minutes",
        "Fin de la pause : au travail",
        "Bloc 4 terminé : prenez une longue pause de 15 minutes",
    ]


def test_a_one_minute_break_is_singular_in_french(french) -> None:
    short = PomodoroSettings(focus_minutes=1, break_minutes=1, long_break_minutes=1)
    state = timer.start(T0, "pomodoro", None, "acme", short).state
    events = timer.advance(state, at(1), short).events
    assert events == ["Bloc 1 terminé : prenez une pause de 1 minute"]


def test_a_countdown_over_and_a_runaway_timer_in_french(french) -> None:
    state = timer.start(T0, "countdown", 12, "acme", POMO, 60).state
    assert timer.advance(state, at(2), POMO).events == [
        "Compte à rebours terminé : le temps est écoulé"
    ]
    forgotten = timer.start(T0, "pomodoro", 12, "acme", POMO).state
    last = timer.advance(forgotten, at(60 * 24 * 30), POMO).events[-1]
    assert last == "Minuteur arrêté : il a tourné sans surveillance plus de 1000 phases"


def test_the_unlogged_stretch_and_the_break_reminder_in_french(french) -> None:
    assert timer_text.unlogged_text(2, 1) == (
        "0:02 de concentration sans saisie : en deçà du minimum de 1 minute"
        " (timer_minimum_minutes dans la configuration)"
    )
    assert timer_text.unlogged_text(125, 5) == (
        "2:05 de concentration sans saisie : en deçà du minimum de 5 minutes"
        " (timer_minimum_minutes dans la configuration)"
    )
    state = timer.start(T0, "stopwatch", 12, "acme", POMO).state
    assert timer.break_reminder(state, at(95)) == "Vous travaillez depuis 95 minutes sans pause"
    assert timer.break_reminder(state, at(1.5), 1) == ("Vous travaillez depuis 1 minute sans pause")


def test_english_says_them_as_before() -> None:
    state = timer.start(T0, "pomodoro", 12, "acme", POMO).state
    events = timer.advance(state, at(116), POMO).events
    assert events[-2:] == [
        "Break over: back to work",
        "Focus block 4 done: take a 15-minute long break",
    ]
    assert timer_text.unlogged_text(2, 1) == (
        "0:02 of focus not logged: under the 1-minute minimum (timer_minimum_minutes in the config)"
    )
    assert timer_text.ran_unattended(1000) == (
        "Timer stopped: it ran unattended for over 1000 phases"
    )
    assert timer_text.worked_without_break(1) == "You have worked 1 minute without a break"
