"""The inbox list: a line-API widget that renders only the rows on screen.

A DataTable measures every row (10k tasks ≈ 0.9 s before the first paint); this
widget keeps the ranked tasks as a plain list and formats a row only when
`render_line` asks for it, so 10k tasks cost the same as 20 to draw.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from vaworkspace.domain.models import Task
from vaworkspace.i18n import N_
from vaworkspace.tui.colours import client_style
from vaworkspace.tui.inbox_rows import CLIENT, DIM, OVERDUE, header, row_cells


class InboxTable(ScrollView, can_focus=True):
    """Ranked tasks with a keyboard cursor; posts `Highlighted` when it moves."""

    COMPONENT_CLASSES = {
        "inbox--cursor",
        "inbox--header",
        "inbox--overdue",
        "inbox--dim",
    }
    DEFAULT_CSS = """
    InboxTable { background: $surface; scrollbar-size-vertical: 1; overflow-x: hidden; }
    InboxTable > .inbox--header { text-style: bold; color: $text-muted; }
    InboxTable > .inbox--cursor { background: $accent 40%; text-style: bold; }
    InboxTable:focus > .inbox--cursor { background: $accent 70%; }
    InboxTable > .inbox--overdue { color: $error; text-style: bold; }
    InboxTable > .inbox--dim { color: $text-muted; }
    """
    BINDINGS = [
        Binding("j,down", "cursor(1)", N_("Down"), show=False),
        Binding("k,up", "cursor(-1)", N_("Up"), show=False),
        Binding("g,home", "jump(0)", N_("Top"), show=False),
        Binding("G,end", "jump(-1)", N_("Bottom"), show=False),
        Binding("pagedown", "page(1)", N_("Page down"), show=False),
        Binding("pageup", "page(-1)", N_("Page up"), show=False),
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
        self.risky: Callable[[Task], bool] | None = None

    # -- data ------------------------------------------------------------------

    def show(
        self,
        rows: list[tuple[float, Task]],
        now: datetime,
        tz,
        keep: int | None,
        risky: Callable[[Task], bool] | None = None,
    ) -> None:
        """New rows; the cursor stays on task `keep` if it is still listed.
        `risky` (`Inbox.at_risk_test`) is asked only for the rows drawn."""
        self.rows, self.now, self.tz, self.risky = rows, now, tz, risky
        # No width of its own: rows are cut to the width there is, so there is never a
        # horizontal scrollbar (at 80×24 it covered the last row, the selected task).
        self.virtual_size = Size(0, len(rows) + 1)
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
        width = self.size.width  # the scrollbar, when there is one, covers the last column
        if y == 0:
            return self._strip(self._header(width), "inbox--header", width)
        index = y - 1 + int(self.scroll_offset.y)
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        return self._row(index, width)

    def _header(self, width: int) -> list[Segment]:
        return [Segment(header(width))]

    def _row(self, index: int, width: int) -> Strip:
        score, task = self.rows[index]
        base = self.row_style(index == self.cursor)
        risky = self.risky is not None and task.due is not None and self.risky(task)
        cells = row_cells(score, task, width, self.now, self.tz, risky)
        segments = [Segment(text, self.cell_style(role, base, task.client)) for text, role in cells]
        return Strip(segments).adjust_cell_length(width, base)

    def row_style(self, cursor: bool) -> Style:
        """A row's own style: the list's, or the cursor's."""
        base = self.rich_style
        return base + self.get_component_rich_style("inbox--cursor") if cursor else base

    def cell_style(self, role: str, base: Style, client: str | None = None) -> Style:
        """The style of a cell of `inbox_rows.row_cells` in a row styled `base` (also
        what the first frame of the next start remembers, see `first_frame_styles`)."""
        if role == CLIENT and client in self.client_colors:
            return base + client_style(self.client_colors[client])
        if role == OVERDUE:
            return base + self.get_component_rich_style("inbox--overdue")
        if role == DIM:
            return base + self.get_component_rich_style("inbox--dim")
        return base

    def _strip(self, segments: list[Segment], component: str, width: int) -> Strip:
        style = self.rich_style + self.get_component_rich_style(component)
        return Strip([Segment(s.text, style) for s in segments]).adjust_cell_length(width, style)
