"""Clients: list, add, edit, archive — rates, budgets, weights, zones and colours."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable

from vaworkspace.describe import CLIENT_HEADERS, client_cells, client_headers
from vaworkspace.display import safe
from vaworkspace.domain.client_edits import form_changes
from vaworkspace.domain.kind_rates import format_kind_table, table_settings
from vaworkspace.domain.models import Client
from vaworkspace.formats import fit
from vaworkspace.i18n import N_, _, language, pgettext
from vaworkspace.locale_format import decimal_mark, format_budget
from vaworkspace.tui.form import FormScreen
from vaworkspace.tui.key_footer import KeyFooter
from vaworkspace.tui.screen_base import WorkspaceScreen
from vaworkspace.tui.typed_app import workspace_of
from vaworkspace.tui.widgets import TopBar

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.service import Added

FIELDS = (  # (service field, label, placeholder), translated where the form shows them
    ("name", N_("Name"), "Évelyne Couture"),
    ("id", N_("Id"), N_("typed after @; default from the name")),
    ("rate_cents", N_("Rate / h"), N_("45 or 45.50")),
    ("kind_rates", N_("By kind"), N_("seo=60, data-entry=30 (a kind is a tag)")),
    ("currency", N_("Currency"), "CAD, EUR"),
    ("budget", N_("Budget"), N_("10h/week, 40h/month, none")),
    ("weight", N_("Weight"), N_("1-5, 3 is neutral")),
    ("timezone", N_("Time zone"), "America/Montreal"),
    ("color", N_("Colour"), N_("#e879f9 or a name")),
    ("notes", N_("Notes"), ""),
)


class ClientsScreen(WorkspaceScreen):
    """A table of clients; a adds, e/enter edits, x archives or brings back."""

    HELP_TITLE = N_("Clients")
    BINDINGS = [
        Binding("a", "add", N_("Add")),
        Binding("e,enter", "edit", N_("Edit")),
        Binding("x", "archive", N_("Archive")),
        Binding("v", "toggle_archived", N_("Show archived")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_archived = False

    def compose(self) -> ComposeResult:
        yield TopBar()
        yield DataTable(cursor_type="row", zebra_stripes=True, id="clients")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # Fixed widths that fit 80 columns; long names and zones are cut with "…".
        shown = client_headers()
        for key, label, width in zip(CLIENT_HEADERS[:-1], shown[:-1], WIDTHS, strict=True):
            table.add_column(label, key=key, width=width)
        table.focus()

    def refresh_bar(self) -> None:
        self.query_one(TopBar).show(self.ws, N_("Clients"))

    def reload(self) -> None:
        self.refresh_bar()
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        counts = self.ws.inbox.open_counts()
        for c in self.ws.clients.all(include_archived=self.show_archived):
            cells = client_cells(c, counts.get(c.id, 0))
            if cells.pop():  # archived: marked on the name instead of a column
                cells[1] = f"⊘ {cells[1]}"
            table.add_row(
                *(fit(cell, width) for cell, width in zip(cells, WIDTHS, strict=True)), key=c.id
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    @property
    def selected(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter (or a click) on a row: the table takes the key, so edit from here."""
        self.action_edit()

    def action_add(self) -> None:
        self.app.push_screen(ClientForm(None).load(), lambda _: self.reread())

    def action_edit(self) -> None:
        if self.selected:
            self.app.push_screen(ClientForm(self.selected).load(), lambda _: self.reread())

    def action_archive(self) -> None:
        if not self.selected:
            return
        current = next(c for c in self.ws.clients.all(True) if c.id == self.selected)
        changed = self.ws.clients.archive(current.id, archived=not current.archived)
        archived, again = _("@{client} is archived"), _("@{client} is active again")
        notice = archived if changed.archived else again
        self.app.notify(notice.format(client=changed.id), markup=False)
        self.reload()

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.reload()


WIDTHS = (9, 16, 11, 10, 6, 10, 4)


class ClientForm(FormScreen):
    """Add (client_id None) or edit a client; the service validates every field.

    `named`: the `@ref` of the quick-add `line` typed for a client that does not
    exist yet; saving adds a client of that id and the line's task as one change
    (one `u` takes both back); `added` is then the task."""

    FIELDS = FIELDS
    added: Added | None = None

    def __init__(self, client_id: str | None, named: str | None = None, line: str = "") -> None:
        super().__init__()
        self.client_id = client_id
        self.named = named
        self.line = line

    def title_text(self) -> str:
        if self.named is not None:
            title = _("New client @{client} — save, and the task is added")
            return title.format(client=safe(self.named))
        if self.client_id is None:
            return _("New client")
        return _("Client @{client}").format(client=safe(self.client_id))

    def fields(self) -> tuple[tuple[str, str, str], ...]:
        adding = self.client_id is None and self.named is None
        return tuple(f for f in FIELDS if adding or f[0] != "id")

    def values(self) -> dict[str, str]:
        ws = workspace_of(self)
        if self.named is not None:
            return {"name": self.named, "currency": ws.config.currency, "weight": "3"}
        if self.client_id is None:
            return {"currency": ws.config.currency, "weight": "3"}
        c = self._current()
        speaks = language()
        rate = f"{c.rate_cents / 100:.2f}"  # read back by `parse_rate`, "45,50" too
        return {
            "name": c.name,
            "rate_cents": decimal_mark(rate, speaks),
            "kind_rates": format_kind_table(c),
            "currency": c.currency,
            "budget": format_budget(c.budget, speaks) or pgettext("budget", "none"),
            "weight": str(c.weight),
            "timezone": c.timezone or "",
            "color": c.color or "",
            "notes": c.notes,
        }

    def _current(self):
        ws = workspace_of(self)
        return next(c for c in ws.clients.all(include_archived=True) if c.id == self.client_id)

    def save(self, texts: dict[str, str]) -> str:
        ws = workspace_of(self)
        texts = {name: value.strip() for name, value in texts.items()}
        if self.named is not None:
            given = {k: v for k, v in texts.items() if v}
            self.added = ws.tasks.add(self.line, source="tui", client_fields=given)
            task, client = self.added.task, self.added.new_client
            assert client is not None  # `client_fields`: created, or refused
            done = _("Added client @{client} ({name}) and task {task}: {title}")
            return done.format(client=client.id, name=client.name, task=task.id, title=task.title)
        if self.client_id is None:
            name = texts.pop("name")
            kinds = table_settings(Client("", ""), texts.pop("kind_rates", ""))
            client = ws.clients.add(name, rates=kinds, **{k: v for k, v in texts.items() if v})
        else:
            # Only what the VA changed: another terminal may have changed the rest.
            fields = form_changes(self.shown, texts)
            typed = fields.pop("kind_rates", None)
            kinds = table_settings(self._current(), typed) if typed is not None else []
            if not fields and not kinds:
                client = self._current()
                return _("Saved @{client}: {name}").format(client=client.id, name=client.name)
            client = ws.clients.change(self.client_id, kinds, None, **fields).client
            if kinds:
                saved = _("Saved @{client}: past entries keep the rates they were logged at")
                return saved.format(client=client.id)
        return _("Saved @{client}: {name}").format(client=client.id, name=client.name)
