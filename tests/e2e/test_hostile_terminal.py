"""Imported text never drives the terminal: a real tmux pane, hostile titles, the
installed `va`, and tmux itself as the witness.

tmux is told to obey what a hostile title asks for (`set-clipboard on`: OSC 52
creates a paste buffer; OSC 0 sets the pane title; ESC [2J clears the screen),
so a leak is visible: a buffer in `list-buffers`, a changed `pane_title`, or the
lines printed before the command wiped from the screen.
"""

from __future__ import annotations

import json

import pytest
from terminal import wait_until

pytestmark = pytest.mark.slow

OSC52 = "\x1b]52;c;aGFja2Vk\x07"  # "hacked" to the clipboard
CLEAR = "\x1b[2J"
RETITLE = "\x1b]0;pwned\x07"
TITLE = f"Pay invoice {OSC52}{CLEAR}{RETITLE} today"
OBEY = (("set-clipboard", "on"), ("allow-rename", "on"), ("set-titles", "on"))


def shell_step(pane, command: str, number: int) -> str:
    """Type `command; echo step-$((number*1000+1))` and wait for the computed marker,
    which only the shell's output (not the typed line) contains."""
    pane.type(f"{command}; echo step-$(({number} * 1000 + 1))")
    pane.send_keys("Enter")
    return pane.wait_for(f"step-{number * 1000 + 1}", timeout=20)


def test_hostile_titles_leave_clipboard_title_and_screen_alone(
    workspace, tmux_pane, tmp_path
) -> None:
    export = tmp_path / "hostile.json"
    export.write_text(
        json.dumps(
            [
                {
                    "uuid": "06671ad1-0000-4bdd-8466-39243eb13b90",
                    "description": TITLE,
                    "project": f"Acme{RETITLE}",
                    "tags": [f"t{OSC52}"],
                    "status": "pending",
                    "entry": "20260301T120000Z",
                    "due": "20260303T170000Z",
                    "annotations": [{"entry": "20260301T130000Z", "description": f"n{CLEAR}"}],
                },
            ]
        )
    )
    workspace.run("import", str(export))
    [task] = workspace.tasks()
    assert task["title"] == TITLE  # stored as it came

    pane = tmux_pane(["/bin/sh"], workspace.env, options=OBEY)
    pane.wait_for(lambda screen: screen.strip() != "")  # the prompt
    title = pane.info("pane_title")
    assert pane.tmux("list-buffers").stdout == ""

    shell_step(pane, "echo kept-$((40 + 2))", 1)
    screen = shell_step(pane, f"va show {task['id']}", 2)
    assert "kept-42" in screen, f"va show cleared the screen:\n{pane.describe()}"
    assert "Pay invoice ␛]52;c;aGFja2Vk␇␛[2J␛]0;pwned␇ today" in screen
    screen = shell_step(pane, "va list; va agenda --days 3; va client list; va export", 3)
    assert "Pay invoice ␛" in screen
    shell_step(pane, f"va why {task['id']}", 4)

    pane.type("va")
    pane.send_keys("Enter")
    pane.wait_for(lambda screen: "Inbox" in screen and "Undo" in screen)
    # One screen at a time, as a person types: each one drawn before the next key.
    for key, name in (("i", "Triage"), ("3", "Clients"), ("4", "Focus"), ("6", "Agenda")):
        pane.send_keys(key)
        pane.wait_for(name)
    pane.send_keys("1")
    pane.wait_for(lambda screen: "Inbox" in screen and "Undo" in screen)
    try:  # judged after the leaks: a leaking title may blank the inbox for good
        inbox = pane.wait_for(lambda screen: "Pay invoice ␛" in screen, timeout=5)
    except AssertionError:
        inbox = pane.screen()
    pane.send_keys("C-q")
    wait_until(
        lambda: (pane.info("pane_current_command") or {}).get("pane_current_command") == "sh",
        10,
        lambda: f"the TUI did not give the shell back\n{pane.describe()}",
    )
    shell_step(pane, "echo back", 5)

    assert pane.tmux("list-buffers").stdout == "", "something wrote the clipboard (OSC 52)"
    assert pane.info("pane_title") == title, "something set the window title (OSC 0)"
    assert "Pay invoice ␛" in inbox, f"the inbox does not show the title:\n{inbox}"
