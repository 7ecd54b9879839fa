"""How the Agenda screen draws a day and a week, for the room it has now.

The day view is a time column over the work hours, in 30-minute rows or longer
ones when the terminal is short; items sharing rows take lanes side by side. The
week view is seven columns of time + title. Layouts are plain callables that a
`Canvas` calls on each render, so a resize lays the plan out again without a
reload. Stored titles go through `display.safe`.
"""

from __future__ import annotations

from datetime import date, datetime

from textual.content import Content
from textual.widget import Widget

from vaworkspace.display import safe
from vaworkspace.domain.calendar.agenda import clock
from vaworkspace.i18n import _, ngettext
from vaworkspace.tui.agenda_words import column_day, free_slot, free_time, span

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from vaworkspace.domain.calendar.agenda import AgendaItem

STEPS = (30, 60, 90, 120, 180, 240, 360, 720, 1440)  # minutes per row: the shortest that fits
LABEL = 6  # "09:00 " before each row of the day view
MUTED, CLASH, CHOSEN = "$text-muted", "bold $error", "bold $accent"


def cell(parts: list, width: int) -> Content:
    """Styled parts cut to exactly `width` cells (an ellipsis marks a cut)."""
    return Content.assemble(*parts).truncate(max(0, width), ellipsis=True, pad=True)


class Canvas(Widget):
    """Draws `paint(width, height)` on each render: laid out for the room it has now."""

    paint: Callable[[int, int], Content] | None = None

    def render(self) -> Content:
        width, height = self.size
        return self.paint(width, height) if self.paint and height > 0 else Content("")


class DayLayout:
    """The day's time column; items sharing rows take lanes side by side."""

    def __init__(
        self,
        plan,
        tz,
        work,
        colours: dict,
        selected: int,
        now: datetime,
        proposed: frozenset[str] = frozenset(),
    ) -> None:
        self.plan, self.tz, self.work, self.colours = plan, tz, work, colours
        self.selected, self.proposed = selected, proposed
        self.at = self.minute(now) if now.astimezone(tz).date() == plan.day else -1

    def minute(self, moment: datetime) -> int:
        """Minutes after the day's local midnight, clamped to the day."""
        local = moment.astimezone(self.tz)
        days = (local.date() - self.plan.day).days
        return min(1440, max(0, days * 1440 + local.hour * 60 + local.minute))

    def __call__(self, width: int, height: int) -> Content:
        opens = self.work.start.hour * 60 + self.work.start.minute
        closes = self.work.end.hour * 60 + self.work.end.minute
        for item in self.plan.timed:
            opens = min(opens, self.minute(item.start) // 60 * 60)
            closes = max(closes, -(-self.minute(item.end) // 60) * 60)
        for step in STEPS:
            first = opens - opens % step
            rows = max(1, -(-(closes - first) // step))
            if rows <= height:
                break

        def row(minute: int) -> int:
            return min(rows - 1, max(0, (minute - first) // step))

        placed = []  # (first row, last row, kind, what)
        for item in self.plan.timed:
            start, end = self.minute(item.start), self.minute(item.end)
            placed.append((row(start), row(max(start, end - 1)), "busy", item))
        for index, (start, end) in enumerate(self.plan.free):
            begin, finish = self.minute(start), self.minute(end)
            top = min(rows - 1, -(-(begin - first) // step))  # the first row wholly free
            placed.append((min(top, row(finish - 1)), row(finish - 1), "free", index))
        lanes: list[int] = []  # the last row taken in each lane
        grid: dict[tuple[int, int], tuple] = {}
        for top, bottom, kind, what in sorted(placed, key=lambda p: (p[0], p[2])):
            lane = next((n for n, last in enumerate(lanes) if last < top), len(lanes))
            lanes[lane : lane + 1] = [bottom]
            for offset in range(bottom - top + 1):
                grid[top + offset, lane] = (kind, what, offset, bottom > top)
        return Content("\n").join(
            self._row(n, first + n * step, step, len(lanes), grid, width) for n in range(rows)
        )

    def _row(self, n: int, minute: int, step: int, lanes: int, grid, width: int) -> Content:
        """The time, then each lane's cell; a cell runs on over the empty lanes to
        its right, so one clash does not squeeze the rest of the day."""
        here = minute <= self.at < minute + step  # the row of the time now
        label = f"{minute // 60 % 24:02d}:{minute % 60:02d}"
        parts: list = [(label, "reverse" if here else "" if minute % 60 == 0 else MUTED), " "]
        room, lane = width - LABEL, 0
        while lane < lanes:
            span = 1
            while lane + span < lanes and (n, lane + span) not in grid:
                span += 1
            size = room * (lane + span) // lanes - room * lane // lanes
            kind, what, offset, tall = grid.get((n, lane), ("", None, 0, False))
            if kind == "busy":
                parts.append(self._busy(what, offset, tall, size))
            elif kind == "free":
                parts.append(self._free(what, offset, tall, size))
            else:
                parts.append(" " * size)
            lane += span
        return Content.assemble(*parts)

    def _busy(self, item: AgendaItem, offset: int, tall: bool, width: int) -> Content:
        """Row one: times and title in the client's colour; row two: the clash, or
        the client; then the bar alone. Work blocks have a thin bar and a ◆, a
        proposed one (a plan not yet accepted) a ◇."""
        clash = item.uid in self.plan.conflicts
        colour = self.colours.get(item.client) or "$accent"
        block = item.kind == "block"
        parts: list = [("┃" if block else "▌", colour)]
        who = (f"@{safe(item.client)}", MUTED) if item.client else ""
        if offset == 0:
            parts.append(("⚠ ", CLASH) if clash and not tall else "")
            start, end = item.start, item.end
            assert isinstance(start, datetime) and isinstance(end, datetime)  # timed items
            times = f"{clock(start, self.tz)}–{clock(end, self.tz)}"
            mark = ("◇ " if item.uid in self.proposed else "◆ ") if block else ""
            parts += [f"{mark}{times} ", (safe(item.title), f"bold {colour}")]
        elif offset == 1:
            parts += [(_("⚠ conflict") + " ", CLASH), who] if clash else [who]
        return cell(parts, width - 1) + " " if width > 1 else cell(parts[:1], width)

    def _free(self, index: int, offset: int, tall: bool, width: int) -> Content:
        """`free 14:00–15:00 (1h00)`, then a dotted line; ▶ and the accent when chosen."""
        mark, style = ("▶ ", CHOSEN) if index == self.selected else ("  ", MUTED)
        text = "┆" if offset else free_slot(self.plan.free[index], self.tz, mark, width)
        return cell([(text, style)], width)


class WeekLayout:
    """Seven columns, Monday to Sunday: each day's items as time + title, truncated."""

    def __init__(self, plans: list, tz, today: date, colours: dict) -> None:
        self.plans, self.tz, self.today, self.colours = plans, tz, today, colours

    def __call__(self, width: int, height: int) -> Content:
        size = max(3, (width - 6) // 7)
        heads = _free_heads(self.plans, self.today, size)
        pairs = zip(self.plans, heads, strict=True)
        columns = [self._column(plan, head, size, height) for plan, head in pairs]
        blank, bar = Content(" " * size), Content.styled("│", MUTED)
        return Content("\n").join(
            bar.join(column[n] if n < len(column) else blank for column in columns)
            for n in range(max(len(column) for column in columns))
        )

    def _column(self, plan, head: list[str], width: int, height: int) -> list[Content]:
        name = column_day(plan.day)
        lines = [
            cell([(name, "bold reverse" if plan.day == self.today else "bold")], width),
            *(cell([(text, MUTED)], width) for text in head),
            Content.styled("─" * width, MUTED),
        ]
        body: list[Content] = []
        for item in plan.all_day:
            colour = self.colours.get(item.client) or "$accent"
            body.append(cell([("▌", colour), (safe(item.title), colour)], width))
        for item in plan.timed:
            colour = self.colours.get(item.client) or "$accent"
            mark = "◆" if item.kind == "block" else "▌"
            flag = (" ⚠", CLASH) if item.uid in plan.conflicts else ""
            body.append(cell([(mark, colour), clock(item.start, self.tz), flag], width))
            body.append(cell([(" " + safe(item.title), colour)], width))
        body += [cell([("☐ ", MUTED), safe(item.title)], width) for item in plan.tasks]
        room = height - len(lines)
        if len(body) > room > 0:
            rest = len(body) - room + 1
            more = ngettext("+{count} more", "+{count} more", rest).format(count=rest)
            body = [*body[: room - 1], cell([(more, MUTED)], width)]
        return lines + body[: max(0, room)]


def _free_heads(plans: list, today: date, width: int) -> list[list[str]]:
    """What each column says under its day: `past`, `day off` or its free time
    (`8h00 free`). When a column's free time with its word is wider than the
    column (French: `1 h 45 libre` in 10 cells), every column says it on two
    lines, the length over the word (`1 h 45` / `libre`), so the rules under the
    heads stay level; when even that does not fit, one line: `1h45 libre`, else
    the length alone (`7h30`)."""
    free = [p.free_minutes for p in plans if p.working and p.day >= today]
    two = any(len(free_time(m)) > width for m in free) and all(
        max(len(span(m)), len(_free_word(m))) <= width for m in free
    )
    heads = []
    for plan in plans:
        if plan.day < today or not plan.working:
            word = _("past") if plan.day < today else _("day off")
            heads.append([word, ""] if two else [word])
        elif two:
            heads.append([span(plan.free_minutes), _free_word(plan.free_minutes)])
        else:
            heads.append([_column_free(plan.free_minutes, width)])
    return heads


def _free_word(minutes: int) -> str:
    """`free`, `libre`, `libres`: the word of `free_time` without its length."""
    return free_time(minutes, "").strip()


def _column_free(minutes: int, width: int) -> str:
    """`8h00 free`; French `8 h libres`, `1h45 libre` when `1 h 45 libre` is wider
    than the column, and the length alone (`7h30`) when that is too."""
    compact = span(minutes).replace(" ", "")
    texts = (free_time(minutes), free_time(minutes, compact), compact)
    return next((text for text in texts if len(text) <= width), texts[0])
