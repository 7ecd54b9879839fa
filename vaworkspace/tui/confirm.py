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


class Confirm(ModalScreen[bool]):
    """`question` (untrusted text is shown through `safe`) and the keys to answer."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]
    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical { width: 64; max-width: 100%; height: auto;
        background: $panel; border: tall $warning; padding: 0 1; }
    Confirm #keys { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, question: str, yes: str = "y: yes") -> None:
        super().__init__()
        self.question, self.yes = question, yes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(safe(self.question, multiline=True), id="question", markup=False)
            yield Static(f"{self.yes} · n or esc: no", id="keys", markup=False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
