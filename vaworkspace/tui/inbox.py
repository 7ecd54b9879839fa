"""The inbox: every client's open tasks, most urgent first, and the keys to act on them."""

from __future__ import annotations

import contextlib

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static

from vaworkspace.display import safe
from vaworkspace.domain.by_client import NO_CLIENT, count_by_client
from vaworkspace.errors import VaError
from vaworkspace.i18n import N_, _, ngettext
from vaworkspace.tui.command_bar import CommandBar
from vaworkspace.tui.inbox_table import InboxTable
from vaworkspace.tui.key_footer import KeyFooter
from vaworkspace.tui.lock_wait import patiently
from vaworkspace.tui.problems import problem_text
from vaworkspace.tui.screen_base import WorkspaceScreen
from vaworkspace.tui.typed_app import va_app
from vaworkspace.tui.widgets import ALL, ClientSidebar, DetailPane, TopBar

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.tui.clients_screen import ClientForm

STYLES_AFTER = 0.5
"""Seconds after the first screen when its colours are remembered (no hurry)."""
TASK_ACTIONS = frozenset({"open_bar", "edit", "complete", "delete", "priority", "timer"})
"""The actions on the selected task (and `a`): the table's keys, not the sidebar's."""
EMPTY = (
    ("", N_("Nothing to do yet.")),
    ("a", N_("add a task in one line: Call the dentist @client due:fri ~30m")),
    ("i", N_("triage the inbox: give each new task a client, priority and due date")),
    ("?", N_("every key, on every screen")),
)
"""What an empty workspace shows: a heading, then keys and what they do."""


def empty_text() -> str:
    heading, *keys = EMPTY
    lines = [_(heading[1]), "", *("  " + key + "   " + _(text) for key, text in keys)]
    return "\n".join(lines) + "\n"


class InboxScreen(WorkspaceScreen):
    """Tasks across clients; the sidebar filters by client, `/` by words."""

    AUTO_FOCUS = "InboxTable"  # not the sidebar, first in the DOM: its keys differ
    # French at 80 columns: the priority is set in triage (its footer says h m l
    # Prio) and shown in the detail pane; deleting is rare, asks, and is in `?`.
    TRANSLATED_FOOTER_OMITS = ("priority", "delete")
    BINDINGS = [
        Binding("a", "open_bar('add')", N_("Add"), tooltip=N_("Add a task in one line")),
        Binding("e,enter", "edit", N_("Edit"), tooltip=N_("Edit every field")),
        Binding("x,space", "complete", N_("Done"), tooltip=N_("Complete (u undoes)")),
        Binding(
            "d,delete", "delete", N_("Del"), tooltip=N_("Delete the task (asks first; u undoes)")
        ),
        Binding("w", "open_bar('wait')", N_("Wait"), tooltip=N_("Hide until a date")),
        Binding("p", "priority", N_("Prio"), tooltip=N_("Cycle the priority")),
        Binding("c", "pick_client", N_("Client"), tooltip=N_("Filter by client"), show=False),
        Binding("slash", "open_bar('search')", N_("Find"), tooltip=N_("Search titles and notes")),
        Binding("t", "timer", N_("Timer"), tooltip=N_("Start/stop a focus timer on the task")),
        Binding("escape", "clear_filters", N_("Clear filters"), show=False),
    ]
    DEFAULT_CSS = """
    InboxScreen #body { height: 1fr; }
    InboxScreen #empty { padding: 1 2; color: $text-muted; height: auto; display: none; }
    InboxScreen.-empty #empty { display: block; }
    InboxScreen.-empty InboxTable { display: none; }
    InboxScreen #filters { height: 1; padding: 0 1; color: $text-muted; display: none; }
    InboxScreen #filters.-on { display: block; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.client_filter = ALL
        self.search = ""
        self._styles_remembered = False

    def compose(self) -> ComposeResult:
        yield TopBar(id="topbar")
        with Horizontal(id="body"):
            yield ClientSidebar(id="sidebar")
            with Vertical(id="main"):
                yield Static("", id="filters")
                yield Static(empty_text(), id="empty")
                yield InboxTable(id="table")
                yield DetailPane(id="detail")
        yield CommandBar(self._preview, id="bar")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one(InboxTable).focus()

    # -- data ------------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        """Re-rank from the service (after a change here or in another process)."""
        ws = self.ws
        table = self.query_one(InboxTable)
        keep = keep if keep is not None else (table.selected.id if table.selected else None)
        client = None if self.client_filter == ALL else self.client_filter
        rows = ws.inbox.ranked(client=client, text=self.search or None)
        clients = ws.clients.all()
        table.client_colors = {c.id: c.color for c in clients if c.color}
        table.show(rows, ws.now(), ws.tz, keep, ws.inbox.at_risk_test())
        self.set_class(not rows and not self.search and self.client_filter == ALL, "-empty")
        if self.client_filter == ALL and not self.search:
            counts = count_by_client(task for _, task in rows)  # the visible open tasks
        else:
            counts = ws.inbox.open_counts()
        sidebar = self.query_one(ClientSidebar)
        sidebar.show(clients, counts, self.client_filter, ws.inbox.budget_burns())
        self._show_filters(len(rows))
        self.refresh_bar()
        self.query_one(DetailPane).show(ws, table.selected)
        if not self._styles_remembered:
            self._styles_remembered = True
            self.set_timer(STYLES_AFTER, self._remember_styles)

    def _remember_styles(self) -> None:
        """Once the inbox is on screen: its colours for the next start's first frame
        (`tui.first_frame`). A cache that cannot be written, or a workspace that
        cannot be read just then (its theme), only costs that frame."""
        from vaworkspace.tui.first_frame_styles import remember

        with contextlib.suppress(OSError, VaError):
            remember(self)

    def refresh_bar(self) -> None:
        self.query_one(TopBar).show(self.ws, N_("Inbox"))

    def _show_filters(self, count: int) -> None:
        parts = []
        if self.client_filter == NO_CLIENT:
            parts.append(_("without client"))
        elif self.client_filter != ALL:
            parts.append(f"@{safe(self.client_filter)}")
        if self.search:
            parts.append(f"“{safe(self.search)}”")
        label = self.query_one("#filters", Static)
        shown = ngettext("{count} task", "{count} tasks", count).format(count=count)
        clears = _("Esc clears")
        label.update(f"{shown} · {' · '.join(parts)} · {clears}" if parts else "")
        label.set_class(bool(parts), "-on")

    def on_inbox_table_highlighted(self, event: InboxTable.Highlighted) -> None:
        self.query_one(DetailPane).show(self.ws, event.task)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.client_filter = event.option.id or NO_CLIENT
        self.reload()
        self.query_one(InboxTable).focus()

    # -- actions ---------------------------------------------------------------

    @property
    def selected(self):
        return self.query_one(InboxTable).selected

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """The task keys act on the table's task only while the table has focus,
        never while the VA is in the client sidebar (after `c`): there a letter
        may be the start of a client's name, not `x` for done. `/` still searches."""
        if action in TASK_ACTIONS and parameters != ("search",):
            return not isinstance(self.focused, ClientSidebar)
        return True

    def focus_tasks(self) -> None:
        """The table takes the keys again, at once (a palette entry acting on the
        task; `Widget.focus` would wait for the next message)."""
        self.set_focus(self.query_one(InboxTable))

    def action_open_bar(self, mode: str) -> None:
        if mode == "wait" and self.selected is None:
            return
        self.query_one(CommandBar).open(mode, self.search if mode == "search" else "")

    def on_command_bar_changed(self, event: CommandBar.Changed) -> None:
        if event.mode == "search":
            self.search = event.value.strip()
            self.reload()

    async def on_command_bar_submitted(self, event: CommandBar.Submitted) -> None:
        bar = self.query_one(CommandBar)
        try:
            if event.mode == "add":
                await self._add(event.value)
            elif event.mode == "wait" and self.selected is not None:
                task_id = self.selected.id
                task = await patiently(lambda: self.ws.tasks.wait(task_id, event.value))
                until = self._when(task.wait)
                waits = _("Task {task} waits until {when}").format(task=task.id, when=until)
                self.app.notify(waits, markup=False)
                bar.close()
                self.reload()
            else:
                bar.close()
        except VaError as problem:
            bar.error(problem_text(problem))

    async def _add(self, line: str) -> None:
        """Add the quick-add line; a client it names that does not exist yet is
        offered in the client form, which adds the client and the task as one
        change (cancelled: the line stays in the bar, nothing written)."""
        from vaworkspace.errors import UnknownClient

        try:
            added = await patiently(lambda: self.ws.tasks.add(line, source="tui"))
        except UnknownClient as unknown:
            from vaworkspace.tui.clients_screen import ClientForm

            form = ClientForm(None, named=unknown.ref, line=line).load()
            self.app.push_screen(form, lambda saved: self._client_saved(form))
            return
        notice = _("Added task {task}: {title}")
        self.app.notify(notice.format(task=added.task.id, title=added.task.title), markup=False)
        self.query_one(CommandBar).close()
        self.reload(keep=added.task.id)

    def _client_saved(self, form: ClientForm) -> None:
        """Back from the client form: the task is in (the form said so), or the
        form was cancelled and the line waits in the bar."""
        bar = self.query_one(CommandBar)
        if form.added is None:
            bar.query_one("Input").focus()
            return
        bar.close()
        self.reload(keep=form.added.task.id)

    def on_command_bar_closed(self, event: CommandBar.Closed) -> None:
        self.query_one(InboxTable).focus()

    def _preview(self, text: str) -> list[str]:
        from vaworkspace.describe import quick_add_lines
        from vaworkspace.domain.tasks.quickadd import parse_quick_add

        ws = self.ws
        now = ws.now()
        quick = parse_quick_add(text, now, ws.tz)
        lines = quick_add_lines(quick, ws.tz, now)
        if quick.client:  # the client as it will be stored, by its name (the first line)
            lines[0] = self._client_line(quick.client)
        title = _("title: {title}").format(title=quick.title or _("(none yet)"))
        return [title, *lines]

    def _client_line(self, ref: str) -> str:
        """`client: @evelyne (Évelyne Couture)`, or why `@ref` names no client."""
        from vaworkspace.errors import NotFoundError

        try:
            client = self.ws.clients.get(ref)
        except NotFoundError:
            said = _("client: @{client}: no client by that name yet")
            return said.format(client=ref)
        except VaError as problem:  # a prefix of several
            return _("client: @{client}: {problem}").format(client=ref, problem=problem)
        return _("client: @{client} ({name})").format(client=client.id, name=client.name)

    def action_complete(self) -> None:
        task = self.selected
        if task is None:
            return
        [done] = self.ws.tasks.complete([task.id])  # a refusal: the app's `run_action`
        if done.spawned is None:
            notice = _("Completed {task}: {title} — u to undo")
        elif done.spawned.due is None:  # as `va done` says it
            notice = _("Completed {task}: {title}; next: task {next} — u to undo")
        else:
            notice = _("Completed {task}: {title}; next: task {next}, due {due} — u to undo")
        spawned = done.spawned
        self.app.notify(
            notice.format(
                task=task.id,
                title=task.title,
                next=spawned.id if spawned else "",
                due=self._when(spawned.due) if spawned else "",
            ),
            markup=False,
        )
        self.reload()

    def _when(self, value) -> str:
        """A date as the inbox and `va done` say it (`thu 11:00`, `dec 10`)."""
        from vaworkspace.domain.dates import humanize_due

        return humanize_due(value, self.ws.now(), self.ws.tz) if value is not None else "—"

    def action_delete(self) -> None:
        """Delete the selected task for good, once the VA says yes (`u` undoes)."""
        from vaworkspace.tui.confirm import Confirm

        task = self.selected
        if task is None:
            return
        question = _("Delete task {task}: {title}?").format(task=task.id, title=task.title)
        asking = Confirm(question, _("y: delete"))
        self.app.push_screen(asking, lambda yes: self._delete(yes, task.id))

    async def _delete(self, yes: bool | None, task_id: int) -> None:
        """The answer (a callback, outside `run_action`: a refusal is shown here)."""
        if not yes:
            return
        try:
            [task] = await patiently(lambda: self.ws.tasks.remove([task_id]))
        except VaError as problem:
            va_app(self).show_problem(problem)
            return
        notice = _("Deleted task {task}: {title} — u to undo")
        self.app.notify(notice.format(task=task.id, title=task.title), markup=False)
        self.reread()

    def action_priority(self) -> None:
        if self.selected is not None:
            task = self.ws.tasks.cycle_priority(self.selected.id)
            self.reload(keep=task.id)

    def action_edit(self) -> None:
        if self.selected is None:
            return
        from vaworkspace.tui.task_form import TaskForm

        self.app.push_screen(TaskForm(self.selected.id).load(), lambda _: self.reread())

    def action_timer(self) -> None:
        """The timer key (`ws.time.toggle_timer`): start on the task, stop, or switch."""
        task = self.selected
        if task is None:
            return
        action, logged = self.ws.time.toggle_timer(task.id)
        minutes = sum(e.seconds for e in logged.entries) // 60
        message = {
            "start": _("Focus on {task}: {title}"),
            "stop": _("Timer stopped: {minutes} min logged on {title}"),
            "switch": _("Timer switched to {task}: {title}"),
        }[action].format(task=task.id, title=task.title, minutes=minutes)
        if logged.too_short_seconds:  # the stretch just closed left no entry
            from vaworkspace.domain.time.timer_text import unlogged_text

            short = unlogged_text(logged.too_short_seconds, logged.minimum_minutes)
            stopped = _("Timer stopped on {title}").format(title=task.title)
            message = f"{stopped if action == 'stop' else message}; {short}"
        self.app.notify(message, markup=False)
        self.refresh_bar()

    def action_pick_client(self) -> None:
        self.query_one(ClientSidebar).focus()

    def action_clear_filters(self) -> None:
        if self.client_filter != ALL or self.search:
            self.client_filter, self.search = ALL, ""
            self.reload()
        self.query_one(InboxTable).focus()
