"""A write that meets another process's lock waits without freezing the screen.

A cron `va import` or a `va add` in a second terminal holds the lock for a
moment; a key pressed meanwhile waits for it (up to the app's `LOCK_WAIT`), but
the event loop goes on: the screen repaints, the clock and notices run, nothing
is blocked in `time.sleep`. Each test holds the lock from another process
(for longer than a second, with the wait made longer to match, so a loaded
machine cannot make it flaky) and measures the longest stall of the event loop
while a key, a bar, a form or a confirmation writes; then checks the write was
made once the lock was free, without a "busy" notice.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from contextlib import asynccontextmanager
from datetime import timedelta

import pytest

from tests.tui.conftest import SIZE, app_for, messages
from tests.tui.test_write_boundary import BUSY, lock_held
from vaworkspace.tui import lock_wait

HOLD_SECONDS = 2.5
"""How long the other process holds the lock (the tests wait up to `PATIENCE`)."""
PATIENCE = 6.0
"""The app's `LOCK_WAIT` in these tests: a loaded machine never runs out of it."""
STALL = 1.0
"""The longest the event loop may stop (painting a frame on a loaded machine took
0.7-0.8 s at load 7); a wait in `time.sleep` would stop it for about HOLD_SECONDS."""
HOLDER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


class Heartbeat:
    """Beats every 10 ms on the app's event loop and keeps the gaps between beats."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._task: asyncio.Task | None = None

    async def _beat(self) -> None:
        while True:
            before = time.monotonic()
            await asyncio.sleep(0.01)
            self.gaps.append(time.monotonic() - before)

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._beat())

    def stop(self) -> float:
        """The longest gap seen, in seconds."""
        assert self._task is not None
        self._task.cancel()
        return max(self.gaps, default=0.0)


@asynccontextmanager
async def held_by_another_process(ws, seconds: float = HOLD_SECONDS):
    """The workspace's lock held by another process for `seconds`; the block runs
    while it holds it, and its exit waits until the holder has let go."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, ws.file.real + ".lock", str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        yield holder
        await asyncio.to_thread(holder.wait, 10)
    finally:
        holder.kill()
        holder.wait()


async def _priority(pilot) -> None:
    await pilot.press("p")


async def _quick_add(pilot) -> None:
    await pilot.press("enter")  # the bar's line, typed before the lock was taken


async def _form_save(pilot) -> None:
    await pilot.press("ctrl+s")


async def _confirm_delete(pilot) -> None:
    await pilot.press("y")


CASES = {
    # name: (keys before the lock is taken, the key pressed while it is held)
    "key p (an action)": ((), _priority),
    "quick add (the bar)": (("a", *"Call the dentist"), _quick_add),
    "task form (ctrl+s)": (("e", "end", *" now"), _form_save),
    "delete (a confirmation)": (("d",), _confirm_delete),
}


def _done(name: str, ws) -> bool:
    tasks = {task.id: task for task in ws.tasks.all()}
    late_invoice = tasks.get(1)
    if name == "quick add (the bar)":
        return any(t.title == "Call the dentist" for t in tasks.values())
    if name == "delete (a confirmation)":
        return late_invoice is None
    assert late_invoice is not None
    if name == "key p (an action)":
        return late_invoice.priority is not None
    return late_invoice.title.endswith(" now")


@pytest.mark.parametrize("name", list(CASES))
async def test_a_write_waits_for_the_lock_while_the_screen_keeps_answering(
    ws, name, monkeypatch
) -> None:
    monkeypatch.setattr(lock_wait, "LOCK_WAIT", PATIENCE)
    before_keys, press = CASES[name]
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("InboxTable").selected.id == 1  # Late invoice
        await pilot.press(*before_keys)
        await pilot.pause()
        assert not _done(name, ws)
        heart = Heartbeat()
        async with held_by_another_process(ws) as holder:
            heart.start()
            pressing = asyncio.get_running_loop().create_task(press(pilot))
            await asyncio.sleep(HOLD_SECONDS / 3)
            assert holder.poll() is None and not _done(name, ws)  # still waiting
        await pressing
        await pilot.pause(0.2)
        stall = heart.stop()
        assert _done(name, ws), f"{name}: not written once the lock was free"
        assert BUSY not in messages(app)
        assert app.is_running
    assert stall < STALL, f"{name}: the screen froze {stall:.2f} s waiting for the lock"


async def test_the_tick_meeting_a_busy_file_says_nothing_and_catches_up_next_time(moving) -> None:
    """The one-second tick catches the timer up (logging a finished focus block):
    a busy file is neither waited for nor reported; the next tick does it."""
    ws, moment = moving
    ws.time.start_timer(task_id=1)
    moment[0] += timedelta(minutes=40)  # the focus block is over: catching up writes
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        with lock_held(ws):
            began = time.monotonic()
            app.check_outside_changes()
            assert time.monotonic() - began < 0.5
            assert ws.time.entries() == []
        assert BUSY not in messages(app)
        app.check_outside_changes()
        assert len(ws.time.entries()) == 1
