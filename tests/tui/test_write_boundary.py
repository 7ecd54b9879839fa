"""Pilot tests: every key that writes, with another process holding the lock.

A VA runs `va import` from cron or a second terminal while the TUI is open; a
key that writes then meets a locked file. It must say so in a notification and
leave the app running, whichever key and screen it was. The keys are not listed
here by hand: every binding of every screen is pressed, and the ones that opened
a transaction are the ones that write.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager

from tests.tui.conftest import SIZE, app_for
from vaworkspace.tui.command_bar import CommandBar

SCREENS = {"1": "InboxScreen", "2": "TriageScreen", "3": "ClientsScreen"}
SCREENS |= {"4": "FocusScreen", "5": "ReportsScreen", "6": "AgendaScreen"}
BUSY = "busy: another va is writing, try again"
"""What the TUI says of a locked file (`tui.problems`): notices, prompts, forms."""


@contextmanager
def lock_held(ws):
    """The workspace's lock, held as another process would hold it (flock on its own
    open file description, so this process's transactions wait for it too)."""
    fd = os.open(ws.file.real + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def count_transactions(ws) -> list[int]:
    """A counter of the transactions the app opens (each one is a write attempt)."""
    opened = [0]
    transaction = ws.file.transaction

    def counting():
        opened[0] += 1
        return transaction()

    ws.file.transaction = counting
    return opened


def record_notifications(app) -> list[str]:
    """Every message the app shows from now on (toasts expire; this list does not)."""
    said: list[str] = []
    notify = app.notify

    def recording(message, **options):
        said.append(str(message))
        notify(message, **options)

    app.notify = recording
    return said


def screen_bindings(app) -> list[tuple[str, str]]:
    """(key, action) of every binding the current screen and its focused widget offer
    (not the app's own: quit, help, the screen keys)."""
    return [
        (key, active.binding.action)
        for key, active in app.active_bindings.items()
        if active.node is not app and active.enabled
    ]


async def back_to(pilot, screen_name: str) -> None:
    """Close whatever the key opened (a form, a prompt, the command bar)."""
    app = pilot.app
    for _ in range(3):
        bars = app.screen.query(CommandBar)
        if type(app.screen).__name__ == screen_name and not (
            bars and bars.first().has_class("-open")
        ):
            return
        await pilot.press("escape")
        await pilot.pause()


async def test_every_key_that_writes_says_the_file_is_locked_and_the_app_stays(ws) -> None:
    for title in ("Call the bank @dental", "Second idea", "Third idea"):
        ws.tasks.add(title)  # tasks left to triage after s and enter skip two
    ws.file.lock_timeout = 0.05
    opened = count_transactions(ws)
    writers: list[str] = []
    app = app_for(ws)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        with lock_held(ws):
            for screen_key, screen_name in SCREENS.items():
                await pilot.press(screen_key)
                await pilot.pause()
                assert type(app.screen).__name__ == screen_name
                for key, action in screen_bindings(app):
                    before, shown = opened[0], len(said)
                    await pilot.press(key)
                    await pilot.pause()
                    assert app.is_running, f"{screen_name}: {key} ({action}) ended the app"
                    if opened[0] > before:
                        writers.append(f"{screen_name}:{key}")
                        new = said[shown:]
                        assert BUSY in new, (screen_name, key, action, new)
                    await back_to(pilot, screen_name)
    # The test has teeth only if it met the keys that write.
    for expected in ("InboxScreen:x", "InboxScreen:p", "InboxScreen:t", "TriageScreen:h"):
        assert expected in writers, writers
    assert "TriageScreen:x" in writers, writers
    assert "ClientsScreen:x" in writers and "FocusScreen:s" in writers, writers


async def test_prompts_and_forms_keep_the_text_and_say_the_file_is_locked(ws) -> None:
    """Writes typed into a prompt or a form: the message shows beside the text, which
    stays, to save again once the other process is done."""
    ws.file.lock_timeout = 0.05
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        with lock_held(ws):
            await pilot.press("a", *"Call the dentist", "enter")
            bar = app.screen.query_one(CommandBar)
            assert bar.has_class("-open") and str(bar.query_one("#preview").render()) == BUSY
            await pilot.press("escape", "e", "end", *" now", "ctrl+s")
            await pilot.pause()
            assert type(app.screen).__name__ == "TaskForm"
            assert str(app.screen.query_one("#problem").render()) == BUSY
            await pilot.press("escape", "3")
            await pilot.pause()
            await pilot.press("a", *"New client", "ctrl+s")
            await pilot.pause()
            assert type(app.screen).__name__ == "ClientForm"
            assert str(app.screen.query_one("#problem").render()) == BUSY
        await pilot.press("ctrl+s")  # the lock is free again: the same form saves
        await pilot.pause()
        assert app.is_running and [c.name for c in ws.clients.all()][-1] == "New client"
