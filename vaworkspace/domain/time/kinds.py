"""A client's period split by kind of work and rate: the lines an invoice is made of.

Each time entry carries the kind and rate fixed when it was logged
(`domain.kind_rates`). A client's period is split into one `KindLine` per
(kind, rate) pair: usually one per kind, two when a kind's rate changed during the
period. The rules that make the parts add up to the whole, in integer cents:

- A line's billed minutes follow the client's rounding rule on *its* entries:
  `round_per == "entry"` rounds each billable entry and adds them; `"total"` adds
  the line's billable time and rounds once (a total can only be priced once it
  is at one rate, so "the period's total" means each rate's total).
- A line's amount is its billed minutes at its rate, rounded half up.
- The client's billed minutes and amount are the sums of its lines, so the kinds
  always add up to the client exactly. With a single rate (every file written
  before kinds existed) this is the one-rate report it always was.

Lines come in the client's rate-table order, then other kinds alphabetically,
then time with no kind; a kind at two rates lists the higher rate first.
"""

from __future__ import annotations

from dataclasses import dataclass

from vaworkspace.domain.kind_rates import rate_of
from vaworkspace.domain.models import Client, TimeEntry
from vaworkspace.domain.time.billing import amount_cents, billed_for


@dataclass(slots=True)
class KindLine:
    """One kind of work at one rate within a client's period."""

    kind: str | None
    rate_cents: int
    seconds: int
    billable_seconds: int
    billed_minutes: int
    amount_cents: int


def kind_lines(
    group: list[TimeEntry], durations: list[int], client: Client | None
) -> list[KindLine]:
    """The (kind, rate) lines of one client's entries, `durations` their worked
    seconds in the same order (see the module docstring for the rules)."""
    parts: dict[tuple[str | None, int], tuple[list[int], list[int]]] = {}
    for entry, seconds in zip(group, durations, strict=True):
        rate = rate_of(entry, client) if client is not None else 0
        every, billable = parts.setdefault((entry.kind, rate), ([], []))
        every.append(seconds)
        if entry.billable:
            billable.append(seconds)
    order = list(client.kind_rates) if client else []
    lines = []
    for (kind, rate), (every, billable) in parts.items():
        billed = billed_for(client, billable)
        charged = amount_cents(billed, rate)
        lines.append(KindLine(kind, rate, sum(every), sum(billable), billed, charged))

    def place(line: KindLine) -> tuple[int, int, str, int]:
        if line.kind is None:
            return (2, 0, "", -line.rate_cents)
        if line.kind in order:
            return (0, order.index(line.kind), "", -line.rate_cents)
        return (1, 0, line.kind, -line.rate_cents)

    return sorted(lines, key=place)
