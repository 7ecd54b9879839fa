"""The one-key timer of a task list (`t` on the TUI's inbox): start, stop or switch.

On a task, the key means: no timer runs → start one on it; the timer runs on this
very task → stop it (its focus time becomes an entry); it runs on anything else
(another task, a client alone) → switch to this task, logging the stretch so far.
A paused timer counts as running: stopping or switching it logs what it holds.
"""

from __future__ import annotations

START, STOP, SWITCH = "start", "stop", "switch"


def toggle_action(running: bool, running_task: int | None, task_id: int) -> str:
    """`START`, `STOP` or `SWITCH` for the key pressed on `task_id`."""
    if not running:
        return START
    return STOP if running_task == task_id else SWITCH
