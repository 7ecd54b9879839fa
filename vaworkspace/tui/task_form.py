"""The task form: every field, validated as you leave it with the CLI's own messages.

Dates accept quick-add phrases (`fri 17:00`, `in 3 days`); the same parsers as
`va edit` read every field (domain.fields), so the form and the CLI agree.

Another terminal may change the task while the form is open. Saving sends only
the fields the VA changed, against the task as the form opened it (the base):
the service keeps everything else as stored now, and refuses a field changed on
both sides (`EditConflict`). The form then shows theirs beside yours, takes
their values in every field the VA left alone, and lets the VA choose: save
again (ctrl+s) to keep theirs, or take theirs (ctrl+r).
"""

from __future__ import annotations

from datetime import tzinfo

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, TextArea

from vaworkspace.domain.dates import format_local
from vaworkspace.domain.models import Task
from vaworkspace.errors import EditConflict, VaError
from vaworkspace.i18n import N_, _, language
from vaworkspace.locale_format import format_minutes
from vaworkspace.tui.form import FormScreen
from vaworkspace.tui.safe_fields import SafeTextArea
from vaworkspace.tui.typed_app import workspace_of

FIELDS = (  # (field, label, placeholder), translated where the form shows them
    ("title", N_("Title"), N_("what needs doing")),
    ("client", N_("Client"), N_("client id or prefix, empty for none")),
    ("priority", N_("Priority"), N_("high, medium, low or none")),
    ("due", N_("Due"), N_("fri 17:00, in 3 days, 2026-12-05, none")),
    ("wait", N_("Wait until"), N_("hidden until then: mon, in 2 weeks")),
    ("scheduled", N_("Scheduled"), N_("when you plan to do it")),
    ("estimate", N_("Estimate"), N_("45m, 1h30m")),
    ("tags", N_("Tags"), N_("travel email")),
    ("recurrence", N_("Repeats"), N_("every week, every! 2 weeks, none")),
)


class TaskForm(FormScreen):
    """Edit one task; fields are checked as the VA leaves them."""

    FIELDS = FIELDS
    BINDINGS = [Binding("ctrl+r", "take_theirs", N_("Take theirs"), priority=True)]
    DEFAULT_CSS = """
    TaskForm Grid Input.-conflict { background: $warning 40%; }
    """

    def __init__(self, task_id: int) -> None:
        super().__init__()
        self.task_id = task_id
        self.base: Task | None = None  # the Task as the form opened it (or last reloaded it)
        self.theirs: dict[str, str] = {}  # conflicting fields: their text
        self.notice = ""  # the conflict notice, kept while the VA moves between fields

    def title_text(self) -> str:
        return _("Task {task}").format(task=self.task_id)

    def values(self) -> dict[str, str]:
        base = self.base = workspace_of(self).tasks.get(self.task_id)
        return {**_values(base, workspace_of(self).tz), "notes": base.notes}

    def extra(self) -> ComposeResult:
        yield Label(_("Notes"))
        yield SafeTextArea(self.base.notes if self.base else "", id="f-notes")

    def all_texts(self) -> dict[str, str]:
        return {**self.texts(), "notes": self.query_one("#f-notes", TextArea).text}

    def set_text(self, name: str, text: str) -> None:
        if name == "notes":
            self.query_one("#f-notes", TextArea).text = text
        else:
            self.query_one(f"#f-{name}", Input).value = text

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Check a field as soon as the VA leaves it, with the message the CLI gives."""
        name = (event.input.id or "").removeprefix("f-")
        problem = self._check(name, event.input.value)
        event.input.set_class(problem is not None, "-invalid")
        self.show_problem(problem or self.notice)

    def _check(self, name: str, value: str) -> str | None:
        from vaworkspace.domain.tasks.fields import parse_fields

        ws = workspace_of(self)
        try:
            quick = parse_fields({name: value}, ws.tasks.get(self.task_id), ws.now(), ws.tz)
            if name == "client" and quick.client:
                ws.clients.get(quick.client)
        except VaError as problem:
            return str(problem)
        return None

    def save(self, texts: dict[str, str]) -> str:
        changed = self.changed_texts(self.all_texts())
        if not changed:
            return _("Task {task} unchanged").format(task=self.task_id)
        task = workspace_of(self).tasks.update(self.task_id, changed, base=self.base)
        return _("Saved task {task}: {title}").format(task=task.id, title=task.title)

    def show_error(self, problem: VaError) -> None:
        if not isinstance(problem, EditConflict):
            super().show_error(problem)
            return
        self._rebase(problem)

    def _rebase(self, conflict: EditConflict) -> None:
        """Move the form onto the task as stored now: untouched fields show their
        new values; conflicting fields keep yours, marked, with theirs beside."""
        current = conflict.current
        if not isinstance(current, Task):  # errors.py imports nothing, so types it `object`
            raise TypeError(f"an edit conflict carries a Task, not {current!r}")
        theirs = {**_values(current, workspace_of(self).tz), "notes": current.notes}
        yours = self.all_texts()
        for name, text in theirs.items():
            if yours[name] == self.shown.get(name):
                self.set_text(name, text)
        self.theirs = {name: theirs[name] for name in conflict.fields}
        for name in FIELD_NAMES:
            self.query_one(f"#f-{name}", Input).set_class(name in self.theirs, "-conflict")
        self.base, self.shown = current, theirs
        changed = _("Task {task} changed elsewhere while you edited it; nothing saved.")
        lines = [changed.format(task=self.task_id)]
        for name in conflict.fields:
            line = _("{field}: theirs {theirs} · yours {yours}").format(
                field=_(name), theirs=_brief(theirs[name]), yours=_brief(yours[name])
            )
            lines.append("  " + line)
        lines.append(_("ctrl+s saves yours over theirs · ctrl+r takes theirs"))
        self.notice = "\n".join(lines)
        self.show_problem(self.notice)

    def action_take_theirs(self) -> None:
        """Keep the other terminal's value in every conflicting field."""
        if not self.theirs:
            return
        for name, text in self.theirs.items():
            self.set_text(name, text)
        names = ", ".join(_(name) for name in self.theirs)
        self.theirs = {}
        for name in FIELD_NAMES:
            self.query_one(f"#f-{name}", Input).remove_class("-conflict")
        took = _("Took their {fields}; ctrl+s saves your other changes")
        self.notice = took.format(fields=names)
        self.show_problem(self.notice)


FIELD_NAMES = tuple(name for name, _label, _hint in FIELDS)
FIELD_WORDS = (
    *(N_("title"), N_("client"), N_("priority"), N_("due"), N_("wait"), N_("scheduled")),
    *(N_("estimate"), N_("tags"), N_("recurrence"), N_("notes")),
)
"""The fields' names, as the conflict notice says them (translated)."""


def _brief(text: str, width: int = 28) -> str:
    """One short line of a field's text for the conflict notice."""
    lines = text.splitlines()
    if not lines:
        return _("(empty)")
    cut = len(lines[0]) > width or len(lines) > 1
    return lines[0][: width - 1] + "…" if cut else lines[0]


def _values(task: Task, tz: tzinfo) -> dict[str, str]:
    """The task's fields as the text the form shows (and reads back unchanged)."""
    from vaworkspace.repeat_text import repeat_text

    def when(value) -> str:
        return format_local(value, tz) if value is not None else ""

    recurrence = ""
    if task.recurrence:
        recurrence = repeat_text(task.recurrence, task.recur_from_completion)
    return {
        "title": task.title,
        "client": task.client or "",
        "priority": _(task.priority) if task.priority else "",  # `haute` reads back too
        "due": when(task.due),
        "wait": when(task.wait),
        "scheduled": when(task.scheduled),
        "estimate": format_minutes(task.estimate_minutes, language())
        if task.estimate_minutes
        else "",
        "tags": " ".join(task.tags),
        "recurrence": recurrence,
    }
