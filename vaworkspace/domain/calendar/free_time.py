"""The free time of a day being planned: intervals around events (widened by
the buffer) and hand-placed blocks, from which the planner takes work blocks,
each followed by its break. Kept apart from `plan` because it is the one part
with index arithmetic; `plan` decides what goes where, this decides what fits.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from vaworkspace.domain.calendar.agenda import Interval

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.domain.calendar.plan import Day, PlanRules


def minutes_between(start: datetime, end: datetime) -> int:
    return int((end - start).total_seconds()) // 60


class FreeTime:
    """The free intervals of a day, each with whether a block follows its end
    (then a break must fit before it)."""

    def __init__(self, day: Day, rules: PlanRules) -> None:
        self.rules = rules
        self.slots: list[tuple[datetime, datetime, bool]] = []
        if day.window is None:
            return
        opens, closes = day.window
        if day.not_before is not None:
            opens = max(opens, day.not_before)
        pad = timedelta(minutes=rules.buffer_minutes)
        brk = timedelta(minutes=rules.break_minutes)
        taken = sorted(
            [(s - pad, e + pad, False) for s, e in day.events]
            + [(s, e + brk, True) for s, e in day.fixed]
        )
        cursor = opens
        for start, end, is_block in taken:
            if start > cursor and cursor < closes:
                self.slots.append((cursor, min(start, closes), is_block and start < closes))
            cursor = max(cursor, end)
        if cursor < closes:
            self.slots.append((cursor, closes, False))

    def copy(self) -> FreeTime:
        twin = FreeTime.__new__(FreeTime)
        twin.rules, twin.slots = self.rules, list(self.slots)
        return twin

    def gap_after(self, minutes: int) -> int:
        rules = self.rules
        return rules.long_break_minutes if minutes >= rules.cycle_minutes else rules.break_minutes

    def take(
        self, want: int, cap: int, bounds: Interval | None, before: datetime | None
    ) -> list[Interval]:
        """Pieces for `want` minutes (at most `cap`) in the earliest free time inside
        `bounds` and ending by `before`, removed from the free time."""
        pieces: list[Interval] = []
        index = 0
        while want > 0 and cap > 0 and index < len(self.slots):
            start, end, block_follows = self.slots[index]
            lo, hi = _inside(start, end, bounds, before)
            size = self._piece(lo, hi, end, min(want, cap), want, block_follows)
            if size <= 0:
                index += 1
                continue
            piece = (lo, lo + timedelta(minutes=size))
            pieces.append(piece)
            want, cap = want - size, cap - size
            index += self._cut(index, piece)
        return pieces

    def take_late(
        self, want: int, cap: int, bounds: Interval | None, before: datetime | None
    ) -> int:
        """Like `take`, in the latest free time instead; the minutes taken."""
        taken = 0
        index = len(self.slots) - 1
        while want > 0 and cap > 0 and index >= 0:
            start, end, block_follows = self.slots[index]
            lo, hi = _inside(start, end, bounds, before)
            size = self._piece(lo, hi, end, min(want, cap), want, block_follows)
            if size <= 0:
                index -= 1
                continue
            last = hi
            if block_follows:
                last = min(hi, end - timedelta(minutes=self.gap_after(size)))
            index -= 1 - self._cut(index, (last - timedelta(minutes=size), last))
            want, cap, taken = want - size, cap - size, taken + size
        return taken

    def free_before(self, bounds: Interval | None, before: datetime) -> int:
        """Minutes of free time inside `bounds` that end by `before`."""
        total = 0
        for start, end, _ in self.slots:
            lo, hi = _inside(start, end, bounds, before)
            total += max(0, minutes_between(lo, hi))
        return total

    def occupy(self, piece: Interval) -> None:
        """Remove a piece found in a copy of this free time."""
        for index, (start, end, _) in enumerate(self.slots):
            if start <= piece[0] and piece[1] <= end:
                self._cut(index, piece)
                return
        raise ValueError(f"{piece} is not free")  # pragma: no cover - a bug, not an input

    def _cut(self, index: int, piece: Interval) -> int:
        """Take `piece` and the break after it out of slot `index`; how many slots
        now come before what is left of it."""
        start, end, block_follows = self.slots[index]
        size = minutes_between(*piece)
        rest_from = piece[1] + timedelta(minutes=self.gap_after(size))
        replacement = []
        if piece[0] > start:
            replacement.append((start, piece[0], True))
        if rest_from < end:
            replacement.append((rest_from, end, block_follows))
        self.slots[index : index + 1] = replacement
        return 1 if piece[0] > start else 0

    def _piece(
        self, lo: datetime, hi: datetime, end: datetime, allowed: int, want: int, gap: bool
    ) -> int:
        """The longest piece in [lo, hi): within the cycle, leaving a break before a
        block at `end` (when `gap`), and no leftover shorter than `min_block`."""
        rules = self.rules
        size = min(minutes_between(lo, hi), allowed, rules.cycle_minutes)
        to_end = minutes_between(lo, end)
        while gap and size > 0 and size + self.gap_after(size) > to_end:
            size -= 1
        if size <= 0:
            return 0
        if size < want:
            floor = min(rules.min_block, want)
            size = min(size, want - floor) if want - size < floor else size
            if size < floor:
                return 0
        return size


def _inside(
    start: datetime, end: datetime, bounds: Interval | None, before: datetime | None
) -> Interval:
    lo, hi = start, end
    if bounds is not None:
        lo, hi = max(lo, bounds[0]), min(hi, bounds[1])
    if before is not None:
        hi = min(hi, before)
    return lo, hi
