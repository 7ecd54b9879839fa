"""Files in and out from the TUI: I imports, E exports a calendar, S writes a
client's timesheet; the work runs in a thread worker and ends as a notice.

A missing or unreadable file, a bad date or an unknown client is the CLI's
message under the fields, the text still there, the workspace file untouched."""

from __future__ import annotations

import json
import os
from pathlib import Path

from textual.widgets import Input

from tests.tui.conftest import SIZE, app_for, held_imports, messages, show

ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//EN\r
BEGIN:VEVENT\r
UID:dentist-1@test\r
DTSTAMP:20261130T120000Z\r
DTSTART:20261202T150000Z\r
DTEND:20261202T160000Z\r
SUMMARY:Board meeting\r
END:VEVENT\r
END:VCALENDAR\r
"""

FIXTURES = Path(__file__).parent.parent / "fixtures" / "taskwarrior"


def stored(ws) -> dict:
    with open(ws.path) as handle:
        return json.load(handle)


async def _open(pilot, key: str, form: str, **texts: str):
    await pilot.press(key)
    await pilot.pause()
    screen = pilot.app.screen
    assert type(screen).__name__ == form
    for name, value in texts.items():
        screen.query_one(f"#f-{name}", Input).value = value
    return screen


async def _run(pilot, screen) -> None:
    """Save, and wait for the worker and its notice."""
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _problem(screen) -> str:
    return str(screen.query_one("#problem").render())


async def test_i_imports_an_ics_file_in_a_worker(ws, tmp_path) -> None:
    path = tmp_path / "board.ics"
    path.write_text(ICS, newline="")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await _open(pilot, "I", "ImportForm", path=str(path), client="dental")
        await _run(pilot, form)
        assert type(pilot.app.screen).__name__ == "InboxScreen"
        assert any(m.startswith(f"Imported {path}") for m in messages(pilot.app))
    events = list(stored(ws)["events"].values())
    assert [e["summary"] for e in events] == ["Board meeting"]
    assert events[0]["client"] == "dental"


async def test_i_imports_a_taskwarrior_export(ws) -> None:
    export = FIXTURES / "export-2.6.2.json"
    before = len(stored(ws)["tasks"])
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await _open(pilot, "I", "ImportForm", path=str(export))
        await _run(pilot, form)
        assert any("created" in m for m in messages(pilot.app))
    assert len(stored(ws)["tasks"]) > before


async def test_a_missing_file_is_said_under_the_path_and_nothing_changes(ws, tmp_path) -> None:
    before = Path(ws.path).read_bytes()
    missing = tmp_path / "nowhere.ics"
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await _open(pilot, "I", "ImportForm", path=str(missing))
        await _run(pilot, form)
        assert pilot.app.screen is form  # still open, the path still typed
        assert form.query_one("#f-path", Input).value == str(missing)
        problem = _problem(form)
        assert f"cannot read {missing}" in problem and "nothing imported" in problem
        form.query_one("#f-path", Input).value = " "
        await _run(pilot, form)
        assert "type the path" in _problem(form)
    assert Path(ws.path).read_bytes() == before


async def test_a_file_that_is_neither_format_is_refused(ws, tmp_path) -> None:
    before = Path(ws.path).read_bytes()
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list: milk, eggs\n")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await _open(pilot, "I", "ImportForm", path=str(notes))
        await _run(pilot, form)
        assert pilot.app.screen is form
        assert "not a Taskwarrior export" in _problem(form)
    assert Path(ws.path).read_bytes() == before


async def test_e_exports_a_calendar_file(ws, tmp_path) -> None:
    target = tmp_path / "out" / "week.ics"
    target.parent.mkdir()
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await _open(pilot, "E", "ExportForm", path=str(target), client="dental")
        await _run(pilot, form)
        assert any(m.startswith(f"Wrote {target}") for m in messages(pilot.app))
    text = target.read_text()
    assert text.startswith("BEGIN:VCALENDAR") and "Late invoice" in text
    assert "Book hotel" not in text  # Évelyne's, not the dental clinic's
    assert os.stat(target).st_mode & 0o777 == 0o600


async def test_s_on_reports_writes_the_shown_periods_timesheet(ws, tmp_path) -> None:
    ws.time.log(["1h30m", "@dental", "task:1", "yesterday", "call", "with", "the", "supplier"])
    target = tmp_path / "dental.csv"
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await show(pilot, "5", "ReportsScreen")
        form = await _open(pilot, "S", "TimesheetForm", client="dent", path=str(target))
        assert form.query_one("#f-first", Input).value == "2026-11-30"  # this week's Monday
        assert form.query_one("#f-last", Input).value == "2026-12-06"
        await _run(pilot, form)
        assert type(pilot.app.screen).__name__ == "ReportsScreen"
        assert any("Dental clinic's timesheet" in m for m in messages(pilot.app))
    csv = target.read_text()
    assert "call with the supplier" in csv and "TOTAL" in csv


async def test_a_timesheet_needs_a_known_client(ws, tmp_path) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await _open(pilot, "S", "TimesheetForm", path=str(tmp_path / "t.csv"))
        await _run(pilot, form)
        assert "one client" in _problem(form)
        form.query_one("#f-client", Input).value = "nobody"
        await _run(pilot, form)
        assert "nobody" in _problem(form)
    assert not (tmp_path / "t.csv").exists()


async def test_the_screen_answers_keys_while_an_import_runs(ws, tmp_path) -> None:
    """The work blocks in the worker; the progress shows, esc closes the form, other
    screens open, and the result still comes as a notice."""
    path = tmp_path / "board.ics"
    path.write_text(ICS, newline="")
    started, release = held_imports(ws)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await _open(pilot, "I", "ImportForm", path=str(path))
        await pilot.press("ctrl+s")
        assert started.wait(5)
        await pilot.pause()
        assert form.has_class("-running")
        assert "Importing" in str(form.query_one("#step").render())
        await pilot.press("escape")
        await show(pilot, "3", "ClientsScreen")  # the app answers while the worker waits
        release.set()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert any(m.startswith(f"Imported {path}") for m in messages(pilot.app))
    assert len(stored(ws)["events"]) == 1


async def test_the_file_keys_are_in_help_and_the_palette(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        for title, form in (
            ("Import", "ImportForm"),
            ("Export calendar", "ExportForm"),
            ("Timesheet", "TimesheetForm"),
        ):
            commands[title].callback()
            await pilot.pause()
            assert type(app.screen).__name__ == form
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("question_mark")
        text = str(app.screen.query_one("Static").render())
        for line in ("Import .ics or Taskwarrior", "Export a calendar", "Timesheet CSV"):
            assert line in text


async def test_the_footer_shows_import_on_the_agenda_and_both_exports_on_reports(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        for key, screen, shown in (
            ("6", "AgendaScreen", {"I"}),
            ("5", "ReportsScreen", {"S", "E"}),  # grouped under one label, Export
        ):
            await show(pilot, key, screen)
            footer = {k.key: k for k in pilot.app.screen.query("FooterKey")}
            assert shown <= set(footer)
            assert footer["question_mark"].region.right <= SIZE[0]  # room for ? at 80 columns
