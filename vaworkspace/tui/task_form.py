"""The task form: every field, validated as you leave it with the CLI's own messages.

Dates accept quick-add phrases (`fri 17:00`, `in 3 days`); the same parsers as
`va edit` read every field (domain.fields), so the form and the CLI agree.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Label, TextArea

from vaworkspace.domain.dates import format_duration, format_local
from vaworkspace.errors import VaError
from vaworkspace.tui.form import FormScreen

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


class TaskForm(FormScreen):
    """Edit one task; fields are checked as the VA leaves them."""

    FIELDS = FIELDS

    def __init__(self, task_id: int) -> None:
        super().__init__()
        self.task_id = task_id

    def title_text(self) -> str:
        return f"Task {self.task_id}"

    def values(self) -> dict[str, str]:
        return _values(self.app.ws.task(self.task_id), self.app.ws.tz)

    def extra(self) -> ComposeResult:
        yield Label("Notes")
        yield TextArea(self.app.ws.task(self.task_id).notes, id="f-notes")

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Check a field as soon as the VA leaves it, with the message the CLI gives."""
        name = (event.input.id or "").removeprefix("f-")
        problem = self._check(name, event.input.value)
        event.input.set_class(problem is not None, "-invalid")
        self.show_problem(problem)

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

    def save(self, texts: dict[str, str]) -> str:
        texts["notes"] = self.query_one("#f-notes", TextArea).text
        task = self.app.ws.update_task(self.task_id, texts)
        return f"Saved task {task.id}: {task.title}"


def _values(task, tz) -> dict[str, str]:
    """The task's fields as the text the form shows (and reads back unchanged)."""
    from vaworkspace.domain.every import parse_every
    from vaworkspace.domain.recurrence import describe_rrule

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
