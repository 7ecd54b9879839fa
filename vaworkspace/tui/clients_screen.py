"""Clients: list, add, edit, archive — rates, budgets, weights, zones and colours."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Input, Label, Static

from vaworkspace.domain.clients import format_budget, format_money
from vaworkspace.errors import VaError
from vaworkspace.tui.widgets import TopBar

FIELDS = (  # (service field, label, placeholder)
    ("name", "Name", "Évelyne Couture"),
    ("id", "Id", "typed after @; default from the name"),
    ("rate_cents", "Rate / h", "45 or 45.50"),
    ("currency", "Currency", "CAD, EUR"),
    ("budget", "Budget", "10h/week, 40h/month, none"),
    ("weight", "Weight", "1-5, 3 is neutral"),
    ("timezone", "Time zone", "America/Montreal"),
    ("color", "Colour", "#e879f9 or a name"),
    ("notes", "Notes", ""),
)


class ClientsScreen(Screen):
    """A table of clients; a adds, e/enter edits, x archives or brings back."""

    HELP_TITLE = "Clients"
    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e,enter", "edit", "Edit"),
        Binding("x", "archive", "Archive"),
        Binding("v", "toggle_archived", "Show archived"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_archived = False

    @property
    def ws(self):
        return self.app.ws

    def compose(self) -> ComposeResult:
        yield TopBar()
        yield DataTable(cursor_type="row", zebra_stripes=True, id="clients")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in ("Id", "Name", "Rate", "Budget", "Weight", "Zone", "Open", ""):
            table.add_column(label, key=label or "state")
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def refresh_bar(self) -> None:
        self.query_one(TopBar).show(self.ws, "Clients")

    def reload(self) -> None:
        self.refresh_bar()
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        counts = self.ws.open_counts()
        for c in self.ws.clients(include_archived=self.show_archived):
            table.add_row(
                f"@{c.id}",
                c.name,
                f"{format_money(c.rate_cents, c.currency)}",
                format_budget(c.budget),
                str(c.weight),
                c.timezone or "",
                str(counts.get(c.id, 0)),
                "archived" if c.archived else "",
                key=c.id,
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    @property
    def selected(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_add(self) -> None:
        self.app.push_screen(ClientForm(None), lambda _: self.reload())

    def action_edit(self) -> None:
        if self.selected:
            self.app.push_screen(ClientForm(self.selected), lambda _: self.reload())

    def action_archive(self) -> None:
        if not self.selected:
            return
        current = next(c for c in self.ws.clients(True) if c.id == self.selected)
        changed = self.ws.archive_client(current.id, archived=not current.archived)
        state = "archived" if changed.archived else "active again"
        self.app.notify(f"@{changed.id} is {state}", markup=False)
        self.reload()

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.reload()


class ClientForm(ModalScreen[bool]):
    """Add (client_id None) or edit a client; the service validates every field."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "dismiss(False)", "Cancel"),
    ]
    DEFAULT_CSS = """
    ClientForm { align: center middle; }
    ClientForm > Vertical {
        width: 70; max-width: 100%; height: auto; max-height: 100%;
        background: $panel; border: tall $accent; padding: 0 1;
    }
    ClientForm Grid { grid-size: 2; grid-columns: 12 1fr; grid-rows: 1; height: auto; }
    ClientForm Grid Input { border: none; height: 1; padding: 0; }
    ClientForm Grid Input:focus { border: none; background: $boost; }
    ClientForm #problem { color: $error; height: auto; }
    ClientForm Horizontal { height: auto; align-horizontal: right; }
    ClientForm Button { margin-left: 2; }
    """

    def __init__(self, client_id: str | None) -> None:
        super().__init__()
        self.client_id = client_id

    def compose(self) -> ComposeResult:
        values = self._values()
        with Vertical():
            yield Static("New client" if self.client_id is None else f"Client @{self.client_id}")
            with Grid():
                for name, label, placeholder in FIELDS:
                    if name == "id" and self.client_id is not None:
                        continue
                    yield Label(label)
                    yield Input(values.get(name, ""), placeholder=placeholder, id=f"f-{name}")
            yield Static("", id="problem")
            with Horizontal():
                yield Button("Save ^s", id="save", variant="primary", compact=True)
                yield Button("Cancel esc", id="cancel", compact=True)

    def _values(self) -> dict[str, str]:
        ws = self.app.ws
        if self.client_id is None:
            return {"currency": ws.config.currency, "weight": "3"}
        c = next(c for c in ws.clients(include_archived=True) if c.id == self.client_id)
        return {
            "name": c.name,
            "rate_cents": f"{c.rate_cents / 100:.2f}",
            "currency": c.currency,
            "budget": format_budget(c.budget) or "none",
            "weight": str(c.weight),
            "timezone": c.timezone or "",
            "color": c.color or "",
            "notes": c.notes,
        }

    def on_mount(self) -> None:
        self.query_one("#f-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(False)

    def action_save(self) -> None:
        texts = {i.id.removeprefix("f-"): i.value.strip() for i in self.query(Input)}
        ws = self.app.ws
        try:
            if self.client_id is None:
                name = texts.pop("name")
                fields = {k: v for k, v in texts.items() if v}
                client = ws.add_client(name, **fields)
            else:
                fields = {
                    k: v for k, v in texts.items() if v or k in ("timezone", "color", "notes")
                }
                client = ws.edit_client(self.client_id, **fields)
        except VaError as problem:
            self.query_one("#problem", Static).update(str(problem))
            return
        self.app.notify(f"Saved @{client.id}: {client.name}", markup=False)
        self.dismiss(True)
