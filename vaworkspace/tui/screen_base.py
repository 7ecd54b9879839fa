"""The base of every screen over the workspace: `ws`, `reload()` and `reread()`.

A screen paints from the service in `reload()`. The service may refuse to read
(the file was damaged or moved away by another program while the TUI is open):
`reread()` turns that refusal into the app's notice and leaves the screen as it
was, read-only in effect, since every change is refused too. Keys need nothing
of the kind: `VaApp.run_action` is their boundary.
"""

from __future__ import annotations

from textual.screen import Screen

from vaworkspace.errors import VaError
from vaworkspace.tui.typed_app import va_app, workspace_of
from vaworkspace.tui.words import TranslatedBindings

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.service import Workspace


class WorkspaceScreen(TranslatedBindings, Screen):
    """A screen that shows the workspace and reloads when it changes."""

    @property
    def ws(self) -> Workspace:
        return workspace_of(self)

    def reload(self) -> None:
        """Paint everything from the service again."""
        raise NotImplementedError

    def reread(self) -> None:
        """`reload()`, with a refusal shown as the app's notice instead of ending the app."""
        try:
            self.reload()
        except VaError as problem:
            va_app(self).show_problem(problem)

    def on_screen_resume(self) -> None:
        """Shown (at start, or back from another screen): paint afresh."""
        self.reread()
