"""How the CLI prints: stable JSON for scripts, compact text for people.

JSON keys are a public contract (`va list --json`, `va client list --json`):
add keys freely, never rename or drop one.
"""

from __future__ import annotations

import os
import sys

from vaworkspace.domain.models import Client, Task
from vaworkspace.store.records import encode_value


def task_json(task: Task, urgency: float | None, status: str) -> dict:
    return {
        "id": task.id,
        "uuid": task.uuid,
        "title": task.title,
        "client": task.client,
        "tags": list(task.tags),
        "priority": task.priority,
        "status": status,
        "due": encode_value(task.due),
        "wait": encode_value(task.wait),
        "scheduled": encode_value(task.scheduled),
        "estimate_minutes": task.estimate_minutes,
        "recurrence": task.recurrence,
        "recur_from_completion": task.recur_from_completion,
        "notes": task.notes,
        "depends": list(task.depends),
        "created": encode_value(task.created),
        "modified": encode_value(task.modified),
        "completed": encode_value(task.completed),
        "source": task.source,
        "urgency": urgency,
    }


def client_json(client: Client) -> dict:
    budget = None
    if client.budget is not None:
        budget = {"minutes": client.budget.minutes, "period": client.budget.period}
    return {
        "id": client.id,
        "name": client.name,
        "rate_cents": client.rate_cents,
        "currency": client.currency,
        "weight": client.weight,
        "budget": budget,
        "timezone": client.timezone,
        "color": client.color,
        "notes": client.notes,
        "archived": client.archived,
    }


def print_json(value) -> None:
    """orjson when it is already loaded (the store writes with it), else stdlib json."""
    if "orjson" in sys.modules:
        import orjson

        sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n")
        sys.stdout.flush()
        return
    import json

    print(json.dumps(value, ensure_ascii=False, indent=2))


def terminal_width() -> int:
    try:
        return max(60, os.get_terminal_size(sys.stdout.fileno()).columns)
    except OSError:
        return int(os.environ.get("COLUMNS", "100"))


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def table(rows: list[list[str]], headers: list[str], flexible: int, width: int) -> list[str]:
    """Left-aligned columns; column `flexible` (the title) takes the leftover width."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    fixed = sum(w for i, w in enumerate(widths) if i != flexible) + 2 * (len(headers) - 1)
    widths[flexible] = max(12, min(widths[flexible], width - fixed))
    lines = []
    for row in [headers, *rows]:
        cells = [clip(cell, widths[i]).ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return lines
