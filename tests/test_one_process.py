"""`va` is one ordinary process per command: a console script, no workspace server.

A background server made commands faster but outlived ctrl+c, the SSH session and
upgrades. These checks keep one from coming back unnoticed: the installed
scripts are plain entry points, and the package's code holds none of the
machinery a server needs (a listening socket, forking, detaching, passing
descriptors).
"""

from __future__ import annotations

import re
from importlib.metadata import distribution
from pathlib import Path

import vaworkspace

PACKAGE = Path(vaworkspace.__file__).parent
SERVER_MACHINERY = re.compile(
    r"\bAF_UNIX\b|\.bind\(|\.listen\(|\.accept\(|\bSCM_RIGHTS\b|\bsendmsg\b|\bfork\b"
    r"|\bsetsid\b|\bdaemon\(|\brelay\b|VAWORKSPACE_SERVER"
)
"""What a server needs: a listening (Unix) socket, descriptors passed over it, a
detached child. Client sockets (`va sync` downloads over https) and threads are
not servers."""


def test_va_and_vaworkspace_are_console_scripts_of_the_cli() -> None:
    scripts = {
        entry.name: entry.value
        for entry in distribution("vaworkspace").entry_points
        if entry.group == "console_scripts"
    }
    assert scripts == {"va": "vaworkspace.cli:run", "vaworkspace": "vaworkspace.cli:run"}


def test_no_server_machinery_anywhere_in_the_package() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SERVER_MACHINERY.search(line)
    ]
    assert found == []
    assert not (PACKAGE / "scripts").exists()
