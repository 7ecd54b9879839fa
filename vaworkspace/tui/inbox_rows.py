"""The inbox's columns as text: what each cell says and which role colours it.

Shared by the list widget (`inbox_table.InboxTable`, which maps a role to a Rich
style) and the first frame painted before Textual is imported
(`first_frame`, which maps it to a remembered escape sequence). So this module
imports neither Textual nor Rich.
"""

from __future__ import annotations

from datetime import datetime

from vaworkspace import formats
from vaworkspace.display import safe
from vaworkspace.domain.dates import format_duration, humanize_due
from vaworkspace.domain.models import Task
from vaworkspace.domain.tasks.status import is_overdue
from vaworkspace.i18n import _

URGENCY_W, CLIENT_W, DUE_W, EST_W = 5, 9, 14, 5
TAGS_FROM = 90
"""The list width from which tags have a column; below it they follow the title."""
CLIENT_MAX = 17  # `@` and a 16-letter client id
RISK_MARK = "!"  # in the cell after the score: at risk, as in `va list`

PLAIN, CLIENT, OVERDUE, DIM = "", "client", "overdue", "dim"
"""The roles of a cell: the row's own colours, the client's colour, overdue, muted."""


def client_width(width: int) -> int:
    """The client column: `CLIENT_W` up to a list `TAGS_FROM` wide, then a cell more
    for every two columns more, up to `@` and a 16-letter id (a wide terminal
    shows client ids whole instead of cutting them where there is room)."""
    if width < TAGS_FROM:
        return CLIENT_W
    return min(CLIENT_MAX, CLIENT_W + (width - TAGS_FROM) // 2)


def title_width(width: int) -> int:
    """Columns left for the title once the other columns (and tags) have theirs."""
    fixed = URGENCY_W + 1 + client_width(width) + DUE_W + EST_W + 5
    tags = min(24, width // 5) if width >= TAGS_FROM else 0
    return max(8, width - fixed - tags)


def header(width: int) -> str:
    """The column titles (the line above the rows, which does not scroll), in the
    UI's language: each French title fits its column (`Éch.`, `Durée`)."""
    urgency, client, title = _("Urg"), _("Client"), _("Title")
    due, estimate = _("Due"), _("Est")
    tags = _("Tags") if width >= TAGS_FROM else ""
    return (
        f"{urgency:>{URGENCY_W}}  {client:<{client_width(width)}} "
        f"{title:<{title_width(width)}} {due:<{DUE_W}} {estimate:>{EST_W}} {tags}"
    )


def row_cells(
    score: float, task: Task, width: int, now: datetime | None, tz, risky: bool = False
) -> list[tuple[str, str]]:
    """One task's line as (text, role) cells; the caller pads it to `width`.
    `risky`: the task no longer fits before its deadline (`Inbox.at_risk_test`),
    marked `!` after its score as `va list` marks it.

    Every text from outside (title, client id, tags) passes through `safe`."""
    due_text, overdue = due(task, now, tz)
    client = f"@{safe(task.client)}" if task.client else "·"
    estimate = format_duration(task.estimate_minutes) if task.estimate_minutes else ""
    tags = safe(" ".join(f"#{tag}" for tag in task.tags))
    wide = width >= TAGS_FROM
    return [
        (f"{score:>{URGENCY_W}.1f}", PLAIN),
        (RISK_MARK if risky else " ", OVERDUE),
        (" ", PLAIN),
        (fit(client, client_width(width)) + " ", CLIENT if task.client else PLAIN),
        *title_cells(safe(task.title), "" if wide else tags, title_width(width)),
        (fit(due_text, DUE_W) + " ", OVERDUE if overdue else PLAIN),
        (f"{estimate:>{EST_W}} ", PLAIN),
        (tags if wide else "", DIM),
    ]


def title_cells(title: str, tags: str, width: int) -> list[tuple[str, str]]:
    """The title cell, `width` cells and a space: the title, then (in a list too
    narrow for a Tags column) the tags, muted, in what the title leaves; the
    title is never cut for them."""
    used = formats.cells(title)
    if not tags or used + 2 > width:
        return [(fit(title, width) + " ", PLAIN)]
    return [(title + " ", PLAIN), (fit(tags, width - used - 1) + " ", DIM)]


def due(task: Task, now: datetime | None, tz) -> tuple[str, bool]:
    """The due date as the list says it (`in 2d`, `3d overdue`) and whether it is late."""
    if task.due is None or now is None or tz is None:
        return "", False
    return humanize_due(task.due, now, tz), is_overdue(task.due, now, tz)


def fit(text: str, width: int) -> str:
    """Exactly `width` cells: cut with "…" or padded (`formats.fit`)."""
    return formats.fit(text, width, pad=True)
