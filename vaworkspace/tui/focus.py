"""Focus: the running timer, big enough to read from across the room, and today's time.

This screen decides nothing about time. The service starts, pauses and stops the
timer; the app's one-second tick catches it up (a block or a break ended) and
shows what happened. Here we only repaint from the stored instants
(`ws.time.timer_now()`, which never writes), so a skipped tick never makes the
countdown drift and a repaint never repeats a notification.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Digits, Static

from vaworkspace.display import safe
from vaworkspace.errors import VaError
from vaworkspace.formats import clock, fit
from vaworkspace.i18n import N_, _, language, ngettext
from vaworkspace.locale_format import format_hours_minutes, is_french
from vaworkspace.tui.command_bar import CommandBar
from vaworkspace.tui.key_footer import KeyFooter
from vaworkspace.tui.lock_wait import patiently
from vaworkspace.tui.problems import problem_text
from vaworkspace.tui.screen_base import WorkspaceScreen
from vaworkspace.tui.widgets import TopBar

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.domain.time.status import TimerStatus
    from vaworkspace.service.results import Logged

PHASES = {"focus": N_("Focus"), "break": N_("Break"), "long_break": N_("Long break")}
MODES = {"countdown": N_("countdown"), "stopwatch": N_("stopwatch")}
IDLE_HINT = N_("press t on a task in the inbox (1), or @ here to time a client alone")
BAR_WIDTH = 20


class FocusScreen(WorkspaceScreen):
    """The timer in large digits, what it runs on, and today's hours per client."""

    HELP_TITLE = N_("Focus timer")
    BINDINGS = [
        Binding("space,p", "toggle_pause", N_("Pause"), tooltip=N_("Pause or resume the timer")),
        Binding("s", "stop", N_("Stop"), tooltip=N_("Stop; the focus time becomes an entry")),
        Binding("b", "skip_break", N_("Skip break"), tooltip=N_("End the break: focus again now")),
        Binding("enter", "again", N_("Again"), tooltip=N_("A pomodoro on what you last timed")),
        Binding(
            "at", "ask_client", N_("Client"), tooltip=N_("A pomodoro on a client alone (no task)")
        ),
    ]
    DEFAULT_CSS = """
    FocusScreen #clock { height: auto; padding: 1 2 0 2; }
    FocusScreen #clock > * { width: 100%; height: auto; text-align: center; }
    FocusScreen #digits { margin: 1 0; color: $accent; }
    FocusScreen #digits.-break { color: $success; }
    FocusScreen #digits.-paused { color: $warning; }
    FocusScreen #digits.-idle { color: $text-muted; }
    FocusScreen #today { height: 1fr; margin: 1 2 0 2; padding: 0 1;
        border-top: solid $panel; scrollbar-size-vertical: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._clients: dict = {}
        # What enter would time, from the latest entry: (task id, None) or (None, client).
        self._again: tuple[int | None, str | None] | None = None

    def compose(self) -> ComposeResult:
        yield TopBar()
        with Vertical(id="clock"):
            yield Static("", id="phase")
            yield Digits("", id="digits")
            yield Static("", id="what")
        with VerticalScroll(id="today"):  # focused: up/down scroll a long day
            yield Static("", id="today-table")
        yield CommandBar(lambda text: [], id="bar")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one("#today").focus()

    def reload(self) -> None:
        """Everything again: the file changed (here or in another process)."""
        self._clients = {c.id: c for c in self.ws.clients.all(include_archived=True)}
        self._again = self._again_target()
        self.refresh_bar()

    def refresh_bar(self) -> None:
        """The app's one-second repaint: clock, top bar and today's running total."""
        self.query_one(TopBar).show(self.ws, N_("Focus"))
        try:
            status = self.ws.time.timer_now()
            self._show_clock(status)
            self._show_today(status)
        except VaError as problem:  # a damaged saved timer: the app's tick says so too
            self.query_one("#phase", Static).update(Content(_("Timer unreadable")))
            self.query_one("#what", Static).update(Content(str(problem)))

    # -- painting --------------------------------------------------------------

    def _show_clock(self, status: TimerStatus) -> None:
        digits = self.query_one(Digits)
        phase = self.query_one("#phase", Static)
        what = self.query_one("#what", Static)
        if not status.running:
            digits.update("--:--")
            digits.set_classes("-idle")
            phase.update(Content.styled(_("No timer running"), "bold"))
            what.update(self._idle_text())
            return
        digits.update(clock(status.shown_seconds))
        name = _("Paused") if status.paused else _(PHASES[status.phase or "focus"])
        kind = "paused" if status.paused else "break" if status.phase != "focus" else ""
        digits.set_classes(f"-{kind}" if kind else "")
        parts: list = [(name, "bold")]
        if status.mode == "pomodoro":
            every = self.ws.time.pomodoro_settings().long_break_every
            parts += ["   ", (cycle_dots(status, every), "$accent")]
            done = status.pomodoros
            blocks = ngettext("  {count} block done", "  {count} blocks done", done)
            parts.append(blocks.format(count=done))
        else:
            mode = status.mode or ""
            parts.append(" · " + _(MODES.get(mode, mode)))
        phase.update(Content.assemble(*parts))
        what.update(self._target_text(status.task, status.client))

    def _target_text(self, task_id: int | None, client_id: str | None) -> Content:
        """The task's title on one line, the client (in its colour) on the next."""
        parts: list = []
        if task_id is not None:
            try:
                title = safe(self.ws.tasks.get(task_id).title)
            except VaError:
                title = _("(task no longer exists)")
            parts += [(f"#{task_id} ", "$text-muted"), (title, "bold"), "\n"]
        if client_id is not None:
            client = self._clients.get(client_id)
            parts.append((f"@{safe(client_id)}", self._colour(client_id, "")))
            parts.append(f" {safe(client.name)}" if client else "")
        elif task_id is not None:
            parts.append((_("no client"), "$text-muted"))
        return Content.assemble(*parts)

    def _idle_text(self) -> Content:
        parts: list = [_(IDLE_HINT)]
        if self._again is not None:
            task_id, client_id = self._again
            if task_id is not None:
                client_id = self.ws.tasks.get(task_id).client
            again = "\n\n" + _("enter: another pomodoro on ")
            parts += [again, self._target_text(task_id, client_id)]
        return Content.assemble(*parts)

    def _colour(self, client_id: str | None, fallback: str) -> str:
        client = self._clients.get(client_id) if client_id else None
        return (client.color if client else None) or fallback

    def _show_today(self, status: TimerStatus) -> None:
        """Per client: today's entries plus the focus stretch under way."""
        seconds = self.ws.time.logged_today_by_client()
        self.query_one("#today-table", Static).update(
            self._today_table(seconds, sum(seconds.values()))
        )

    def _today_table(self, seconds: dict[str | None, int], total: int) -> Content:
        lines: list = [(_("Today"), "bold"), "\n"]
        shown = {c: s for c, s in seconds.items() if s > 0}
        if not shown:
            lines.append((_("Nothing logged yet today."), "$text-muted"))
            return Content.assemble(*lines)
        most = max(shown.values())
        lang = language()
        width = 7 if is_french(lang) else 6  # `10 h 05` / `10h05`
        for client_id in sorted(shown, key=lambda c: (c is None, c or "")):
            client = self._clients.get(client_id) if client_id else None
            label = f"@{safe(client_id)}" if client_id else _("(no client)")
            name = safe(client.name) if client else ""
            filled = max(1, round(shown[client_id] / most * BAR_WIDTH))
            lines += [
                (
                    fit(label, 13, pad=True) + " ",
                    self._colour(client_id, "" if client_id else "$text-muted"),
                ),
                fit(name, 27, pad=True) + " ",
                format_hours_minutes(shown[client_id], lang).rjust(width) + "  ",
                ("█" * filled, self._colour(client_id, "$accent")),
                "\n",
            ]
        total_text = format_hours_minutes(total, lang).rjust(width)
        lines += [(_("Total").ljust(42) + total_text, "bold")]
        return Content.assemble(*lines)

    # -- actions ---------------------------------------------------------------

    def _run(self, change, message) -> None:
        """Call the service and say what it did (`message` may be built from its
        result); a refusal is the app's to show (`VaApp.run_action`)."""
        result = change()
        self.app.notify(message(result) if callable(message) else message, markup=False)
        self.reload()

    def action_toggle_pause(self) -> None:
        if self.ws.time.timer_now().paused:
            self._run(self.ws.time.resume_timer, _("Timer resumed"))
        else:
            self._run(self.ws.time.pause_timer, _("Timer paused: space or p resumes"))

    def action_stop(self) -> None:
        self._run(self.ws.time.stop_timer, stopped_text)

    def action_skip_break(self) -> None:
        self._run(self.ws.time.skip_break, _("Break skipped: focus again"))

    def action_again(self) -> None:
        """A pomodoro on the task (or client) of the latest entry; none yet: ask."""
        target = self._again_target()
        if target is None:
            self.action_ask_client()
            return
        task_id, client = target
        self._run(
            lambda: self.ws.time.start_timer(task_id=task_id, client=client), self._started_text
        )

    def _again_target(self) -> tuple[int | None, str | None] | None:
        """The latest entry's task if still open, else its client, else None."""
        entries = self.ws.time.entries()
        if not entries:
            return None
        latest = max(entries, key=lambda e: (e.end, e.id))
        if latest.task is not None:
            try:
                if self.ws.tasks.get(latest.task).is_open:
                    return latest.task, None
            except VaError:
                pass
        return (None, latest.client) if latest.client else None

    def action_ask_client(self) -> None:
        self.query_one(CommandBar).open("client")

    async def on_command_bar_submitted(self, event: CommandBar.Submitted) -> None:
        bar = self.query_one(CommandBar)
        wanted = event.value.strip().lstrip("@")
        if not wanted:
            bar.error(_("type a client's id or its first letters, like dental"))
            return
        try:
            started = await patiently(lambda: self.ws.time.start_timer(client=wanted))
        except VaError as problem:
            bar.error(problem_text(problem))
            return
        bar.close()
        self.app.notify(self._started_text(started), markup=False)
        self.reload()

    def _started_text(self, started: TimerStatus) -> str:
        """`Focus on #2 Book hotel` or `Focus on @dental` from `ws.time.start_timer`'s result."""
        if started.task is None:
            return _("Focus on @{client}").format(client=started.client)
        title = self.ws.tasks.get(started.task).title
        return _("Focus on #{task} {title}").format(task=started.task, title=title)


def cycle_dots(status: TimerStatus, every: int) -> str:
    """`●●○○`: the focus blocks done in this cycle of `every`; during the long break
    that ends a cycle, the whole cycle shows as done."""
    done = status.pomodoros % every
    if done == 0 and status.pomodoros and status.phase == "long_break":
        done = every
    return "●" * done + "○" * (every - done)


def stopped_text(logged: Logged) -> str:
    """What `s` did: the entry written, or why the focus time left none."""
    if logged.too_short_seconds:
        from vaworkspace.domain.time.timer_text import unlogged_text

        unlogged = unlogged_text(logged.too_short_seconds, logged.minimum_minutes)
        return _("Timer stopped: {why}").format(why=unlogged)
    if not logged.entries:
        return _("Timer stopped: no focus time to log")
    entries = ", ".join(_entry_text(e) for e in logged.entries)
    return _("Timer stopped: logged {entries}").format(entries=entries)


def _entry_text(entry) -> str:
    """`entry 3 (25 min on #2 @acme)`: one entry a stop wrote."""
    what = _("{minutes} min").format(minutes=entry.seconds // 60)
    if entry.task:
        what += _(" on #{task}").format(task=entry.task)
    if entry.client:
        what += f" @{entry.client}"
    return _("entry {id} ({what})").format(id=entry.id, what=what)
