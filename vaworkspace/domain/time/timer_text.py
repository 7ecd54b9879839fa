"""What the focus timer says, in the language in use, and what a target typed to it names.

The timer's events (a focus block or a break that ended, a countdown over, a
timer stopped after running unattended), the stretch too short to log and the
break reminder are made as text at the moment they are said: `advance` runs at
every catch-up, from the stored instants alone. No event is ever stored, so a
file written by any version reads the same, and each event is said in the
language of the process that says it (a TUI notification, `va timer` output, the
`notify_command`). English is the msgid: an English UI says them as it always did.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from vaworkspace.domain.dates import UTC
from vaworkspace.errors import InputError
from vaworkspace.i18n import _, ngettext

if TYPE_CHECKING:
    from vaworkspace.domain.time.timer import TimerState


def break_over() -> str:
    """A break (short or long) ended: a focus phase starts."""
    return _("Break over: back to work")


def countdown_over() -> str:
    """A countdown reached its end: the timer is gone."""
    return _("Countdown over: time is up")


def block_done(done: int, minutes: int, long: bool) -> str:
    """Focus block `done` (counted from 1) ended; a break of `minutes` starts."""
    if long:
        text = ngettext(
            "Focus block {done} done: take a {minutes}-minute long break",
            "Focus block {done} done: take a {minutes}-minute long break",
            minutes,
        )
    else:
        text = ngettext(
            "Focus block {done} done: take a {minutes}-minute break",
            "Focus block {done} done: take a {minutes}-minute break",
            minutes,
        )
    return text.format(done=done, minutes=minutes)


def ran_unattended(phases: int) -> str:
    """A catch-up that met more phases than it ends in one call stopped the timer."""
    text = ngettext(
        "Timer stopped: it ran unattended for over {count} phase",
        "Timer stopped: it ran unattended for over {count} phases",
        phases,
    )
    return text.format(count=phases)


def unlogged_text(seconds: int, minimum_minutes: int) -> str:
    """Why a focus stretch left no entry (`timer_minimum_minutes`): the event of a
    catch-up, and the line `stop` and `switch` print. `0:02 of focus not logged…`"""
    minutes, rest = divmod(max(0, seconds), 60)
    text = ngettext(
        "{length} of focus not logged: under the {minimum}-minute minimum"
        " (timer_minimum_minutes in the config)",
        "{length} of focus not logged: under the {minimum}-minute minimum"
        " (timer_minimum_minutes in the config)",
        minimum_minutes,
    )
    return text.format(length=f"{minutes}:{rest:02d}", minimum=minimum_minutes)


def worked_without_break(minutes: int) -> str:
    """The break reminder (`timer.break_reminder` decides when it is due)."""
    text = ngettext(
        "You have worked {minutes} minute without a break",
        "You have worked {minutes} minutes without a break",
        minutes,
    )
    return text.format(minutes=minutes)


def running_text(state: TimerState, tz: tzinfo | None) -> str:
    """`a timer is already running on task 12 for @acme (started 14:05); …`, local
    time, or UTC (said so)."""
    task = _(" on task {id}").format(id=state.task) if state.task is not None else ""
    client = _(" for @{client}").format(client=state.client) if state.client else ""
    begun = (state.entry_start or state.phase_started).astimezone(tz or UTC)
    return _(
        "a timer is already running{task}{client} (started {time}); stop or switch it first"
    ).format(task=task, client=client, time=f"{begun:%H:%M}{'' if tz else ' UTC'}")


def parse_target(text: str) -> tuple[int | None, str | None]:
    """What a typed timer target names: `12` (or `#12`) → (12, None), a task;
    `@acme` → (None, "acme"), a client alone (the reference is resolved later)."""
    word = text.strip()
    if word.startswith("@"):
        return None, word[1:]
    if not word.lstrip("#").isdigit():
        raise InputError(
            _("'{text}' is neither a task id (12) nor a client (@acme)").format(text=text)
        )
    return int(word.lstrip("#")), None
