"""Triage: what a new task still needs before it can be planned.

A task is sorted once it has a client and an estimate and has left the inbox
status; until then `needs_triage` holds and the triage screen offers it. What is
`triage_missing` is said on the task's card ("still missing: client, estimate").
Only open tasks are triaged: the caller passes the open, visible ones.

The VA's own admin (renewing a domain, sending invoices) has no client on
purpose: tagged `OWN_WORK_TAG` (`#mine`, the triage key `o`), a task needs no
client and may stay in the inbox status; it still needs an estimate, like any
work that takes time in the day. A tag rather than a new status: it survives
completion, recurrence and a Taskwarrior or iCalendar round trip, and it shows.
"""

from __future__ import annotations

from vaworkspace.domain.models import Task

TRIAGE_FIELDS = ("client", "estimate")
"""The fields a sorted task has, in the order the card names them."""
OWN_WORK_TAG = "mine"
"""The tag of the VA's own work: no client is missing."""


def is_own_work(task: Task) -> bool:
    return OWN_WORK_TAG in task.tags


def triage_missing(task: Task) -> tuple[str, ...]:
    """The fields of `TRIAGE_FIELDS` the task still lacks (own work lacks no client)."""
    present = {
        "client": bool(task.client) or is_own_work(task),
        "estimate": bool(task.estimate_minutes),
    }
    return tuple(name for name in TRIAGE_FIELDS if not present[name])


def needs_triage(task: Task) -> bool:
    """Missing a client or an estimate, or still in the inbox status (own work
    excepted: without a client, the inbox status is where it stays)."""
    return bool(triage_missing(task)) or (task.status == "inbox" and not is_own_work(task))
