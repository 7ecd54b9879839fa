"""The task form in a real terminal while a real `va edit` changes the same task.

Two processes, one file: the TUI (tmux pane) opens the form, another `va`
process edits the task, then the VA saves the form. Only the fields the VA
typed are written; a field both sides changed is shown, and nothing is saved.
"""

from __future__ import annotations

import pytest
from terminal import inbox_showing, seed

pytestmark = pytest.mark.slow


def open_form_on_first_row(workspace, tmux_pane):
    ranked = seed(workspace)
    pane = tmux_pane([workspace.va], workspace.env)
    pane.wait_for(inbox_showing(*ranked))
    first = workspace.task(ranked[0])
    pane.send_keys("e")
    pane.wait_for(f"Task {first['id']}")
    return pane, first


def retype_title(pane, title: str) -> None:
    """Clear the focused title field (its placeholder shows) and type `title`."""

    def cleared(screen: str) -> bool:
        """the title field empty, its placeholder showing"""
        if "what needs doing" in screen:
            return True
        pane.send_keys("C-u")  # again: the first may beat the form's focus
        return False

    pane.send_keys("C-u")
    pane.wait_for(cleared)
    pane.type(title)
    pane.wait_for(title)


def test_form_save_keeps_a_concurrent_va_edit(workspace, tmux_pane) -> None:
    pane, task = open_form_on_first_row(workspace, tmux_pane)
    workspace.run("edit", str(task["id"]), "due:fri", "!h", "~2h", "#budget")
    theirs = workspace.task(task["title"])
    retype_title(pane, f"{task['title']} now")
    pane.send_keys("C-s")
    pane.wait_for(f"Saved task {task['id']}")
    [after] = [t for t in workspace.tasks() if t["id"] == task["id"]]
    assert after["title"] == f"{task['title']} now"
    for name in ("due", "priority", "estimate_minutes", "tags", "client"):
        assert after[name] == theirs[name], name


def test_form_shows_a_field_changed_on_both_sides_and_saves_nothing(workspace, tmux_pane) -> None:
    pane, task = open_form_on_first_row(workspace, tmux_pane)
    workspace.run("edit", str(task["id"]), "Their", "title", "!l")
    before = workspace.path.read_bytes()
    retype_title(pane, "My title")
    pane.send_keys("C-s")
    screen = pane.wait_for("changed elsewhere")
    assert "title: theirs Their title · yours My title" in screen
    assert workspace.path.read_bytes() == before
    pane.send_keys("C-s")  # seen theirs: keep mine
    pane.wait_for(f"Saved task {task['id']}")
    assert workspace.task("My title")["priority"] == "low"
