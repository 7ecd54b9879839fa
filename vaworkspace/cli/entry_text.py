"""How a time entry reads in the terminal: its length, who it was for, its span,
and its JSON; shared by `va log`, `va entries`, `va entry` and `va timer`."""

from __future__ import annotations

from vaworkspace.display import safe
from vaworkspace.i18n import _, language
from vaworkspace.locale_format import format_hours_minutes


def entry_json(entry) -> dict:
    return {
        "id": entry.id,
        "start": entry.start,
        "end": entry.end,
        "seconds": entry.seconds,
        "client": entry.client,
        "task": entry.task,
        "billable": entry.billable,
        "note": entry.note,
        "source": entry.source,
        "kind": entry.kind,
        "rate_cents": entry.rate_cents,
    }


def owner(entry) -> str:
    who = f"@{safe(entry.client)}" if entry.client else _("no client")
    if entry.kind:
        who += f" #{safe(entry.kind)}"
    if entry.task is None:
        return who
    return _("{who} task {task}").format(who=who, task=entry.task)


def target(task: int | None, client: str | None) -> str:
    """What a timer runs on: `task 12` or `@acme`."""
    return _("task {task}").format(task=task) if task is not None else f"@{safe(client or '')}"


def length(entry) -> str:
    return format_hours_minutes(entry.seconds, language())


def span(ws, entry) -> str:
    """`Mon 30 Nov 09:00–10:30`, `lun. 30 nov. 9 h–10 h 30`."""
    from vaworkspace.locale_format import format_span

    return format_span(entry.start.astimezone(ws.tz), entry.end.astimezone(ws.tz), language())
