"""Real terminals for end-to-end tests: a private tmux server per pane (the real
sshd is next door, in ssh_server.py).

Textual's own pilot drives the app in-process, without a terminal; these helpers
run the installed `va` the way a user does, behind a pty, so key decoding, the
screen size, the terminal restore at exit and signals (SIGHUP from a dropped SSH
session) are the real ones. tmux is the terminal emulator: `capture-pane` turns
the screen into text and `send-keys` types. Every pane gets its own tmux server
(`-L` unique socket) so tests never see each other's sessions, nor the user's.

Nothing here skips: a missing program fails the test and names the `.ci/run`
step that installs it, because a skipped end-to-end test looks green in CI.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shlex
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

POLL_SECONDS = 0.05
TERM = "xterm-256color"
# Chosen once so `due:tomorrow` and urgency mean the same on every run and every machine.
FROZEN_NOW = "2026-03-02T14:00:00Z"
TIMEZONE = "America/Montreal"


def require_program(name: str, package: str, path: str | None = None) -> str:
    """The absolute path of `name`, or a failed test saying how CI gets it (never a skip)."""
    found = path if path and os.access(path, os.X_OK) else shutil.which(name)
    if not found:
        pytest.fail(
            f"`{name}` is not installed: .ci/run installs it (apt-get install -y {package}); "
            f"to run the end-to-end tests locally: sudo apt-get install -y {package}",
            pytrace=False,
        )
    return found


def va_program() -> str:
    """The installed `va` script: the tests drive what users run, not the source tree."""
    found = shutil.which("va")
    if not found:
        pytest.fail("the `va` script is not installed; pip install -e '.[test]'", pytrace=False)
    return os.path.abspath(found)


def base_environment() -> dict[str, str]:
    """The few variables every program here needs; nothing else leaks from the caller.

    A developer's own `NO_COLOR`, `TMUX` or `VAWORKSPACE_*` would otherwise change
    what the app draws or which file it opens.
    """
    user = pwd.getpwuid(os.getuid())
    return {
        "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
        "HOME": user.pw_dir,
        "USER": user.pw_name,
        "LOGNAME": user.pw_name,
        "SHELL": "/bin/sh",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TERM": TERM,
    }


def env_command(argv: Sequence[str], env: Mapping[str, str], *, clear: bool = False) -> str:
    """`exec env [-i] K=V … argv` as one shell string.

    The variables travel inside the command because neither a tmux pane nor an
    SSH session reliably inherits the caller's environment; `exec` keeps the
    program's pid equal to the pane's (or the session's), so signals reach it.
    """
    assignments = [f"{key}={value}" for key, value in env.items()]
    return shlex.join(["exec", "env", *(["-i"] if clear else []), *assignments, *argv])


def wait_until(
    condition: Callable[[], object], timeout: float, describe: Callable[[], str]
) -> object:
    """Poll `condition` every 50 ms until truthy; after `timeout`, AssertionError(describe())."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout:g} s: {describe()}")
        time.sleep(POLL_SECONDS)


# --------------------------------------------------------------------------- tmux


SERVER_OPTIONS = (
    ("remain-on-exit", "on"),  # keep a dead pane: its exit status and last terminal modes
    ("status", "off"),  # no status line: the program gets every row
    ("escape-time", "0"),
)


class TmuxPane:
    """One program in one pane of a private tmux server, at a fixed size.

    The server keeps dead panes (`remain-on-exit`) so a test can read the exit
    status and the terminal modes the program left behind.
    """

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str] | None = None,
        *,
        width: int = 80,
        height: int = 24,
        cwd: str | os.PathLike[str] | None = None,
        options: Sequence[tuple[str, str]] = (),
    ) -> None:
        """`options`: more global tmux options, set before the program starts (a test
        that must see an OSC 52 clipboard write turns `set-clipboard` on)."""
        self.tmux_path = require_program("tmux", "tmux")
        self.socket = f"va-e2e-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        self.width, self.height = width, height
        self.env = {**base_environment(), **(env or {})}
        self.command = env_command(argv, self.env, clear=True)
        self.target = "va:0.0"
        self._started_pid: int | None = None
        self.server_pid: int | None = None
        self.socket_path: str | None = None
        setup: list[str] = []
        for name, value in (*SERVER_OPTIONS, *options):
            setup += ["set-option", "-g", name, value, ";"]
        # One client invocation: the options hold before the program can exit.
        self.tmux(
            "start-server",
            ";",
            *setup,
            "new-session",
            "-d",
            *("-x", str(width), "-y", str(height), "-s", "va"),
            *(["-c", str(cwd)] if cwd else []),
            self.command,
        )
        try:
            self._started_pid = self.pane_pid()
            server = self.info("pid", "socket_path")
            assert server is not None, f"tmux server gone right after start: {self.describe()}"
            self.server_pid = int(server["pid"])
            self.socket_path = server["socket_path"]
            if self.size() != (width, height):
                self.tmux("resize-window", "-t", "va", "-x", str(width), "-y", str(height))
            assert self.size() == (width, height), f"pane is {self.size()}, not {width}x{height}"
        except BaseException:
            self.kill()  # the fixture never saw this pane: clean up here
            raise

    # -- plumbing

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run a tmux command against this pane's private server."""
        result = subprocess.run(
            [self.tmux_path, "-u", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=base_environment(),
            timeout=10,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {shlex.join(args)} failed: {result.stderr.strip()}")
        return result

    def info(self, *names: str) -> dict[str, str] | None:
        """tmux format variables of the pane (`pane_dead`, `alternate_on`…); None once the
        server is gone."""
        fmt = "\t".join(f"#{{{name}}}" for name in names)
        result = self.tmux("display-message", "-p", "-t", self.target, fmt, check=False)
        if result.returncode != 0:
            return None
        return dict(zip(names, result.stdout.rstrip("\n").split("\t"), strict=True))

    # -- what the tests use

    def send_keys(self, *keys: str, literal: bool = False) -> None:
        """Key names (`Enter`, `C-q`, `Escape`) or, with `literal=True`, text typed as is."""
        self.tmux("send-keys", "-t", self.target, *(["-l"] if literal else []), *keys)

    def type(self, text: str) -> None:
        """Type `text` character by character, no key-name interpretation."""
        self.send_keys(text, literal=True)

    def screen(self) -> str:
        """The visible screen as text, wrapped lines joined."""
        return self.tmux("capture-pane", "-p", "-J", "-t", self.target).stdout

    def rows(self) -> list[str]:
        """Exactly `height` screen rows, one string per terminal row (nothing joined)."""
        lines = self.tmux("capture-pane", "-p", "-t", self.target).stdout.split("\n")
        lines = lines[: self.height]
        return lines + [""] * (self.height - len(lines))

    def size(self) -> tuple[int, int]:
        values = self.info("pane_width", "pane_height")
        assert values is not None, "tmux server is gone"
        return int(values["pane_width"]), int(values["pane_height"])

    def pane_pid(self) -> int:
        """The pane's process: the program itself, since the command `exec`s it."""
        values = self.info("pane_pid")
        assert values is not None, "tmux server is gone"
        return int(values["pane_pid"])

    def is_dead(self) -> bool:
        """The program exited (the pane stays, dead) or the whole server is gone."""
        values = self.info("pane_dead")
        return values is None or values["pane_dead"] == "1"

    def exit_status(self) -> int | None:
        """The exit status of a dead pane; None while alive, after a signal, or without server."""
        values = self.info("pane_dead", "pane_dead_status")
        if values is None or values["pane_dead"] != "1" or values["pane_dead_status"] == "":
            return None
        return int(values["pane_dead_status"])

    def _exit_known(self) -> bool:
        """Dead and reaped: tmux sees the pty close before the child's exit status.

        Debian's tmux runs its utempter helper when the pty closes and sets SIGCHLD
        to SIG_DFL meanwhile; a child exiting in that window stays an unreaped
        zombie with no status. A SIGCHLD to our own server makes it reap.
        """
        values = self.info("pane_dead", "pane_dead_status", "pane_dead_signal")
        if values is None:
            return True
        if values["pane_dead"] != "1":
            return False
        if values["pane_dead_status"] or values["pane_dead_signal"]:
            return True
        if self.server_pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.server_pid, signal.SIGCHLD)
        return False

    def describe(self) -> str:
        """The pane's state and last screen, for failure messages."""
        values = self.info("pane_dead", "pane_dead_status", "pane_dead_signal", "pane_pid")
        state = (
            "tmux server gone"
            if values is None
            else " ".join(f"{k}={v}" for k, v in values.items())
        )
        try:
            text = self.screen() if values is not None else "(no screen)"
        except AssertionError as error:
            text = f"(no screen: {error})"
        frame = "-" * self.width
        return f"{state}\nlast screen:\n{frame}\n{text.rstrip()}\n{frame}"

    def wait_for(self, expected: str | Callable[[str], object], timeout: float = 10.0) -> str:
        """Poll the screen every 50 ms until it contains `expected` (or the predicate holds).

        Returns that screen. AssertionError with the last screen after `timeout`,
        or at once when the program has exited: a dead pane's screen is final.
        """
        if isinstance(expected, str):
            wanted = f"{expected!r} on screen"

            def check(text: str) -> object:
                return expected in text

        else:
            wanted = (expected.__doc__ or "").strip() or "the expected screen"
            check = expected
        deadline = time.monotonic() + timeout
        while True:
            dead = self.is_dead()
            text = self.screen() if self.info("pane_pid") is not None else ""
            if check(text):
                return text
            if dead or time.monotonic() >= deadline:
                why = "the program exited" if dead else f"timed out after {timeout:g} s"
                raise AssertionError(f"{why} waiting for {wanted}\n{self.describe()}")
            time.sleep(POLL_SECONDS)

    def wait_exit(self, timeout: float = 10.0) -> int | None:
        """Wait for the program to exit; its exit status if tmux knows it (None after a signal)."""
        wait_until(
            self._exit_known, timeout, lambda: f"the pane's program still runs\n{self.describe()}"
        )
        return self.exit_status()

    def kill(self) -> None:
        """Stop the server (SIGHUP to the pane's program); idempotent.

        A program that ignores the hangup would outlive the server, so whatever
        still runs under the pid we started gets SIGKILL.
        """
        self.tmux("kill-server", check=False)
        if self.socket_path:  # tmux leaves its socket file behind
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.socket_path)
        pid = self._started_pid
        if pid is not None and pid_alive(pid):  # still running, not just an unreaped zombie
            try:
                wait_until(lambda: not pid_alive(pid), 3.0, lambda: f"pid {pid} survived")
            except AssertionError:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)


def pid_alive(pid: int) -> bool:
    """A running (not zombie) process with this pid."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            state = stat.read().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in ("Z", "X")


def processes_with_argument(program: str, argument: str) -> list[int]:
    """Pids running `program` (argv[0] or the script after the interpreter) with `argument`.

    Like `pgrep -f`, but on whole argv elements: the tmux server and the ssh
    client also carry the path inside their one long command-string argument,
    and they are not the app.
    """
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as raw:
                argv = raw.read().decode(errors="replace").split("\0")
        except OSError:
            continue
        if program in argv[:2] and argument in argv and pid_alive(int(entry)):
            found.append(int(entry))
    return found


# --------------------------------------------------------------------------- workspace


@dataclass
class VaWorkspace:
    """One test's workspace file plus the environment every `va` must run with."""

    path: Path
    env: dict[str, str]
    va: str = field(default_factory=va_program)

    def run(self, *argv: str) -> str:
        """Run the installed CLI on this workspace; its stdout (the test fails on exit != 0)."""
        result = subprocess.run(
            [self.va, *argv],
            capture_output=True,
            text=True,
            env={**base_environment(), **self.env},
            timeout=30,
        )
        assert result.returncode == 0, f"va {shlex.join(argv)}: {result.stderr}"
        return result.stdout

    def tasks(self, *, include_done: bool = True) -> list[dict]:
        """The tasks as `va list [--all] --json` reports them (so the file parses)."""
        return json.loads(self.run("list", *(["--all"] if include_done else []), "--json"))

    def task(self, title: str) -> dict:
        """The one task with this title."""
        matches = [task for task in self.tasks() if task["title"] == title]
        assert len(matches) == 1, f"{len(matches)} tasks titled {title!r}: {self.tasks()}"
        return matches[0]

    def raw(self) -> object:
        """The workspace file parsed as plain JSON: a torn write would fail here."""
        return json.loads(self.path.read_text(encoding="utf-8"))


def make_workspace(directory: Path) -> VaWorkspace:
    """A fresh workspace under `directory`, clock and zone frozen."""
    data = directory / "data"
    env = {
        "VAWORKSPACE_DB": str(data / "workspace.json"),
        "VAWORKSPACE_CONFIG": str(directory / "config" / "config.toml"),
        "XDG_DATA_HOME": str(directory / "xdg-data"),
        "XDG_CONFIG_HOME": str(directory / "xdg-config"),
        "XDG_CACHE_HOME": str(directory / "xdg-cache"),
        "TZ": TIMEZONE,
        "VAWORKSPACE_NOW": FROZEN_NOW,
    }
    return VaWorkspace(path=data / "workspace.json", env=env)


# --------------------------------------------------------------------------- the TUI contract

SEEDED = ("Book hotel", "Renew the domain")


def seed(workspace: VaWorkspace) -> list[str]:
    """One client and two open tasks, via the CLI; their titles, most urgent first.

    The order comes from `va list --json` (the CLI's ranking), which the inbox
    must share, so the tests do not hard-code the urgency formula.
    """
    workspace.run("client", "add", "Evelyne", "--id", "evelyne")
    workspace.run("add", "Book hotel @evelyne due:tomorrow")
    workspace.run("add", "Renew the domain @evelyne")
    return [task["title"] for task in workspace.tasks(include_done=False)]


def inbox_showing(*titles: str) -> Callable[[str], bool]:
    """A `wait_for` predicate: the inbox header and these task titles are on screen."""

    def showing(screen: str) -> bool:
        return "Inbox" in screen and all(title in screen for title in titles)

    showing.__doc__ = f"the inbox showing {', '.join(map(repr, titles))}"
    return showing


def row_of(rows: Sequence[str], text: str) -> int:
    """The index of the first screen row containing `text` (AssertionError if none)."""
    for index, row in enumerate(rows):
        if text in row:
            return index
    raise AssertionError(f"{text!r} on no row:\n" + "\n".join(rows))
