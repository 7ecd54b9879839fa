"""The inbox list: a line-API widget that renders only the rows on screen.

A DataTable measures every row (10k tasks ≈ 0.9 s before the first paint); this
widget keeps the ranked tasks as a plain list and formats a row only when
`render_line` asks for it, so 10k tasks cost the same as 20 to draw.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from vaworkspace.display import safe
from vaworkspace.domain.dates import format_duration, humanize_due
from vaworkspace.domain.models import Task
from vaworkspace.formats import fit

URGENCY_W, CLIENT_W, DUE_W, EST_W = 5, 9, 14, 5
TAGS_FROM = 90  # the tags column shows only when the list is at least this wide


class InboxTable(ScrollView, can_focus=True):
    """Ranked tasks with a keyboard cursor; posts `Highlighted` when it moves."""

    COMPONENT_CLASSES = {
        "inbox--cursor",
        "inbox--header",
        "inbox--overdue",
        "inbox--dim",
    }
    DEFAULT_CSS = """
    InboxTable { background: $surface; scrollbar-size-vertical: 1; }
    InboxTable > .inbox--header { text-style: bold; color: $text-muted; }
    InboxTable > .inbox--cursor { background: $accent 40%; text-style: bold; }
    InboxTable:focus > .inbox--cursor { background: $accent 70%; }
    InboxTable > .inbox--overdue { color: $error; text-style: bold; }
    InboxTable > .inbox--dim { color: $text-muted; }
    """
    BINDINGS = [
        Binding("j,down", "cursor(1)", "Down", show=False),
        Binding("k,up", "cursor(-1)", "Up", show=False),
        Binding("g,home", "jump(0)", "Top", show=False),
        Binding("G,end", "jump(-1)", "Bottom", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]

    cursor = reactive(0, always_update=True)

    class Highlighted(Message):
        def __init__(self, task: Task | None) -> None:
            super().__init__()
            self.task = task

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[tuple[float, Task]] = []
        self.client_colors: dict[str, str] = {}
        self.now: datetime | None = None
        self.tz: tzinfo | None = None

    # -- data ------------------------------------------------------------------

    def show(self, rows: list[tuple[float, Task]], now: datetime, tz, keep: int | None) -> None:
        """New rows; the cursor stays on task `keep` if it is still listed."""
        self.rows, self.now, self.tz = rows, now, tz
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        index = 0
        if keep is not None:
            index = next((i for i, (_, t) in enumerate(rows) if t.id == keep), self.cursor)
        self.cursor = max(0, min(index, len(rows) - 1))
        self.refresh()

    @property
    def selected(self) -> Task | None:
        return self.rows[self.cursor][1] if self.rows else None

    # -- keys ------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + step))

    def action_jump(self, where: int) -> None:
        if self.rows:
            self.cursor = where % len(self.rows)

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.size.height - 2))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old + 1 - int(self.scroll_offset.y))
        self.refresh_line(new + 1 - int(self.scroll_offset.y))
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self.selected))

    def _scroll_to_cursor(self) -> None:
        top = int(self.scroll_offset.y)
        visible = max(1, self.size.height - 1)  # the header row does not scroll
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False)

    def on_click(self, event) -> None:
        row = event.y + int(self.scroll_offset.y) - 1
        if event.y >= 1 and 0 <= row < len(self.rows):
            self.cursor = row

    # -- drawing ---------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            return self._strip(self._header(width), "inbox--header", width)
        index = y - 1 + int(self.scroll_offset.y)
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        return self._row(index, width)

    def _header(self, width: int) -> list[Segment]:
        title_w = self._title_width(width)
        text = (
            f"{'Urg':>{URGENCY_W}} {'Client':<{CLIENT_W}} {'Title':<{title_w}} "
            f"{'Due':<{DUE_W}} {'Est':>{EST_W}} {'Tags' if width >= TAGS_FROM else ''}"
        )
        return [Segment(text)]

    def _title_width(self, width: int) -> int:
        fixed = URGENCY_W + CLIENT_W + DUE_W + EST_W + 5
        tags = min(24, width // 5) if width >= TAGS_FROM else 0
        return max(8, width - fixed - tags)

    def _row(self, index: int, width: int) -> Strip:
        score, task = self.rows[index]
        base = self.rich_style
        if index == self.cursor:
            base = base + self.get_component_rich_style("inbox--cursor")
        title_w = self._title_width(width)
        due_text, overdue = self._due(task)
        client = f"@{safe(task.client)}" if task.client else "·"
        client_style = (
            Style.parse(self.client_colors[task.client])
            if task.client in self.client_colors
            else None
        )
        estimate = format_duration(task.estimate_minutes) if task.estimate_minutes else ""
        tags = safe(" ".join(f"#{tag}" for tag in task.tags))
        segments = [
            Segment(f"{score:>{URGENCY_W}.1f} ", base),
            Segment(
                fit(client, CLIENT_W, pad=True) + " ", base + client_style if client_style else base
            ),
            Segment(fit(safe(task.title), title_w, pad=True) + " ", base),
            Segment(
                fit(due_text, DUE_W, pad=True) + " ",
                base + self.get_component_rich_style("inbox--overdue") if overdue else base,
            ),
            Segment(f"{estimate:>{EST_W}} ", base),
            Segment(
                tags if width >= TAGS_FROM else "",
                base + self.get_component_rich_style("inbox--dim"),
            ),
        ]
        return Strip(segments).adjust_cell_length(width, base)

    def _due(self, task: Task) -> tuple[str, bool]:
        if task.due is None or self.now is None or self.tz is None:
            return "", False
        text = humanize_due(task.due, self.now, self.tz)
        return text, text.endswith("overdue")

    def _strip(self, segments: list[Segment], component: str, width: int) -> Strip:
        style = self.rich_style + self.get_component_rich_style(component)
        return Strip([Segment(s.text, style) for s in segments]).adjust_cell_length(width, style)
