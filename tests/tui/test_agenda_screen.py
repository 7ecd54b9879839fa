"""The agenda screen (6): every key, over a workspace with two imported calendars
(`tests/agenda_workspace.py`); the clock is fixed at Tuesday 14:00 in Montreal, so
today's free slots are 14:00–15:00 and 15:30–17:00.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.agenda_workspace import at, build, calendar, timed
from tests.tui.conftest import NOW, SIZE, app_for, show


@pytest.fixture
def agenda_ws(tmp_path):
    return build(tmp_path)


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def agenda(pilot):
    return await show(pilot, "6", "AgendaScreen")


async def test_day_view_shows_today(agenda_ws) -> None:
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        screen = await agenda(pilot)
        title = text(screen, "#title")
        assert title.startswith("Tue 01 Dec 2026  today")
        assert "5 events · 2h30 free · ⚠ 2 in conflict" in title  # Clinic closed counts
        assert "Clinic closed" in text(screen, "#allday")
        day = text(screen, "#day").splitlines()
        assert len(day) == 16  # 09:00-17:00 in rows of 30 minutes
        assert day[0].startswith("09:00 ▌09:00–09:30 Weekly sync")
        assert day[2].startswith("10:00 ▌10:00–11:00 Fitting call")
        assert "⚠ conflict @evelyne" in day[3] and "10:30–11:30 Recall" in day[3]
        assert "⚠ conflict @dental" in day[4]
        assert day[10].startswith("14:00 ▶ free 14:00–15:00 (1h00)")
        assert day[12].startswith("15:00 ▌15:00–15:30 Showroom visit")
        assert day[13].startswith("15:30   free 15:30–17:00 (1h30)")
        assert all(len(line) == 51 for line in day)  # 80 - the side panel - padding
        side = text(screen, "#side")
        assert "Due today\n#5 Send recall list" in side
        assert "▶ 14:00–15:00 (1h00)" in side and "⚠ conflict" in side
        assert "10:00 Fitting call\n10:30 Recall review" in side


async def test_h_l_and_T_move_by_day(agenda_ws) -> None:
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        screen = await agenda(pilot)
        await pilot.press("h")
        assert text(screen, "#title").startswith("Mon 30 Nov 2026  T: today")
        assert "Weekly sync" not in text(screen, "#day")
        assert "none left in work hours" in text(screen, "#side")  # the past
        assert not screen.query_one("#allday").display
        await pilot.press("enter")  # no slot to book: nothing opens
        assert type(pilot.app.screen).__name__ == "AgendaScreen"
        await pilot.press("l", "l")
        assert text(screen, "#title").startswith("Wed 02 Dec 2026  T: today")
        assert "Fabric fair" in text(screen, "#allday")
        assert "free 09:00–17:00 (8h00)" in text(screen, "#day")
        assert "nothing due" in text(screen, "#side")
        await pilot.press("l", "l", "l")
        assert text(screen, "#title").startswith("Sat 05 Dec 2026")
        assert "day off" in text(screen, "#side")
        await pilot.press("T")
        assert text(screen, "#title").startswith("Tue 01 Dec 2026  today")


async def test_v_shows_the_week_and_h_l_T_move_by_week(agenda_ws) -> None:
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        screen = await agenda(pilot)
        await pilot.press("v")
        assert screen.has_class("-week") and not screen.query_one("#body").display
        assert not screen.query_one("#allday").display  # the day's all-day line
        title = text(screen, "#title")
        assert title.startswith("Week of Mon 30 Nov 2026  this week")
        assert "⚠ 2 in conflict" in title
        week = text(screen, "#week").splitlines()
        assert week[0].split("│")[0].strip() == "Mon 30"
        assert [c.strip() for c in week[0].split("│")][-1] == "Sun 06"
        assert [c.strip() for c in week[1].split("│")] == [
            "past",
            "2h30 free",
            "8h00 free",
            "7h00 free",
            "8h00 free",
            "day off",
            "day off",
        ]
        tuesday = [line.split("│")[1] for line in week[3:]]
        assert tuesday[:5] == ["▌Clinic c…", "▌09:00    ", " Weekly s…", "▌10:00 ⚠  ", " Fitting …"]
        assert "☐ Send re…" in tuesday
        thursday = [line.split("│")[3].strip() for line in week[3:]]
        assert thursday[:2] == ["▌12:00", "Team lun…"]
        assert any("Book ho…" in line.split("│")[4] for line in week[3:])
        assert all(len(line) <= 78 for line in week)
        await pilot.press("enter", "j")  # day view only
        assert type(pilot.app.screen).__name__ == "AgendaScreen"
        await pilot.press("h")
        assert text(screen, "#title").startswith("Week of Mon 23 Nov 2026  T: this week")
        await pilot.press("l", "l")
        assert text(screen, "#title").startswith("Week of Mon 07 Dec 2026")
        assert "Weekly sync" not in text(screen, "#week")  # truncated: "Weekly s…"
        assert "Weekly s…" in text(screen, "#week")
        await pilot.press("T")
        assert text(screen, "#title").startswith("Week of Mon 30 Nov 2026  this week")
        await pilot.press("v")
        assert not screen.has_class("-week")
        assert text(screen, "#title").startswith("Tue 01 Dec 2026  today")


async def test_j_k_choose_among_the_free_slots(agenda_ws) -> None:
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        screen = await agenda(pilot)
        await pilot.press("j")
        assert screen.selected == 1
        assert "▶ free 15:30–17:00 (1h30)" in text(screen, "#day")
        assert "▶ 15:30–17:00 (1h30)" in text(screen, "#side")
        await pilot.press("j")  # the last one stays chosen
        assert screen.selected == 1
        await pilot.press("k", "k")
        assert screen.selected == 0
        await pilot.press("down")
        assert screen.selected == 1
        await pilot.press("up")
        assert screen.selected == 0
        await pilot.press("j", "l", "h")  # another day starts from its first slot
        assert screen.selected == 0


async def test_enter_books_a_task_into_the_slot(agenda_ws) -> None:
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        screen = await agenda(pilot)
        await pilot.press("enter")
        prompt = pilot.app.screen
        assert type(prompt).__name__ == "BookSlot"
        assert text(prompt, "#heading") == "Book free 14:00–15:00 (1h00) on Tue 01 Dec"
        hint = text(prompt, "#hint").splitlines()
        assert hint[0] == "Tasks that fit, most urgent first:"
        # the recall list due today (2h45 of slack) before the hotel due Friday
        assert [line.split()[0] for line in hint[1:]] == ["#1", "#5", "#2", "#4"]
        assert hint[3].split() == ["#2", "Book", "hotel", "@evelyne", "45m"]
        await pilot.press("2", "enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert "Booked #2 Book hotel today 14:00–14:45" in messages(pilot.app)
        assert agenda_ws.tasks.get(2).scheduled == at("14:00")
        day = text(screen, "#day")
        assert "┃◆ 14:00–14:45 Book hotel" in day
        assert "14:30 ┃@evelyne             ▶ free 14:45–15:00 (0h…" in day  # side by side
        assert "▶ 14:45–15:00 (0h15)" in text(screen, "#side")
        assert "6 events · 1h45 free" in text(screen, "#title")


async def test_the_booking_prompt_keeps_refusals_and_esc_closes_it(agenda_ws) -> None:
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        await agenda(pilot)
        await pilot.press("enter", "enter")
        prompt = pilot.app.screen
        problem = prompt.query_one("#problem")
        assert problem.display and "type the id of a task" in text(prompt, "#problem")
        await pilot.press("9", "9", "enter")
        assert "no task 99" in text(prompt, "#problem")
        await pilot.press("backspace", "backspace", "3", "enter")  # 2 hours: hits 15:00
        assert "would overlap 'Showroom visit'" in text(prompt, "#problem")
        await pilot.press("backspace", *"abc")  # letters are not typed at all
        assert prompt.query_one("#task-id").value == ""
        assert pilot.app.screen is prompt
        await pilot.press("escape")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "AgendaScreen"
        assert all(e.kind != "block" for e in agenda_ws.calendar.events())
        assert agenda_ws.tasks.get(3).scheduled is None


async def test_a_long_day_gets_longer_rows(agenda_ws) -> None:
    friday = date(2026, 12, 4)
    agenda_ws.calendar.import_file(
        calendar(
            timed("early@t", "Early call", "20261204T070000", "20261204T073000"),
            timed("late@t", "Late call", "20261204T190000", "20261204T200000"),
        ),
        "more.ics",
    )
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        screen = await agenda(pilot)
        await pilot.press(*"lll")
        assert screen.plans[0].day == friday
        rows = text(screen, "#day").splitlines()
        assert [row[:5] for row in rows] == [f"{h:02d}:00" for h in range(7, 20)]  # 07-20
        assert rows[0].startswith("07:00 ▌07:00–07:30 Early call")
        assert rows[-1].startswith("19:00 ▌19:00–20:00 Late call")
        assert "free 09:00–17:00 (8h00)" in rows[2]


async def test_a_crowded_week_day_ends_with_a_count(agenda_ws) -> None:
    meetings = [
        timed(
            f"m{n}@t",
            f"Meeting {n}",
            f"20261202T{8 + n // 2:02d}{30 * (n % 2):02d}00",
            f"20261202T{8 + n // 2:02d}{30 * (n % 2) + 20:02d}00",
        )
        for n in range(12)
    ]
    agenda_ws.calendar.import_file(calendar(*meetings), "busy.ics")
    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        screen = await agenda(pilot)
        await pilot.press("v")
        week = text(screen, "#week").splitlines()
        assert len(week) == 21  # 24 rows less the top bar, the title and the footer
        wednesday = [line.split("│")[2].strip() for line in week]
        assert wednesday[3:5] == ["▌Fabric f…", "▌08:00"]
        assert wednesday[-1] == "+8 more"  # 25 lines of items for 18 rows


async def test_reload_and_refresh_bar_follow_the_file_and_the_clock(tmp_path) -> None:
    moment = [NOW]
    ws = build(tmp_path, clock=lambda: moment[0])
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await agenda(pilot)
        ws.agenda.schedule_block(4, at("15:30"))  # as from another terminal
        screen.refresh_bar()
        assert "Idea for the blog" not in text(screen, "#day")  # same quarter hour
        screen.reload()
        assert "◆ 15:30–16:00 Idea for the blog" in text(screen, "#day")
        moment[0] = NOW + timedelta(minutes=20)  # 14:20: the first slot now starts 14:30
        screen.refresh_bar()
        assert "free 14:30–15:00 (0h30)" in text(screen, "#day")
        assert "14:20" in text(screen, "TopBar #where")


async def test_agenda_fits_60_by_20(agenda_ws) -> None:
    async with app_for(agenda_ws).run_test(size=(60, 20)) as pilot:
        screen = await agenda(pilot)
        assert screen.query_one("#side").size.width == 19  # the narrow side panel
        day = text(screen, "#day").splitlines()
        assert len(day) == 16 and all(len(line) <= 38 for line in day)
        await pilot.press("enter")
        assert type(pilot.app.screen).__name__ == "BookSlot"
        await pilot.press("escape", "v")
        await pilot.pause()
        assert "Sun 06" in text(screen, "#week")
        await pilot.press("l", "h", "v", "j", "k")


async def test_help_lists_the_agenda_keys(agenda_ws) -> None:
    from vaworkspace.tui.help import help_rows

    async with app_for(agenda_ws).run_test(size=SIZE) as pilot:
        screen = await agenda(pilot)
        keys = {description: key for key, description in help_rows(screen)}
        assert keys["The previous day (week view: week)"] == "h"
        assert keys["The next day (week view: week)"] == "l"
        assert keys["Switch between the day and the week"] == "v"
        assert keys["Back to today"] == "T"
        assert keys["Select the next free slot"] == "j down"
        assert keys["Select the previous slot"] == "k up"
        assert keys["Book a task into the selected free slot"] == "enter"
