"""The first frame painted before Textual is imported matches the inbox the app draws.

Its layout is compared with the real widgets' regions, its text with what the
widgets render, and it is painted on a real pty only with colours the app
remembered for this theme and terminal.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import struct
import termios

import pytest
from textual.geometry import Region

from tests.tui.conftest import app_for, make_ws
from vaworkspace.tui.first_frame import (
    cache_path,
    frame_layout,
    frame_lines,
    load_styles,
    paint,
)
from vaworkspace.tui.first_frame_styles import remember
from vaworkspace.tui.inbox import STYLES_AFTER

ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def plain(line: str) -> str:
    return ESCAPE.sub("", line)


def text_of(widget) -> list[str]:
    width, height = widget.outer_size
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


@pytest.fixture
def busy(tmp_path):
    """More tasks than an 80×24 list shows, one client with a colour."""
    ws = make_ws(tmp_path / "busy.json")
    ws.clients.add("Évelyne Couture", color="#e879f9")
    ws.clients.add("Dental clinic", id="dental")
    for n in range(40):
        client = ("@evelyne", "@dental", "")[n % 3]
        ws.tasks.add(
            f"Task number {n} {client} due:2026-11-{1 + n % 28:02d} ~{15 + n}m #tag{n % 4}"
        )
    return ws


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (71, 20), (72, 30), (100, 16)])
async def test_layout_is_where_the_inbox_widgets_are(busy, size) -> None:
    app = app_for(busy)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        layout = frame_layout(*size)
        table = screen.query_one("InboxTable")
        assert table.region == Region(
            layout.sidebar, layout.table_top, layout.table_width, layout.table_height
        )
        assert table.size.width == layout.table_width  # the rows' text width
        detail = screen.query_one("DetailPane")
        assert detail.region == Region(
            layout.sidebar,
            layout.table_top + layout.table_height,
            layout.table_width,
            layout.detail_height,
        )
        sidebar = screen.query_one("ClientSidebar")
        if layout.sidebar:
            assert sidebar.region == Region(0, 1, layout.sidebar, size[1] - 2)
        else:
            assert not sidebar.display or sidebar.region.area == 0
        assert screen.query_one("TopBar").region == Region(0, 0, size[0], 1)
        assert screen.query_one("Footer").region == Region(0, size[1] - 1, size[0], 1)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (60, 20)])
async def test_first_frame_says_what_the_inbox_shows(busy, size) -> None:
    app = app_for(busy)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        remember(screen)
        styles = load_styles(busy.preferences.get("theme"))
        layout = frame_layout(*size)
        rows = busy.inbox.ranked()[: layout.visible_rows]
        lines = [plain(line) for line in frame_lines(busy, rows, layout, styles)]
        assert len(lines) == size[1]
        assert all(len(line) == size[0] for line in lines)

        bar = screen.query_one("TopBar")
        where, timer = text_of(bar.query_one("#where"))[0], text_of(bar.query_one("#timer"))[0]
        assert lines[0] == f" {where}{timer} "
        table = screen.query_one("InboxTable")
        for y in range(layout.table_height):
            shown = lines[layout.table_top + y][layout.sidebar :]
            assert shown == table.render_line(y).text, f"line {y} of the list"
        assert "Task number" in lines[2]


async def test_cursor_and_client_colours_come_from_the_list(busy) -> None:
    app = app_for(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        remember(app.screen)
    styles = load_styles(busy.preferences.get("theme"))
    assert styles["cursor/"] != styles["row/"]
    assert "row/client:#e879f9" in styles and "cursor/client:#e879f9" in styles
    layout = frame_layout(80, 24)
    lines = frame_lines(busy, busy.inbox.ranked()[: layout.visible_rows], layout, styles)
    assert styles["cursor/"] in lines[2] and styles["cursor/"] not in lines[3]


async def test_the_app_remembers_its_colours_soon_after_the_first_screen(busy) -> None:
    app = app_for(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(STYLES_AFTER + 0.3)
        styles = load_styles(None)
    assert styles is not None and styles["cursor/"]


async def test_styles_are_kept_per_theme_choice_and_terminal(busy, monkeypatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    app = app_for(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        remember(app.screen)
        assert not remember(app.screen), "written again although nothing changed"
    assert os.stat(cache_path()).st_mode & 0o777 == 0o600
    assert load_styles(None) is not None
    assert load_styles("va-high-contrast") is None  # another theme: other colours
    monkeypatch.setenv("COLORTERM", "truecolor")
    assert load_styles(None) is None  # another colour system: other sequences
    monkeypatch.delenv("COLORTERM")
    with open(cache_path(), "w") as broken:
        broken.write("{not json")
    assert load_styles(None) is None


def _pty():
    """A terminal of 80×24, its program's end and ours."""
    main, child = os.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    os.set_blocking(main, False)
    return main, child


def _read(fd: int) -> bytes:
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            return out
        if not chunk:
            return out
        out += chunk


async def test_paints_on_a_terminal_only_with_remembered_colours(busy) -> None:
    main, child = _pty()
    try:
        assert paint(busy, in_fd=child, out_fd=child) is None  # nothing remembered yet
        assert _read(main) == b""

        app = app_for(busy)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            remember(app.screen)
        before = termios.tcgetattr(child)
        painted = paint(busy, in_fd=child, out_fd=child)
        assert painted is not None
        written = plain(_read(main).decode())
        assert "Urg  Client" in written and "Inbox" in written
        assert busy.inbox.ranked()[0][1].title in written
        quiet = termios.tcgetattr(child)
        assert not quiet[3] & (termios.ECHO | termios.ICANON), "typed keys would show"
        assert not quiet[0] & termios.IXON, "ctrl+q would be eaten as XON"

        os.write(main, b"/\x11")  # typed before the app runs: kept for it, not echoed
        assert _read(main) == b""
        assert os.read(child, 10) == b"/\x11"
        assert painted.hand_over() == before  # what Textual's driver restores at exit
        assert painted.hand_over() is None
        painted.abandon()  # the driver has the terminal: nothing to undo here
        assert _read(main) == b""
    finally:
        os.close(main)
        os.close(child)


async def test_an_app_that_never_starts_leaves_the_alternate_screen(busy) -> None:
    main, child = _pty()
    try:
        app = app_for(busy)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            remember(app.screen)
        before = termios.tcgetattr(child)
        painted = paint(busy, in_fd=child, out_fd=child)
        assert b"\x1b[?1049h" in _read(main)
        painted.abandon()
        assert b"\x1b[?1049l" in _read(main)
        assert termios.tcgetattr(child) == before
    finally:
        os.close(main)
        os.close(child)


def test_styles_of_an_older_version_paint_nothing(busy, tmp_path) -> None:
    path = cache_path()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as old:
        json.dump({"version": 0, "styles": {}}, old)
    assert load_styles(None) is None
