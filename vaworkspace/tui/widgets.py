"""Small pieces shared by the screens: the top bar, the client sidebar, the detail pane."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from vaworkspace.display import safe
from vaworkspace.domain.by_client import NO_CLIENT
from vaworkspace.domain.clients import fold
from vaworkspace.domain.models import Client, Task
from vaworkspace.errors import VaError
from vaworkspace.i18n import N_, _
from vaworkspace.tui.bar_text import clock_text, status_text
from vaworkspace.tui.colours import client_style

ALL = "*"


class TopBar(Horizontal):
    """The screen's name, date and time; the running focus timer's slot and today's
    logged time on the right."""

    DEFAULT_CSS = """
    TopBar { dock: top; height: 1; background: $primary; padding: 0 1; }
    TopBar > Static { background: $primary; color: auto 90%; }
    TopBar #where { width: 1fr; }
    TopBar #timer { width: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="where", markup=False)
        yield Static("", id="timer", markup=False)

    def show(self, ws, screen_title: str) -> None:
        where = Text.assemble((_(screen_title), "bold"), clock_text(ws))
        self.query_one("#where", Static).update(where)
        self.query_one("#timer", Static).update(status_text(ws))


class ClientSidebar(OptionList):
    """Clients with their open-task counts; choosing one filters the inbox. A letter
    jumps to the next client whose id or name starts with it (j and k move)."""

    BINDINGS = [
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]
    _names: dict[str, str] = {}  # client id: folded name; `show` replaces it whole

    DEFAULT_CSS = """
    ClientSidebar { width: 18; height: 1fr; border: none; border-right: tall $panel;
        scrollbar-size-vertical: 1; }
    """

    def show(
        self, clients: list[Client], counts: dict[str, int], chosen: str, burns: dict | None = None
    ) -> None:
        self._names = {client.id: fold(client.name) for client in clients}
        total = sum(counts.values())
        options = [Option(_("All") + f"  {total}", id=ALL)]
        for client in clients:
            label = Text()
            label.append(f"@{safe(client.id)}", style=client_style(client.color))
            label.append(f"  {counts.get(client.id, 0)}")
            if burns and client.id in burns:
                label.append("\n")
                label.append_text(gauge(*burns[client.id]))
            options.append(Option(label, id=client.id))
        if counts.get(NO_CLIENT):
            options.append(Option(_("No client") + f"  {counts[NO_CLIENT]}", id=NO_CLIENT))
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(options)
        ids = [o.id for o in options]
        self.highlighted = ids.index(chosen) if chosen in ids else highlighted or 0

    def on_key(self, event: events.Key) -> None:
        """A letter (not j or k, the moves) picks the next client it starts; it never
        reaches the screen, where it could act on the task in the hidden table."""
        letter = event.character or ""
        if len(letter) != 1 or not letter.isalpha() or event.key in ("j", "k"):
            return
        event.stop()
        event.prevent_default()
        wanted = fold(letter)
        count = self.option_count
        start = self.highlighted if self.highlighted is not None else -1
        for step in range(1, count + 1):
            index = (start + step) % count
            client = self.get_option_at_index(index).id
            if client in self._names and wanted in (fold(client)[:1], self._names[client][:1]):
                self.highlighted = index
                return


LABEL_W = 10
"""The detail pane's label column: the longest label (`scheduled`) and a space."""


class DetailPane(Static):
    """Every field of the selected task and its urgency, term by term."""

    DEFAULT_CSS = """
    DetailPane { height: 9; border-top: tall $panel; padding: 0 1; overflow-y: auto; }
    """

    _shown: tuple | None = None  # (workspace, task) last shown, for a resize

    def show(self, ws, task: Task | None) -> None:
        self._shown = (ws, task)
        if task is None:
            self.update("", layout=False)
            return
        from vaworkspace.describe import task_lines, term_label

        text = Text()
        text.append(f"{task.id} ", style="bold")
        text.append(safe(task.title) + "\n", style="bold")
        for label, value in task_lines(ws, task, brief=True):
            text.append(_(label).ljust(LABEL_W), style="dim")
            text.append(f"{value}\n")
        # Before the notes: long notes, last, are what the pane's height cuts.
        why = ws.inbox.why(task.id)
        terms = [t for t in why.terms if round(t.value, 1)]  # `age +0.0` says nothing
        text.append(_("urgency").ljust(LABEL_W), style="dim")
        words = [f"{term_label(t.name)} {t.value:+.1f}" for t in terms]
        text.append(urgency_text(f"{why.score:.1f} = ", words, self.content_region.width))
        if task.notes:
            text.append("\n")
            text.append(_("notes").ljust(LABEL_W), style="dim")
            text.append(safe(task.notes, multiline=True))
        self.update(text, layout=False)  # fixed height: no need to lay the screen out again

    def on_resize(self) -> None:
        """The urgency breakdown is broken to the pane's width: break it again (a
        task gone meanwhile leaves the pane empty until the list reloads)."""
        if self._shown is not None:
            ws, task = self._shown
            try:
                self.show(ws, task)
            except VaError:
                self.show(ws, None)


def urgency_text(lead: str, words: list[str], width: int) -> str:
    """`12.3 = due +8.0  priority +6.0` broken between terms, never inside one, so
    each line fits a pane `width` cells wide once the label column is counted
    (0: not laid out yet, one line); later lines start under the first term."""
    room, hang = width - LABEL_W, " " * len(lead)
    lines: list[str] = []
    line = lead
    for word in words:
        fresh = line in (lead, hang)  # nothing after the lead yet
        joined = line + word if fresh else f"{line}  {word}"
        if not fresh and width > 0 and len(joined) > room:
            lines.append(line)
            line = hang + word
        else:
            line = joined
    lines.append(line)
    return ("\n" + " " * LABEL_W).join(lines)


LEVEL_STYLES = {"ok": "green", "warning": "yellow", "used_up": "red"}


def gauge(used: int, bought: int, cells: int = 6) -> Text:
    """A retainer gauge: `▰▰▰▱▱▱ 4.5/8h` (French `4,5/8h`), coloured by its level
    (`retainer_level`)."""
    from vaworkspace.domain.time.reports import retainer_level
    from vaworkspace.formats import gauge as gauge_cells
    from vaworkspace.formats import retainer_figures
    from vaworkspace.i18n import language
    from vaworkspace.locale_format import decimal_mark

    filled, empty = gauge_cells(used, bought, cells)
    text = Text(" ")
    text.append(filled, style=LEVEL_STYLES[retainer_level(used, bought)])
    text.append(empty, style="dim")
    text.append(" " + decimal_mark(retainer_figures(used, bought), language()), style="dim")
    return text
