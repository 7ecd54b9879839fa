"""Today, as the one-second tick of the TUI watches it: the timer's events, the
break reminder, the day's load against the cap and the retainers' use.

The rules are the domain's (`timer.break_reminder`, `day_load`, `reports`) and
the settings the config's (`break_reminder_minutes`, `daily_cap_hours`, checked
when it was loaded); this service gathers them into one `Nudges` value. Saying
each one only once (per focus phase, per day, per threshold crossed) is the
caller's memory: the TUI keeps it for as long as it runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from vaworkspace.service.context import Context, Service

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.service.reading import Inbox
    from vaworkspace.service.time import TimeService


@dataclass(frozen=True, slots=True)
class DayLoad:
    """Today's logged seconds (the running stretch included) and the estimates of
    the open tasks due today, against the cap in hours."""

    day: date
    logged_seconds: int
    planned_seconds: int
    cap_hours: float

    @property
    def over_cap(self) -> bool:
        from vaworkspace.domain.time.day_load import over_daily_cap

        return over_daily_cap(self.logged_seconds, self.planned_seconds, self.cap_hours)

    @property
    def message(self) -> str:
        from vaworkspace.domain.time.day_load import cap_message

        return cap_message(self.cap_hours)


@dataclass(frozen=True, slots=True)
class Nudges:
    """What the tick may tell the VA now."""

    events: list[str]
    """The timer's own events since last asked (a focus block or a break ended)."""
    break_reminder: str | None
    """"Take a break" once the configured minutes of focus in a row have passed."""
    focus_started: datetime | None
    """When the timer's current phase began: the reminder is said once per phase."""
    load: DayLoad
    burns: dict[str, tuple[int, int]] = field(default_factory=dict)
    """(used, bought) retainer minutes per client, as `Inbox.budget_burns`."""


class Today(Service):
    """`ws.today`: the day's load and the nudges of the one-second tick."""

    def __init__(self, ctx: Context, time: TimeService, inbox: Inbox) -> None:
        super().__init__(ctx)
        self.time = time
        self.inbox = inbox

    def load(self) -> DayLoad:
        """Logged plus planned today, against `daily_cap_hours`."""
        from vaworkspace.domain.time.day_load import planned_seconds

        day = self.now().astimezone(self.tz).date()
        tasks = [task for _, task in self.inbox.ranked()]
        return DayLoad(
            day,
            self.time.logged_today(),
            planned_seconds(tasks, day, self.tz),
            self.config.daily_cap_hours,
        )

    def nudges(self) -> Nudges:
        """Catch the timer up (this may log a finished focus block) and gather the
        rest; each part reads the file once more at most."""
        from vaworkspace.domain.time.timer import break_reminder

        state, events = self.time.timer()
        reminder = break_reminder(state, self.now(), self.config.break_reminder_minutes)
        return Nudges(
            events=events,
            break_reminder=reminder,
            focus_started=state.phase_started if state is not None else None,
            load=self.load(),
            burns=self.inbox.budget_burns(),
        )
