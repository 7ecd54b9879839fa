"""TUI timings on a workspace file: first screen in a real terminal, then in-app actions.

    python benchmarks/tui.py WORKSPACE.json [--runs 7]

`first screen` starts the installed `va` in a tmux pane at 80×24 and polls the
pane (every 2 ms) until the top bar names the inbox and the list shows its
header and a task row. Measured after one start that let the app remember its
colours (as every start after a user's first), so this is the first frame `va`
paints before importing Textual (`tui/first_frame.py`); `(no colours yet)` is
the same with an empty cache folder (the app's own first paint), and `keys
work` types `/` as soon as the pane exists and waits until the app has opened
its search line: the time until the app answers keys. The same measure of a
program that prints those texts at once (tmux's own start and the polling) is
subtracted, leaving process start to screen. `peak RSS` is the app's maximum
resident memory over a start and a second of idling. The other figures run
the app headless (Textual's test driver, 80×24) and measure the CPU time of
the work a key triggers through to the repaint of the screen (process time,
so the wait for Textual's next frame tick, up to 1/60 s of idling, is not
counted).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

PANE = ["tmux", "-f", "/dev/null"]


def inbox_drawn(screen: str) -> bool:
    """The whole first screen: the top bar names the inbox, the list has its header
    and at least one task row under it."""
    lines = screen.splitlines()
    header = re.search(r"Urg +Client", screen)
    if not lines or "Inbox" not in lines[0] or header is None:
        return False
    return "@" in screen[header.end() :]


def search_open(screen: str) -> bool:
    """`/` was handled: the app (not a painted frame) opened its search line."""
    return "Search: words in titles" in screen


def pane_ms(
    db: str,
    runs: int,
    ready=inbox_drawn,
    keys: str | None = None,
    command: str | None = None,
    cache: str | None = None,
) -> list[float]:
    """Wall ms from asking tmux for a pane running `va` (or `command`, for the
    baseline) until `ready(pane text)`; `keys` are typed as soon as the pane exists
    (a user who knows what to press). Each run is a fresh process; without `cache`
    each has an empty cache folder of its own (a first start: no first frame)."""
    va = shutil.which("va")
    tmux = shutil.which("tmux")
    if not (va and tmux):
        raise SystemExit("needs the installed va and tmux")
    out = []
    for run in range(runs):
        socket = f"va-bench-{os.getpid()}-{run}"
        env = (
            f"env TERM=xterm-256color VAWORKSPACE_DB={db} VAWORKSPACE_CONFIG=/nonexistent"
            f" XDG_CACHE_HOME={cache or tempfile.mkdtemp(prefix='va-cache-')}"
        )
        start = time.perf_counter()
        subprocess.run(
            [
                *PANE,
                "-L",
                socket,
                "new-session",
                "-d",
                "-x",
                "80",
                "-y",
                "24",
                command or f"{env} {va}",
            ],
            check=True,
        )
        if keys:
            subprocess.run([tmux, "-L", socket, "send-keys", "-l", keys], check=True)
        try:
            while True:
                screen = subprocess.run(
                    [tmux, "-L", socket, "capture-pane", "-p"], capture_output=True, text=True
                ).stdout
                if ready(screen):
                    break
                if time.perf_counter() - start > 20:
                    raise SystemExit(f"the pane never got ready:\n{screen}")
                time.sleep(0.002)
            out.append((time.perf_counter() - start) * 1000)
        finally:
            stop(tmux, socket)
    return out


def stop(tmux: str, socket: str) -> None:
    pane = subprocess.run(
        [tmux, "-L", socket, "display-message", "-p", "#{pane_pid}"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    subprocess.run([tmux, "-L", socket, "kill-server"], capture_output=True)
    if pane.isdigit():
        reap(int(pane))


def warm_up(db: str, cache: str) -> None:
    """One start that stays until the app has remembered its colours (what every
    start after a user's first finds), so the measured starts paint early."""
    give_up = time.monotonic() + 8  # a `va` that remembers nothing (older code) is measured too
    pane_ms(db, 1, ready=lambda _: _remembered(cache) or time.monotonic() > give_up, cache=cache)


def _written(path: str) -> bool:
    return os.path.exists(path) and os.path.getsize(path) > 0


def _remembered(cache: str) -> bool:
    return os.path.exists(os.path.join(cache, "vaworkspace", "first-frame.json"))


def peak_rss_mb(db: str, cache: str) -> float:
    """The app's peak resident memory: started under `time -f %M`, quit after a second."""
    timer = shutil.which("time") or "/usr/bin/time"
    folder = tempfile.mkdtemp(prefix="va-rss-")
    report = os.path.join(folder, "rss")
    env = (
        f"env TERM=xterm-256color VAWORKSPACE_DB={db} VAWORKSPACE_CONFIG=/nonexistent"
        f" XDG_CACHE_HOME={cache}"
    )
    tmux = shutil.which("tmux") or "tmux"
    socket = f"va-rss-{os.getpid()}"
    command = f"{env} {timer} -f %M -o {report} {shutil.which('va')}; sleep 30"
    subprocess.run(
        [*PANE, "-L", socket, "new-session", "-d", "-x", "80", "-y", "24", command],
        check=True,
    )
    try:
        deadline, quit_sent = time.monotonic() + 20, False
        while not _written(report) and time.monotonic() < deadline:
            screen = subprocess.run(
                [tmux, "-L", socket, "capture-pane", "-p"], capture_output=True, text=True
            ).stdout
            if inbox_drawn(screen) and not quit_sent:
                time.sleep(1.0)
                subprocess.run([tmux, "-L", socket, "send-keys", "C-q"], check=True)
                quit_sent = True
            time.sleep(0.1)
        with open(report) as handle:
            return int(handle.read().split()[-1]) / 1024
    finally:
        stop(tmux, socket)
        shutil.rmtree(folder, ignore_errors=True)


def reap(pid: int, grace: float = 3.0) -> None:
    """Make sure the pane's program is gone: tmux only sends it a hangup, and a
    program that ignores it would outlive the benchmark."""
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


async def in_app_ms(db: str, runs: int) -> dict[str, list[float]]:
    from vaworkspace.config import Config
    from vaworkspace.service import Workspace
    from vaworkspace.tui.app import VaApp
    from vaworkspace.tui.inbox_table import InboxTable

    ws = Workspace(db, Config())
    app = VaApp(ws, watch=False)
    found: dict[str, list[float]] = {"cursor move": [], "search 10k": [], "complete": []}
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        table = screen.query_one(InboxTable)
        for _ in range(runs):
            start = time.process_time()
            table.action_cursor(1)
            await pilot.pause()  # messages handled and the screen repainted
            found["cursor move"].append((time.process_time() - start) * 1000)
        for word in ("hotel", "invoice", "call", "renew", "zzz", "book", "plan")[:runs]:
            start = time.process_time()
            screen.search = word
            screen.reload()
            await pilot.pause()
            found["search 10k"].append((time.process_time() - start) * 1000)
        screen.search = ""
        screen.reload()
        await pilot.pause()
        for _ in range(runs):
            start = time.process_time()
            screen.action_complete()
            await pilot.pause()
            found["complete"].append((time.process_time() - start) * 1000)
    return found


BASELINE = "printf 'Inbox\\nUrg Client @x\\nSearch: words in titles\\n'; sleep 5"


def tui_results(db: str, runs: int) -> dict[str, float]:
    """Medians in milliseconds; works on a copy so the caller's file is untouched."""
    folder = tempfile.mkdtemp(prefix="va-tui-bench-")
    copy = os.path.join(folder, "workspace.json")
    shutil.copyfile(db, copy)
    cache = os.path.join(folder, "cache")
    cold = statistics.median(pane_ms(copy, runs))
    warm_up(copy, cache)
    raw = statistics.median(pane_ms(copy, runs, cache=cache))
    keys = statistics.median(pane_ms(copy, runs, search_open, "/", cache=cache))
    baseline = statistics.median(pane_ms(copy, runs, command=BASELINE))
    # tmux's own pane start and the polling are not the program's: subtracted.
    results = {
        "first screen": raw - baseline,
        "keys work": keys - baseline,
        "(no colours yet)": cold - baseline,
        "(tmux baseline)": baseline,
    }
    for name, values in asyncio.run(in_app_ms(copy, runs)).items():
        results[name] = statistics.median(values)
    results["peak RSS (MB)"] = peak_rss_mb(copy, cache)
    shutil.rmtree(folder, ignore_errors=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for name, ms in tui_results(args.workspace, args.runs).items():
        unit = "" if name.endswith("(MB)") else " ms"
        print(f"{name:<18}{ms:>8.1f}{unit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
