"""The installed `va` paints its inbox before Textual runs; keys typed meanwhile count.

The first start remembers the inbox's colours; the next one paints the inbox
from them at once (`tui/first_frame.py`) and hands the terminal to the app.
These tests type into that handover in a real terminal (tmux) and check the
terminal is left as it was found.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from terminal import inbox_showing, seed

pytestmark = pytest.mark.slow


def remembered(workspace) -> Path:
    return Path(workspace.env["XDG_CACHE_HOME"]) / "vaworkspace" / "first-frame.json"


def first_start(workspace, tmux_pane, ranked: list[str]) -> None:
    """Open the app once, long enough for it to remember its colours, and quit."""
    pane = tmux_pane([workspace.va], workspace.env)
    pane.wait_for(inbox_showing(*ranked))
    pane.wait_for(lambda _: remembered(workspace).exists(), timeout=10)
    pane.send_keys("C-q")
    assert pane.wait_exit(timeout=5) == 0


def test_a_key_typed_while_the_first_frame_shows_reaches_the_app(workspace, tmux_pane) -> None:
    ranked = seed(workspace)
    first_start(workspace, tmux_pane, ranked)

    pane = tmux_pane([workspace.va], workspace.env)
    pane.send_keys("/", literal=True)  # at once: before the app can have started
    screen = pane.wait_for("Search: words in titles")
    assert "/" not in screen.splitlines()[0], "the key was echoed over the frame"
    pane.type("zzz-none")
    pane.wait_for(lambda text: "0 tasks" in text or ranked[0] not in text)
    pane.send_keys("Escape")
    pane.wait_for(inbox_showing(*ranked))
    pane.send_keys("C-q")
    assert pane.wait_exit(timeout=5) == 0
    modes = pane.info("alternate_on", "mouse_any_flag", "mouse_button_flag", "mouse_sgr_flag")
    assert modes is not None and set(modes.values()) == {"0"}, pane.describe()


def test_the_terminal_echoes_and_edits_lines_again_after_exit(workspace, tmux_pane) -> None:
    ranked = seed(workspace)
    first_start(workspace, tmux_pane, ranked)
    modes = Path(workspace.env["XDG_CACHE_HOME"]) / "stty.txt"

    script = f'"$0"; stty -a > {modes}'
    pane = tmux_pane(["sh", "-c", script, workspace.va], workspace.env)
    pane.send_keys("j", literal=True)  # typed while the first frame shows
    pane.wait_for(inbox_showing(*ranked))
    pane.send_keys("C-q")
    assert pane.wait_exit(timeout=5) == 0
    flags = modes.read_text().split()
    assert "echo" in flags and "icanon" in flags, modes.read_text()
