"""`va sync` from the TUI: the palette's Sync, run in a thread worker.

The same service calls as the command line (`ws.subscriptions.sync`,
`ws.dav.sync`), so the same lines reach the VA, here as notices: one when the
sync starts, one per calendar or collection as it finishes (a failure as an
error notice naming the account and address), then the screen rereads the
workspace. The network never blocks the keys; a second Sync while one runs
says so and waits for nothing.
"""

from __future__ import annotations

from vaworkspace.display import safe
from vaworkspace.i18n import N_

TYPE_CHECKING = False
if TYPE_CHECKING:
    from textual.app import App

    from vaworkspace.service import Workspace

    _App = App[None]  # what the mixin is mixed into, for the type checker
else:
    _App = object

SYNC_COMMAND = (
    N_("Sync"),
    N_("Subscribed calendars and CalDAV accounts, both ways"),
    "action_sync",
)
"""The palette's (title, help, action of `SyncAction`)."""


class SyncAction(_App):
    """Mixed into `VaApp` (a Textual `App` with a `ws`)."""

    ws: Workspace
    _syncing = False

    def action_sync(self) -> None:
        if self._syncing:
            self.notify("A sync is already running", markup=False)
            return
        self._syncing = True
        self.notify("Syncing calendars and accounts…", markup=False)
        ws = self.ws

        def say(text: str, error: bool) -> None:
            self.notify(text, severity="error" if error else "information", markup=False)

        def run() -> None:  # in the worker thread
            try:
                results = [(s.name, r) for s, r in ws.subscriptions.sync()]
                if ws.accounts.all():
                    results += [(c.label, r) for c, r in ws.dav.sync()]
                for _, result in results:
                    if isinstance(result, Exception):
                        self.call_from_thread(say, safe(str(result)), True)
                    else:
                        lines = [safe(line) for line in result.lines()]  # type: ignore[attr-defined]
                        self.call_from_thread(say, "\n".join(lines), False)
                if not results:
                    self.call_from_thread(say, "Nothing to sync (README: Sync)", False)
            except Exception as error:  # a config or file problem: said, never a crash
                self.call_from_thread(say, safe(str(error)), True)
            finally:
                self.call_from_thread(self._synced)

        self.run_worker(run, name="sync", group="sync", thread=True)

    def _synced(self) -> None:
        from vaworkspace.tui.screen_base import WorkspaceScreen

        self._syncing = False
        if isinstance(self.screen, WorkspaceScreen):
            self.screen.reread()
