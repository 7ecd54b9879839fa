"""A busy TUI whose terminal hangs up is gone within 2 s and leaves the file whole.

The terminal is a pty this test owns, so it can behave like a busy or vanishing
one, which tmux cannot: the app gets a burst of keys and mouse moves on a
10,000-task workspace while the test stops reading its output (a terminal that
lags), then the session hangs up the way they do in the field:
- SIGHUP first, the pty closing a moment later (tmux kill-pane, sshd);
- the pty closing alone (the kernel's own SIGHUP + SIGCONT to the session leader);
- SIGHUP while the stalled pty stays open (a frozen terminal).
Each way is repeated: the hang it catches happened about one time in three.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import struct
import termios
import time
from pathlib import Path

import pytest
from terminal import base_environment, make_workspace

pytestmark = pytest.mark.slow

TASKS = 10_000
LIMIT = 2.0  # seconds from the hang-up to the process gone
# (how the session ends, seconds between SIGHUP and the pty closing)
WAYS = [("hup-then-close", 0.1 * (1 + i % 5)) for i in range(6)]
WAYS += [("close", 0.0)] * 3 + [("hup-frozen", 0.0)] * 3


def taskwarrior_export(path, count: int) -> None:
    """`count` pending Taskwarrior tasks over 50 projects (clients), due dates spread."""
    tasks = [
        {
            "uuid": f"00000000-0000-4000-8000-{n:012d}",
            "description": f"Reply to email from client {n % 50} #{n}",
            "project": f"client{n % 50}",
            "status": "pending",
            "entry": "20260301T120000Z",
            "due": f"202604{1 + n % 28:02d}T120000Z",
            "tags": ["email"] if n % 3 else ["travel"],
        }
        for n in range(count)
    ]
    path.write_text(json.dumps(tasks))


@pytest.fixture(scope="module")
def big_workspace(tmp_path_factory):
    """A 10k-task workspace file and the environment `va` needs to open it."""
    folder = tmp_path_factory.mktemp("hangup")
    workspace = make_workspace(folder)
    export = folder / "tasks.tw.json"
    taskwarrior_export(export, TASKS)
    workspace.run("import", str(export))
    assert len(workspace.tasks()) == TASKS
    return workspace


def read_until(fd: int, text: bytes, timeout: float) -> None:
    seen = b""
    deadline = time.monotonic() + timeout
    while text not in seen:
        assert time.monotonic() < deadline, f"{text!r} never drawn; last output {seen[-300:]!r}"
        if select.select([fd], [], [], 0.1)[0]:
            seen = seen[-4096:] + os.read(fd, 65536)


def drain(fd: int) -> None:
    while select.select([fd], [], [], 0.05)[0]:
        os.read(fd, 65536)


def burst(count: int = 400) -> bytes:
    """Cursor keys and all-motion mouse reports, as a hand on a busy terminal sends."""
    keys = []
    for i in range(count):
        keys.append("jjkJ"[i % 4])
        keys.append(f"\x1b[<35;{5 + i % 60};{3 + i % 18}M")
    return "".join(keys).encode()


def start_tui(workspace) -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:  # the child: a session leader on the pty, like a pane or an SSH session
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.execve(workspace.va, [workspace.va], {**base_environment(), **workspace.env})
        finally:
            os._exit(127)
    return pid, fd


def gone_within(pid: int, seconds: float) -> tuple[bool, int | None]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return True, status
        time.sleep(0.01)
    return False, None


def hang_up(way: str, pause: float, pid: int, fd: int) -> float:
    """End the session one way; the moment of the hang-up (monotonic)."""
    began = time.monotonic()
    if way == "hup-then-close":
        os.kill(pid, signal.SIGHUP)
        time.sleep(pause)
        os.close(fd)
    elif way == "close":
        os.close(fd)
    else:  # hup-frozen: the pty stays open and unread until the process is gone
        os.kill(pid, signal.SIGHUP)
    return began


@pytest.mark.parametrize(("way", "pause"), WAYS, ids=[f"{w}-{i}" for i, (w, _) in enumerate(WAYS)])
def test_a_busy_tui_is_gone_within_2s_of_a_hangup(big_workspace, way, pause) -> None:
    before = big_workspace.path.read_bytes()
    pid, fd = start_tui(big_workspace)
    closed = gone = False
    try:
        read_until(fd, b"Inbox", timeout=60)
        time.sleep(0.3)
        drain(fd)
        os.write(fd, burst())  # keys in flight; from now on nobody reads the screen
        time.sleep(1.0)
        began = hang_up(way, pause, pid, fd)
        closed = way != "hup-frozen"
        gone, status = gone_within(pid, began + LIMIT - time.monotonic())
        took = time.monotonic() - began
        assert gone, f"{way}: still running {took:.1f} s after the hang-up"
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 128 + signal.SIGHUP, (
            f"{way}: ended with status {status:#x}, not exit 129"
        )
    finally:
        if not gone:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        if not closed:
            os.close(fd)
    # Nothing half-done: the file is the one we started with, byte for byte.
    assert big_workspace.path.read_bytes() == before


def remember_first_frame(workspace) -> None:
    """Run the app once until it remembers its colours, so the next start paints
    its first frame before Textual is imported."""
    remembered = Path(workspace.env["XDG_CACHE_HOME"]) / "vaworkspace" / "first-frame.json"
    if remembered.exists():
        return
    pid, fd = start_tui(workspace)
    try:
        read_until(fd, b"Inbox", timeout=60)
        deadline = time.monotonic() + 20
        while not remembered.exists():
            assert time.monotonic() < deadline, "the app never remembered its first frame"
            drain(fd)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


@pytest.mark.parametrize("attempt", range(3))
def test_a_hangup_while_the_app_starts_also_exits_129(big_workspace, attempt) -> None:
    """SIGHUP as soon as the first frame shows, while Textual is still importing
    (the app's own handler is not in yet): the same clean status, the file as it
    was. Before `launch._hang_up_early`, the default action killed the process."""
    remember_first_frame(big_workspace)
    before = big_workspace.path.read_bytes()
    pid, fd = start_tui(big_workspace)
    gone = False
    try:
        read_until(fd, b"Inbox", timeout=60)
        os.kill(pid, signal.SIGHUP)
        gone, status = gone_within(pid, LIMIT)
        assert gone, "still running 2 s after the hang-up"
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 128 + signal.SIGHUP, (
            f"ended with status {status:#x}, not exit 129"
        )
    finally:
        if not gone:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    assert big_workspace.path.read_bytes() == before
