"""The two forms of the time entries screen: log time by hand, and edit an entry.

Both go through the service as `va log` and `va entry edit` do (`ws.time.log_entry`,
`ws.time.edit_entry`), so the form and the CLI accept and refuse the same texts;
a refusal stays under the fields (`FormScreen`).
"""

from __future__ import annotations

from vaworkspace.domain.dates import format_local
from vaworkspace.errors import NotFoundError
from vaworkspace.i18n import N_, _, language
from vaworkspace.locale_format import format_hours_minutes
from vaworkspace.tui.form import FormScreen
from vaworkspace.tui.typed_app import workspace_of

LOG_FIELDS = (  # (field, label, placeholder)
    ("client", N_("Client"), N_("client id or prefix; empty: the task's, or none")),
    ("task", N_("Task"), N_("task number, like 12 (optional)")),
    ("day", N_("Day"), N_("empty for today; yesterday, mon, nov 30")),
    ("start", N_("Start"), N_("9:00 (with an end, or a duration)")),
    ("end", N_("End"), "10:30"),
    ("duration", N_("Duration"), N_("1h30m (instead of an end)")),
    ("note", N_("Note"), N_("what you did")),
    ("kind", N_("Kind"), N_("kind of work, e.g. seo; empty: the task's")),
)
EDIT_FIELDS = (
    ("start", N_("Start"), N_("2026-12-01 09:00, 9:00, yesterday 9:30")),
    ("end", N_("End"), "10:30"),
    ("note", N_("Note"), ""),
    ("client", N_("Client"), N_("client id or prefix, empty for none")),
    ("task", N_("Task"), N_("task number, empty for none")),
    ("billable", N_("Billable"), N_("yes or no")),
    ("kind", N_("Kind"), N_("kind of work, e.g. seo; empty: the task's")),
)


def _length(seconds: int) -> str:
    return format_hours_minutes(seconds, language())


class LogForm(FormScreen):
    """A new entry, as `va log` would write it."""

    FIELDS = LOG_FIELDS

    def title_text(self) -> str:
        return _("Log time: a duration, or a start and an end")

    def values(self) -> dict[str, str]:
        return {}

    def save(self, texts: dict[str, str]) -> str:
        entry = workspace_of(self).time.log_entry(texts)
        who = f" @{entry.client}" if entry.client else ""
        return (
            _("Logged entry {id}: {length}").format(id=entry.id, length=_length(entry.seconds))
            + who
        )


class EntryForm(FormScreen):
    """One entry's fields; only those the VA changed are sent (`changed_texts`)."""

    FIELDS = EDIT_FIELDS

    def __init__(self, entry_id: int) -> None:
        super().__init__()
        self.entry_id = entry_id

    def title_text(self) -> str:
        return _("Time entry {id}").format(id=self.entry_id)

    def values(self) -> dict[str, str]:
        ws = workspace_of(self)
        entry = next((e for e in ws.time.entries() if e.id == self.entry_id), None)
        if entry is None:
            raise NotFoundError(
                _("no time entry {id}; it was deleted meanwhile").format(id=self.entry_id)
            )
        return {
            "start": format_local(entry.start, ws.tz),
            "end": format_local(entry.end, ws.tz),
            "note": entry.note,
            "client": entry.client or "",
            "task": str(entry.task) if entry.task is not None else "",
            "billable": _("yes") if entry.billable else _("no"),
            "kind": entry.kind or "",
        }

    def save(self, texts: dict[str, str]) -> str:
        changed = {name: text.strip() for name, text in self.changed_texts(texts).items()}
        if not changed:
            return _("Entry {id} unchanged").format(id=self.entry_id)
        entry = workspace_of(self).time.edit_entry(self.entry_id, **changed)
        return _("Saved entry {id}: {length}").format(id=entry.id, length=_length(entry.seconds))
