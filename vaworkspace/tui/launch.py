"""`va` with no arguments in a terminal: the inbox first, then the app.

This module imports no Textual: it paints the first frame (`first_frame`) from
the ranked inbox, and only then imports the app, which paints the same screen
over it. If the app never starts (an error, ctrl+c during the import), the
terminal is given back as it was.
"""

from __future__ import annotations


def run_tui(ws) -> int:
    from vaworkspace.tui.first_frame import paint

    painted = paint(ws)
    try:
        from vaworkspace.tui.app import run_tui as run_app

        return run_app(ws, painted)
    finally:
        if painted is not None:
            painted.abandon()  # does nothing once the app had the terminal
