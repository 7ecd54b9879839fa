"""Values the service hands back that are not domain objects themselves.

Frozen: a result describes what was true when the service answered; the UIs
show it and never change it. Domain objects (`Task`, `Client`, `TimeEntry`)
and the timer's `TimerStatus` (`domain/time/status.py`) are returned as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from vaworkspace.domain.models import Client, Task, TimeEntry
from vaworkspace.domain.tasks.urgency import Term


@dataclass(frozen=True, slots=True)
class Why:
    """A task's urgency explained (`va why`): each term with its reason, and the total."""

    task: Task
    terms: tuple[Term, ...]
    score: float


class Period(NamedTuple):
    """UTC bounds of a day, week, month or range of local days: [start, end).
    A named pair: `start, end = ws.time.period("week")` reads as well."""

    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class Logged:
    """What closing the timer's focus stretch wrote (`stop_timer`, `switch_timer`):
    the entries, and the focus seconds left unlogged because the stretch was
    shorter than `timer_minimum_minutes` (`timer_text.unlogged_text` says so)."""

    entries: list[TimeEntry]
    too_short_seconds: int = 0
    minimum_minutes: int = 0


@dataclass(frozen=True, slots=True)
class ClientChange:
    """A client as edited, and how many of its entries a `reprice_from` re-fixed at
    its current rates (None: no repricing asked; past entries kept their amounts)."""

    client: Client
    repriced: int | None = None
