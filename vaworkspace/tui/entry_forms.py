"""The two forms of the time entries screen: log time by hand, and edit an entry.

Both go through the service as `va log` and `va entry edit` do (`ws.time.log_entry`,
`ws.time.edit_entry`), so the form and the CLI accept and refuse the same texts;
a refusal stays under the fields (`FormScreen`).
"""

from __future__ import annotations

from vaworkspace.domain.dates import format_local
from vaworkspace.errors import NotFoundError
from vaworkspace.formats import hours_minutes
from vaworkspace.tui.form import FormScreen
from vaworkspace.tui.typed_app import workspace_of

LOG_FIELDS = (  # (field, label, placeholder)
    ("client", "Client", "client id or prefix; empty: the task's, or none"),
    ("task", "Task", "task number, like 12 (optional)"),
    ("day", "Day", "empty for today; yesterday, mon, nov 30"),
    ("start", "Start", "9:00 (with an end, or a duration)"),
    ("end", "End", "10:30"),
    ("duration", "Duration", "1h30m (instead of an end)"),
    ("note", "Note", "what you did"),
)
EDIT_FIELDS = (
    ("start", "Start", "2026-12-01 09:00, 9:00, yesterday 9:30"),
    ("end", "End", "10:30"),
    ("note", "Note", ""),
    ("client", "Client", "client id or prefix, empty for none"),
    ("task", "Task", "task number, empty for none"),
    ("billable", "Billable", "yes or no"),
)


class LogForm(FormScreen):
    """A new entry, as `va log` would write it."""

    FIELDS = LOG_FIELDS

    def title_text(self) -> str:
        return "Log time: a duration, or a start and an end"

    def values(self) -> dict[str, str]:
        return {}

    def save(self, texts: dict[str, str]) -> str:
        entry = workspace_of(self).time.log_entry(texts)
        who = f" @{entry.client}" if entry.client else ""
        return f"Logged entry {entry.id}: {hours_minutes(entry.seconds)}{who}"


class EntryForm(FormScreen):
    """One entry's fields; only those the VA changed are sent (`changed_texts`)."""

    FIELDS = EDIT_FIELDS

    def __init__(self, entry_id: int) -> None:
        super().__init__()
        self.entry_id = entry_id

    def title_text(self) -> str:
        return f"Time entry {self.entry_id}"

    def values(self) -> dict[str, str]:
        ws = workspace_of(self)
        entry = next((e for e in ws.time.entries() if e.id == self.entry_id), None)
        if entry is None:
            raise NotFoundError(f"no time entry {self.entry_id}; it was deleted meanwhile")
        return {
            "start": format_local(entry.start, ws.tz),
            "end": format_local(entry.end, ws.tz),
            "note": entry.note,
            "client": entry.client or "",
            "task": str(entry.task) if entry.task is not None else "",
            "billable": "yes" if entry.billable else "no",
        }

    def save(self, texts: dict[str, str]) -> str:
        changed = {name: text.strip() for name, text in self.changed_texts(texts).items()}
        if not changed:
            return f"Entry {self.entry_id} unchanged"
        entry = workspace_of(self).time.edit_entry(self.entry_id, **changed)
        return f"Saved entry {entry.id}: {hours_minutes(entry.seconds)}"
