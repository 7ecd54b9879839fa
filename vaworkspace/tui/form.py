"""A modal form of labelled one-line fields: the task form and the client form.

Subclasses list their FIELDS, give the initial values and save through the
service; a `VaError` from the service is shown under the fields (the CLI's own
message) and the form stays open, so nothing half-typed is lost.

The form remembers the texts it opened with (`shown`): another terminal may
change the record while the form is open, so a save sends only the fields the
VA changed (`changed_texts`), never a stale copy of the others.
"""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from vaworkspace.display import safe
from vaworkspace.errors import VaError
from vaworkspace.i18n import N_, _
from vaworkspace.tui.lock_wait import patiently
from vaworkspace.tui.problems import problem_text
from vaworkspace.tui.safe_fields import SafeText

Form = TypeVar("Form", bound="FormScreen")


class FormScreen(ModalScreen[bool]):
    """ctrl+s (or Enter in a field, or the Save button) saves; esc cancels."""

    FIELDS: tuple[tuple[str, str, str], ...] = ()
    """(name, label, placeholder): label and placeholder in English, marked `N_()`,
    shown translated; a French label fits the 11 cells left of its field."""
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), priority=True),
        Binding("escape", "cancel", N_("Cancel")),
    ]
    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        background: $panel; border: tall $accent; padding: 0 1;
    }
    FormScreen Grid { grid-size: 2; grid-columns: 12 1fr; grid-rows: 1; height: auto; }
    FormScreen Grid Input:focus { background: $boost; }
    FormScreen Grid Input.-invalid { background: $error 30%; }
    FormScreen TextArea { height: 3; border: none; }
    FormScreen #problem { color: $error; height: auto; }
    FormScreen Horizontal { height: auto; align-horizontal: right; }
    FormScreen Button { margin-left: 2; }
    """

    shown: dict[str, str]
    """The texts the fields opened with (or were last reloaded to)."""

    def title_text(self) -> str:
        raise NotImplementedError

    def values(self) -> dict[str, str]:
        raise NotImplementedError

    def fields(self) -> tuple[tuple[str, str, str], ...]:
        return self.FIELDS

    def extra(self) -> ComposeResult:
        """Widgets below the one-line fields (the task form's notes)."""
        return iter(())

    def save(self, texts: dict[str, str]) -> str:
        """Write through the service; return the confirmation to show."""
        raise NotImplementedError

    def load(self: Form) -> Form:
        """Read the values to show now, in the key's action, whose boundary
        (`VaApp.run_action`) reports a refusal (a damaged file); read in `compose`,
        the same refusal would end the app. Call before pushing the form."""
        self.shown = self.values()
        return self

    def compose(self) -> ComposeResult:
        values = dict(self.shown)
        with Vertical():
            yield Static(self.title_text(), markup=False)
            with Grid():
                for name, label, placeholder in self.fields():
                    yield Label(_(label))
                    yield Input(
                        values.get(name, ""),
                        placeholder=_(placeholder),
                        id=f"f-{name}",
                        highlighter=SafeText(),  # stored text, shown safely, saved as it is
                        # Compact: one line and no border, even when invalid (Input's red
                        # border would leave no line for the text typed).
                        compact=True,
                    )
            yield from self.extra()
            yield Static("", id="problem", markup=False)
            with Horizontal():
                yield Button(_("Save ^s"), id="save", variant="primary", compact=True)
                yield Button(_("Cancel esc"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def texts(self) -> dict[str, str]:
        return {name: self.query_one(f"#f-{name}", Input).value for name, *_texts in self.fields()}

    def changed_texts(self, texts: dict[str, str]) -> dict[str, str]:
        """The texts that differ from what the form opened with: the VA's edits."""
        return {name: text for name, text in texts.items() if text != self.shown.get(name, "")}

    def show_problem(self, problem: str | None) -> None:
        self.query_one("#problem", Static).update(safe(problem or "", multiline=True))

    def show_error(self, problem: VaError) -> None:
        """A failed save; subclasses show richer errors (the task form's conflicts)."""
        self.show_problem(problem_text(problem))

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        await self.run_action("save")

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        await self.run_action("save" if event.button.id == "save" else "cancel")

    async def action_save(self) -> None:
        texts = self.texts()
        try:
            message = await patiently(lambda: self.save(texts))
        except VaError as problem:
            self.show_error(problem)
            return
        self.app.notify(message, markup=False)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
