"""The rules of a task's life: creation from quick add, edits, waiting, completion.

Pure functions over `Task`; the service runs them inside a store transaction.
Status rules in one place:
- a new task with a client is `todo`; without one it lands in the `inbox` to triage;
- a wait date in the future makes it `waiting` (hidden from the inbox until then);
  clearing the wait date makes it `todo` again;
- completing a recurring task spawns the next occurrence as a new task with its
  own id and uuid, the wait date shifted by the same amount as the due date.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, tzinfo

from vaworkspace.domain.dates import to_instant
from vaworkspace.domain.models import Task
from vaworkspace.errors import InputError
from vaworkspace.i18n import N_, _

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs 7 ms
if TYPE_CHECKING:
    from vaworkspace.domain.tasks.quickadd import QuickAdd

_COPIED = ("priority", "due", "wait", "scheduled", "estimate_minutes", "recurrence")


def new_task(
    qa: QuickAdd, client: str | None, task_id: int, uuid: str, now: datetime, tz: tzinfo
) -> Task:
    """A task from a quick-add line whose client ref is already resolved to an id."""
    if not qa.title.strip():
        raise InputError(
            _("a task needs a title: type some words besides the @client, #tags and due:")
        )
    task = Task(
        id=task_id,
        uuid=uuid,
        title=qa.title.strip(),
        created=now,
        modified=now,
        client=client,
        tags=_dedupe(qa.tags),
        status="todo" if client else "inbox",
        recur_from_completion=qa.recur_from_completion,
    )
    for name in _COPIED:
        setattr(task, name, getattr(qa, name))
    if task.recurrence and task.due is None:
        task.due = _first_occurrence(task.recurrence, now, tz)
    return _settle_wait(task, now, tz)


def apply_edit(task: Task, qa: QuickAdd, client: str | None, now: datetime, tz: tzinfo) -> Task:
    """The task with every field the edit line named changed, and only those."""
    changed = replace(task, tags=list(task.tags), depends=list(task.depends))
    if "title" in qa.given and qa.title.strip():
        changed.title = qa.title.strip()
    if "client" in qa.given:
        changed.client = client
        if client and changed.status == "inbox":
            changed.status = "todo"
        elif not client and changed.status == "todo":
            changed.status = "inbox"
    if "notes" in qa.given:
        changed.notes = qa.notes or ""
    if "tags" in qa.given:
        kept = [tag for tag in changed.tags if tag not in qa.remove_tags]
        changed.tags = _dedupe(kept + qa.tags)
    for name in _COPIED:
        if name in qa.given:
            setattr(changed, name, getattr(qa, name))
    if "recurrence" in qa.given:
        changed.recur_from_completion = qa.recur_from_completion
        if changed.recurrence and changed.due is None:
            changed.due = _first_occurrence(changed.recurrence, now, tz)
    if "wait" in qa.given and changed.wait is None and changed.status == "waiting":
        changed.status = "todo" if changed.client else "inbox"
    changed = _settle_wait(changed, now, tz)
    if changed != task:
        changed.modified = now
    return changed


def set_wait(task: Task, until: date | datetime, now: datetime, tz: tzinfo) -> Task:
    """Snooze: hide the task until `until` (waiting on the client, typically)."""
    _require_open(task, N_("task {id} is already {status}; cannot snooze it"))
    if to_instant(until, tz) <= now:
        raise InputError(
            _("the wait date for task {id} is in the past; pick a later one").format(id=task.id)
        )
    return replace(task, wait=until, status="waiting", modified=now)


def complete(task: Task, now: datetime) -> Task:
    _require_open(task, N_("task {id} is already {status}; cannot complete it"))
    return replace(task, status="done", completed=now, modified=now)


def reopen(task: Task, now: datetime) -> Task:
    """Undo a completion or a cancellation."""
    status = "todo" if task.client else "inbox"
    return replace(task, status=status, completed=None, modified=now)


def next_occurrence(task: Task, task_id: int, uuid: str, now: datetime, tz: tzinfo) -> Task | None:
    """The next task of a recurring series, or None when the rule has ended."""
    from vaworkspace.domain.tasks.recurrence import next_due, remaining_rule

    if not task.recurrence:
        return None
    due = next_due(task.recurrence, task.due, now, task.recur_from_completion, tz)
    if due is None:
        return None
    wait = None
    if task.wait is not None and task.due is not None:
        wait = _shift(task.wait, _delta(task.due, due, tz), tz)
    spawned = replace(
        task,
        id=task_id,
        uuid=uuid,
        created=now,
        modified=now,
        status="todo" if task.client else "inbox",
        due=due,
        wait=wait,
        recurrence=remaining_rule(task.recurrence),
        completed=None,
        tags=list(task.tags),
        depends=[],
    )
    return _settle_wait(spawned, now, tz)


def current_due(
    rrule: str, start: date | datetime | None, now: datetime, tz: tzinfo
) -> date | datetime:
    """The due of a recurring task that has none (an imported to-do with a rule and
    a DTSTART but no DUE): its start while that is ahead, else the rule's first
    occurrence from today on (timed: after now), so it shows where the agenda
    looks and `complete` advances it; without a start, as `new_task` does."""
    from vaworkspace.domain.tasks.recurrence import next_due

    if start is None:
        return _first_occurrence(rrule, now, tz)
    if isinstance(start, datetime):
        if start >= now:
            return start
        found = next_due(rrule, start, now, False, tz)
    else:
        today = now.astimezone(tz).date()
        if start >= today:
            return start
        yesterday = to_instant(today - timedelta(days=1), tz)
        found = next_due(rrule, start, yesterday, False, tz)
    return found if found is not None else start  # the series is over: its last one


def _first_occurrence(rrule: str, now: datetime, tz: tzinfo) -> date:
    """The first day on or after today that the rule includes."""
    from vaworkspace.domain.tasks.recurrence import next_due

    today = now.astimezone(tz).date()
    yesterday = today - timedelta(days=1)
    first = next_due(rrule, yesterday, to_instant(yesterday, tz), False, tz)
    return first if first is not None else today


def _settle_wait(task: Task, now: datetime, tz: tzinfo) -> Task:
    if task.wait is not None and task.is_open and to_instant(task.wait, tz) > now:
        task.status = "waiting"
    return task


def _delta(old: date | datetime, new: date | datetime, tz: tzinfo) -> timedelta:
    return to_instant(new, tz) - to_instant(old, tz)


def _shift(value: date | datetime, delta: timedelta, tz: tzinfo) -> date | datetime:
    if isinstance(value, datetime):
        return value + delta
    return value + timedelta(days=round(delta.total_seconds() / 86400))


def _require_open(task: Task, message: str) -> None:
    """`message` (marked, with `{id}` and `{status}`) unless the task is open."""
    if not task.is_open:
        raise InputError(_(message).format(id=task.id, status=_(task.status)))


def _dedupe(tags: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for tag in tags:
        seen.setdefault(tag, None)
    return list(seen)
