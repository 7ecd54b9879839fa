"""What urgency and the inbox's filters read of a task, as plain values.

Ranking 10,000 open tasks needs these few values, not a `Task` each: a `Task`
gives them (`facts_of`) and so does the store, straight from a stored record
(`store.table_reads.TaskTable.facts`). Both are scored by the one rule
(`urgency._evaluate`) and filtered by the same status rules (`status.py`).

Apart from `urgency.py` because the store builds them on every read of the
open tasks, and a command that ranks nothing (`va add`) must not import the
urgency rules, their coefficients and the working hours for it.
"""

from __future__ import annotations

from collections import namedtuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date, datetime
    from typing import NamedTuple

    from vaworkspace.domain.models import Task

    class TaskFacts(NamedTuple):
        """A task's values that urgency and the inbox's filters read, by name."""

        id: int
        due: date | datetime | None
        priority: str | None
        tags: list[str]
        client: str | None
        estimate_minutes: int | None
        status: str
        wait: date | datetime | None
        depends: list[str]
        created: datetime

else:  # the same tuple without importing `typing`, which no other part of `va list` needs
    TaskFacts = namedtuple(
        "TaskFacts", "id due priority tags client estimate_minutes status wait depends created"
    )


def facts_of(task: Task) -> TaskFacts:
    return TaskFacts(
        task.id,
        task.due,
        task.priority,
        task.tags,
        task.client,
        task.estimate_minutes,
        task.status,
        task.wait,
        task.depends,
        task.created,
    )
