"""A VTODO as a task: the translation rules of the iCalendar adapter.

`reader.py` reads a to-do into an `ImportedTodo` (iCalendar terms already turned
into task terms: status, priority, tags). This module makes the `Task` the
service stores, given the client the calendar belongs to (decided by the
service) and the moment of the import:

- **Status.** A completed or cancelled to-do stays so; an open one is `todo` when
  the calendar belongs to a client, else `inbox`: a task without a client still
  needs triage.
- **Identity.** The task's UUID is the to-do's UID (re-importing updates the same
  task); a to-do without UID gets a new one. The id is 0: the store numbers it.
- **Text.** The title is the SUMMARY without surrounding blanks; a to-do without
  one is refused (`InputError`), it could not be shown in any list.
- **Dates.** DUE is the due date, DTSTART the scheduled one; CREATED and
  LAST-MODIFIED default to the moment of the import.
- **Recurrence.** The RRULE is the task's recurrence, as if typed `every …`
  (a file import also gives an open one without DUE its current occurrence,
  see `service/calendar.py`).
"""

from __future__ import annotations

from datetime import datetime

from vaworkspace.domain.models import Task
from vaworkspace.errors import InputError
from vaworkspace.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from vaworkspace.ical.reader import ImportedTodo


def task_from_todo(
    todo: ImportedTodo, owner: str | None, now: datetime, new_uuid: Callable[[], str]
) -> Task:
    """The task a to-do stands for (id 0), owned by `owner` (a client id or None)."""
    if not todo.title.strip():
        raise InputError(_("to-do {uid} has no summary").format(uid=todo.uid))
    closed = todo.status in ("done", "cancelled")
    status = todo.status if closed else "todo" if owner else "inbox"
    return Task(
        id=0,
        uuid=todo.uid or new_uuid(),
        title=todo.title.strip(),
        created=todo.created or now,
        modified=todo.last_modified or now,
        client=owner,
        tags=list(todo.tags),
        priority=todo.priority,
        status=status,
        due=todo.due,
        scheduled=todo.start,
        recurrence=todo.rrule,
        notes=todo.notes or "",
        completed=todo.completed,
        source="ical",
    )
