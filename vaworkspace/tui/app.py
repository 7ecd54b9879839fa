"""`va` with no arguments: the Textual workspace.

The app owns one `Workspace` (the service) and holds no rule of its own. It polls
the file's signature every second and refreshes the current screen when another
process (a `va add` in a second SSH session, a cron import) changed it. Every
change goes through the service, which writes it to disk before returning, so a
dropped connection (SIGHUP) or SIGTERM can simply exit: nothing is lost.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from vaworkspace.display import safe
from vaworkspace.errors import VaError, WorkspaceBusy
from vaworkspace.i18n import N_, _, use_language
from vaworkspace.tui.file_forms import FileActions
from vaworkspace.tui.lock_wait import LOCK_WAIT, patiently, retrying
from vaworkspace.tui.palette import PaletteCommands, preferred_language
from vaworkspace.tui.problems import problem_text
from vaworkspace.tui.publishing import PublishingApp
from vaworkspace.tui.screen_base import WorkspaceScreen
from vaworkspace.tui.sync_job import SyncActions
from vaworkspace.tui.themes import DEFAULT_THEME, load_themes, problems_message

if TYPE_CHECKING:
    from vaworkspace.service import Workspace

REFRESH_SECONDS = 1.0
PROBLEM_SECONDS = 30.0
"""How long the tick's notice of an unreadable file stays (it is said once)."""
TERM_GRACE = 3.0
"""Seconds a SIGTERM'd app gets to restore the terminal before it is ended."""


class VaApp(PaletteCommands, FileActions, SyncActions, PublishingApp, App):
    """The workspace: inbox, triage and clients screens over one workspace file."""

    TITLE = "vaworkspace"
    painted = None  # the first frame this app paints over (`tui.first_frame`)
    MODES = {
        "inbox": lambda: _screen("inbox", "InboxScreen"),
        "triage": lambda: _screen("triage", "TriageScreen"),
        "clients": lambda: _screen("clients_screen", "ClientsScreen"),
        "focus": lambda: _screen("focus", "FocusScreen"),
        "reports": lambda: _screen("reports_screen", "ReportsScreen"),
        "agenda": lambda: _screen("agenda", "AgendaScreen"),
        "entries": lambda: _screen("entries_screen", "EntriesScreen"),
    }
    DEFAULT_MODE = "inbox"
    # Below 72 columns the client sidebar gives its room to the task titles.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-wide")]
    CSS = """
    .-narrow ClientSidebar { display: none; }
    .-narrow DetailPane { height: 6; }
    """
    BINDINGS = [
        # Quit is in `?` and the palette, not the footer: at 80 columns the footer
        # keeps its room for the keys used all day (Help, Undo).
        Binding("ctrl+q", "quit", N_("Quit"), priority=True, show=False),
        Binding("question_mark", "help", N_("Help")),
        Binding("u", "undo", N_("Undo"), tooltip=N_("Undo the last change (u again: redo)")),
        Binding("1", "switch_mode('inbox')", N_("Inbox"), show=False),
        Binding("2,i", "switch_mode('triage')", N_("Triage"), show=False),
        Binding("3", "switch_mode('clients')", N_("Clients"), show=False),
        Binding("4", "switch_mode('focus')", N_("Focus timer"), show=False),
        Binding("5", "switch_mode('reports')", N_("Reports"), show=False),
        Binding("6", "switch_mode('agenda')", N_("Agenda"), show=False),
        Binding("7", "switch_mode('entries')", N_("Time entries"), show=False),
        Binding(
            "I", "import_file", N_("Import"), show=False, tooltip=N_("Import .ics or Taskwarrior")
        ),
        Binding(
            "E", "export_calendar", N_("Export"), show=False, tooltip=N_("Export a calendar .ics")
        ),
        Binding("S", "export_timesheet", N_("Timesheet"), show=False, tooltip=N_("Timesheet CSV")),
        Binding("R", "sync", N_("Sync"), show=False, tooltip=N_("Sync calendars and accounts")),
    ]

    def __init__(self, ws: Workspace, watch: bool = True) -> None:
        from vaworkspace.tui.hangup import Hangup

        use_language(preferred_language(ws))
        super().__init__()
        self.hangup = Hangup(self)
        self.ws = ws
        # Workers' threads wait for the lock; this thread, the event loop, never
        # does: its writes are tried again without blocking (`tui.lock_wait`).
        ws.file.lock_timeout = min(ws.file.lock_timeout, LOCK_WAIT)
        ws.file.no_wait_thread = threading.get_ident()
        # `[[publish]]` files: see tui/publishing.py
        ws.publishing.after_change = self.request_publish
        self._watch = watch
        self._signature = ws.file.signature()
        self._time_memory: dict = {}
        self._tick_problem: str | None = None  # said once while it lasts
        self.fatal: VaError | None = None  # what ended the app (`_fatal_error`)
        # Chosen before the first stylesheet pass: switching later restyles every widget.
        themes, self._theme_problems = load_themes()
        for theme in themes:
            self.register_theme(theme)
        wanted = self.ws.preferences.get("theme", DEFAULT_THEME)
        for name in (wanted, DEFAULT_THEME, "textual-dark"):  # the last if an install lost themes/
            if name in self.available_themes:
                self.theme = name
                break

    def on_mount(self) -> None:
        if self._theme_problems:
            message = problems_message(self._theme_problems, using=self.theme)
            self.notify(message, severity="warning", markup=False, timeout=10)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self._watch:
            self.set_interval(REFRESH_SECONDS, self.check_outside_changes)
        self._install_signal_handlers()
        self.call_after_refresh(_collect_from_now_on)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity="information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification of every screen passes here: a title, a client name or a
        service error quoting them is shown through `safe`, never raw."""
        super().notify(
            safe(message, multiline=True),
            title=safe(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        """The one error boundary of every key, palette entry and click: whatever the
        action, a change (or a read) the service refuses with a `VaError` (a locked or
        damaged file, a bad value) becomes a notification and the app runs on.

        Every binding reaches its action through here (Textual's `_check_bindings`
        and `Widget.run_action` both call `App.run_action`), so an action never needs
        its own `try`; prompts and forms still catch to keep the message beside
        the text typed. A busy file is waited for here, without blocking
        (`tui.lock_wait`): the action runs again once the lock is free."""
        run = super().run_action
        try:
            return await retrying(lambda: run(action, default_namespace, namespaces))
        except VaError as problem:
            self.show_problem(problem)
            return True

    def show_problem(self, problem: VaError, timeout: float | None = None) -> None:
        """A refusal from the service, as an error notification (its text is the
        CLI's one line; a busy file says so plainly, the VA only has to try again)."""
        self.notify(problem_text(problem), severity="error", markup=False, timeout=timeout)

    def _fatal_error(self) -> None:
        """Textual's last resort for an exception nothing caught, made safe.

        Textual prints a Rich traceback *with locals*: the workspace's clients,
        rates and notes on the terminal (and in any log of it). A `VaError` is
        kept for `run_tui`, which raises it after the terminal is restored, so the
        CLI prints its one line and exits 1; anything else (a bug) prints its
        traceback without locals. (Overrides a private hook: the only one Textual
        has; tests/tui/test_damaged_file.py pins its behaviour.)"""
        import sys

        from rich.segment import Segments
        from rich.traceback import Traceback

        error = sys.exc_info()[1]
        if isinstance(error, VaError):
            self.fatal = error
        else:
            self.bell()
            traceback = Traceback(show_locals=False, width=None)
            self._exit_renderables.append(
                Segments(self.console.render(traceback, self.console.options))
            )
        self._close_messages_no_wait()

    def _remember_theme(self, theme) -> None:
        """The theme picked in the palette is the next start's theme (a signal
        callback, outside `run_action`: its write runs next, catching its own refusal)."""
        self.call_next(self._save_theme, theme.name)

    async def _save_theme(self, name: str) -> None:
        try:
            if self.ws.preferences.get("theme", DEFAULT_THEME) != name:
                await patiently(lambda: self.ws.preferences.set("theme", name))
        except VaError as problem:
            self.show_problem(problem)

    def get_driver_class(self):
        """On Linux/macOS terminals, Textual's driver made safe for a hang-up."""
        from textual.drivers.linux_driver import LinuxDriver

        driver = super().get_driver_class()
        if driver is LinuxDriver:
            from vaworkspace.tui.hangup import HangupDriver

            return HangupDriver
        return driver

    def _install_signal_handlers(self) -> None:
        """Textual's Linux driver handles no SIGTERM: exit through the normal path so
        the terminal is restored, and end the process if that path hangs. (SIGHUP is
        the driver's: see `tui.hangup`.)"""
        import asyncio

        loop = asyncio.get_running_loop()
        # Not possible off the main thread or on a non-POSIX loop.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signal.SIGTERM, self._terminate)

    def _terminate(self) -> None:
        self.hangup.start_watchdog(TERM_GRACE, 128 + signal.SIGTERM)
        self.exit()

    def check_outside_changes(self) -> None:
        """Each second: catch the timer up (a block or a break may have ended), then
        refresh within a second of another process writing the file.

        A file that cannot be read (damaged, or moved away by another program) is
        said once, not every second: the screen stays as it was and every change
        is refused (the store never writes over such a file) until it is fixed.
        A busy file is not a problem: the next tick catches the timer up."""
        try:
            self.watch_time()
            if not self.screen.is_mounted:
                return  # switched to but not built yet (keys typed fast): next tick
            signature = self.ws.file.signature()
            if signature != self._signature:
                self._signature = signature
                if isinstance(self.screen, WorkspaceScreen):
                    self.screen.reload()
            elif (bar := getattr(self.screen, "refresh_bar", None)) is not None:
                bar()  # the clock in the top bar
        except WorkspaceBusy:
            return  # another process is writing: a second later, the same again
        except VaError as problem:
            if str(problem) != self._tick_problem:
                self._tick_problem = str(problem)
                self.show_problem(problem, timeout=PROBLEM_SECONDS)
            return
        self._tick_problem = None

    def watch_time(self) -> None:
        """Bell + notification + `notify_command` when a focus block or a break ends,
        a break reminder, the daily cap, and retainers crossing 80 % and 100 %."""
        from vaworkspace.tui.time_watch import time_messages

        messages = time_messages(self.ws, self._time_memory)
        for message, severity in messages:
            self.bell()
            self.notify(message, severity=severity, markup=False, timeout=8)
            try:
                self.ws.time.announce(message)
            except VaError as problem:
                self.show_problem(problem)

    def action_help(self) -> None:
        from vaworkspace.tui.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_undo(self) -> None:
        """`u` on every screen: the last change to the workspace (`ws.undo`), undone;
        a second `u` redoes it."""
        from vaworkspace.change_text import change_label, worded
        from vaworkspace.errors import UndoRefused

        try:
            change = self.ws.undo.undo()
        except UndoRefused as refused:
            raise worded(refused) from None
        if change.undone:
            notice = _("Redone: {change} — u again to undo")
        else:
            notice = _("Undone: {change} — u again to redo")
        self.notify(notice.format(change=change_label(change)), markup=False)
        if isinstance(self.screen, WorkspaceScreen):
            self.screen.reread()


def _collect_from_now_on() -> None:
    """The `va` script starts with the cyclic GC off (a short command never needs it);
    a workspace open all day does. Once the first screen is drawn, the objects made
    so far are frozen out of future collections and the GC is switched back on."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _screen(module: str, name: str):
    """Import a screen's module when its mode is first shown (faster first frame)."""
    from importlib import import_module

    return getattr(import_module(f"vaworkspace.tui.{module}"), name)()


def run_tui(ws, painted=None) -> int:
    """Run the workspace; after a hang-up, end at once: no terminal to restore or
    flush, and no thread worth waiting for (every change is already on disk).

    `painted`: the first frame already on the terminal (`tui.launch`), which the
    driver takes over (`hangup.HangupDriver`)."""
    import os

    from vaworkspace.tui.hangup import HANGUP_STATUS

    app = VaApp(ws)
    app.painted = painted
    app.run()
    if app.hangup.happened:
        os._exit(HANGUP_STATUS)
    if app.fatal is not None:
        raise app.fatal  # the CLI's one line on stderr, exit 1
    return app.return_code or 0
