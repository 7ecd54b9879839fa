"""Remember the inbox's colours for the next start's first frame (`first_frame`).

Once the inbox is on screen, each part the first frame paints gets its escape
sequence exactly as Textual writes it to this terminal (its line filters and
colour system applied), stored in the user's cache folder. Nothing is written
when they did not change, so a start usually costs one small file read.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

from vaworkspace.tui.first_frame import save_styles
from vaworkspace.tui.inbox_rows import CLIENT, DIM, OVERDUE, PLAIN

MARK = "\x00"


def remember(screen) -> bool:
    """Store the styles of the inbox `screen` (mounted, painted, list focused)."""
    from textual.widgets import Footer

    from vaworkspace.tui.inbox_table import InboxTable
    from vaworkspace.tui.widgets import ClientSidebar, DetailPane, TopBar

    app = screen.app
    table = screen.query_one(InboxTable)
    if not table.has_focus:
        return False  # the cursor's colour depends on it: remember the usual one
    bar = screen.query_one(TopBar)
    where = bar.query_one("#where")
    styles = {
        "bar_pad": escape(app, bar.rich_style),
        "bar": escape(app, where.rich_style),
        "bar_title": escape(app, where.rich_style + Style(bold=True)),
        "header": escape(app, table.rich_style + table.get_component_rich_style("inbox--header")),
        "footer": escape(app, screen.query_one(Footer).rich_style),
    }
    for kind, cursor in (("row", False), ("cursor", True)):
        base = table.row_style(cursor)
        for role in (PLAIN, OVERDUE, DIM):
            styles[f"{kind}/{role}"] = escape(app, table.cell_style(role, base))
        for client, colour in table.client_colors.items():
            style = table.cell_style(CLIENT, base, client)
            styles[f"{kind}/client:{colour}"] = escape(app, style)
    sidebar = screen.query_one(ClientSidebar)
    last = _line(sidebar, sidebar.outer_size.height - 1)
    styles["sidebar"] = escape(app, last[0].style)
    styles["sidebar_edge"], styles["sidebar_edge_char"] = escape(app, last[-1].style), last[-1].text
    detail = screen.query_one(DetailPane)
    top, body = _line(detail, 0), _line(detail, detail.outer_size.height - 1)
    styles["detail_edge"], styles["detail_edge_char"] = escape(app, top[0].style), top[0].text[0]
    styles["detail"] = escape(app, body[0].style)
    return save_styles(app.ws.preferences.get("theme"), styles)


def _line(widget, y: int) -> list[Segment]:
    """Line `y` of the widget as drawn (borders and padding included), as segments:
    the blank parts of the sidebar and the detail pane."""
    [strip] = widget.render_lines(Region(0, y, widget.outer_size.width, 1))
    return list(strip)


def escape(app, style: Style | None) -> str:
    """The escape sequence Textual writes before text of `style` on this terminal."""
    strip = Strip([Segment(MARK, style)])
    background = app.screen.styles.background
    for line_filter in app.get_line_filters():
        strip = strip.apply_filter(line_filter, background)
    written = strip.render(app.console)
    return written[: written.index(MARK)]
