"""The programs vaworkspace is measured against, each in throwaway stores of its own.

Taskwarrior 2.6 (`task`), khal and calcurse read the same corpus as `va`: the
Taskwarrior export is imported with `task import`, the calendar file with
`calcurse -i`, and written into a khal calendar folder (a vdir: one `.ics` file
per event, as `khal import` writes it, since `khal import` of 5,000 events takes
minutes). Nothing touches the user's own Taskwarrior, khal or calcurse data: every
store, configuration and cache lives in the benchmark's folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

TASK_RC = "data.location={data}\nconfirmation=off\nverbose=nothing\nrecurrence=off\ngc=on\n"
"""Recurrence off: Taskwarrior would otherwise create pending instances (and
write) on the first commands, which measures its recurrence, not its reading."""
TASK_FLAGS = ("rc.confirmation=off", "rc.verbose=nothing")


def program(name: str) -> str | None:
    """`name` on PATH, or beside this Python (khal comes with the test extras)."""
    found = shutil.which(name)
    if found:
        return found
    beside = os.path.join(os.path.dirname(sys.executable), name)
    return beside if os.access(beside, os.X_OK) else None


# -- Taskwarrior -----------------------------------------------------------------


def taskwarrior(folder: str, export: str) -> dict[str, str] | None:
    """A Taskwarrior database holding `export`; its environment, or None if absent."""
    if program("task") is None:
        return None
    data = os.path.join(folder, "taskdata")
    shutil.rmtree(data, ignore_errors=True)
    os.makedirs(data)
    rc = os.path.join(folder, "taskrc")
    with open(rc, "w") as handle:
        handle.write(TASK_RC.format(data=data))
    env = dict(os.environ, TASKRC=rc, TASKDATA=data)
    subprocess.run(
        ["task", *TASK_FLAGS, "import", export], env=env, check=True, capture_output=True
    )
    return env


def task_argv(*words: str) -> list[str]:
    return ["task", *TASK_FLAGS, *words]


def pending_uuids(env: dict[str, str]) -> list[str]:
    """Uuids of pending tasks (ids shift as Taskwarrior collects garbage; uuids do not)."""
    found = subprocess.run(
        task_argv("status:pending", "_uuids"), env=env, check=True, capture_output=True, text=True
    )
    return found.stdout.split()


# -- calcurse --------------------------------------------------------------------


def calcurse(folder: str, ics: str) -> dict[str, str] | None:
    """calcurse data and config folders holding `ics`; (env with CALCURSE_ARGS) or None."""
    if program("calcurse") is None:
        return None
    data, conf = os.path.join(folder, "calcurse-data"), os.path.join(folder, "calcurse-conf")
    for path in (data, conf):
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(path)
    subprocess.run(
        ["calcurse", "-D", data, "-C", conf, "-q", "-i", ics], check=True, capture_output=True
    )
    return {"data": data, "conf": conf}


def calcurse_argv(where: dict[str, str], *words: str) -> list[str]:
    return ["calcurse", "-D", where["data"], "-C", where["conf"], *words]


# -- khal ------------------------------------------------------------------------

KHAL_CONFIG = """[calendars]
[[bench]]
path = {vdir}
type = calendar
[sqlite]
path = {cache}
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
[default]
default_calendar = bench
"""

_BLOCK = re.compile(r"^BEGIN:(VTIMEZONE|VEVENT)\r?\n.*?^END:\1\r?\n", re.M | re.S)
_UID = re.compile(r"^UID:(.*?)\r?$", re.M)


def write_vdir(ics: str, vdir: str) -> int:
    """One `.ics` per UID, each with every VTIMEZONE of the file; returns the count.

    The same layout `khal import` produces, written directly: the corpus's events
    have unique UIDs and no RECURRENCE-ID, so grouping by UID is all it takes.
    """
    with open(ics, encoding="utf-8", newline="") as handle:
        text = handle.read()
    zones, events = [], {}
    for match in _BLOCK.finditer(text):
        block = match.group(0)
        if match.group(1) == "VTIMEZONE":
            zones.append(block)
        else:
            uid = _UID.search(block)
            events.setdefault(uid.group(1) if uid else str(len(events)), []).append(block)
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//vaworkspace//benchmark//EN\r\n"
    for n, blocks in enumerate(events.values()):
        with open(os.path.join(vdir, f"event-{n:05d}.ics"), "w", newline="") as out:
            out.write(head + "".join(zones) + "".join(blocks) + "END:VCALENDAR\r\n")
    return len(events)


def khal(folder: str, ics: str) -> list[str] | None:
    """A khal configuration over a vdir of `ics`, its cache built; the argv prefix."""
    binary = program("khal")
    if binary is None:
        return None
    root = os.path.join(folder, "khal")
    shutil.rmtree(root, ignore_errors=True)
    vdir = os.path.join(root, "calendar")
    os.makedirs(vdir)
    write_vdir(ics, vdir)
    config = os.path.join(root, "config")
    with open(config, "w") as handle:
        handle.write(KHAL_CONFIG.format(vdir=vdir, cache=os.path.join(root, "cache.db")))
    argv = [binary, "-c", config]
    # The first run fills khal's cache from the vdir: a one-time cost, not timed.
    subprocess.run([*argv, "list", "today", "7d"], check=True, capture_output=True)
    return argv
