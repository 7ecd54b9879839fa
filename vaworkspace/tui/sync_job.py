"""R: `va sync` from any screen, in a thread worker.

A slow or unreachable calendar server can take the sync's whole deadline per
calendar, so the sync runs in a thread: a progress screen names the calendar
or account being synced (esc hides it, the sync goes on) and the screen
beneath keeps answering keys. The end is said as the CLI says it: per calendar
or collection, what changed (its summary's `lines()`), and one that failed as
an error notice naming it, while the others still sync. A refusal of the whole
sync (a damaged file) is shown by the app's error boundary (`VaApp.show_problem`).

What is synced is `sync_all`'s to say, as `va sync` without options: the
subscribed calendars (`ws.subscriptions.sync`), then each CalDAV account's
mapped collections (`ws.dav.sync`), conflicts reported and left for
`va sync --theirs/--mine`. Another kind of source joins there, as one more list
of (name, summary or refusal) rows; the key, the progress and the notices stay.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static

from vaworkspace.display import safe
from vaworkspace.errors import VaError
from vaworkspace.i18n import N_, _, ngettext
from vaworkspace.tui.file_forms import cut_notice

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App

    from vaworkspace.service import Workspace

    _App = App[None]  # what the mixin is mixed into, for the type checker
else:
    _App = object

SYNC_COMMAND = (
    N_("Sync"),
    N_("Subscribed calendars and CalDAV accounts, as va sync (R)"),
)
"""The palette's (title, help); its entry runs the app's `sync` action, as R does,
through the error boundary (`VaApp.run_action`)."""
NOTHING_TO_SYNC = N_(
    "Nothing to sync. Subscribe: va calendar add NAME FILE|https://…, or map a "
    "CalDAV collection: va account map ACCOUNT NAME --client ID"
)


def sources(ws: Workspace) -> list[str]:
    """The names of what a sync will fetch, in order (for the progress bar): each
    subscribed calendar, then each account with a mapped collection."""
    return [s.name for s in ws.subscriptions.all()] + _accounts(ws)


def _accounts(ws: Workspace) -> list[str]:
    if not ws.accounts.all():  # no accounts file: nothing more is read
        return []
    mapped = {collection.account for collection in ws.accounts.collections() if collection.mapped}
    return [account.name for account in ws.accounts.all() if account.name in mapped]


def sync_all(ws: Workspace, starting: Callable[[str], None]) -> list[tuple[str, object]]:
    """(name, summary with `lines()` or its `VaError`) per calendar and collection,
    as `va sync` reports them; in the worker thread."""
    done = ws.subscriptions.sync(lambda subscription: starting(subscription.name))
    rows: list[tuple[str, object]] = [(s.name, result) for s, result in done]
    for account in _accounts(ws):
        starting(account)
        rows += [(c.label, result) for c, result in ws.dav.sync(None, account)]
    return rows


class SyncScreen(ModalScreen[None]):
    """The sync's progress: a bar over the sources and the one being fetched."""

    BINDINGS = [Binding("escape", "dismiss", N_("Hide"), tooltip=N_("Hide: the sync goes on"))]
    DEFAULT_CSS = """
    SyncScreen { align: center middle; }
    SyncScreen > Vertical { width: 64; max-width: 100%; height: auto;
        background: $panel; border: tall $accent; padding: 0 1; }
    SyncScreen #step { height: 1; color: $text-muted; }
    """

    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names
        self.started = 0

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title(), markup=False)
            yield ProgressBar(total=len(self.names), show_eta=False)
            yield Static("", id="step", markup=False)
            yield Static(_("esc: hide (the sync goes on, its result comes as a notice)"))

    def _title(self) -> str:
        count = len(self.names)
        text = ngettext(
            "Syncing {count} source (va sync)", "Syncing {count} sources (va sync)", count
        )
        return text.format(count=count)

    def starting(self, name: str) -> None:
        """The next source is being synced (called on the event loop)."""
        self.started += 1
        if self.is_attached:
            self.query_one(ProgressBar).update(progress=self.started - 1)
            self.query_one("#step", Static).update(_("Syncing {name}…").format(name=safe(name)))


class SyncActions(_App):
    """Mixed into `VaApp` (a Textual `App` with a `ws`): the R key and its palette entry."""

    ws: Workspace
    show_problem: Callable[[VaError], None]  # the app's error boundary (`VaApp`)

    def action_sync(self) -> None:
        if any(worker.name == "sync" and not worker.is_finished for worker in self.workers):
            self.notify(_("Still syncing: the result will come as a notice"), markup=False)
            return
        names = sources(self.ws)  # a damaged file: refused here, by `run_action`
        if not names:
            self.notify(_(NOTHING_TO_SYNC), markup=False)
            return
        progress = SyncScreen(names)
        self.push_screen(progress)

        def run() -> None:  # in the worker thread
            def starting(name: str) -> None:
                self.call_from_thread(progress.starting, name)

            try:
                rows: list[tuple[str, object]] | VaError = sync_all(self.ws, starting)
            except VaError as refusal:
                rows = refusal
            except Exception as error:  # a bug: said, and the app runs on
                rows = VaError(_("sync failed: {error}").format(error=repr(error)))
            self.call_from_thread(self._synced, progress, rows)

        self.run_worker(run, name="sync", group="sync", thread=True)

    def _synced(self, progress: SyncScreen, rows: list[tuple[str, object]] | VaError) -> None:
        from vaworkspace.plan_text import summary_lines

        """Back on the event loop: the progress closes, the notices say the rest."""
        from vaworkspace.tui.screen_base import WorkspaceScreen

        if progress.is_attached:
            progress.dismiss()
        if isinstance(rows, VaError):
            self.show_problem(rows)
            return
        lines: list[str] = []
        for _name, result in rows:
            if isinstance(result, Exception):
                self.notify(str(result), severity="error", markup=False, timeout=10)
            else:
                lines += summary_lines(result)
        if lines:
            self.notify(cut_notice(lines, "va sync"), markup=False, timeout=8)
        if isinstance(self.screen, WorkspaceScreen):
            self.screen.reread()
