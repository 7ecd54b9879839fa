"""How the CLI prints: stable JSON for scripts, compact text for people.

JSON keys are a public contract (`va list --json`, `va client list --json`):
add keys freely, never rename or drop one.

Stored text is untrusted (imports, subscriptions): every line printed for people
shows it through `vaworkspace.display.safe`; JSON escapes what a terminal would
obey and still parses back to the stored text; `write_data` (export, CSV) gives
the bytes exactly, except to a terminal.
"""

from __future__ import annotations

import os
import sys

from vaworkspace.display import safe, safe_json
from vaworkspace.domain.models import Client, Task
from vaworkspace.formats import cells, fit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable


def task_json(
    task: Task, urgency: float | None, status: str, fit: tuple[bool, int | None] | None = None
) -> dict:
    """Dates and instants stay objects: `print_json` writes them as ISO 8601 (UTC, `Z`).
    `fit` (at risk, slack minutes; see `Inbox.fits`) adds `at_risk` and `slack_minutes`."""
    found = {
        "id": task.id,
        "uuid": task.uuid,
        "title": task.title,
        "client": task.client,
        "tags": task.tags,
        "priority": task.priority,
        "status": status,
        "due": task.due,
        "wait": task.wait,
        "scheduled": task.scheduled,
        "estimate_minutes": task.estimate_minutes,
        "recurrence": task.recurrence,
        "recur_from_completion": task.recur_from_completion,
        "notes": task.notes,
        "depends": task.depends,
        "created": task.created,
        "modified": task.modified,
        "completed": task.completed,
        "source": task.source,
        "urgency": urgency,
    }
    if fit is not None:
        found["at_risk"], found["slack_minutes"] = fit
    return found


def client_json(client: Client) -> dict:
    budget = None
    if client.budget is not None:
        budget = {"minutes": client.budget.minutes, "period": client.budget.period}
    return {
        "id": client.id,
        "name": client.name,
        "rate_cents": client.rate_cents,
        "kind_rates": [{"kind": k, "rate_cents": c} for k, c in client.kind_rates.items()],
        "currency": client.currency,
        "weight": client.weight,
        "budget": budget,
        "timezone": client.timezone,
        "hours": client.hours,
        "color": client.color,
        "notes": client.notes,
        "archived": client.archived,
    }


def print_json(value) -> None:
    """Indented UTF-8 JSON; dates as `YYYY-MM-DD`, instants as `YYYY-MM-DDTHH:MM:SSZ`.

    orjson (already loaded by the store) formats 10,000 tasks' dates in C, ten
    times faster than encoding each one in Python first.
    """
    sys.stdout.buffer.write(_dumps(value) + b"\n")
    sys.stdout.flush()


def _dumps(value) -> bytes:
    import orjson

    options = orjson.OPT_INDENT_2 | orjson.OPT_UTC_Z | orjson.OPT_OMIT_MICROSECONDS
    return safe_json(orjson.dumps(value, option=options))


def print_json_list(items: Iterable, per_write: int = 500) -> None:
    """A JSON array written `per_write` items at a time, byte for byte what
    `print_json(list(items))` writes: `va list --all --json` never holds 10,000
    tasks' dictionaries, nor their whole text, at once.

    orjson indents a list's items by two spaces and separates them with `,\n`;
    each slice is dumped as a list and its brackets cut off, so the slices join
    into the one list's text.
    """
    write = sys.stdout.buffer.write
    batch: list = []
    started = False
    for item in items:
        batch.append(item)
        if len(batch) == per_write:
            write((b",\n" if started else b"[\n") + _dumps(batch)[2:-2])
            started, batch = True, []
    if batch:
        write((b",\n" if started else b"[\n") + _dumps(batch)[2:-2])
        started = True
    write(b"\n]\n" if started else b"[]\n")
    sys.stdout.flush()


def write_data(data: bytes) -> None:
    """A file's bytes on standard output (`va export`, `va report --csv`): exactly as
    stored for a pipe or a file, since they are data; shown through `safe` when
    standard output is a terminal, which would obey the control characters."""
    if sys.stdout.isatty():
        data = safe(data.decode("utf-8", "replace"), multiline=True).encode()
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def terminal_width() -> int:
    try:
        return max(60, os.get_terminal_size(sys.stdout.fileno()).columns)
    except OSError:
        return int(os.environ.get("COLUMNS", "100"))


def table(rows: list[list[str]], headers: list[str], flexible: int, width: int) -> list[str]:
    """Left-aligned columns; column `flexible` (the title) takes the leftover width.

    Every cell is shown through `safe` (one line each), checked once for the whole
    table so that 10,000 clean rows cost one scan.
    """
    text = "".join(map("".join, rows))
    if not text.isprintable():
        rows = [[safe(cell) for cell in row] for row in rows]
    size = len if text.isascii() else cells  # wide characters take two cells
    widths = [max([size(h)] + [size(r[i]) for r in rows]) for i, h in enumerate(headers)]
    fixed = sum(w for i, w in enumerate(widths) if i != flexible) + 2 * (len(headers) - 1)
    widths[flexible] = max(12, min(widths[flexible], width - fixed))
    lines = []
    for row in [headers, *rows]:
        shown = [fit(cell, widths[i], pad=True) for i, cell in enumerate(row)]
        lines.append("  ".join(shown).rstrip())
    return lines
