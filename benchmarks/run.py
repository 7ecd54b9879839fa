"""Time the installed `va`, in place, beside Taskwarrior, khal and calcurse.

    python benchmarks/run.py [--runs 7] [--keep DIR] [--today YYYY-MM-DD]
                             [--only corpus|realistic] [--no-tui] [--time-tracking]

Every command runs in a fresh process, as a user types it (`measure.py`: wall
time, and the peak memory of that process alone). Each `va` command is paired
with its anchor in the same run, alternated, median of `--runs`:

    va list                 task next                  target ≤ 0.5×
    va list --all --json    task list                  target ≤ 0.4×
    va add                  task add                   target ≤ 0.8×
    va done                 task done                  target ≤ 0.7×
    va import (10k export)  task import                target ≤ 0.3×
    va add, one [[publish]] va add without             target ≤ 1.2×
    va agenda --days 7      khal list today 7d         target ≤ 0.25×
                            calcurse -Q --days 7       target ≤ 3×

plus the peak RSS of every `va` command (target ≤ 60 MB) and the TUI's first
screen in a real terminal (`tui.py`, target ≤ 300 ms). All of it on two
workspaces: the corpus of `make_corpus.py` (10,000 tasks over 50 clients and
5,000 events) and a realistic one (300 open tasks, 10,000 closed, 20,000 time
entries; `workspaces.py`). `--time-tracking` adds `timing.py`'s figures. Timing
lives here, apart from the tests: tests assert behaviour, this measures it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone

import anchors
import workspaces
from measure import Command, Samples, launcher_floor_mb, paired

PEAK_MB = 60.0
TUI_FIRST_SCREEN_MS = 300.0
ADD_TEXT = "Book hotel @{client} !h due:fri ~45m #travel"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", help="work in this folder and keep it")
    parser.add_argument("--today", help="the corpus's today (default: the current UTC date)")
    parser.add_argument("--only", choices=["corpus", "realistic"])
    parser.add_argument("--no-tui", action="store_true", help="skip the TUI figures")
    parser.add_argument("--time-tracking", action="store_true", help="add timing.py's figures")
    args = parser.parse_args()
    va = shutil.which("va")
    if va is None:
        raise SystemExit("install the project first: pip install '.[test]'")
    folder = args.keep or tempfile.mkdtemp(prefix="va-bench-")
    os.makedirs(folder, exist_ok=True)
    try:
        return measure_all(args, va, folder)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def base_env(folder: str) -> dict[str, str]:
    """The caller's environment, minus what would distort a user's `va`."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed va runs from cached bytecode
    env.pop("VAWORKSPACE_NOW", None)
    env["VAWORKSPACE_CONFIG"] = os.path.join(folder, "no-config.toml")
    return env


def measure_all(args, va: str, folder: str) -> int:
    compile_bytecode()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, "
        f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}"
    )
    print(
        f"median of {args.runs} runs, each command in a fresh process, va paired with its "
        f"anchor; peak MB per process (launcher floor {launcher_floor_mb():.1f} MB)"
    )
    corpus = workspaces.corpus(folder, args.today)
    ics = os.path.join(corpus, "events.ics")
    calendars = {"khal": anchors.khal(folder, ics), "calcurse": anchors.calcurse(folder, ics)}
    for name in ("corpus", "realistic"):
        if args.only and args.only != name:
            continue
        where = os.path.join(folder, name)
        os.makedirs(where, exist_ok=True)
        env = dict(base_env(folder), VAWORKSPACE_DB=os.path.join(where, "workspace.json"))
        if name == "corpus":
            export = os.path.join(corpus, "tasks.tw.json")
            workspaces.va_import(va, env, export, ics)
            title = "corpus: 10,000 tasks / 50 clients (make_corpus.py), 5,000 events"
        else:
            export = os.path.join(where, "tasks.tw.json")
            now = datetime.now(timezone.utc).replace(microsecond=0)
            rng = random.Random(7)
            workspaces.realistic_export(export, now, rng)
            workspaces.va_import(va, env, export, ics)
            workspaces.add_entries(env["VAWORKSPACE_DB"], workspaces.ENTRIES, now, rng)
            title = "realistic: 300 open tasks, 10,000 closed, 20,000 time entries, 5,000 events"
        size = os.path.getsize(env["VAWORKSPACE_DB"]) / 1e6
        print(f"\n{title} ({size:.1f} MB file)")
        rows = task_figures(va, env, where, export, args.runs)
        rows += calendar_figures(va, env, calendars, args.runs)
        print_rows(rows)
        if not args.no_tui:
            print_tui(env["VAWORKSPACE_DB"], args.runs)
    if args.time_tracking:
        from timing import print_results, time_results

        print(f"\nTime tracking on 10,000 generated entries, median of {args.runs}")
        print_results(time_results(folder, args.runs, 10_000))
    return 0


def va_json(va: str, env: dict[str, str], *argv: str):
    done = subprocess.run([va, *argv, "--json"], env=env, check=True, capture_output=True)
    return json.loads(done.stdout)


def task_figures(va: str, env: dict, where: str, export: str, runs: int) -> list[tuple]:
    """(label, va samples, anchor label, anchor samples, target ratio) rows."""
    client = va_json(va, env, "client", "list")[0]["id"]
    open_ids = [task["id"] for task in va_json(va, env, "list")][::-1]
    add = [va, "add", ADD_TEXT.format(client=client)]
    fresh = os.path.join(where, "fresh")
    fresh_env = dict(env, VAWORKSPACE_DB=os.path.join(fresh, "workspace.json"))
    publish_env = dict(env, VAWORKSPACE_CONFIG=os.path.join(where, "publish.toml"))
    with open(publish_env["VAWORKSPACE_CONFIG"], "w") as handle:
        handle.write(f'[[publish]]\nclient = "{client}"\npath = "{where}/published.ics"\n')

    def empty(path: str):
        def reset(_run: int) -> None:
            shutil.rmtree(path, ignore_errors=True)
            os.makedirs(path)

        return reset

    va_cmds = {
        "list": Command("va list", [va, "list"], env),
        "list --all --json": Command("va list --all --json", [va, "list", "--all", "--json"], env),
        "add": Command("va add", add, env),
        "done": Command("va done", [], env, argv_for=lambda run: [va, "done", str(open_ids[run])]),
        "import 10k": Command("va import", [va, "import", export], fresh_env, empty(fresh)),
    }
    tw_env = anchors.taskwarrior(where, export)
    tw_cmds: dict[str, Command] = {}
    if tw_env is not None:
        uuids = anchors.pending_uuids(tw_env)[::-1]
        tw_fresh = os.path.join(where, "taskdata-fresh")
        project = f"project:{client}"
        tw_cmds = {
            "list": Command("task next", anchors.task_argv("next"), tw_env),
            "list --all --json": Command("task list", anchors.task_argv("list"), tw_env),
            "add": Command(
                "task add",
                anchors.task_argv("add", "Book hotel", project, "priority:H", "due:fri", "+travel"),
                tw_env,
            ),
            "done": Command(
                "task done", [], tw_env, argv_for=lambda run: anchors.task_argv(uuids[run], "done")
            ),
            "import 10k": Command(
                "task import",
                anchors.task_argv(f"rc.data.location={tw_fresh}", "import", export),
                tw_env,
                empty(tw_fresh),
            ),
        }
    targets = {"list": 0.5, "list --all --json": 0.4, "add": 0.8, "done": 0.7, "import 10k": 0.3}
    rows = []
    for key, command in va_cmds.items():
        anchor = tw_cmds.get(key)
        found = paired([command, anchor] if anchor else [command], runs)
        rows.append((found[0], found[1] if anchor else None, targets[key]))
    plain = Command("va add (no publish)", add, env)
    published = Command("va add, 1 [[publish]]", add, publish_env)
    with_feed, without = paired([published, plain], runs)
    rows.append((with_feed, without, 1.2))
    return rows


def calendar_figures(va: str, env: dict, calendars: dict, runs: int) -> list[tuple]:
    agenda = Command("va agenda --days 7", [va, "agenda", "--days", "7"], env)
    others = []
    if calendars["khal"]:
        argv = [*calendars["khal"], "list", "today", "7d"]
        others.append((Command("khal list today 7d", argv, env), 0.25))
    if calendars["calcurse"]:
        argv = anchors.calcurse_argv(calendars["calcurse"], "-Q", "--days", "7")
        others.append((Command("calcurse -Q --days 7", argv, env), 3.0))
    found = paired([agenda, *(command for command, _ in others)], runs)
    if not others:
        return [(found[0], None, None)]
    return [
        (found[0], samples, ratio) for samples, (_, ratio) in zip(found[1:], others, strict=True)
    ]


def print_rows(rows: list[tuple[Samples, Samples | None, float | None]]) -> None:
    print(
        f"{'va command':<24}{'ms':>8}{'peak MB':>9}   {'anchor':<22}{'ms':>8}"
        f"{'ratio':>7}{'target':>8}  verdict  (CPU ms: va / anchor = ratio)"
    )
    for mine, anchor, target in rows:
        peak = f"{mine.peak_mb:>9.1f}"
        if mine.peak_mb > PEAK_MB:
            peak += "!"
        if anchor is None:
            print(f"{mine.label:<24}{mine.median_ms:>8.1f}{peak}   (no anchor installed)")
            continue
        ratio = mine.median_ms / anchor.median_ms
        verdict = "met" if target is None or ratio <= target else "MISSED"
        cpu = mine.median_cpu_ms / anchor.median_cpu_ms if anchor.median_cpu_ms else float("nan")
        print(
            f"{mine.label:<24}{mine.median_ms:>8.1f}{peak}   {anchor.label:<22}"
            f"{anchor.median_ms:>8.1f}{ratio:>7.2f}{f'≤{target}×':>8}  {verdict:<7}"
            f"  ({mine.median_cpu_ms:.0f} / {anchor.median_cpu_ms:.0f} = {cpu:.2f})"
        )
    worst = max(mine.peak_mb for mine, _, _ in rows)
    verdict = "met" if worst <= PEAK_MB else "MISSED"
    print(f"peak RSS of any va command: {worst:.1f} MB (target ≤ {PEAK_MB:.0f} MB: {verdict})")


def print_tui(db: str, runs: int) -> None:
    from tui import tui_results

    print(f"TUI, median of {runs} (first screen: wall, in tmux at 80×24; keys: CPU)")
    for name, ms in tui_results(db, runs).items():
        target = ""
        if name == "first screen":
            verdict = "met" if ms <= TUI_FIRST_SCREEN_MS else "MISSED"
            target = f"   target ≤ {TUI_FIRST_SCREEN_MS:.0f} ms: {verdict}"
        print(f"  {name:<20}{ms:>8.1f}{target}")


def compile_bytecode() -> None:
    """Fill the bytecode cache once, as an installed package has it, so the first
    timed run does not pay for compiling."""
    import vaworkspace

    package = os.path.dirname(vaworkspace.__file__)
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True)


if __name__ == "__main__":
    sys.exit(main())
