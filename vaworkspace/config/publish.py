"""`[[publish]]` entries of the config file: which calendar files follow the workspace.

`service/publishing.py` keeps the files current; this module only reads and
checks the entries (each a file path and, optionally, the client it shows).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from vaworkspace.domain.field_methods import FrozenFieldMethods
from vaworkspace.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@dataclass(slots=True, init=False, repr=False, eq=False)
class PublishTarget(FrozenFieldMethods):
    """One `[[publish]]` entry: an absolute file path and the client it shows
    (None: every client). Frozen; its methods are written, not generated
    (`field_methods.py`): every command with a `[[publish]]` entry builds one."""

    path: str
    client: str | None = None

    def __init__(self, path: str, client: str | None = None) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "client", client)


def publish_targets(raw: dict[str, Any]) -> tuple[list[PublishTarget], list[str]]:
    """The config's `[[publish]]` entries, and a problem line for each bad one."""
    entries = raw.get("publish", [])
    if isinstance(entries, dict):
        entries = [entries]
    if not isinstance(entries, list):
        return [], [_("`publish` in the config must be a list of [[publish]] tables")]
    targets: list[PublishTarget] = []
    problems: list[str] = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            problems.append(
                _('[[publish]] entry {number} is not a table; give it path = "…"').format(
                    number=number
                )
            )
            continue
        path, client = entry.get("path"), entry.get("client")
        if not isinstance(path, str) or not path.strip():
            problems.append(
                _('[[publish]] entry {number} has no path; add path = "FILE.ics"').format(
                    number=number
                )
            )
            continue
        if client is not None and (not isinstance(client, str) or not client.strip()):
            problems.append(
                _("[[publish]] entry {number} ({path}): client must be a client's name").format(
                    number=number, path=path
                )
            )
            continue
        targets.append(PublishTarget(os.path.abspath(os.path.expanduser(path)), client or None))
    return targets, problems
