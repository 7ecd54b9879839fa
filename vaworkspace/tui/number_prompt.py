"""A modal that asks for one number (a task id, a block number) with a hint above.

Booking a slot and moving or removing a block ask the same way: the candidates as
a hint, an input that takes digits, and a refusal from the service (a clash, no
such id) shown under the input, to fix and retry; esc changes nothing.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from vaworkspace.display import safe
from vaworkspace.errors import InputError, VaError
from vaworkspace.i18n import N_, _
from vaworkspace.tui.lock_wait import patiently
from vaworkspace.tui.problems import problem_text


class NumberPrompt(ModalScreen):
    """Subclasses say the heading, the hint, the input's id and what a number does."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", N_("Cancel"), tooltip=N_("Close, changing nothing"))
    ]
    DEFAULT_CSS = """
    NumberPrompt { align: center middle; }
    NumberPrompt > Vertical { width: 64; max-width: 100%; height: auto; max-height: 100%;
        background: $panel; border: tall $accent; padding: 0 1; }
    NumberPrompt #hint { height: auto; margin-bottom: 1; }
    NumberPrompt #problem { height: auto; color: $error; display: none; }
    """
    INPUT_ID = "number"
    PLACEHOLDER = N_("a number, then enter (esc: cancel)")
    """Marked with `N_` (read at import), translated where shown, as `EMPTY`."""
    RESTRICT = r"[0-9]*"
    EMPTY = N_("type a number, like one of those above")

    def heading(self) -> str:
        raise NotImplementedError

    def hint(self) -> list:
        """The parts of the hint, as `Content.assemble` takes them."""
        raise NotImplementedError

    def act(self, number: int) -> object:
        """The service call for `number`; what it returns is the prompt's result."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.styled(self.heading(), "bold"), id="heading")
            yield Static(Content.assemble(*self.hint()), id="hint")
            yield Input(
                placeholder=_(self.PLACEHOLDER),
                id=self.INPUT_ID,
                restrict=self.RESTRICT,
                compact=True,
            )
            yield Static("", id="problem", markup=False)

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        wanted = event.value.strip().lstrip("#")
        problem = self.query_one("#problem", Static)
        try:
            if not wanted:
                raise InputError(_(self.EMPTY))
            done = await patiently(lambda: self.act(int(wanted)))
        except VaError as refusal:
            problem.update(safe(problem_text(refusal)))
            problem.display = True
            return
        self.dismiss(done)
