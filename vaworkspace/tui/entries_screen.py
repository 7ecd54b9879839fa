"""Time entries (7): a week of logged time, one row per entry, to log, fix and delete.

Every figure comes from `ws.time.entries` (what `va entries` lists); logging and
editing go through the forms of `entry_forms.py`, deleting asks first
(`tui/confirm.py`) and `u` undoes any of them (`ws.undo`).
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Static

from vaworkspace.display import safe
from vaworkspace.errors import VaError
from vaworkspace.formats import fit
from vaworkspace.i18n import N_, _, language, ngettext
from vaworkspace.locale_format import (
    format_day_with_year,
    format_hours_minutes,
    format_weekday,
    is_french,
)
from vaworkspace.tui.key_footer import KeyFooter
from vaworkspace.tui.lock_wait import patiently
from vaworkspace.tui.screen_base import WorkspaceScreen
from vaworkspace.tui.typed_app import va_app
from vaworkspace.tui.widgets import TopBar

COLUMNS = (  # (key, heading, width in English, width in French)
    ("#", N_("#"), 4, 4),
    ("Day", N_("Day"), 6, 7),  # `Tue 01`, `mar. 1`, `lun. 30`
    ("Time", N_("Time"), 11, 11),  # `09:00–10:30`, 24-hour in both
    ("Hours", N_("Hours"), 5, 7),  # `1h05`, `10 h 05`
    ("Client", N_("Client"), 11, 11),
    ("Task", N_("Task"), 5, 5),
)
ROOM = 66
"""What 80 columns leave for the cells after their padding: the note takes the rest."""


def widths() -> list[int]:
    """The columns' widths in the UI's language, the note's last."""
    french = is_french(language())
    found = [french_width if french else width for _key, _label, width, french_width in COLUMNS]
    return [*found, ROOM - sum(found)]


class EntriesScreen(WorkspaceScreen):
    """This week's entries; [ and ] move by a week, T comes back."""

    HELP_TITLE = N_("Time entries")
    BINDINGS = [
        Binding("left_square_bracket", "move(-1)", N_("Prev"), tooltip=N_("The previous week")),
        Binding("right_square_bracket", "move(1)", N_("Next"), tooltip=N_("The next week")),
        Binding("T", "current", N_("Now"), tooltip=N_("Back to this week")),
        Binding(
            "a", "log", N_("Log"), tooltip=N_("Log time by hand: a duration, or a start and an end")
        ),
        Binding("e,enter", "edit", N_("Edit"), tooltip=N_("Edit the entry")),
        Binding(
            "d,delete", "delete", N_("Del"), tooltip=N_("Delete the entry (asks first; u undoes)")
        ),
    ]
    DEFAULT_CSS = """
    EntriesScreen #title { height: 1; padding: 0 1; }
    EntriesScreen DataTable { height: 1fr; }
    EntriesScreen #empty { padding: 1 2; color: $text-muted; height: auto; display: none; }
    EntriesScreen.-empty #empty { display: block; }
    EntriesScreen.-empty DataTable { display: none; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.shown_day: date | None = None  # a day of the week shown; None: this week

    def compose(self) -> ComposeResult:
        yield TopBar()
        yield Static("", id="title")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="entries")
        yield Static(_("No time logged this week.  a: log time by hand"), id="empty")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        *sizes, note = widths()
        for (key, label, _width, _french), width in zip(COLUMNS, sizes, strict=True):
            table.add_column(_(label), key=key, width=width)
        table.add_column(_("Note"), key="Note", width=note)
        table.focus()

    @property
    def today(self) -> date:
        return self.ws.now().astimezone(self.ws.tz).date()

    def refresh_bar(self) -> None:
        self.query_one(TopBar).show(self.ws, N_("Entries"))

    def reload(self) -> None:
        ws, tz, lang = self.ws, self.ws.tz, language()
        *sizes, note = widths()
        self.refresh_bar()
        period = ws.time.period("week", self.shown_day or self.today)
        found = ws.time.entries(period.start, period.end)
        table = self.query_one(DataTable)
        keep = self.selected
        table.clear()
        for entry in found:
            start, end = entry.start.astimezone(tz), entry.end.astimezone(tz)
            cells = (
                str(entry.id),
                format_weekday(start.date(), lang),
                f"{start:%H:%M}–{end:%H:%M}",
                format_hours_minutes(entry.seconds, lang),
                f"@{safe(entry.client)}" if entry.client else "",
                f"#{entry.task}" if entry.task is not None else "",
            )
            fitted = [fit(cell, width) for cell, width in zip(cells, sizes, strict=True)]
            # The kind as `va log` takes it (`#seo`); never all digits, unlike a task's `#12`.
            said = f"#{entry.kind} {entry.note}" if entry.kind else entry.note
            table.add_row(*fitted, fit(safe(said.strip()), note), key=str(entry.id))
        if keep is not None and str(keep) in {str(e.id) for e in found}:
            table.move_cursor(row=table.get_row_index(str(keep)))
        self.set_class(not found, "-empty")
        total = sum(entry.seconds for entry in found)
        first = period.start.astimezone(tz).date()
        here = self.shown_day is None or first <= self.today < first + timedelta(days=7)
        count = ngettext("{count} entry", "{count} entries", len(found)).format(count=len(found))
        self.query_one("#title", Static).update(
            Content.assemble(
                (_("Week of {day}").format(day=format_day_with_year(first, lang)), "bold"),
                ("  " + (_("this week") if here else _("T: back to this week")), "$text-muted"),
                ("  ·  ", "$text-muted"),
                f"{count} · {format_hours_minutes(total, lang)}",
            )
        )

    @property
    def selected(self) -> int | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row: the table takes the key, so edit from here."""
        self.app.call_next(self.run_action, "edit")

    # -- actions ---------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.shown_day = (self.shown_day or self.today) + timedelta(weeks=step)
        self.reload()

    def action_current(self) -> None:
        self.shown_day = None
        self.reload()

    def action_log(self) -> None:
        from vaworkspace.tui.entry_forms import LogForm

        self.app.push_screen(LogForm().load(), lambda _: self.reread())

    def action_edit(self) -> None:
        from vaworkspace.tui.entry_forms import EntryForm

        if self.selected is not None:
            self.app.push_screen(EntryForm(self.selected).load(), lambda _: self.reread())

    def action_delete(self) -> None:
        from vaworkspace.tui.confirm import Confirm

        entry_id = self.selected
        if entry_id is None:
            return
        row = self.query_one(DataTable).get_row(str(entry_id))
        what = " ".join(map(str, row[1:]))
        question = _("Delete time entry {id}: {what}?").format(id=entry_id, what=what)
        self.app.push_screen(
            Confirm(question, _("y: delete")), lambda yes: self._delete(yes, entry_id)
        )

    async def _delete(self, yes: bool | None, entry_id: int) -> None:
        """The answer (a callback, outside `run_action`: a refusal is shown here)."""
        if not yes:
            return
        try:
            entry = await patiently(lambda: self.ws.time.remove_entry(entry_id))
        except VaError as problem:
            va_app(self).show_problem(problem)
            return
        length = format_hours_minutes(entry.seconds, language())
        self.app.notify(
            _("Deleted time entry {id} ({length}) — u to undo").format(id=entry.id, length=length),
            markup=False,
        )
        self.reread()
