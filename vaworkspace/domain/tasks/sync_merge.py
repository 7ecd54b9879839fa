"""Three-way merge of a task with its to-do on a CalDAV server, field by field.

Both sides are compared with what they were when the two last agreed (the
"base" of each side, kept by the sync). A field changed on one side only is taken
from that side; a field changed on both sides to different values is a conflict:
nothing of that task is written on either side until the VA chooses
(`va sync --theirs` or `--mine`), and both values are reported. A field changed
on both sides to the same value is simply agreed. Clocks play no part: phones and
servers disagree about time, and a later LAST-MODIFIED is no proof of intent.

Only what a to-do can carry is compared (`SYNCED`): the estimate or the
dependencies a VTODO does not hold are the workspace's own and never conflict.
Status compares as open, done or cancelled: "waiting" and "todo" both read
NEEDS-ACTION on a phone, so the VA's triage state is not a change there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from vaworkspace.domain.models import Task

SYNCED = ("title", "status", "due", "scheduled", "priority", "tags", "notes", "recurrence")
"""The fields a to-do carries both ways, in the order a report lists them."""


def synced_fields(task: Task) -> dict[str, object]:
    """What of `task` a to-do holds, in comparable form. The client's own id
    written as a category is not a tag (the writer adds it, the reader reads it)."""
    return {
        "title": task.title,
        "status": "open" if task.is_open else task.status,
        "due": task.due,
        "scheduled": task.scheduled,
        "priority": task.priority,
        "tags": sorted({tag for tag in task.tags if tag != task.client}),
        "notes": task.notes.strip(),
        "recurrence": task.recurrence,
    }


@dataclass(frozen=True, slots=True)
class FieldMerge:
    """`take`: fields to copy from the server's copy into the task. `push`: the
    task holds changes the server lacks. `conflicts`: fields changed on both sides
    to different values (then `take` and `push` are empty: nothing is written)."""

    take: tuple[str, ...] = ()
    push: bool = False
    conflicts: tuple[str, ...] = ()


def merge(
    mine_base: Task | None,
    mine: Task,
    theirs_base: Task | None,
    theirs: Task,
    prefer: str | None = None,
) -> FieldMerge:
    """How the task (`mine`) and the server's to-do (`theirs`) come together, given
    each side's copy at the last sync (None: never synced, so every field that
    differs is a conflict, except that equal copies simply agree). `prefer`
    ("theirs" or "mine", the VA's `--theirs`/`--mine`) settles conflicts."""
    here, there = synced_fields(mine), synced_fields(theirs)
    here_base = synced_fields(mine_base) if mine_base is not None else None
    there_base = synced_fields(theirs_base) if theirs_base is not None else None
    take: list[str] = []
    conflicts: list[str] = []
    push = False
    for name in SYNCED:
        if here[name] == there[name]:
            continue
        changed_here = here_base is None or here[name] != here_base[name]
        changed_there = there_base is None or there[name] != there_base[name]
        if changed_here and changed_there and prefer is None:
            conflicts.append(name)
        elif changed_there and (not changed_here or prefer == "theirs"):
            take.append(name)
        elif changed_here:  # only here, or both and the VA prefers this side
            push = True
        # else: neither side changed it; the two spell it differently (a scheduled
        # day the writer turned into an instant beside a timed due), not a change.
    if conflicts:
        return FieldMerge(conflicts=tuple(conflicts))
    return FieldMerge(tuple(take), push)


def take_theirs(mine: Task, theirs: Task, names: tuple[str, ...], now: datetime) -> Task:
    """`mine` with the fields `names` copied from the server's copy; a status
    that reopens keeps the VA's own open state (inbox, todo, waiting)."""
    changed = replace(mine, tags=list(mine.tags), modified=now)
    for name in names:
        if name == "status":
            if theirs.is_open:
                if not mine.is_open:
                    changed.status = "todo" if mine.client else "inbox"
                changed.completed = None
            else:
                changed.status = theirs.status
                changed.completed = theirs.completed or now
        elif name == "tags":
            client_tag = [mine.client] if mine.client in mine.tags else []
            changed.tags = [*(t for t in theirs.tags if t != mine.client), *client_tag]
        else:
            setattr(changed, name, getattr(theirs, name))
    return changed


def describe_conflict(mine: Task, theirs: Task, names: tuple[str, ...]) -> list[str]:
    """One `field: here … · server …` phrase per conflicting field."""
    here, there = synced_fields(mine), synced_fields(theirs)
    return [f"{name}: here {_shown(here[name])} · server {_shown(there[name])}" for name in names]


def _shown(value: object) -> str:
    if value is None or value == [] or value == "":
        return "(none)"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, date):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)
