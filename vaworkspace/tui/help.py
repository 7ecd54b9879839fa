"""`?`: every key of the screen it was opened from, read from the live bindings."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from vaworkspace.i18n import N_, _
from vaworkspace.tui.words import KEY_NAMES, TranslatedBindings

NAMES = {
    "question_mark": "?",
    "slash": "/",
    "at": "@",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
}
WORDS = {
    **KEY_NAMES,
    "enter": N_("enter"),
    "delete": N_("delete"),
    "up": N_("up"),
    "down": N_("down"),
    "home": N_("home"),
    "end": N_("end"),
    "pageup": N_("pageup"),
    "pagedown": N_("pagedown"),
}
"""Keys named by a word, in the language in use (`entrée`, `suppr`, `pg suiv`)."""
EXTRA = [("ctrl+p", N_("command palette: every action, client filters, themes"))]


class HelpScreen(TranslatedBindings, ModalScreen):
    """A list of (keys, what they do) for the screen underneath."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", N_("Close"))]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 64; max-width: 100%; height: auto; max-height: 90%;
        background: $panel; border: tall $accent; padding: 0 1;
    }
    """

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self._text(), markup=False)

    def _text(self) -> Text:
        text = Text()
        title = getattr(self.under, "HELP_TITLE", type(self.under).__name__.replace("Screen", ""))
        text.append(_("Keys — {screen}").format(screen=_(title)) + "\n\n", style="bold")
        for keys, description in help_rows(self.under):
            text.append(f"{keys:<14}", style="bold")
            text.append(f"{description}\n")
        text.append("\n" + _("esc closes this help"), style="dim")
        return text


def help_rows(screen: Screen) -> list[tuple[str, str]]:
    """(keys, description) for every binding of ours active on `screen`: the
    screen's, the focused widget's and the app's, not Textual's scrolling ones."""
    seen: dict[str, list[str]] = {}
    for key, active in screen.active_bindings.items():
        if not _ours(active.node, active.binding):
            continue
        description = active.binding.tooltip or active.binding.description
        name = _(WORDS[key]) if key in WORDS else NAMES.get(key, key)
        seen.setdefault(description or active.binding.action, []).append(name)
    rows = [(" ".join(keys), description) for description, keys in seen.items()]
    return rows + [(keys, _(description)) for keys, description in EXTRA]


def _ours(node, binding) -> bool:
    """Declared by a vaworkspace class (Textual's own bindings are left out)."""
    for cls in type(node).__mro__:
        if cls.__module__.startswith("vaworkspace") and any(
            getattr(b, "action", None) == binding.action for b in cls.__dict__.get("BINDINGS", [])
        ):
            return True
    return False
