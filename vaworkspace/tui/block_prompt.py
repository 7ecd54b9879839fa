"""Which booked work block to move or remove: a block number, the blocks as a hint.

The agenda opens it for `m` (move into the selected free slot) and `x`
(remove); `act` is the service call (`ws.agenda.move_block` or `remove_block`),
and a refusal (a clash, no such block) stays in the prompt, to fix and retry.
`u` on the agenda undoes either.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from vaworkspace.display import safe
from vaworkspace.domain.calendar.agenda import clock
from vaworkspace.domain.calendar.event import Event
from vaworkspace.errors import InputError, VaError
from vaworkspace.tui.agenda_layout import MUTED
from vaworkspace.tui.problems import problem_text


class BlockPrompt(ModalScreen):
    """`heading`, the `blocks` to pick from, and an input for the block's number."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", tooltip="Close, changing nothing")]
    DEFAULT_CSS = """
    BlockPrompt { align: center middle; }
    BlockPrompt > Vertical { width: 64; max-width: 100%; height: auto; max-height: 100%;
        background: $panel; border: tall $accent; padding: 0 1; }
    BlockPrompt #hint { height: auto; margin-bottom: 1; }
    BlockPrompt #problem { height: auto; color: $error; display: none; }
    """

    def __init__(self, ws, heading: str, blocks: list[Event], act: Callable[[int], Event]) -> None:
        super().__init__()
        self.ws, self.heading, self.blocks, self.act = ws, heading, blocks, act

    def compose(self) -> ComposeResult:
        tz = self.ws.tz
        hint: list = [("Booked blocks:" if self.blocks else "No block is booked.", MUTED)]
        for block in self.blocks:
            start, end = block.start, block.end
            if not isinstance(start, datetime) or not isinstance(end, datetime):
                continue  # a block is timed (`ws.agenda.schedule_block`): not one of ours
            when = f"{start.astimezone(tz):%a} {clock(start, tz)}–{clock(end, tz)}"
            task = f"#{block.task} " if block.task is not None else ""
            hint += ["\n", (f"{block.id:>4}  ", "bold"), f"{when}  ", (task, MUTED)]
            hint.append(safe(block.summary)[:30])
        with Vertical():
            yield Static(Content.styled(self.heading, "bold"), id="heading")
            yield Static(Content.assemble(*hint), id="hint")
            yield Input(
                placeholder="block number, then enter (esc: cancel)",
                id="block-id",
                restrict=r"[0-9]*",
                compact=True,
            )
            yield Static("", id="problem", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        wanted = event.value.strip()
        problem = self.query_one("#problem", Static)
        try:
            if not wanted:
                raise InputError("type the number of a block, like one of those above")
            done = self.act(int(wanted))
        except VaError as refusal:
            problem.update(safe(problem_text(refusal)))
            problem.display = True
            return
        self.dismiss(done)
