"""What a status bar or `va timer status` shows of the focus timer at one instant."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from vaworkspace.domain.time.timer import TimerState, elapsed_seconds, remaining_seconds


@dataclass(frozen=True, slots=True)
class TimerStatus:
    """The timer at one instant; the same fields with or without a timer running.

    `events` are what happened since the timer was last caught up (a focus block
    or a break that ended), when the status comes from a catch-up.
    """

    running: bool = False
    task: int | None = None
    client: str | None = None
    mode: str | None = None
    phase: str | None = None
    paused: bool = False
    elapsed_seconds: int = 0
    remaining_seconds: int | None = None
    pomodoros: int = 0
    events: tuple[str, ...] = ()

    @property
    def shown_seconds(self) -> int:
        """What a clock face shows: the time left, or the time counted (a stopwatch)."""
        left = self.remaining_seconds
        return left if left is not None else self.elapsed_seconds

    def as_json(self) -> dict[str, object]:
        """The `va timer status --json` object (events as a list)."""
        found = asdict(self)
        found["events"] = list(self.events)
        return found


def status(state: TimerState | None, now: datetime, events: tuple[str, ...] = ()) -> TimerStatus:
    """The status of `state` (None: no timer) at `now`."""
    if state is None:
        return TimerStatus(events=events)
    return TimerStatus(
        running=True,
        task=state.task,
        client=state.client,
        mode=state.mode,
        phase=state.phase,
        paused=state.paused_at is not None,
        elapsed_seconds=elapsed_seconds(state, now),
        remaining_seconds=remaining_seconds(state, now),
        pomodoros=state.pomodoros,
        events=events,
    )
