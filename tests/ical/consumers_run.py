"""Running an outside calendar program (khal, calcurse) the way the consumer tests do."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ZONE = "America/Montreal"


def run(argv: list[str], tmp_path: Path) -> str:
    """Run a consumer in the user's zone with a throwaway HOME; its stdout, or a failure."""
    env = {**os.environ, "TZ": ZONE, "HOME": str(tmp_path / "home"), "LC_ALL": "C.UTF-8"}
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, f"{argv} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout
