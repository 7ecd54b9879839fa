"""The installed `va` TUI in a real 80×24 terminal (tmux): what a VA sees, types and gets back.

The in-process Textual pilot cannot show a footer pushed off an 80×24 screen, a
quick-add that only reaches the file after the UI said so, a terminal left in
the alternate screen with the mouse captured, or a SIGHUP that hangs the app:
these tests run `va` behind a real pty to catch exactly those.
"""

from __future__ import annotations

import os
import signal

import pytest
from terminal import inbox_showing, row_of, seed

pytestmark = pytest.mark.slow

NEW_TASK = "Call the dentist"
QUICK_ADD = f"{NEW_TASK} @evelyne"


def quick_add(pane, text: str, title: str) -> str:
    """Press `a`, type `text`, Enter; the screen once the input closed and `title` is listed."""
    before = pane.rows()[2:]  # below the top bar, whose clock may tick meanwhile
    pane.send_keys("a")

    def input_opened(screen: str) -> bool:
        """the quick-add input opened by `a`"""
        return pane.rows()[2:] != before

    pane.wait_for(input_opened)
    pane.type(text)
    pane.wait_for(text)  # every character reached the input before Enter
    pane.send_keys("Enter")

    def listed(screen: str) -> bool:
        return text not in screen and title in screen

    listed.__doc__ = f"the input closed and {title!r} listed"
    return pane.wait_for(listed)


def test_inbox_fits_80x24_quick_add_saves_and_ctrl_q_restores_terminal(
    workspace, tmux_pane
) -> None:
    ranked = seed(workspace)
    pane = tmux_pane([workspace.va], workspace.env)  # `va`, no arguments: the TUI
    assert pane.size() == (80, 24)
    pane.wait_for(inbox_showing(*ranked))

    rows = pane.rows()
    assert len(rows) == 24
    assert any("Inbox" in row for row in rows[:3]), "no header line with Inbox:\n" + "\n".join(rows)
    assert "Undo" in rows[-1], "footer is not the last row:\n" + "\n".join(rows)
    assert row_of(rows, ranked[0]) < row_of(rows, ranked[1]), "not most urgent first"

    quick_add(pane, QUICK_ADD, NEW_TASK)
    # Written before the UI confirmed: no waiting for the file.
    [added] = [task for task in workspace.tasks(include_done=False) if task["title"] == NEW_TASK]
    assert (added["status"], added["client"]) == ("todo", "evelyne")

    pane.send_keys("C-q")
    assert pane.wait_exit(timeout=5) == 0
    modes = pane.info("alternate_on", "mouse_any_flag", "mouse_button_flag", "mouse_sgr_flag")
    assert modes is not None
    assert set(modes.values()) == {"0"}, f"terminal not restored: {modes}\n{pane.describe()}"
    assert NEW_TASK not in pane.screen(), "the TUI is still drawn after exit"


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_hangup_or_term_exits_within_5s_and_keeps_every_task(workspace, tmux_pane, signum) -> None:
    ranked = seed(workspace)
    pane = tmux_pane([workspace.va], workspace.env)
    pane.wait_for(inbox_showing(*ranked))
    quick_add(pane, QUICK_ADD, NEW_TASK)

    pid = pane.pane_pid()  # the pane's command execs `va`: this is the app itself
    with open(f"/proc/{pid}/cmdline", "rb") as raw:
        assert workspace.va in raw.read().decode().split("\0")[:2]
    os.kill(pid, signum)
    pane.wait_exit(timeout=5)

    assert isinstance(workspace.raw(), dict | list)  # the file itself parses
    titles = sorted(task["title"] for task in workspace.tasks())
    assert titles == sorted([*ranked, NEW_TASK])
