"""Triage: new and incomplete tasks offered one at a time, sorted with single keys.

A task needs triage while it sits in the inbox or lacks a client or an
estimate (service.triage_queue). Each key changes one field through the
service; once a task is complete it leaves the queue and the next one shows.
`o` marks the VA's own work (`#mine`: no client on purpose). "Inbox zero" is
said only when the queue is empty, skipped tasks included.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from vaworkspace.display import safe
from vaworkspace.domain.tasks.triage import OWN_WORK_TAG, triage_missing
from vaworkspace.errors import VaError
from vaworkspace.i18n import N_, _, ngettext
from vaworkspace.tui.command_bar import CommandBar
from vaworkspace.tui.key_footer import KeyFooter
from vaworkspace.tui.lock_wait import patiently
from vaworkspace.tui.problems import problem_text
from vaworkspace.tui.screen_base import WorkspaceScreen
from vaworkspace.tui.widgets import TopBar

FIELD_OF_MODE = {"client": "client", "due": "due", "estimate": "estimate"}
PRIORITY_KEYS = Binding.Group(N_("Prio"))
"""`h m l Prio` in the footer: one label for the three, so the keys fit 80 columns."""


class TriageScreen(WorkspaceScreen):
    """One task card; c d e set client, due, estimate; o own work; h m l n the
    priority; s skips."""

    HELP_TITLE = N_("Triage")
    # French at 80 columns: triage sorts new tasks; completing one is the inbox's x.
    TRANSLATED_FOOTER_OMITS = ("complete",)
    BINDINGS = [
        Binding("c", "ask('client')", N_("Client")),
        Binding("o", "own_work", N_("Mine"), tooltip=f"Your own work, no client (#{OWN_WORK_TAG})"),
        Binding("h", "priority('high')", N_("High"), group=PRIORITY_KEYS),
        Binding("m", "priority('medium')", N_("Med"), group=PRIORITY_KEYS),
        Binding("l", "priority('low')", N_("Low"), group=PRIORITY_KEYS),
        Binding("n", "priority('none')", N_("No prio"), show=False),
        Binding("d", "ask('due')", N_("Due")),
        Binding("e", "ask('estimate')", N_("Est"), tooltip=N_("Estimate: how long it will take")),
        Binding("s", "skip", N_("Skip")),
        Binding("enter", "skip", N_("Next"), show=False),
        Binding("x", "complete", N_("Done")),
    ]
    DEFAULT_CSS = """
    TriageScreen #card { margin: 1 2; padding: 0 2; border: round $accent; height: auto; }
    TriageScreen #progress { margin: 0 2; color: $text-muted; height: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.skipped: set[int] = set()
        self.current: int | None = None

    def compose(self) -> ComposeResult:
        yield TopBar()
        with Vertical():
            yield Static("", id="progress")
            yield Static("", id="card")
        yield CommandBar(lambda text: [], id="bar")
        yield KeyFooter(compact=True)

    def on_screen_resume(self) -> None:
        self.skipped.clear()
        super().on_screen_resume()

    def queue(self) -> list:
        return [t for t in self.ws.inbox.triage_queue() if t.id not in self.skipped]

    def reload(self) -> None:
        """The current task stays on the card until `s`/enter, even once sorted,
        so its due date can still be set after its client and estimate."""
        ids = [t.id for t in self.queue()]
        if self.current is not None and not self._still_open(self.current):
            self.current = None
        if self.current is None:
            self.current = ids[0] if ids else None
        self.query_one(TopBar).show(self.ws, "Triage")
        progress = self.query_one("#progress", Static)
        card = self.query_one("#card", Static)
        if self.current is None:
            progress.update("")
            card.update(self._empty_text())
            return
        if self.current in ids:
            where = _("Task {number} of {count} to triage")
            progress.update(where.format(number=ids.index(self.current) + 1, count=len(ids)))
        else:
            progress.update(_("Sorted ✓  enter: next ({count} left)").format(count=len(ids)))
        card.update(self._card(self.ws.tasks.get(self.current)))

    def _empty_text(self) -> str:
        """Inbox zero only when true: tasks skipped in this pass still need sorting."""
        left = len(self.ws.inbox.triage_queue())
        if not left:
            return _("Inbox zero: every open task has a client (or is yours) and an estimate.")
        return ngettext(
            "1 skipped task still needs sorting: they come back next time"
            " (o: your own work, no client).",
            "{count} skipped tasks still need sorting: they come back next time"
            " (o: your own work, no client).",
            left,
        ).format(count=left)

    def _still_open(self, task_id: int) -> bool:
        try:
            return self.ws.tasks.get(task_id).is_open
        except VaError:
            return False

    def refresh_bar(self) -> None:
        self.query_one(TopBar).show(self.ws, "Triage")

    def _card(self, task) -> Text:
        from vaworkspace.describe import task_lines

        text = Text()
        text.append(f"{safe(task.title)}\n\n", style="bold")
        lines = dict(task_lines(self.ws, task, brief=True))
        for label in ("client", "priority", "due", "estimate", "tags"):
            value = lines.get(label)
            text.append(_(label).ljust(10), style="dim")
            text.append(f"{value}\n" if value else "—\n", style="" if value else "italic dim")
        missing = triage_missing(task)
        if missing:
            fields = ", ".join(_(field) for field in missing)
            text.append("\n" + _("still missing: {fields}").format(fields=fields), style="bold")
        return text

    def action_ask(self, mode: str) -> None:
        if self.current is not None:
            self.query_one(CommandBar).open(mode)

    async def on_command_bar_submitted(self, event: CommandBar.Submitted) -> None:
        bar = self.query_one(CommandBar)
        task_id = self.current
        if task_id is None:  # the task left the queue while the bar was open
            return
        fields = {FIELD_OF_MODE[event.mode]: event.value}
        try:
            await patiently(lambda: self.ws.tasks.update(task_id, fields))
        except VaError as problem:
            bar.error(problem_text(problem))
            return
        bar.close()
        self.reload()

    def action_priority(self, level: str) -> None:
        if self.current is not None:
            self.ws.tasks.update(self.current, {"priority": level})
            self.reload()

    def action_own_work(self) -> None:
        """Tag the task as the VA's own work: no client is missing any more."""
        if self.current is not None:
            self.ws.tasks.edit(self.current, f"#{OWN_WORK_TAG}")
            self.reload()

    def action_skip(self) -> None:
        if self.current is not None:
            self.skipped.add(self.current)
            self.current = None
            self.reload()

    def action_complete(self) -> None:
        if self.current is not None:
            [done] = self.ws.tasks.complete([self.current])
            said = _("Completed {task}: {title}").format(task=done.task.id, title=done.task.title)
            self.app.notify(said, markup=False)
            self.current = None
            self.reload()
