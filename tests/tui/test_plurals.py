"""Counts read as English (issue #9): a day with only an all-day event has one event,
not "0 events"; "1 task", "1 slot", never "1 tasks", "1 slots"."""

from __future__ import annotations

from tests.agenda_workspace import build
from tests.cli.conftest import NOW as CLI_NOW
from tests.ical.calendars import WEEKLY, write
from tests.tui.conftest import SIZE, app_for, show, text
from vaworkspace.cli import main


def test_plural_words() -> None:
    from vaworkspace.formats import plural

    assert [plural(n, "task") for n in (0, 1, 2)] == ["0 tasks", "1 task", "2 tasks"]
    assert plural(1, "entry", "entries") == "1 entry"
    assert plural(3, "entry", "entries") == "3 entries"


async def test_a_day_with_only_an_all_day_event_counts_it(tmp_path) -> None:
    ws = build(tmp_path)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await show(pilot, "6", "AgendaScreen")
        assert "5 events" in text(screen, "#title")  # 4 timed + Clinic closed
        await pilot.press("l")  # Wednesday: the Fabric fair, all day, and nothing else
        title = text(screen, "#title")
        assert title.startswith("Wed 02 Dec 2026") and "1 event ·" in title, title
        assert "Fabric fair" in text(screen, "#allday")
        assert "Free  1 slot\n" in text(screen, "#side")


async def test_one_task_in_a_filter_is_one_task(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"hotel", "enter")
        label = text(pilot.app.screen, "#filters")
        assert label.startswith("1 task · "), label


def test_an_import_of_one_todo_says_one_task(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("VAWORKSPACE_NOW", CLI_NOW)
    assert main(["import", write(tmp_path, "cal.ics", WEEKLY)]) == 0
    out = capsys.readouterr().out
    assert "1 task created, 0 updated" in out, out
