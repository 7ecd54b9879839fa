"""Where an open task stands as of a moment: hidden while it waits, overdue once due.

Apart from the urgency terms (`urgency.py`) because commands that rank nothing
ask too: `va add` echoes a task's status, the agenda hides waiting tasks, the
inbox colours overdue dates. Those need neither the coefficients nor the
working hours.
"""

from __future__ import annotations

from datetime import date, datetime, timezone, tzinfo

from vaworkspace.domain.dates import to_instant

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.domain.models import Task
    from vaworkspace.domain.tasks.facts import TaskFacts


def is_hidden(task: Task | TaskFacts, now: datetime, tz: tzinfo) -> bool:
    """A waiting task with a wait date in the future stays out of the inbox."""
    return (
        task.status == "waiting"
        and task.wait is not None
        and to_instant(task.wait, tz, end=False) > now
    )


def is_overdue(due: date | datetime, now: datetime, tz: tzinfo) -> bool:
    """Whether a due value has passed: an instant before `now` (a naive one is UTC),
    a date before today in `tz` (due today is not late until the day is over). The
    inbox colours a task's due column by this; its text says the same
    (`dates.humanize_due`: "3d overdue")."""
    if isinstance(due, datetime):
        return (due.replace(tzinfo=timezone.utc) if due.tzinfo is None else due) < now
    return due < now.astimezone(tz).date()


def effective_status(task: Task | TaskFacts, now: datetime, tz: tzinfo) -> str:
    """`waiting` turns back into `todo` once its wait date has come."""
    if task.status == "waiting" and task.wait is not None and not is_hidden(task, now, tz):
        return "todo"
    return task.status
