"""How full today is: what was logged plus what is still planned, against a daily cap.

Overwork is the main risk of a VA's job, so the workspace warns once a day when
the hours logged today and the estimates of the open tasks due today add up to
more than `daily_cap_hours` (config). Rules:

- **Planned** is the sum of the estimates of the open tasks given (the caller
  passes the visible open ones) whose due date falls on `day`: a date due on that
  date, an instant due on that local day (in `tz`). Tasks without an estimate or a
  due date plan nothing.
- **Over the cap** is strictly more than `cap_hours`: exactly the cap is a full day,
  not an overfull one.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from vaworkspace.domain.models import Task


def planned_seconds(tasks: Iterable[Task], day: date, tz: tzinfo) -> int:
    """Seconds of estimates of `tasks` due on the local `day`."""
    total = 0
    for task in tasks:
        due = task.due
        if due is None or not task.estimate_minutes:
            continue
        local = due.astimezone(tz).date() if isinstance(due, datetime) else due
        if local == day:
            total += task.estimate_minutes * 60
    return total


def over_daily_cap(logged_seconds: int, planned: int, cap_hours: float) -> bool:
    """Whether logged and planned time pass the cap (strictly)."""
    return logged_seconds + planned > cap_hours * 3600


def cap_message(cap_hours: float) -> str:
    """What the VA is told, once that day, when the cap is passed."""
    return (
        f"Today's logged and planned work passes your {cap_hours:g}h cap: "
        "move something to tomorrow"
    )
