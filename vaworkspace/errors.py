"""One hierarchy for every error a user can cause.

The CLI turns a `VaError` into one line on stderr and exit code 1 (2 for a
`ConfigError`); the TUI into a
notification. Messages say what happened, to which file or task, and what to do.
Pure Python: every layer may import it. Messages are written in the UI's
language (`i18n._`) when the error is raised.
"""

from __future__ import annotations

from vaworkspace.i18n import N_

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import Any


class VaError(Exception):
    """Base of every error the user can cause or fix."""


class InputError(VaError):
    """Text the user typed cannot be understood (quick add, dates, flags)."""


class ConfigError(InputError):
    """The config file cannot be used: broken TOML, an unknown key or a bad value.

    Raised when the file is loaded, before any command runs or the TUI starts; the
    CLI exits with code 2 (the command cannot run as configured)."""


class NotFoundError(VaError):
    """A task or client named by the user does not exist."""


class UnknownClient(NotFoundError):
    """`@ref` names no client and resembles none: a new client, most likely.

    `ref` is the id as typed; the TUI offers to create it (the CLI's `--new-client`)."""

    def __init__(self, message: str, ref: str) -> None:
        super().__init__(message)
        self.ref = ref


class StoreError(VaError):
    """The workspace file cannot be used as it is; it is left untouched."""


class WorkspaceBusy(StoreError):
    """Another process held the workspace's lock longer than this one waits; nothing
    was written. `holder`: its pid, when it wrote one."""

    def __init__(self, message: str, holder: int | None = None) -> None:
        super().__init__(message)
        self.holder = holder


class ImportFileError(VaError):
    """An import file is malformed; nothing was written."""


class EditConflict(VaError):
    """Another process changed fields of a task that an edit also changed; nothing written.

    `fields` names them (form field names, in form order); `current` is the task as
    stored now (a `Task`), so the form can show theirs beside the VA's own value and
    save again against it.
    """

    def __init__(self, task_id: int, fields: tuple[str, ...], current: object) -> None:
        self.task_id = task_id
        self.fields = fields
        self.current = current
        from vaworkspace.i18n import _

        super().__init__(
            _(
                "task {id} was changed elsewhere while you edited it ({fields}); "
                "nothing was saved: compare the values and save again"
            ).format(id=task_id, fields=", ".join(_(name) for name in fields))
        )


_NOUNS = {
    "tasks": N_("task"),
    "clients": N_("client"),
    "entries": N_("time entry"),
    "events": N_("event"),
}
"""How an undo's refusal names a record of each table it may touch."""


class UndoRefused(InputError):
    """An undo (or a redo) refused whole: records the change wrote were changed since
    (by another change or terminal); nothing was written.

    `change` is the change as kept (`store.undo_records.LastChange`), `moved` the
    `(table, id)` of each record changed since. The store cannot word a change in
    the UI's language (`change_text` does, above the service), so its refusal names
    the change by `label` when it has one (an older file's) or by its action key;
    the CLI and the TUI raise it again with the change in words.
    """

    def __init__(self, change: Any, moved: tuple[tuple[str, int], ...], label: str = "") -> None:
        from vaworkspace.i18n import _, ngettext

        self.change, self.moved = change, moved
        what = ", ".join(_(_NOUNS[table]) + f" {key}" for table, key in moved[:3])
        if change.undone:
            text = ngettext(
                "cannot redo '{change}': {what} changed since (another change or terminal); "
                "nothing was changed",
                "cannot redo '{change}': {what} changed since (another change or terminal); "
                "nothing was changed",
                len(moved),
            )
        else:
            text = ngettext(
                "cannot undo '{change}': {what} changed since (another change or terminal); "
                "nothing was changed",
                "cannot undo '{change}': {what} changed since (another change or terminal); "
                "nothing was changed",
                len(moved),
            )
        said = label or change.label or change.action
        super().__init__(text.format(change=said, what=what))


class PlanOutdated(InputError):
    """A proposed plan of `day` refused: the day's agenda changed since it was made
    (`PlanService.accept_preview`); nothing was written. The service names the day
    by its date; the TUI raises it again with the day in words (`said`)."""

    def __init__(self, day: date, said: str = "") -> None:
        from vaworkspace.i18n import _

        self.day = day
        message = _("the agenda of {day} changed since this plan was made; plan it again")
        super().__init__(message.format(day=said or day.isoformat()))
