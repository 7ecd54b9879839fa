"""A yes/no question in a small modal: `y` (or enter) confirms, `n` or esc declines.

Asked before a change that loses something (deleting a task, a time entry, a
work block); dismissed with True or False, so the screen that asked makes the
change in its callback.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from vaworkspace.display import safe
from vaworkspace.i18n import N_, _


class Confirm(ModalScreen[bool]):
    """`question` (untrusted text is shown through `safe`) and the keys to answer."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", N_("Yes")),
        Binding("n,escape", "answer(False)", N_("No")),
    ]
    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical { width: 64; max-width: 100%; height: auto;
        background: $panel; border: tall $warning; padding: 0 1; }
    Confirm #keys { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, question: str, yes: str = "") -> None:
        """`yes`: the key's words (`y: delete`), in the UI's language; `y: yes` by default."""
        super().__init__()
        self.question, self.yes = question, yes or _("y: yes")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(safe(self.question, multiline=True), id="question", markup=False)
            no = _("n or esc: no")
            yield Static(f"{self.yes} · {no}", id="keys", markup=False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
