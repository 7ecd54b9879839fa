"""Imported text never drives the terminal: every command that shows stored text
prints it through `display.safe`, and the stored text stays as it came.

The data arrives the way hostile text does: a Taskwarrior export (title, project,
tags, annotations) and an .ics (summary, description, categories, UID), plus a
time entry's note typed on the command line.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from icalendar import Calendar, Event, Todo

from tests.hostile import ATTACK, CLEAR, OSC52, RETITLE, hostile_text, leaks
from vaworkspace.cli import main

NOW = "2026-12-01T19:00:00Z"  # Tuesday 14:00 in Montreal
TW_UUID = "06671ad1-0000-4bdd-8466-39243eb13b90"
DONE_UUID = "06671ad1-0000-4bdd-8466-39243eb13b91"


class Terminal:
    """`va` in-process on one workspace file; keeps everything printed, both streams."""

    def __init__(self, db: str, capsys) -> None:
        self.db, self.capsys, self.printed = db, capsys, []

    def __call__(self, *argv: str, code: int = 0) -> str:
        self.capsys.readouterr()
        result = main(["--db", self.db, *argv])
        out, err = self.capsys.readouterr()
        self.printed.append((argv, out + err))
        assert result == code, (argv, out, err)
        return out


def taskwarrior_export(title: str, project: str, tag: str, note: str) -> str:
    base = {"entry": "20261120T150000Z", "modified": "20261120T150000Z"}
    return json.dumps(
        [
            {
                **base,
                "uuid": TW_UUID,
                "description": title,
                "project": project,
                "status": "pending",
                "due": "20261202T220000Z",
                "tags": [tag, "plain"],
                "annotations": [{"entry": "20261121T150000Z", "description": note}],
            },
            {
                **base,
                "uuid": DONE_UUID,
                "description": f"done {title}",
                "status": "completed",
                "end": "20261125T150000Z",
                "project": project,
            },
        ]
    )


def calendar(summary: str, description: str, category: str, uid: str) -> bytes:
    """An event tomorrow and a to-do, each carrying the text; padded with plain text
    and without NUL, because the reader (rightly) refuses what looks like a binary file."""
    from datetime import datetime, timezone

    summary, description, category, uid = (
        text.replace("\x00", "") for text in (summary, description, category, uid)
    )

    cal = Calendar()
    cal.add("prodid", "-//hostile//EN")
    cal.add("version", "2.0")
    event = Event()
    event.add("uid", f"event-{uid}")
    event.add("summary", summary)
    event.add("description", description + " " + "plain words " * 400)
    event.add("categories", [category])
    event.add("dtstart", datetime(2026, 12, 2, 15, 0, tzinfo=timezone.utc))
    event.add("dtend", datetime(2026, 12, 2, 16, 0, tzinfo=timezone.utc))
    cal.add_component(event)
    todo = Todo()
    todo.add("uid", f"todo-{uid}")
    todo.add("summary", f"todo {summary}")
    todo.add("description", description)
    todo.add("categories", [category])
    todo.add("due", datetime(2026, 12, 3, 15, 0, tzinfo=timezone.utc))
    cal.add_component(todo)
    return cal.to_ical()


def fill(va: Terminal, folder, title: str, project: str, tag: str, note: str) -> None:
    export = os.path.join(folder, "tw.json")
    with open(export, "w", encoding="utf-8") as handle:
        handle.write(taskwarrior_export(title, project, tag, note))
    ics = os.path.join(folder, "cal.ics")
    with open(ics, "wb") as handle:
        handle.write(calendar(title, note, tag, title))
    va("import", export)
    va("import", ics)
    va("import", export)  # again: the summary of an update
    va("import", "--json", ics)


def stored(db: str) -> bytes:
    with open(db, "rb") as handle:
        return handle.read()


def show_everything(va: Terminal) -> list[dict]:
    """Every read-only command that prints stored text; the tasks as --json gives them."""
    tasks = json.loads(va("list", "--all", "--json"))
    va("list")
    va("list", "--all", "--limit", "0")
    va("list", "--json")
    for task in tasks:
        va("show", str(task["id"]))
        va("show", str(task["id"]), "--json")
        va("why", str(task["id"]))
    va("agenda", "--days", "7")
    va("agenda", "--days", "7", "--json")
    va("client", "list", "--all")
    va("client", "list", "--json")
    va("entries")
    va("report", "--tasks")
    va("report", "--json")
    return tasks


def change_and_report(va: Terminal, tasks: list[dict], note: str) -> None:
    """Commands that write, then say what they wrote (titles, names, notes)."""
    imported = str(next(t["id"] for t in tasks if t["uuid"] == TW_UUID))
    todo = str(next(t["id"] for t in tasks if t["source"] != "taskwarrior"))
    client = next(t["client"] for t in tasks if t["client"])
    va("log", "1h", f"@{client}", "--", f"call {note}")
    va("entries")
    va("report", "--tasks")
    va("timer", "start", imported)
    va("timer", "status")
    va("timer", "stop")
    va("edit", imported, "!h")
    name = json.loads(va("client", "list", "--json"))[0]["name"]
    va("client", "add", name, code=1)  # the refusal quotes the stored name
    va("done", todo)
    va("rm", "--yes", imported)


def assert_nothing_leaked(va: Terminal) -> None:
    for argv, printed in va.printed:
        assert leaks(printed) == [], f"va {' '.join(argv)} printed {leaks(printed)}"


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=hostile_text(min_size=1).map(lambda text: f"T{text}x"),
    project=hostile_text().map(lambda text: f"P{text}".replace(".", "")),
    tag=hostile_text().map(lambda text: f"g{text}".replace(",", "")),
    note=hostile_text(),
)
def test_no_command_prints_a_control_character_from_the_data(
    tmp_path_factory, capsys, monkeypatch, title, project, tag, note
) -> None:
    monkeypatch.setenv("VAWORKSPACE_NOW", NOW)
    folder = tmp_path_factory.mktemp("hostile")
    db = str(folder / "workspace.json")
    va = Terminal(db, capsys)
    fill(va, folder, title, project, tag, note)
    before = stored(db)
    tasks = show_everything(va)
    assert stored(db) == before, "showing changed the file"
    imported = next(t for t in tasks if t["uuid"] == TW_UUID)
    assert imported["title"] == title  # --json gives back the stored text exactly
    assert tag in imported["tags"]
    change_and_report(va, tasks, note)
    assert_nothing_leaked(va)


def test_a_title_breaks_no_row_of_the_list(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("VAWORKSPACE_NOW", NOW)
    va = Terminal(str(tmp_path / "workspace.json"), capsys)
    fill(va, tmp_path, f"two\nlines{ATTACK}", "Acme", "t\x1b[2J", "a\r\nb")
    listing = va("list", "--all").splitlines()
    assert len(listing) == 1 + len(json.loads(va("list", "--all", "--json")))
    assert any("two⏎lines" in row and "␛[2J" in row for row in listing)


def test_show_list_and_agenda_print_stand_ins_and_json_keeps_the_bytes(
    tmp_path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("VAWORKSPACE_NOW", NOW)
    va = Terminal(str(tmp_path / "workspace.json"), capsys)
    fill(va, tmp_path, ATTACK, f"Acme{RETITLE}", f"t{OSC52}", f"note{CLEAR}\nline two")
    [task] = [t for t in json.loads(va("list", "--json")) if t["uuid"] == TW_UUID]
    shown = va("show", str(task["id"]))
    assert "Pay invoice␛]52;c;aGFja2Vk␇␛[2J␛]0;pwned␇\ufffd2J\ufffdexe.pdf␡␈␍ done" in shown
    assert "note␛[2J\n" in shown and "line two" in shown  # notes keep their lines
    assert "␛]0;pwned␇" in va("client", "list")
    assert "Pay invoice␛" in va("agenda", "--days", "7")
    raw = va("show", str(task["id"]), "--json")
    assert "\x9b" not in raw and "\u202e" not in raw and "\x7f" not in raw
    assert "\\u009b" in raw and "\\u202e" in raw and "\\u001b" in raw
    assert json.loads(raw)["title"] == ATTACK
    assert_nothing_leaked(va)


def test_export_and_timesheet_to_a_pipe_are_the_data_exactly(tmp_path, capsys, monkeypatch) -> None:
    """`va export` and `va report --csv` are data, not display: to a pipe or a file
    they are the bytes the writer made, control characters and all."""
    monkeypatch.setenv("VAWORKSPACE_NOW", NOW)
    db = str(tmp_path / "workspace.json")
    va = Terminal(db, capsys)
    fill(va, tmp_path, ATTACK, "Acme", "t", "n")
    va("log", "1h", "@acme", "--", f"call {ATTACK}")
    from vaworkspace.cli import fixed_clock
    from vaworkspace.config import load_config
    from vaworkspace.service import Workspace

    ws = Workspace(db, load_config(), clock=fixed_clock())
    printed = va("export")
    assert printed.encode() == ws.calendar.export()
    assert all(ch in printed for ch in "\x1b\x07\x9b\u202e\x7f")  # not made safe
    timesheet = va("report", "--csv", "--client", "acme")
    assert f"call {ATTACK}" in timesheet
