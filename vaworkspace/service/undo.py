"""Undo: the last change to the workspace, undone, and a second time redone.

The change is the one kept in the file (`store/undo_records.py`), whichever
process made it: `u` in the TUI undoes a `va rm`, `va undo` a delete in the
TUI. Each use case that a VA may regret keeps its change (`journal` at the start
of its transaction, `keep` with its label at the end): adding, editing,
completing, deleting and snoozing tasks, their priority and triage, time
entries, work blocks and clients. Imports, syncs and the timer are not kept:
they leave the previous change in place, and its undo is still refused if one
of them touched the same records since.
"""

from __future__ import annotations

from vaworkspace.service.context import Service
from vaworkspace.store import undo_records
from vaworkspace.store.undo_records import LastChange


class UndoService(Service):
    """`ws.undo`: what `u` would undo, and doing it."""

    def last(self) -> LastChange | None:
        """The change an undo would undo (or redo, when `undone`), if any."""
        return undo_records.last_change(self.file.read()["state"])

    def undo(self) -> LastChange:
        """Put back every record of the last change as it was; returns that change
        as it was kept (`undone` True: this was a redo). Refused (InputError,
        nothing written) when there is nothing to undo or a record changed since."""
        from vaworkspace.store.block_records import note_planned_tasks

        with self.file.transaction() as db:
            kept = undo_records.restore(db)
            if any(change.table == "events" for change in kept.changes):
                note_planned_tasks(db)  # planned blocks may be back
            return kept
