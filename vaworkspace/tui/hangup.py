"""A terminal that goes away (SSH drop, closed window, `tmux kill-pane`) ends the app fast.

Textual's Linux driver installs no SIGHUP handler and assumes its terminal stays.
After a hang-up its writer thread dies on EIO (or blocks on a terminal that no
longer reads), its bounded output queue fills, and the shutdown's own writes
(mouse-support disable, leaving the alternate screen) then block forever; the
SIGCONT the kernel sends with a hang-up restarts "application mode" (a new input
thread the interpreter then waits for) in the middle of that shutdown.

On a hang-up — SIGHUP, or EIO/EPIPE on a write to the terminal — `Hangup`:
- points fds 0, 1 and 2 away from the dead terminal (stdin at a pipe that never
  delivers, stdout/stderr at /dev/null), so no later read or write can block or
  fail: Textual's restore, a traceback, Python's final flush;
- makes the driver drop all further output and never join its writer thread;
- puts SIGCONT back to its default, so application mode is not restarted;
- asks the app to exit (status 129), and starts a watchdog that ends the process
  with `os._exit` after `GRACE` seconds whatever the app is doing.

Nothing is saved on the way out, and nothing needs to be: every change went
through the service when it was made, and a transaction is atomic (it completes,
or the file stays as it was). A half-typed form is dropped, never half-saved.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import threading

from textual.drivers.linux_driver import LinuxDriver

TYPE_CHECKING = False
if TYPE_CHECKING:
    import asyncio

GRACE = 1.0
"""Seconds the normal exit gets before the watchdog ends the process."""
HANGUP_STATUS = 128 + signal.SIGHUP
TERMINAL_GONE = (errno.EIO, errno.EPIPE, errno.ENXIO, errno.EBADF)


class Hangup:
    """The app's reaction to losing its terminal; one per app, `happened` once."""

    def __init__(self, app, grace: float = GRACE) -> None:
        self.app = app
        self.grace = grace
        self.happened = False
        self.driver: HangupDriver | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._keep_stdin_open: int | None = None

    def install(self) -> None:
        """Catch SIGHUP (main thread, with the app's loop running).

        A plain `signal.signal` handler, not the loop's: it runs even while the
        main thread is blocked on a full output queue, where a loop callback
        never would."""
        import asyncio

        self._loop = asyncio.get_running_loop()
        signal.signal(signal.SIGHUP, self._on_signal)

    def _on_signal(self, signum, frame) -> None:
        self.hang_up()

    def hang_up(self) -> None:
        """The terminal is gone: stop using it, exit, and make sure of it."""
        if self.happened:
            return
        self.happened = True
        self._detach_from_terminal()
        if self.driver is not None:
            self.driver.hung_up = True
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGCONT, signal.SIG_DFL)
        self.start_watchdog(self.grace, HANGUP_STATUS)
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._exit)

    def start_watchdog(self, seconds: float, status: int) -> None:
        """End the process with `status` after `seconds`, even if the app is stuck."""

        def watch() -> None:
            threading.Event().wait(seconds)
            os._exit(status)

        threading.Thread(target=watch, name="va-exit-watchdog", daemon=True).start()

    def _exit(self) -> None:
        self.app.exit(None, HANGUP_STATUS)

    def _detach_from_terminal(self) -> None:
        read_end, write_end = os.pipe()
        self._keep_stdin_open = write_end  # an open writer: reads wait, never see EOF
        null = os.open(os.devnull, os.O_WRONLY)
        for source, target in ((read_end, 0), (null, 1), (null, 2)):
            with contextlib.suppress(OSError):
                os.dup2(source, target)
        os.close(read_end)
        os.close(null)


class HangupDriver(LinuxDriver):
    """Textual's Linux driver, made safe for a terminal that disappears.

    Its writer thread writes through `_TerminalFile`, which turns EIO/EPIPE into a
    hang-up instead of dying; once hung up, output is dropped before it reaches
    the (bounded, blocking) queue, and `close()` never waits for a writer that
    may be stuck in a write to the dead terminal (it is a daemon thread)."""

    def __init__(self, app, **options) -> None:
        super().__init__(app, **options)
        self.hung_up = False
        self.hangup: Hangup | None = getattr(app, "hangup", None)
        if self.hangup is not None:
            self.hangup.driver = self
        # The file Textual's writer thread writes every frame to.
        # Textual types `_file` as the text file it opened; this wraps that file.
        self._file = _TerminalFile(self._file, self._terminal_gone)  # type: ignore[assignment]

    def _terminal_gone(self) -> None:
        if self.hangup is not None:
            self.hangup.hang_up()
        else:
            self.hung_up = True

    def start_application_mode(self) -> None:
        super().start_application_mode()
        painted = getattr(self._app, "painted", None)  # `tui.first_frame`, if one was
        if painted is not None and (before := painted.hand_over()) is not None:
            self.attrs_before = before  # Textual saved the frame's quiet modes: not those
        if self.hangup is not None and not self.hangup.happened:
            self.hangup.install()

    def write(self, data: str) -> None:
        if not self.hung_up:
            super().write(data)

    def close(self) -> None:
        if not self.hung_up:
            super().close()


class _TerminalFile:
    """The terminal's text file, for Textual's writer thread: a write that finds
    the terminal gone reports a hang-up and is dropped, instead of raising in
    (and so killing) the thread that drains the output queue."""

    def __init__(self, file, gone) -> None:
        self._file = file
        self._gone = gone
        self._dead = False

    def write(self, text: str) -> int:
        if not self._dead:
            try:
                return self._file.write(text)
            except OSError as problem:
                self._lost(problem)
        return len(text)

    def flush(self) -> None:
        if not self._dead:
            try:
                self._file.flush()
            except OSError as problem:
                self._lost(problem)

    def _lost(self, problem: OSError) -> None:
        if problem.errno not in TERMINAL_GONE:
            raise problem
        self._dead = True
        self._gone()

    def __getattr__(self, name: str):
        return getattr(self._file, name)
