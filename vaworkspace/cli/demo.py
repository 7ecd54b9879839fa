"""`va --demo`: a realistic VA week in a throwaway folder, for a first look."""

from __future__ import annotations

import os
import tempfile


def run_demo(args) -> int:
    from vaworkspace.config import load_config
    from vaworkspace.service import Workspace

    folder = tempfile.mkdtemp(prefix="vaworkspace-demo-")
    path = os.path.join(folder, "workspace.json")
    Workspace(path, load_config()).fill_demo()
    print(path)
    print(f"Demo workspace ready. Try: va --db {path} list")
    return 0
