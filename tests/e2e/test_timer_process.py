"""The timer lives in the file, not in a process: kill -9 anything, the time is right.

The pane runs the real `va` TUI while a timer started by another `va` process
runs; the TUI is SIGKILLed (no cleanup at all), and later processes still see
the correct elapsed time, `stop` logs exactly one entry, and the report adds up.
"""

from __future__ import annotations

import json
import os
import signal

from terminal import inbox_showing, seed

START = "2026-03-02T14:00:00Z"


def at(workspace, moment: str, *argv: str) -> str:
    workspace.env["VAWORKSPACE_NOW"] = moment
    return workspace.run(*argv)


def test_kill_9_keeps_the_timer_and_stop_logs_one_entry(workspace, tmux_pane) -> None:
    ranked = seed(workspace)
    at(workspace, START, "timer", "start", "1", "--stopwatch")
    pane = tmux_pane([workspace.va], {**workspace.env, "VAWORKSPACE_NOW": "2026-03-02T14:05:00Z"})
    pane.wait_for(inbox_showing(*ranked))
    os.kill(pane.pane_pid(), signal.SIGKILL)
    pane.wait_exit(timeout=5)

    status = json.loads(at(workspace, "2026-03-02T14:10:00Z", "timer", "status", "--json"))
    assert status["running"] and status["task"] == 1
    assert status["elapsed_seconds"] == 600 and status["remaining_seconds"] is None

    at(workspace, "2026-03-02T14:12:00Z", "timer", "stop")
    entries = json.loads(at(workspace, "2026-03-02T14:13:00Z", "entries", "--json"))
    assert [(e["seconds"], e["task"], e["source"]) for e in entries] == [(720, 1, "timer")]
    assert not json.loads(at(workspace, "2026-03-02T14:13:00Z", "timer", "status", "--json"))[
        "running"
    ]
    report = json.loads(at(workspace, "2026-03-02T14:13:00Z", "report", "--json"))
    assert sum(line["hours"] for line in report) == round(
        sum(e["seconds"] for e in entries) / 3600, 2
    )
