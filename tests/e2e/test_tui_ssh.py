"""`va` over a real SSH session whose client dies: the way VAs lose Wi-Fi mid-task.

When the ssh client vanishes, sshd closes the session's pty and the remote `va`
gets SIGHUP. It must exit (no orphan holding the workspace lock, no TUI drawing
into nowhere) and everything the UI confirmed must already be on disk.
"""

from __future__ import annotations

import contextlib
import os
import signal

import pytest
from terminal import (
    TERM,
    env_command,
    inbox_showing,
    processes_with_argument,
    row_of,
    seed,
    wait_until,
)

pytestmark = pytest.mark.slow


def test_ssh_client_killed_after_complete_leaves_no_tui_and_the_task_done(
    workspace, sshd, tmux_pane
) -> None:
    first, second = seed(workspace)
    db = str(workspace.path)
    # The path in argv (`--db`, besides $VAWORKSPACE_DB) identifies this test's remote `va`.
    remote = env_command(
        [workspace.va, "--db", db],
        {"TERM": TERM, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", **workspace.env},
    )
    pane = tmux_pane(sshd.ssh_command(remote))
    pane.wait_for(inbox_showing(first, second), timeout=15)
    rows = pane.rows()
    assert row_of(rows, first) < row_of(rows, second), "not most urgent first"
    remote_va = processes_with_argument(workspace.va, db)
    assert remote_va, "the remote va is not found by its --db argument"

    pane.send_keys("x")  # the cursor starts on the first, most urgent, row
    pane.wait_for("Completed")

    ssh_pid = pane.pane_pid()  # the pane's command execs ssh
    with open(f"/proc/{ssh_pid}/cmdline", "rb") as raw:
        assert raw.read().decode().split("\0")[0] == sshd.ssh_path
    os.kill(ssh_pid, signal.SIGKILL)

    try:
        wait_until(
            lambda: not processes_with_argument(workspace.va, db),
            10.0,
            lambda: (
                f"remote va still running: {processes_with_argument(workspace.va, db)}\n"
                f"sshd log:\n{sshd.log()}"
            ),
        )
    finally:  # a va that ignored the hangup must not outlive its test
        for pid in processes_with_argument(workspace.va, db):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    assert isinstance(workspace.raw(), dict | list)  # the file itself parses
    status = {task["title"]: task["status"] for task in workspace.tasks()}
    assert status == {first: "done", second: "todo"}
