"""One hierarchy for every error a user can cause.

The CLI turns a `VaError` into one line on stderr and exit code 1 (2 for a
`ConfigError`); the TUI into a
notification. Messages say what happened, to which file or task, and what to do.
Pure Python: every layer may import it. Messages are written in the UI's
language (`i18n._`) when the error is raised.
"""

from __future__ import annotations


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
