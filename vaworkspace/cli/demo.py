"""`va --demo`: a realistic VA week in a throwaway folder, opened in the TUI for a
first look (or, when not in a terminal, its path printed for scripts)."""

from __future__ import annotations

import os
import sys
import tempfile


def run_demo(args) -> int:
    from vaworkspace.config import load_config
    from vaworkspace.i18n import _
    from vaworkspace.service import Workspace

    folder = tempfile.mkdtemp(prefix="vaworkspace-demo-")
    path = os.path.join(folder, "workspace.json")
    ws = Workspace(path, load_config())
    ws.fill_demo()
    if sys.stdin.isatty() and sys.stdout.isatty():
        from vaworkspace.tui.app import run_tui

        run_tui(ws)
        print(
            _("The demo workspace stays in {path} (open it again: va --db {path})").format(
                path=path
            )
        )
        return 0
    print(path)
    print(_("Demo workspace ready. Try: va --db {path} list").format(path=path))
    return 0
