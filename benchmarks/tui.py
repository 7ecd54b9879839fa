"""TUI timings on a workspace file: first screen in a real terminal, then in-app actions.

    python benchmarks/tui.py WORKSPACE.json [--runs 7]

`first screen` starts the installed `va` in a tmux pane at 80×24 and polls the
pane until the inbox header and a task row are drawn (every 2 ms); the same
measure of a program that prints that text at once (tmux's own start and the
polling, ~11 ms here) is subtracted, leaving process start to first screen.
The other figures run the app headless (Textual's test driver, 80×24) and
measure the CPU time of the work a key triggers through to the repaint of the
screen (process time, so the wait for Textual's next frame tick, up to 1/60 s
of idling, is not counted).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time


def first_screen_ms(db: str, runs: int, command: str | None = None) -> list[float]:
    """Wall ms from asking tmux for a pane to the inbox on it; `command` replaces va
    (the baseline: a program that prints the same text at once)."""
    va = shutil.which("va")
    tmux = shutil.which("tmux")
    if not (va and tmux):
        raise SystemExit("needs the installed va and tmux")
    out = []
    for run in range(runs):
        socket = f"va-bench-{os.getpid()}-{run}"
        env = f"env TERM=xterm-256color VAWORKSPACE_DB={db} VAWORKSPACE_CONFIG=/nonexistent"
        start = time.perf_counter()
        subprocess.run(
            [
                tmux,
                "-L",
                socket,
                "-f",
                "/dev/null",
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
        try:
            while True:
                screen = subprocess.run(
                    [tmux, "-L", socket, "capture-pane", "-p"], capture_output=True, text=True
                ).stdout
                if "Urg Client" in screen and "@" in screen.split("Urg Client", 1)[1]:
                    break
                if time.perf_counter() - start > 20:
                    raise SystemExit(f"the inbox never showed:\n{screen}")
                time.sleep(0.002)
            out.append((time.perf_counter() - start) * 1000)
        finally:
            pane = subprocess.run(
                [tmux, "-L", socket, "display-message", "-p", "#{pane_pid}"],
                capture_output=True,
                text=True,
            ).stdout.strip()
            subprocess.run([tmux, "-L", socket, "kill-server"], capture_output=True)
            if pane.isdigit():
                reap(int(pane))
    return out


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


BASELINE = "printf 'Urg Client @x\\n'; sleep 5"


def tui_results(db: str, runs: int) -> dict[str, float]:
    """Medians in milliseconds; works on a copy so the caller's file is untouched."""
    folder = tempfile.mkdtemp(prefix="va-tui-bench-")
    copy = os.path.join(folder, "workspace.json")
    shutil.copyfile(db, copy)
    raw = statistics.median(first_screen_ms(copy, runs))
    baseline = statistics.median(first_screen_ms(copy, runs, BASELINE))
    # tmux's own pane start and the polling are not the program's: subtracted.
    results = {"first screen": raw - baseline, "(tmux baseline)": baseline}
    for name, values in asyncio.run(in_app_ms(copy, runs)).items():
        results[name] = statistics.median(values)
    shutil.rmtree(folder, ignore_errors=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for name, ms in tui_results(args.workspace, args.runs).items():
        print(f"{name:<16}{ms:>8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
