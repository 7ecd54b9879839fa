"""How the TUI words a refusal from the service, in a notice, a prompt or a form.

The CLI's one line, as `VaError` carries it, except for a busy file: the TUI waits
only about a second for another process's lock (`tui.lock_wait`), and then
all the VA needs to know is to press the key again in a moment.
"""

from __future__ import annotations

from vaworkspace.errors import VaError, WorkspaceBusy
from vaworkspace.i18n import _


def problem_text(problem: VaError) -> str:
    """`busy: another va is writing (process 4242), try again`, else the error's line."""
    if isinstance(problem, WorkspaceBusy):
        if problem.holder:
            text = _("busy: another va is writing (process {holder}), try again")
            return text.format(holder=problem.holder)
        return _("busy: another va is writing, try again")
    return str(problem)
