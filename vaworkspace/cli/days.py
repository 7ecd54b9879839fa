"""Days typed on the command line (`--from mon`, `2026-12-04`, `tomorrow`) as dates.

The service takes dates; reading what the user typed is the command line's job,
with the domain's date grammar (`domain.dates.parse_when`) and the workspace's
clock and zone.
"""

from __future__ import annotations

from datetime import date, datetime

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.service import Workspace


def local_day(ws: Workspace, text: str | None) -> date | None:
    """The local date `text` names (None stays None); a time of day is dropped."""
    if text is None:
        return None
    from vaworkspace.domain.dates import parse_when

    value = parse_when(text, ws.now(), ws.tz)
    return value.astimezone(ws.tz).date() if isinstance(value, datetime) else value
