"""The focus timer: a pure state machine over stored instants.

The running timer is saved as its instants (`store/timer_records.py`), so a crash, a
dropped SSH session or a reboot loses nothing; elapsed time is always computed from
the stored instants and `now`, never by counting ticks. One timer runs at a time. A
*pomodoro* alternates focus and breaks (a long one after every N-th block); a
*countdown* is one focus phase of a chosen length; a *stopwatch* never ends.

How focus time becomes a time entry: the focus stretch not yet logged starts at
`entry_start`; its pauses add up in `entry_paused_seconds`. When it closes (phase
end, `stop`, `switch`) it becomes ONE `Segment` from `entry_start` to the instant
work stopped, with the pauses in `paused_seconds`; the service stores one entry
whose worked time is `end - start - paused_seconds` (`entries.entry_from_segment`).
A pause never splits an entry; a stretch with no worked time is not logged.

Callers run `advance` before any other operation (the TUI does on every repaint)
so the state is the phase really under way; `stop` and `switch` anyway never log
focus time past the stored phase's end.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo

from vaworkspace.domain.dates import UTC, parse_duration
from vaworkspace.domain.time import timer_text
from vaworkspace.errors import InputError
from vaworkspace.i18n import _

MODES = ("pomodoro", "countdown", "stopwatch")
PHASES = ("focus", "break", "long_break")
MAX_PHASES = 1000
"""Phases `advance` ends in one call; a pomodoro forgotten for over a week then stops."""
MAX_COUNTDOWN_SECONDS = 24 * 3600


@dataclass(frozen=True, slots=True)
class PomodoroSettings:
    """Phase lengths in minutes; `[pomodoro]` in the config file overrides them."""

    focus_minutes: int = 25
    break_minutes: int = 5
    long_break_minutes: int = 15
    long_break_every: int = 4

    @classmethod
    def from_config(cls, table: dict[str, object]) -> PomodoroSettings:
        """Build from `[pomodoro]`: focus, break, long_break (minutes, or text like
        "25m") and long_break_every (a count); anything else is refused."""
        if not isinstance(table, dict):
            raise InputError(_("[pomodoro] in the config must be a table of settings"))
        return cls(**dict(_setting(key, value) for key, value in table.items()))


_SETTINGS = {  # config key: (field, lowest, highest)
    "focus": ("focus_minutes", 1, 240),
    "break": ("break_minutes", 1, 120),
    "long_break": ("long_break_minutes", 1, 240),
    "long_break_every": ("long_break_every", 1, 24),
}


def _setting(key: str, value: object) -> tuple[str, int]:
    """The field and its whole number within limits; minutes may be written like "25m"."""
    if key not in _SETTINGS:
        raise InputError(
            _("unknown pomodoro setting '{key}'; known: {known}").format(
                key=key, known=", ".join(_SETTINGS)
            )
        )
    name, low, high = _SETTINGS[key]
    minutes = key != "long_break_every"
    try:  # "long" is refused below, naming the setting
        number = parse_duration(value) if minutes and isinstance(value, str) else value
    except InputError:
        number = None
    if isinstance(number, bool) or not isinstance(number, int) or not low <= number <= high:
        if minutes:
            message = _("pomodoro setting '{key}' must be {low} to {high} minutes, not {value}")
        else:
            message = _("pomodoro setting '{key}' must be {low} to {high}, not {value}")
        raise InputError(message.format(key=key, low=low, high=high, value=repr(value)))
    return name, number


@dataclass(frozen=True, slots=True)
class TimerState:
    """The running timer, as stored; instants are whole-second UTC datetimes.

    `paused_seconds` holds the finished pauses of the phase; the one since
    `paused_at` is added on resume.
    """

    mode: str
    task: int | None
    client: str | None
    phase: str
    phase_started: datetime
    paused_at: datetime | None
    paused_seconds: int
    target_seconds: int | None
    pomodoros: int
    entry_start: datetime | None
    entry_paused_seconds: int
    kind: str | None = None  # `va timer start @acme #seo`: the kind its entries keep


@dataclass(frozen=True, slots=True)
class Segment:
    """A finished focus stretch, to become one time entry (see the module docstring)."""

    start: datetime
    end: datetime
    paused_seconds: int
    task: int | None
    client: str | None
    kind: str | None = None

    @property
    def worked_seconds(self) -> int:
        return int((self.end - self.start).total_seconds()) - self.paused_seconds


@dataclass(frozen=True, slots=True)
class Transition:
    """What an operation produced: the new state (None: no timer), the focus
    stretches to log, in order, and one-line events for notifications and the bell,
    said in the language in use (`timer_text`)."""

    state: TimerState | None
    logged: list[Segment]
    events: list[str]


def _utc(now: datetime) -> datetime:
    """Whole-second UTC, as stored; a naive datetime is taken to be UTC."""
    now = now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)
    return now.replace(microsecond=0)


def _clock(state: TimerState, now: datetime) -> datetime:
    """The instant the timer has reached: frozen at `paused_at` while paused; a clock
    that went backwards never takes it before the phase start."""
    reached = state.paused_at if state.paused_at is not None else _utc(now)
    return max(reached, state.phase_started)


def elapsed_seconds(state: TimerState, now: datetime) -> int:
    """Seconds counted in the current phase, pauses excluded; never negative."""
    counted = (_clock(state, now) - state.phase_started).total_seconds()
    return max(0, int(counted) - state.paused_seconds)


def remaining_seconds(state: TimerState, now: datetime) -> int | None:
    """Seconds left in the current phase (0 once due); None for a stopwatch."""
    if state.target_seconds is None:
        return None
    return max(0, state.target_seconds - elapsed_seconds(state, now))


def continuous_work_seconds(state: TimerState, now: datetime) -> int:
    """Focus time since the last break phase (or the start): pauses do not count
    as work, but do not reset it either; a break, even a skipped one, does."""
    return elapsed_seconds(state, now) if state.phase == "focus" else 0


def _reached_end(state: TimerState, now: datetime) -> datetime | None:
    """The current phase's end instant if the timer's clock has reached it. Only
    finished pauses count: one under way started after any end it has reached."""
    if state.target_seconds is None:
        return None
    end = state.phase_started + timedelta(seconds=state.paused_seconds + state.target_seconds)
    return end if end <= _clock(state, now) else None


def start(
    now: datetime,
    mode: str,
    task: int | None,
    client: str | None,
    settings: PomodoroSettings,
    duration_seconds: int | None = None,
    running: TimerState | None = None,
    tz: tzinfo | None = None,
    kind: str | None = None,
) -> Transition:
    """A new timer at `now`, refused while another runs. A countdown needs
    `duration_seconds`; a pomodoro's focus length comes from `settings`; `tz` only
    formats the refusal (UTC without it)."""
    if running is not None:
        raise InputError(timer_text.running_text(running, tz))
    if mode not in MODES:
        raise InputError(
            _("unknown timer mode '{mode}'; choose {choices}").format(
                mode=mode, choices=", ".join(MODES)
            )
        )
    now = _utc(now)
    state = TimerState(
        mode=mode,
        task=task,
        client=client,
        phase="focus",
        phase_started=now,
        paused_at=None,
        paused_seconds=0,
        target_seconds=_target(mode, settings, duration_seconds),
        pomodoros=0,
        entry_start=now,
        entry_paused_seconds=0,
        kind=kind,
    )
    return Transition(state, [], [])


def _target(mode: str, settings: PomodoroSettings, duration_seconds: int | None) -> int | None:
    if mode == "countdown":
        if duration_seconds is None:
            raise InputError(_("a countdown needs a duration, like 30m or 1h"))
        if not 0 < duration_seconds <= MAX_COUNTDOWN_SECONDS:
            raise InputError(_("a countdown lasts from one second to 24 hours"))
        return int(duration_seconds)
    if duration_seconds is not None:
        if mode == "stopwatch":
            raise InputError(_("a stopwatch takes no duration; use a countdown for a fixed length"))
        raise InputError(
            _("a pomodoro uses [pomodoro] focus from config; use a countdown for a fixed length")
        )
    return settings.focus_minutes * 60 if mode == "pomodoro" else None


def pause(state: TimerState, now: datetime) -> TimerState:
    """Freeze the timer: elapsed time stops counting until `resume`."""
    if state.paused_at is not None:
        raise InputError(_("the timer is already paused; resume it to continue"))
    return replace(state, paused_at=_clock(state, now))


def resume(state: TimerState, now: datetime) -> TimerState:
    """Count again; the pause is added to the phase's and the stretch's pauses."""
    if state.paused_at is None:
        raise InputError(_("the timer is not paused"))
    return _unpause(state, now)


def _unpause(state: TimerState, now: datetime) -> TimerState:
    """Resume if paused (`switch` resumes too)."""
    if state.paused_at is None:
        return state
    length = max(0, int((_utc(now) - state.paused_at).total_seconds()))
    in_stretch = length if state.entry_start is not None else 0
    return replace(
        state,
        paused_at=None,
        paused_seconds=state.paused_seconds + length,
        entry_paused_seconds=state.entry_paused_seconds + in_stretch,
    )


def _close_stretch(state: TimerState, now: datetime) -> Segment | None:
    """The unlogged focus stretch up to the timer's clock (never past the phase end)."""
    if state.entry_start is None:
        return None
    end = _reached_end(state, now) or _clock(state, now)
    stretch = Segment(
        state.entry_start, end, state.entry_paused_seconds, state.task, state.client, state.kind
    )
    return stretch if stretch.worked_seconds > 0 else None


def stop(state: TimerState, now: datetime) -> Transition:
    """End the timer; the focus stretch under way (if any) is logged."""
    segment = _close_stretch(state, now)
    return Transition(None, [segment] if segment else [], [])


def switch(
    state: TimerState, now: datetime, task: int | None, client: str | None, kind: str | None = None
) -> Transition:
    """Log the stretch so far and go on, same mode and phase, on another task/client,
    as `kind` of work (None: the task's priced tag decides, as after a start).

    Switching also resumes a paused timer: naming the new task means work on it.
    """
    segment = _close_stretch(state, now)
    state = _unpause(state, now)
    begins = max(_utc(now), state.phase_started) if state.phase == "focus" else None
    state = replace(
        state, task=task, client=client, kind=kind, entry_start=begins, entry_paused_seconds=0
    )
    return Transition(state, [segment] if segment else [], [])


def skip_break(state: TimerState, now: datetime, settings: PomodoroSettings) -> TimerState:
    """End the break early: a new focus phase starts now."""
    if state.phase == "focus":
        raise InputError(_("there is no break to skip: the timer is in a focus phase"))
    state = replace(state, paused_at=None)
    return _focus_phase(state, _clock(state, now), settings)


def _focus_phase(state: TimerState, at: datetime, settings: PomodoroSettings) -> TimerState:
    """A focus phase from `at`; a pause under way (caught up by `advance`) goes on."""
    return replace(
        state,
        phase="focus",
        phase_started=at,
        paused_seconds=0,
        target_seconds=settings.focus_minutes * 60,
        entry_start=at,
        entry_paused_seconds=0,
    )


def advance(state: TimerState, now: datetime, settings: PomodoroSettings) -> Transition:
    """Catch up with time: end every phase whose target has passed, at its own end.

    Each phase ends at the instant its target was reached, not at `now`, so a
    pomodoro left running for hours logs the blocks it really ran. A paused timer
    only catches up to the moment it was paused. At most `MAX_PHASES` phases end
    in one call; a timer further behind is stopped, with an event saying so.
    """
    logged: list[Segment] = []
    events: list[str] = []
    current: TimerState | None = state
    ended = 0
    while current is not None and (end := _reached_end(current, now)) is not None:
        if ended == MAX_PHASES:
            events.append(timer_text.ran_unattended(MAX_PHASES))
            return Transition(None, logged, events)
        current, segment, event = _end_phase(current, end, settings)
        logged.extend([segment] if segment else [])
        events.append(event)
        ended += 1
    return Transition(current, logged, events)


def _end_phase(
    state: TimerState, end: datetime, settings: PomodoroSettings
) -> tuple[TimerState | None, Segment | None, str]:
    """The state after the current phase ended at `end`, what to log, and the event."""
    if state.phase != "focus":
        return _focus_phase(state, end, settings), None, timer_text.break_over()
    segment = _close_stretch(state, end)
    if state.mode == "countdown":
        return None, segment, timer_text.countdown_over()
    done = state.pomodoros + 1
    long = done % settings.long_break_every == 0
    minutes = settings.long_break_minutes if long else settings.break_minutes
    following = replace(
        state,
        phase="long_break" if long else "break",
        phase_started=end,
        paused_seconds=0,
        target_seconds=minutes * 60,
        pomodoros=done,
        entry_start=None,
        entry_paused_seconds=0,
    )
    return following, segment, timer_text.block_done(done, minutes, long)


def break_reminder(state: TimerState | None, now: datetime, after_minutes: int = 90) -> str | None:
    """The "take a break" line once `after_minutes` of continuous focus have passed,
    else None; the caller shows it once per focus phase (key: `phase_started`)."""
    worked = continuous_work_seconds(state, now) if state is not None else 0
    if not after_minutes or worked < after_minutes * 60:
        return None
    return timer_text.worked_without_break(worked // 60)
