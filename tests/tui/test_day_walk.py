"""A VA's whole day in the TUI, with keys only (issue 13's walk): add a client from
quick add, capture and triage tasks, time one, log time by hand, fix an entry,
book a block and remove it, delete a task, import an .ics, export a timesheet,
sync a followed calendar and export the calendar.

The clock starts on Tuesday 1 December 2026, 14:00 in Montreal, and the test
moves it; every step is checked in the workspace file through the service."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from tests.tui.conftest import NOW, SIZE, app_for, errors
from tests.tui.test_file_forms import ICS
from vaworkspace.config import Config
from vaworkspace.service import Workspace

TZ = ZoneInfo("America/Montreal")


def local(hhmm: str) -> datetime:
    hours, minutes = map(int, hhmm.split(":"))
    return datetime(2026, 12, 1, hours, minutes, tzinfo=TZ).astimezone(timezone.utc)


async def type_text(pilot, text: str) -> None:
    """Type `text` key by key, as the VA would."""
    await pilot.press(*[("space" if c == " " else c) for c in text])


async def test_a_whole_day_with_keys_only(tmp_path) -> None:
    moment = [NOW]
    ws = Workspace(
        str(tmp_path / "day.json"), Config(timezone_name="America/Montreal"), lambda: moment[0]
    )
    ws.clients.add("Dental clinic", id="dental")
    ics = tmp_path / "board.ics"
    ics.write_text(ICS, newline="")
    sheet = tmp_path / "dental.csv"
    exported = tmp_path / "week.ics"
    followed = tmp_path / "followed.ics"
    followed.write_text(ICS.replace("dentist-1@test", "followed-1@test"), newline="")
    ws.subscriptions.add("clinic", str(followed), client="dental")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        # A client from quick add, then two captured tasks.
        await pilot.press("a")
        await type_text(pilot, "Call the notary @notary due:fri ~30m")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ClientForm"
        await pilot.press("ctrl+s")
        await pilot.pause()
        for line in ("Recall list @dental ~45m", "Order toner"):
            await pilot.press("a")
            await type_text(pilot, line)
            await pilot.press("enter")
            await pilot.pause()
        assert [(t.title, t.client) for t in ws.tasks.all()] == [
            ("Call the notary", "notary"),
            ("Recall list", "dental"),
            ("Order toner", None),
        ]
        # Triage the one without a client or estimate.
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.current == 3
        await pilot.press("c")
        await type_text(pilot, "dental")
        await pilot.press("enter", "e")
        await type_text(pilot, "15m")
        await pilot.press("enter", "h")
        await pilot.pause()
        toner = ws.tasks.get(3)
        assert (toner.client, toner.estimate_minutes, toner.priority) == ("dental", 15, "high")
        # Time the recall list for 25 minutes.
        await pilot.press("1")
        await pilot.pause()
        table = app.screen.query_one("InboxTable")
        await pilot.press("g")  # from the top
        for _ in range(5):
            if table.selected.id == 2:
                break
            await pilot.press("j")
        assert table.selected.id == 2
        await pilot.press("t")
        moment[0] = NOW + timedelta(minutes=25)
        await pilot.press("t")
        await pilot.pause()
        [timed] = ws.time.entries()
        assert (timed.task, timed.seconds) == (2, 25 * 60)
        # Log an hour of the morning by hand, then fix its end.
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "dental")
        await pilot.press("tab", "tab", "tab")  # no task, today
        await type_text(pilot, "9:00")
        await pilot.press("tab")
        await type_text(pilot, "10:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        morning = next(e for e in ws.time.entries() if e.id != timed.id)
        assert (morning.start, morning.end, morning.client) == (
            local("9:00"),
            local("10:00"),
            "dental",
        )
        await pilot.press("up", "e")  # the morning entry: the row above the timed one
        await pilot.pause()
        await pilot.press("tab")  # to the end
        await pilot.press("ctrl+u")
        await type_text(pilot, "9:40")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert next(e for e in ws.time.entries() if e.id == morning.id).end == local("9:40")
        # Book the notary call into the first free slot, then remove the block.
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "1")
        await pilot.press("enter")
        await pilot.pause()
        [block] = ws.agenda.blocks(local("0:00"), local("23:59"))
        assert (block.task, block.start) == (1, local("14:30"))
        await pilot.press("x")
        await pilot.pause()
        await type_text(pilot, str(block.id))
        await pilot.press("enter")
        await pilot.pause()
        assert ws.agenda.blocks(local("0:00"), local("23:59")) == []
        # Delete the toner task.
        await pilot.press("1")
        await pilot.pause()
        table = app.screen.query_one("InboxTable")
        await pilot.press("g")  # from the top
        for _ in range(5):
            if table.selected.id == 3:
                break
            await pilot.press("j")
        assert table.selected.id == 3
        await pilot.press("d", "y")
        await pilot.pause()
        assert sorted(t.id for t in ws.tasks.all()) == [1, 2]
        # Import a calendar, then write the dental clinic's timesheet.
        await pilot.press("I")
        await pilot.pause()
        await type_text(pilot, str(ics))
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [e.summary for e in ws.calendar.events()] == ["Board meeting"]
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("S")
        await pilot.pause()
        await type_text(pilot, "dental")
        await pilot.press("tab", "tab", "tab")  # this week's days, as shown
        await type_text(pilot, str(sheet))
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # Sync the followed calendar, then export the week's calendar.
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert sorted(e.uid for e in ws.calendar.events()) == ["dentist-1@test", "followed-1@test"]
        await pilot.press("E")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, str(exported))
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not errors(app)
    csv = sheet.read_text()
    assert "Recall list" in csv and "TOTAL" in csv
    assert "SUMMARY:Board meeting" in exported.read_text()
