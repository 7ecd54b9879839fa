"""The installed `va` TUI after its terminal shrinks (issue #9 saw a stale character
in the bottom-right cell): once the window is dragged smaller, step by step as a
window manager sends it, every cell, colours included, is what a terminal opened
at the smaller size shows."""

from __future__ import annotations

import pytest
from terminal import inbox_showing, seed

pytestmark = pytest.mark.slow


def cells(pane, height: int) -> list[str]:
    """The screen's rows with their trailing blanks and escape sequences (colours)."""
    text = pane.tmux("capture-pane", "-p", "-N", "-e", "-t", pane.target).stdout
    return text.split("\n")[:height]


@pytest.mark.parametrize("screen_key", ["1", "6"])
def test_shrinking_the_terminal_leaves_no_stale_cell(workspace, tmux_pane, screen_key) -> None:
    ranked = seed(workspace)
    shrunk = tmux_pane([workspace.va], workspace.env, width=130, height=40)
    fresh = tmux_pane([workspace.va], workspace.env)  # the same workspace, opened at 80x24
    for pane in (shrunk, fresh):
        pane.wait_for(inbox_showing(*ranked))
        pane.wait_for("All  2")  # the app's own frame, not the first one painted before it
        pane.send_keys(screen_key)
    for step in range(1, 11):  # a window dragged smaller sends many sizes
        width, height = 130 - 5 * step, 40 - 16 * step // 10
        shrunk.tmux("resize-window", "-t", "va", "-x", str(width), "-y", str(height))
    assert shrunk.size() == (80, 24)

    def same_cells(screen: str) -> bool:
        return cells(shrunk, 24) == cells(fresh, 24)

    same_cells.__doc__ = "every cell of the shrunk pane as the pane opened at 80x24 draws it"
    try:
        shrunk.wait_for(same_cells, timeout=5)
    except AssertionError:
        stale = [
            f"row {i}: {a!r}\n   not {b!r}"
            for i, (a, b) in enumerate(zip(cells(shrunk, 24), cells(fresh, 24), strict=True))
            if a != b
        ]
        raise AssertionError("\n".join(stale)) from None
