"""The inbox painted before Textual is imported: the first screen without its import.

Importing Textual takes most of the TUI's start, while the inbox's data (the
file read, 10k tasks ranked) is ready well before. So `va` ranks first, writes
the top bar and the visible rows straight to the terminal (alternate screen,
the very columns and colours the inbox draws), then imports Textual, which
paints the same screen over it and takes the keyboard. Keys typed meanwhile are
neither echoed nor lost: the terminal holds them (no echo, no line editing)
until the app reads them.

What it may rely on, and what keeps it honest:
- The colours are Textual's own escape sequences, remembered by the previous
  start (`first_frame_styles.remember`) per theme and terminal type. Without
  them (first start, another theme or terminal) nothing is painted early.
- The layout mirrors the inbox's CSS (`frame_layout`); a Pilot test compares it
  with the real widgets' regions at several sizes, and the rows' text comes from
  the code the inbox itself uses (`inbox_rows`).
- Only chrome without data (sidebar, detail pane, footer) is left blank for the
  app to fill; the top bar and the list are complete.

No Textual import here, and no Rich.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass

CACHE_VERSION = 1
NARROW_BELOW = 72  # tui/app.py's HORIZONTAL_BREAKPOINTS: below it the sidebar hides
SIDEBAR_W = 18  # widgets.ClientSidebar: width 18, its right border included
DETAIL_H, DETAIL_NARROW_H = 9, 6  # widgets.DetailPane, and app.py's `.-narrow` rule
TERMINAL_VARIABLES = ("TERM", "COLORTERM", "NO_COLOR", "TEXTUAL_COLOR_SYSTEM", "TEXTUAL")
"""What decides how Textual writes colours: remembered styles are per their values."""
RESET = "\x1b[0m"


def cache_path(env: Mapping[str, str] | None = None) -> str:
    from vaworkspace.config import cache_dir

    return os.path.join(cache_dir(env), "first-frame.json")


def terminal_key(env: Mapping[str, str] | None = None) -> dict[str, str]:
    env = os.environ if env is None else env
    return {name: env.get(name, "") for name in TERMINAL_VARIABLES}


def load_styles(preference: str | None, env: Mapping[str, str] | None = None) -> dict | None:
    """The remembered styles, if they were made for this theme preference and terminal."""
    try:
        with open(cache_path(env), encoding="utf-8") as handle:
            found = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(found, dict) or found.get("version") != CACHE_VERSION:
        return None
    if found.get("preference") != preference or found.get("terminal") != terminal_key(env):
        return None
    styles = found.get("styles")
    return styles if isinstance(styles, dict) else None


def save_styles(preference: str | None, styles: dict, env: Mapping[str, str] | None = None) -> bool:
    """Remember `styles` for the next start; written only when they changed (a temp
    file renamed over the old one, so a reader never sees half a file)."""
    path = cache_path(env)
    wanted = {
        "version": CACHE_VERSION,
        "preference": preference,
        "terminal": terminal_key(env),
        "styles": styles,
    }
    try:
        with open(path, encoding="utf-8") as handle:
            if json.load(handle) == wanted:
                return False
    except (OSError, ValueError):
        pass
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    temp = f"{path}.{os.getpid()}.tmp"
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(wanted, handle)
    os.replace(temp, path)
    return True


@dataclass(frozen=True)
class FrameLayout:
    """Where the inbox's parts sit on a `width` × `height` terminal (0-based)."""

    width: int
    height: int
    sidebar: int  # columns of the client sidebar, its border included (0 when narrow)
    table_top: int
    table_height: int  # the header line included
    detail_height: int  # the border line included

    @property
    def table_width(self) -> int:
        """The list's width; its scrollbar, when it has one, covers the last column."""
        return self.width - self.sidebar

    @property
    def visible_rows(self) -> int:
        return max(0, self.table_height - 1)


def frame_layout(width: int, height: int) -> FrameLayout:
    """The inbox's layout: top bar and footer one line each, the sidebar on the left
    from 72 columns, the detail pane under the list."""
    narrow = width < NARROW_BELOW
    detail = DETAIL_NARROW_H if narrow else DETAIL_H
    return FrameLayout(
        width=width,
        height=height,
        sidebar=0 if narrow else SIDEBAR_W,
        table_top=1,
        table_height=max(0, height - 2 - detail),
        detail_height=detail,
    )


def frame_lines(ws, rows: list, layout: FrameLayout, styles: dict) -> list[str]:
    """The screen, line by line, as escape sequences and text (each line exactly
    `layout.width` cells)."""
    from vaworkspace.formats import cells as cell_len
    from vaworkspace.i18n import _
    from vaworkspace.tui.bar_text import clock_text, status_text
    from vaworkspace.tui.inbox_rows import CLIENT, PLAIN, header, row_cells

    width, table_w = layout.width, layout.table_width
    status = status_text(ws)
    bar = [
        (styles["bar_pad"], " "),
        (styles["bar_title"], _("Inbox")),
        (styles["bar"], clock_text(ws)),
    ]
    lines = [
        _cells(bar, width - 1 - cell_len(status), styles["bar"])
        + _cells([(styles["bar"], status), (styles["bar_pad"], " ")], 1 + cell_len(status), "")
    ]
    sidebar = ""
    if layout.sidebar:
        edge = (styles["sidebar_edge"], styles["sidebar_edge_char"])
        sidebar = _cells(
            [(styles["sidebar"], " " * (layout.sidebar - 1)), edge], layout.sidebar, ""
        )
    now, tz = ws.now(), ws.tz
    colours = {c.id: c.color for c in ws.clients.all() if c.color}
    risky = ws.inbox.at_risk_test()
    for y in range(layout.table_height):
        if y == 0:
            parts = [(styles["header"], header(table_w))]
            fill = styles["header"]
        elif y - 1 < len(rows):
            score, task = rows[y - 1]
            kind = "cursor" if y == 1 else "row"
            fill = styles[f"{kind}/{PLAIN}"]
            parts = []
            cells = row_cells(score, task, table_w, now, tz, task.due is not None and risky(task))
            for text, role in cells:
                key = (
                    f"{kind}/client:{colours.get(task.client)}"
                    if role == CLIENT
                    else f"{kind}/{role}"
                )
                parts.append((styles.get(key, fill), text))
        else:
            parts, fill = [], styles[f"row/{PLAIN}"]
        lines.append(sidebar + _cells(parts, table_w, fill))
    edge = (styles["detail_edge"], styles["detail_edge_char"] * table_w)
    lines.append(sidebar + _cells([edge], table_w, ""))
    lines += [sidebar + _cells([], table_w, styles["detail"])] * (layout.detail_height - 1)
    lines.append(_cells([], width, styles["footer"]))
    return lines


def _cells(parts: list[tuple[str, str]], width: int, fill: str) -> str:
    """(escape, text) parts cut or padded (in `fill`'s style) to exactly `width` cells."""
    from vaworkspace.formats import cells

    out, used = [], 0
    for escape, text in parts:
        size = cells(text)
        if used + size > width:  # cut, as the screen crops a line: no "…"
            kept = ""
            for char in text:
                if used + cells(kept + char) > width:
                    break
                kept += char
            text, size = kept, cells(kept)
        out.append(f"{RESET}{escape}{text}")
        used += size
        if used >= width:
            break
    if used < width:
        out.append(f"{RESET}{fill}{' ' * (width - used)}")
    return "".join(out)


class Painted:
    """A first frame on the terminal, until the app takes the terminal over."""

    def __init__(self, in_fd: int, out_fd: int, attrs: list | None) -> None:
        self.in_fd, self.out_fd, self.attrs = in_fd, out_fd, attrs
        self.handed_over = False

    def hand_over(self) -> list | None:
        """Textual's driver has set up the terminal (`hangup.HangupDriver`): it gets
        the settings to restore at exit, those from before the frame (it saved
        ours). Nothing is changed in between, so no typed key is echoed or lost."""
        if self.handed_over:
            return None
        self.handed_over = True
        return self.attrs

    def abandon(self) -> None:
        """The app never took the terminal (an error, ctrl+c, a driver without a
        terminal): settings back as they were, and leave the alternate screen."""
        if self.handed_over:
            return
        self.handed_over = True
        if self.attrs is not None:
            import termios

            with contextlib.suppress(termios.error):
                termios.tcsetattr(self.in_fd, termios.TCSANOW, self.attrs)
        _write(self.out_fd, "\x1b[0m\x1b[?1049l\x1b[?25h")


def paint(ws, in_fd: int = 0, out_fd: int = 2) -> Painted | None:
    """Paint the inbox now if the remembered styles fit; None when nothing was painted.

    `out_fd` is where Textual's Linux driver writes (stderr), `in_fd` what it reads."""
    if sys.platform == "win32" or not (os.isatty(in_fd) and os.isatty(out_fd)):
        return None
    styles = load_styles(ws.preferences.get("theme"))
    if styles is None:
        return None
    rows = ws.inbox.ranked()
    if not rows:
        return None  # the app shows its "nothing to do yet" text instead of a list
    size = os.get_terminal_size(out_fd)
    layout = frame_layout(size.columns, size.lines)
    if layout.table_height < 2 or layout.table_width < 20:
        return None
    try:
        lines = frame_lines(ws, rows[: layout.visible_rows], layout, styles)
    except KeyError:
        return None  # styles remembered by another version of the app
    attrs = _quiet(in_fd)
    frame = ["\x1b[?1049h\x1b[?25l\x1b[?2026h"]
    frame += [f"\x1b[{y + 1};1H{line}{RESET}" for y, line in enumerate(lines)]
    frame.append("\x1b[?2026l")
    painted = Painted(in_fd, out_fd, attrs)
    try:
        _write(out_fd, "".join(frame))
    except OSError:
        painted.abandon()
        return None
    return painted


def _quiet(fd: int) -> list | None:
    """The input modes Textual's driver sets (no echo, no line editing, no XON/XOFF,
    CR kept), so keys typed before the app runs neither draw over the frame nor
    change on the way (ctrl+q would be eaten as XON, Enter turned into LF); ctrl+c
    still interrupts. Returns the settings to give back."""
    import termios

    try:
        attrs = termios.tcgetattr(fd)
        quiet = termios.tcgetattr(fd)
        quiet[0] &= ~(termios.IXON | termios.IXOFF | termios.ICRNL | termios.INLCR | termios.IGNCR)
        quiet[3] &= ~(termios.ECHO | termios.ICANON | termios.IEXTEN)
        quiet[6][termios.VMIN], quiet[6][termios.VTIME] = 1, 0
        termios.tcsetattr(fd, termios.TCSANOW, quiet)
    except termios.error:
        return None
    return attrs


def _write(fd: int, text: str) -> None:
    data = text.encode("utf-8")
    while data:
        written = os.write(fd, data)
        data = data[written:]
