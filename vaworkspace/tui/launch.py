"""`va` with no arguments in a terminal: the first run's questions if they are
due, then the inbox first, then the app.

This module imports no Textual: it paints the first frame (`first_frame`) from
the ranked inbox, and only then imports the app, which paints the same screen
over it. If the app never starts (an error, ctrl+c during the import), the
terminal is given back as it was.
"""

from __future__ import annotations


def run_tui(ws) -> int:
    from vaworkspace.tui.first_frame import paint

    _hang_up_early()
    painted = paint(ws)
    try:
        from vaworkspace.tui.app import run_tui as run_app

        return run_app(ws, painted)
    finally:
        if painted is not None:
            painted.abandon()  # does nothing once the app had the terminal


def _hang_up_early() -> None:
    """A hang-up before the app owns the terminal (the first frame is up, Textual
    still importing: a second or more on a loaded machine) ends `va` at once with
    the app's hang-up status, 129, instead of the default death by signal. Nothing
    is lost: nothing was typed into the app yet, and a write in progress is a
    transaction, whole or not at all. The app's driver replaces this handler
    with its own (`hangup.Hangup.install`)."""
    import os
    import signal

    status = 128 + signal.SIGHUP
    signal.signal(signal.SIGHUP, lambda _signum, _frame: os._exit(status))


def first_run() -> bool:
    """The first `va` in a terminal (no config file yet): ask the VA's zone and work
    hours once (`tui.first_run`). False if the VA quit instead: `va` ends there."""
    from vaworkspace.config import config_path
    from vaworkspace.config.first_run import first_run_due

    if not first_run_due():
        return True
    from vaworkspace.tui.first_run import ask_first_settings

    return ask_first_settings(config_path())
