"""One input line at the bottom of the inbox for quick add, search and snooze.

Quick add shows a live preview of what the line means (the same parser as
`va add`), so the VA sees `due: fri 17:00` before pressing Enter.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from vaworkspace.display import safe
from vaworkspace.errors import VaError
from vaworkspace.i18n import N_, _

PROMPTS = {  # mode: (label, placeholder), translated where the bar opens
    "add": (N_("Add"), N_("Book hotel @client !h due:fri 17:00 ~45m #travel  (Esc: cancel)")),
    "search": (N_("Search"), N_("words in titles and notes  (Enter: keep, Esc: clear)")),
    "wait": (N_("Wait until"), N_("mon, in 3 days, dec 5 9:00  (Esc: cancel)")),
    "client": (N_("Client"), N_("id or prefix of a client  (Esc: cancel)")),
    "due": (N_("Due"), N_("fri 17:00, tomorrow, in 3 days, none  (Esc: cancel)")),
    "estimate": (N_("Estimate"), N_("30m, 1h30m, none  (Esc: cancel)")),
}


class CommandBar(Vertical):
    """Hidden until a mode opens it; posts `Submitted`/`Changed`/`Closed`."""

    DEFAULT_CSS = """
    CommandBar { height: auto; display: none; background: $panel; }
    CommandBar.-open { display: block; }
    CommandBar #preview { color: $text-muted; padding: 0 1; height: auto; }
    CommandBar #preview.-error { color: $error; }
    CommandBar Input { border: none; height: 1; padding: 0 1; }
    """

    class Submitted(Message):
        def __init__(self, mode: str, value: str) -> None:
            super().__init__()
            self.mode, self.value = mode, value

    class Changed(Message):
        def __init__(self, mode: str, value: str) -> None:
            super().__init__()
            self.mode, self.value = mode, value

    class Closed(Message):
        def __init__(self, mode: str) -> None:
            super().__init__()
            self.mode = mode

    def __init__(self, preview, **kwargs) -> None:
        """`preview(text) -> list[str]` describes a quick-add line (raises VaError)."""
        super().__init__(**kwargs)
        self.mode = ""
        self._preview = preview

    def compose(self) -> ComposeResult:
        yield Static("", id="preview", markup=False)
        yield Input(id="command-input", disabled=True, compact=True)  # unfocusable while closed

    def open(self, mode: str, value: str = "") -> None:
        label, placeholder = PROMPTS[mode]
        self.mode = mode
        field = self.query_one(Input)
        field.placeholder = _("{label}: {value}").format(label=_(label), value=_(placeholder))
        field.value = value
        field.disabled = False
        self.add_class("-open")
        self._show([])
        field.focus()

    def close(self) -> None:
        mode, self.mode = self.mode, ""
        self.query_one(Input).disabled = True
        self.remove_class("-open")
        self.post_message(self.Closed(mode))

    def error(self, message: str) -> None:
        self._show([message], error=True)

    def _show(self, lines: list[str], error: bool = False) -> None:
        preview = self.query_one("#preview", Static)
        preview.update("\n".join(map(safe, lines)))  # errors may quote stored names
        preview.set_class(error, "-error")
        preview.display = bool(lines)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.mode == "add":
            try:
                self._show(self._preview(event.value) if event.value.strip() else [])
            except VaError as problem:
                self.error(str(problem))
        self.post_message(self.Changed(self.mode, event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(self.mode, event.value))

    def key_escape(self) -> None:
        self.close()
