"""One hierarchy for every error a user can cause.

The CLI turns a `VaError` into one line on stderr and exit code 1; the TUI into a
notification. Messages say what happened, to which file or task, and what to do.
Pure Python: every layer may import it.
"""

from __future__ import annotations


class VaError(Exception):
    """Base of every error the user can cause or fix."""


class InputError(VaError):
    """Text the user typed cannot be understood (quick add, dates, flags)."""


class NotFoundError(VaError):
    """A task or client named by the user does not exist."""


class StoreError(VaError):
    """The workspace file cannot be used as it is; it is left untouched."""


class ImportFileError(VaError):
    """An import file is malformed; nothing was written."""
