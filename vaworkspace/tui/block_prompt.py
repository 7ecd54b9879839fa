"""Which booked work block to move or remove: a block number, the blocks as a hint.

The agenda opens it for `m` (move into the selected free slot) and `x`
(remove); `act` is the service call (`ws.agenda.move_block` or `remove_block`),
and a refusal (a clash, no such block) stays in the prompt, to fix and retry.
`u` on the agenda undoes either.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from vaworkspace.display import safe
from vaworkspace.domain.calendar.agenda import clock
from vaworkspace.domain.calendar.event import Event
from vaworkspace.formats import fit
from vaworkspace.i18n import N_, _
from vaworkspace.tui.agenda_layout import MUTED
from vaworkspace.tui.agenda_words import weekday
from vaworkspace.tui.number_prompt import NumberPrompt


class BlockPrompt(NumberPrompt):
    """`heading`, the `blocks` to pick from, and an input for the block's number."""

    INPUT_ID = "block-id"
    PLACEHOLDER = N_("block number, then enter (esc: cancel)")
    EMPTY = N_("type the number of a block, like one of those above")

    def __init__(self, ws, heading: str, blocks: list[Event], act: Callable[[int], Event]) -> None:
        super().__init__()
        self.ws, self.title_text, self.blocks, self.service_call = ws, heading, blocks, act

    def heading(self) -> str:
        return self.title_text

    def hint(self) -> list:
        tz = self.ws.tz
        hint: list = [(_("Booked blocks:") if self.blocks else _("No block is booked."), MUTED)]
        for block in self.blocks:
            start, end = block.start, block.end
            if not isinstance(start, datetime) or not isinstance(end, datetime):
                continue  # a block is timed (`ws.agenda.schedule_block`): not one of ours
            when = f"{weekday(start, tz)} {clock(start, tz)}–{clock(end, tz)}"
            task = f"#{block.task} " if block.task is not None else ""
            hint += ["\n", (f"{block.id:>4}  ", "bold"), f"{when}  ", (task, MUTED)]
            hint.append(fit(safe(block.summary), 30))
        return hint

    def act(self, number: int) -> Event:
        return self.service_call(number)
