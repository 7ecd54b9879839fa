"""`va list` imports only what listing needs: every module costs each command its
import time in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys

NOT_FOR_LIST = (
    "typing",
    "vaworkspace.service.publishing",
    "textual",
    "icalendar",
    "tinydb",
    # CalDAV sync: only `va sync` and `va account` pay for it.
    "caldav",
    "requests",
    "vaworkspace.dav",
    "vaworkspace.config.accounts",
    "vaworkspace.service.accounts",
    # Babel: only what writes in the user's language.
    "babel",
    "vaworkspace.locale_format",
)

LIST = """
import sys
from vaworkspace.cli import main
main(["list"])
print(sorted(name for name in {names!r} if name in sys.modules))
"""


def test_list_leaves_out_typing_and_publishing(tmp_path) -> None:
    env = dict(
        os.environ,
        VAWORKSPACE_DB=str(tmp_path / "ws.json"),
        VAWORKSPACE_CONFIG=str(tmp_path / "none.toml"),
    )
    add = [sys.executable, "-m", "vaworkspace", "add", "Book hotel due:fri #next"]
    subprocess.run(add, env=env, check=True, capture_output=True)
    listed = subprocess.run(
        [sys.executable, "-c", LIST.format(names=NOT_FOR_LIST)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert listed.returncode == 0, listed.stderr
    *rows, imported = listed.stdout.splitlines()
    assert "Book hotel" in rows[1]
    assert imported == "[]"
