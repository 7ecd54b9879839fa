"""Triage: what a new task still needs before it can be planned.

A task is sorted once it has a client and an estimate and has left the inbox
status; until then `needs_triage` holds and the triage screen offers it. What is
`triage_missing` is said on the task's card ("still missing: client, estimate").
Only open tasks are triaged: the caller passes the open, visible ones.
"""

from __future__ import annotations

from vaworkspace.domain.models import Task

TRIAGE_FIELDS = ("client", "estimate")
"""The fields a sorted task has, in the order the card names them."""


def triage_missing(task: Task) -> tuple[str, ...]:
    """The fields of `TRIAGE_FIELDS` the task still lacks."""
    present = {"client": bool(task.client), "estimate": bool(task.estimate_minutes)}
    return tuple(name for name in TRIAGE_FIELDS if not present[name])


def needs_triage(task: Task) -> bool:
    """Still in the inbox status, or missing a client or an estimate."""
    return task.status == "inbox" or bool(triage_missing(task))
