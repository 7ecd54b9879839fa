"""The app's publishing worker: `[[publish]]` files follow changes, off the event loop.

A change made in the TUI only notes that there is something to publish (the
service's `after_change` hook, which may run in any thread, posts a message);
the app then publishes in a thread worker, so a slow disk or a sync folder on a
network share never delays a keypress. Rounds never overlap: a change made while
one runs asks for one more round when it ends. Problems are shown as one
notification, again only when they differ from the last round's.
"""

from __future__ import annotations

from textual.message import Message

from vaworkspace.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from textual.app import App

    from vaworkspace.service import Workspace

    _App = App[None]  # what the mixin is mixed into, for the type checker
else:
    _App = object


class PublishNeeded(Message):
    """The workspace changed and has `[[publish]]` files (posted from any thread)."""


class Published(Message):
    """A publishing round ended (posted from the worker thread)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__()
        self.problems = problems


class PublishingApp(_App):
    """Mixed into `VaApp` (a Textual `App` with a `ws`)."""

    ws: Workspace

    _publishing = False
    _publish_again = False
    _publish_problems: list[str] = []

    def request_publish(self) -> None:
        """The service's `after_change` hook: thread-safe, returns at once."""
        self.post_message(PublishNeeded())

    def on_publish_needed(self, _message: PublishNeeded) -> None:
        if self._publishing:
            self._publish_again = True
            return
        self._publishing = True
        work = self._publish_in_thread
        self.run_worker(work, name="publish", group="publish", thread=True, exit_on_error=False)

    def _publish_in_thread(self) -> None:
        problems: list[str] = []
        try:
            problems = self.ws.publishing.publish_pending().problems
        except Exception as error:  # a bug must not leave publishing stuck
            problems = [_("publishing failed: {error}").format(error=repr(error))]
        finally:
            self.post_message(Published(problems))

    def on_published(self, message: Published) -> None:
        self._publishing = False
        if message.problems and message.problems != self._publish_problems:
            from vaworkspace.display import safe

            text = "\n".join(safe(problem) for problem in message.problems)
            title = _("Publishing")
            self.notify(text, title=title, severity="warning", markup=False, timeout=10)
        self._publish_problems = message.problems
        if self._publish_again:
            self._publish_again = False
            self.on_publish_needed(PublishNeeded())
