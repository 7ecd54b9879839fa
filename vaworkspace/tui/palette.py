"""The command palette (ctrl+p): every action, client filters, themes and the
language, in the language in use.

Textual's own entries (Theme, Quit, Keys, Screenshot...) are translated here
too, by their English titles (`TEXTUAL_WORDS`). Choosing a language switches the
app at once (footers, help, the palette) and is remembered in the workspace's
preferences, as the theme is: the next `va` opens in it, whatever the locale
says; the config's `language` and the environment decide until it is chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import SystemCommand

from vaworkspace.display import safe
from vaworkspace.i18n import N_, _, pgettext, use_language
from vaworkspace.tui.file_forms import FILE_COMMANDS
from vaworkspace.tui.sync_job import SYNC_COMMAND

if TYPE_CHECKING:
    from textual.app import App

    from vaworkspace.service import Workspace
    from vaworkspace.tui.inbox import InboxScreen

    _App = App[None]  # what the mixin is mixed into, for the type checker
else:
    _App = object

LANGUAGES = (("en", "English"), ("fr", "Français"))
"""The palette's languages, each named in itself."""
LANGUAGE_PREFERENCE = "language"

TEXTUAL_WORDS = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)
"""Textual's palette entries, by their English titles and help, for the extractor."""

MODE_COMMANDS = (  # (title, help, mode)
    (N_("Inbox"), N_("Show the prioritised inbox (1)"), "inbox"),
    (N_("Triage"), N_("Sort new tasks one by one (i)"), "triage"),
    (N_("Clients"), N_("Add, edit and archive clients (3)"), "clients"),
    (N_("Focus timer"), N_("The running timer, large (4)"), "focus"),
    (N_("Reports"), N_("Hours, amounts, retainers (5)"), "reports"),
    (N_("Agenda"), N_("Events, tasks due, free slots (6)"), "agenda"),
    (N_("Entries"), N_("Time entries: log, edit, delete (7)"), "entries"),
)
TASK_COMMANDS = (  # (title, help, inbox action)
    (N_("Task: add"), N_("Add a task in one line (a)"), "open_bar('add')"),
    (N_("Task: search"), N_("Search titles and notes (/)"), "open_bar('search')"),
    (N_("Task: edit"), N_("Edit the selected task (e)"), "edit"),
    (N_("Task: complete"), N_("Complete the selected task (x)"), "complete"),
    (N_("Task: delete"), N_("Delete the selected task, after asking (d)"), "delete"),
    (N_("Task: wait"), N_("Hide the selected task until a date (w)"), "open_bar('wait')"),
    (N_("Task: priority"), N_("Cycle the selected task's priority (p)"), "priority"),
    (N_("Task: timer"), N_("Start/stop the timer on the selected task (t)"), "timer"),
)
SCREEN_COMMANDS = (  # (title, help, mode, action): the palette's way to other screens' keys
    (
        N_("Time: log by hand"),
        N_("A duration, or a start and an end (7, then a)"),
        "entries",
        "log",
    ),
    (
        N_("Agenda: move a block"),
        N_("Into the selected free slot (6, then m)"),
        "agenda",
        "move_block",
    ),
    (
        N_("Agenda: remove a block"),
        N_("A booked work block (6, then x)"),
        "agenda",
        "remove_block",
    ),
    (
        N_("Agenda: plan the day"),
        N_("Propose a plan of the day shown (6, then P)"),
        "agenda",
        "plan",
    ),
)


class PaletteCommands(_App):
    """Mixed into `VaApp` (a Textual `App` with a `ws`)."""

    ws: Workspace

    def get_system_commands(self, screen):
        """The command palette (ctrl+p): every action, client filters, the theme picker."""
        for command in super().get_system_commands(screen):
            yield command._replace(title=_(command.title), help=_(command.help))
        for title, help_text, mode in MODE_COMMANDS:
            yield SystemCommand(_(title), _(help_text), self._mode(mode))
        yield SystemCommand(_("Help"), _("Every key of this screen (?)"), self._act("help"))
        for title, help_text, action in FILE_COMMANDS:
            yield SystemCommand(_(title), _(help_text), getattr(self, action))
        title, help_text = SYNC_COMMAND
        yield SystemCommand(_(title), _(help_text), self._act("sync"))
        undo = _("Undo the last change; again: redo (u)")
        # Not the footer's `Undo`, which French shortens to fit 80 columns.
        yield SystemCommand(pgettext("palette", "Undo"), undo, self._act("undo"))
        for title, help_text, action in TASK_COMMANDS:
            yield SystemCommand(_(title), _(help_text), self._inbox_action(action))
        for title, help_text, mode, action in SCREEN_COMMANDS:
            yield SystemCommand(_(title), _(help_text), self._screen_action(mode, action))
        for client in self.ws.clients.all():
            yield SystemCommand(
                _("Filter: @{client}").format(client=safe(client.id)),
                _("Only {name}'s tasks").format(name=safe(client.name)),
                self._filter(client.id),
            )
        for code, name in LANGUAGES:
            yield SystemCommand(
                _("Language: {name}").format(name=name),
                _("Write the workspace's screens in {name}").format(name=name),
                self._language(code),
            )

    def action_command_palette(self) -> None:
        """ctrl+p: Textual's palette, with the hint of its search field in the
        language in use (Textual writes it in English)."""
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder = _("Search for commands…")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def search_themes(self) -> None:
        """The palette's Theme entry: the themes, with the search hint translated."""
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        self.push_screen(CommandPalette([ThemeProvider], placeholder=_("Search for themes…")))

    def _language(self, code: str):
        def choose() -> None:
            regional = self.ws.config.language
            language = regional if regional.split("_")[0] == code else code
            use_language(language)
            self.ws.preferences.set(LANGUAGE_PREFERENCE, code)
            self.screen.refresh_bindings()
            reread = getattr(self.screen, "reread", None)
            if reread is not None:
                reread()

        return choose

    def _act(self, action: str):
        """A palette entry that runs `action` through the error boundary."""

        async def run() -> None:
            await self.run_action(action)

        return run

    def _mode(self, name: str):
        return lambda: self.switch_mode(name)

    def _inbox_action(self, action: str):
        async def run() -> None:
            await self.switch_mode("inbox")
            inbox = cast("InboxScreen", self.screen)  # the inbox mode's only screen
            inbox.focus_tasks()
            await inbox.run_action(action)

        return run

    def _screen_action(self, mode: str, action: str):
        """A palette entry for a key of another screen: show it, then press it."""

        async def run() -> None:
            await self.switch_mode(mode)
            await self.screen.run_action(action)

        return run

    def _filter(self, client_id: str):
        async def run() -> None:
            await self.switch_mode("inbox")
            inbox = cast("InboxScreen", self.screen)  # the inbox mode's only screen
            inbox.client_filter = client_id
            inbox.reread()

        return run


def preferred_language(ws: Workspace) -> str:
    """The language the app opens in: the one chosen in the palette (with the
    config's region when it is the same language), else the config's."""
    configured = ws.config.language
    chosen = ws.preferences.get(LANGUAGE_PREFERENCE)
    if chosen not in {code for code, _name in LANGUAGES}:
        return configured
    return configured if configured.split("_")[0] == chosen else chosen
