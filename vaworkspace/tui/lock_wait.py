"""Waiting for another process's lock without freezing the screen.

The store waits for a busy lock by sleeping, which on the event loop would stop
everything (painting, the clock, the notices) for as long as a cron `va import`
holds the file. So the app's event loop never waits in the store
(`WorkspaceFile.no_wait_thread`): its transactions try the lock once and raise
`WorkspaceBusy`, and the write is tried again here after an `asyncio.sleep`,
until the lock is free or `LOCK_WAIT` has passed (then the refusal goes on to
whoever shows it: the app's notice, a form or a prompt).

Trying again is safe because a refused transaction wrote nothing, and every
write of the TUI is one transaction. The key's handler is what waits, so keys
typed meanwhile run after it, in order, on the screen as the write left it.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, TypeVar

from vaworkspace.errors import WorkspaceBusy

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

T = TypeVar("T")

LOCK_WAIT = 1.0
"""Seconds a key waits for another process's write (the CLI waits 10): then the
app says the file is busy instead of making the VA wait."""
FIRST_RETRY = 0.005
LAST_RETRY = 0.05
"""Seconds between tries: short at first (most writes hold the lock a few ms),
then every 50 ms."""


async def retrying(attempt: Callable[[], Awaitable[T]]) -> T:
    """`await attempt()`, tried again while the file is busy, for up to `LOCK_WAIT`."""
    deadline = time.monotonic() + LOCK_WAIT
    delay = FIRST_RETRY
    while True:
        try:
            return await attempt()
        except WorkspaceBusy:
            left = deadline - time.monotonic()
            if left <= 0:
                raise
        await asyncio.sleep(min(delay, left))
        delay = min(delay * 2, LAST_RETRY)


async def patiently(change: Callable[[], T]) -> T:
    """`change()` (a service call that writes), tried again while the file is busy."""

    async def attempt() -> T:
        return change()

    return await retrying(attempt)
