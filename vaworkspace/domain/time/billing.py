"""Billed minutes and amounts: the integer arithmetic every report and timesheet shares.

The rules are the report's (`domain.time.reports` quotes them for the README):
blocks rounded *up*, the nearest minute without a block, amounts rounded half up
in integer cents. No float ever touches money.
"""

from __future__ import annotations

from vaworkspace.domain.models import Client, TimeEntry


def billed_minutes(seconds: int, block: int) -> int:
    """Billed minutes for `seconds` of work in blocks of `block` minutes.

    Rounds up to the next multiple of `block` (7 minutes with 6 → 12); a block of 0
    or 1 bills to the nearest minute, half up. Whole seconds in integer arithmetic,
    so no float noise ever pushes a whole block over the edge.
    """
    seconds = max(0, seconds)
    if block <= 1:
        return (seconds + 30) // 60
    return -(-seconds // (block * 60)) * block


def worked_seconds(entry: TimeEntry) -> int:
    """Real elapsed seconds; a reversed entry counts nothing."""
    return max(0, entry.seconds)


def billed_for(client: Client | None, seconds: list[int]) -> int:
    """Billed minutes of these billable durations under the client's rounding rule."""
    block = client.rounding_minutes if client else 0
    if client is not None and client.round_per == "total":
        return billed_minutes(sum(seconds), block)
    return sum(billed_minutes(s, block) for s in seconds)


def amount_cents(billed_minutes: int, rate_cents: int) -> int:
    """Cents for billed minutes at an hourly rate, rounded half up."""
    return (billed_minutes * rate_cents + 30) // 60
