"""The task form: every field, validated as you leave it with the CLI's own messages.

Dates accept quick-add phrases (`fri 17:00`, `in 3 days`); the same parsers as
`va edit` read every field (domain.fields), so the form and the CLI agree.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from vaworkspace.domain.dates import format_duration, format_local
from vaworkspace.errors import VaError

FIELDS = (  # (field, label, placeholder)
    ("title", "Title", "what needs doing"),
    ("client", "Client", "client id or prefix, empty for none"),
    ("priority", "Priority", "high, medium, low or none"),
    ("due", "Due", "fri 17:00, in 3 days, 2026-12-05, none"),
    ("wait", "Wait until", "hidden until then: mon, in 2 weeks"),
    ("scheduled", "Scheduled", "when you plan to do it"),
    ("estimate", "Estimate", "45m, 1h30m"),
    ("tags", "Tags", "travel email"),
    ("recurrence", "Repeats", "every week, every! 2 weeks, none"),
)


class TaskForm(ModalScreen[bool]):
    """Edit one task; ctrl+s or the Save button writes it, esc cancels."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]
    DEFAULT_CSS = """
    TaskForm { align: center middle; }
    TaskForm > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        background: $panel; border: tall $accent; padding: 0 1;
    }
    TaskForm Grid { grid-size: 2; grid-columns: 12 1fr; grid-rows: 1; height: auto; }
    TaskForm Grid Input { border: none; height: 1; padding: 0; }
    TaskForm Grid Input:focus { border: none; background: $boost; }
    TaskForm Grid Input.-invalid { background: $error 30%; }
    TaskForm TextArea { height: 3; border: none; }
    TaskForm #problem { color: $error; height: auto; }
    TaskForm Horizontal { height: auto; align-horizontal: right; }
    TaskForm Button { margin-left: 2; }
    """

    def __init__(self, task_id: int) -> None:
        super().__init__()
        self.task_id = task_id

    def compose(self) -> ComposeResult:
        ws = self.app.ws
        task = ws.task(self.task_id)
        values = _values(task, ws.tz)
        with Vertical():
            yield Static(f"Task {task.id}", classes="title")
            with Grid():
                for name, label, placeholder in FIELDS:
                    yield Label(label)
                    yield Input(values[name], placeholder=placeholder, id=f"f-{name}")
            yield Label("Notes")
            yield TextArea(task.notes, id="f-notes")
            yield Static("", id="problem")
            with Horizontal():
                yield Button("Save ^s", id="save", variant="primary", compact=True)
                yield Button("Cancel esc", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#f-title", Input).focus()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Check a field as soon as the VA leaves it, with the message the CLI gives."""
        name = (event.input.id or "").removeprefix("f-")
        problem = self._check(name, event.input.value)
        event.input.set_class(problem is not None, "-invalid")
        self.query_one("#problem", Static).update(problem or "")

    def _check(self, name: str, value: str) -> str | None:
        from vaworkspace.domain.fields import parse_fields

        ws = self.app.ws
        try:
            quick = parse_fields({name: value}, ws.task(self.task_id), ws.now(), ws.tz)
            if name == "client" and quick.client:
                ws.client(quick.client)
        except VaError as problem:
            return str(problem)
        return None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        texts = {name: self.query_one(f"#f-{name}", Input).value for name, _, _ in FIELDS}
        texts["notes"] = self.query_one("#f-notes", TextArea).text
        try:
            task = self.app.ws.update_task(self.task_id, texts)
        except VaError as problem:
            self.query_one("#problem", Static).update(str(problem))
            return
        self.app.notify(f"Saved task {task.id}: {task.title}", markup=False)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


def _values(task, tz) -> dict[str, str]:
    """The task's fields as the text the form shows (and reads back unchanged)."""
    from vaworkspace.domain.recurrence import describe_rrule, parse_every

    def when(value) -> str:
        return format_local(value, tz) if value is not None else ""

    recurrence = ""
    if task.recurrence:
        every = "every! " if task.recur_from_completion else "every "
        words = describe_rrule(task.recurrence).split()
        readable = words[0] == "every" and parse_every(words[1:]) == (
            task.recurrence,
            len(words) - 1,
        )
        recurrence = every + " ".join(words[1:]) if readable else every + task.recurrence
    return {
        "title": task.title,
        "client": task.client or "",
        "priority": task.priority or "",
        "due": when(task.due),
        "wait": when(task.wait),
        "scheduled": when(task.scheduled),
        "estimate": format_duration(task.estimate_minutes) if task.estimate_minutes else "",
        "tags": " ".join(task.tags),
        "recurrence": recurrence,
    }
