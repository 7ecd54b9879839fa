"""Pilot tests: the focus timer screen (4) and the reports screen (5).

The focus screen repaints from stored instants, so these tests move a clock the
workspace reads and call `refresh_bar()` as the app's tick would.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Digits

from tests.tui.conftest import NOW, SIZE, app_for, show
from vaworkspace.config import Config
from vaworkspace.domain.time.status import TimerStatus
from vaworkspace.service import Workspace
from vaworkspace.tui.focus import cycle_dots, stopped_text
from vaworkspace.tui.reports_screen import BLOCKS


@pytest.fixture
def moving(tmp_path):
    """A workspace whose clock the test moves: `(ws, moment)`; `moment[0]` is now."""
    moment = [NOW]
    ws = Workspace(
        str(tmp_path / "t.json"), Config(timezone_name="America/Montreal"), clock=lambda: moment[0]
    )
    ws.clients.add(
        "Évelyne Couture", color="#e879f9", budget="2h/week", rate_cents="45", currency="CAD"
    )
    ws.clients.add("Dental clinic", id="dental", currency="EUR", rate_cents="38")
    ws.tasks.add("Book hotel @evelyne ~45m")
    return ws, moment


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def errors(app) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "error"]


async def focus(pilot):
    return await show(pilot, "4", "FocusScreen")


async def reports(pilot):
    return await show(pilot, "5", "ReportsScreen")


# -- focus: without a timer ----------------------------------------------------


async def test_focus_without_a_timer_says_how_to_start_one(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        assert screen.query_one(Digits).value == "--:--"
        assert screen.query_one(Digits).has_class("-idle")
        assert text(screen, "#phase") == "No timer running"
        assert "press t on a task in the inbox (1), or @ here" in text(screen, "#what")
        assert "Nothing logged yet today" in text(screen, "#today-table")


@pytest.mark.parametrize("key", ["space", "p", "s", "b"])
async def test_focus_keys_without_a_timer_notify_an_error(ws, key: str) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await focus(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert any("no timer is running" in m for m in errors(pilot.app))
        assert ws.time.timer_now().running is False


async def test_focus_at_starts_a_pomodoro_on_a_client_alone(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        await pilot.press("at")
        bar = screen.query_one("CommandBar")
        assert bar.has_class("-open")
        await pilot.press(*"den", "enter")
        await pilot.pause()
        status = ws.time.timer_now()
        assert status.running and status.client == "dental" and status.task is None
        assert status.mode == "pomodoro"
        assert not bar.has_class("-open")
        assert "Focus on @dental" in messages(pilot.app)
        assert screen.query_one(Digits).value == "25:00"
        assert "@dental Dental clinic" in text(screen, "#what")


async def test_focus_at_refuses_an_unknown_or_empty_client_in_the_prompt(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        await pilot.press("at", "enter")
        bar = screen.query_one("CommandBar")
        assert bar.has_class("-open")
        assert "type a client" in text(bar, "#preview")
        await pilot.press(*"nobody", "enter")
        assert bar.has_class("-open")
        assert "nobody" in text(bar, "#preview")
        await pilot.press("escape")
        assert not bar.has_class("-open")
        assert ws.time.timer_now().running is False


async def test_focus_enter_without_history_asks_for_a_client(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        await pilot.press("enter")
        assert screen.query_one("CommandBar").has_class("-open")


async def test_focus_enter_starts_again_on_the_latest_entry(ws) -> None:
    ws.time.log(["30m", "task:2"], start="13:00")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        assert "enter: another pomodoro on #2 Book hotel" in text(screen, "#what")
        await pilot.press("enter")
        await pilot.pause()
        status = ws.time.timer_now()
        assert status.task == 2 and status.client == "evelyne"
        assert "Focus on #2 Book hotel" in messages(pilot.app)
        assert "#2 Book hotel" in text(screen, "#what")
        await pilot.press("enter")  # a timer already runs: the service refuses
        assert any("already running" in m for m in errors(pilot.app))


async def test_focus_enter_falls_back_to_the_client_of_a_done_task(ws) -> None:
    ws.time.log(["30m", "task:1"], start="13:00")
    ws.tasks.complete([1])
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await focus(pilot)
        await pilot.press("enter")
        status = ws.time.timer_now()
        assert status.task is None and status.client == "dental"


# -- focus: a running timer -----------------------------------------------------


async def test_focus_digits_follow_the_stored_instants(moving) -> None:
    ws, moment = moving
    ws.time.start_timer(task_id=1)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        digits = screen.query_one(Digits)
        assert digits.value == "25:00"
        assert text(screen, "#phase").startswith("Focus")
        assert "○○○○" in text(screen, "#phase")
        moment[0] = NOW + timedelta(minutes=7, seconds=13)
        screen.refresh_bar()
        assert digits.value == "17:47"
        await pilot.press("space")
        assert ws.time.timer_now().paused and digits.has_class("-paused")
        assert text(screen, "#phase").startswith("Paused")
        assert "Timer paused: space or p resumes" in messages(pilot.app)
        moment[0] += timedelta(minutes=5)  # a pause does not count
        screen.refresh_bar()
        assert digits.value == "17:47"
        await pilot.press("p")
        assert not ws.time.timer_now().paused
        assert "Timer resumed" in messages(pilot.app)
        moment[0] += timedelta(minutes=1)
        screen.refresh_bar()
        assert digits.value == "16:47"


async def test_focus_break_dots_and_skip(moving) -> None:
    ws, moment = moving
    ws.time.start_timer(task_id=1)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        await pilot.press("b")
        assert any("no break to skip" in m for m in errors(pilot.app))
        moment[0] = NOW + timedelta(minutes=26)
        ws.time.timer()  # the app's tick catches the timer up and logs the block
        screen.reload()
        digits = screen.query_one(Digits)
        assert digits.value == "04:00" and digits.has_class("-break")
        assert text(screen, "#phase").startswith("Break   ●○○○  1 block done")
        assert "0h25" in text(screen, "#today-table")
        await pilot.press("b")
        assert "Break skipped: focus again" in messages(pilot.app)
        assert ws.time.timer_now().phase == "focus"
        assert digits.value == "25:00" and not digits.classes


async def test_focus_stop_logs_and_says_what(moving) -> None:
    ws, moment = moving
    ws.time.start_timer(client="dental")
    moment[0] = NOW + timedelta(minutes=10)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        table = text(screen, "#today-table")
        assert "@dental" in table and "0h10" in table and "Total" in table
        await pilot.press("s")
        await pilot.pause()
        [entry] = ws.time.entries()
        assert entry.client == "dental" and entry.seconds == 600
        assert f"Timer stopped: logged entry {entry.id} (10 min @dental)" in messages(pilot.app)
        assert screen.query_one(Digits).value == "--:--"
        assert "0h10" in text(screen, "#today-table")


async def test_focus_stopwatch_counts_up_past_an_hour(moving) -> None:
    ws, moment = moving
    ws.time.start_timer(client="evelyne", mode="stopwatch")
    moment[0] = NOW + timedelta(hours=1, minutes=5)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        assert screen.query_one(Digits).value == "1:05:00"
        assert text(screen, "#phase") == "Focus · stopwatch"
        assert "1h05" in text(screen, "#today-table")


async def test_focus_reload_after_an_outside_change(moving) -> None:
    ws, moment = moving
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        # as `va timer start` in another terminal:
        ws.time.start_timer(task_id=1, mode="countdown", minutes=10)
        moment[0] += timedelta(minutes=1)
        screen.reload()
        assert screen.query_one(Digits).value == "09:00"
        assert text(screen, "#phase") == "Focus · countdown"


def test_focus_helpers() -> None:
    long_break = TimerStatus(True, pomodoros=4, phase="long_break")
    assert cycle_dots(long_break, 4) == "●●●●"
    assert cycle_dots(TimerStatus(True, pomodoros=4, phase="focus"), 4) == "○○○○"
    assert cycle_dots(TimerStatus(True, pomodoros=6, phase="break"), 4) == "●●○○"
    assert stopped_text([]) == "Timer stopped: no focus time to log"


# -- reports --------------------------------------------------------------------


def log_week(ws) -> None:
    """Monday 30 Nov and Tuesday 1 Dec (today), and the week before."""
    ws.time.log(["1h30m", "@dental", "calls"], start="2026-11-30 09:00")
    ws.time.log(["3h", "@evelyne", "fittings"], start="2026-11-30 11:00")
    ws.time.log(["45m", "@evelyne"], start="2026-12-01 09:00")
    ws.time.log(["30m", "admin"], start="2026-12-01 10:00")
    ws.time.log(["2h", "@dental"], start="2026-11-24 09:00")


async def test_reports_empty_week(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await reports(pilot)
        assert screen.has_class("-empty")
        assert "No time logged in this week" in text(screen, "#empty")
        assert text(screen, "#title").startswith("Week of Mon 30 Nov 2026  this week")
        assert "nothing logged" in text(screen, "#title")


async def test_reports_week_grid(moving) -> None:
    ws, _ = moving
    log_week(ws)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await reports(pilot)
        assert not screen.has_class("-empty")
        assert "5.8 h logged" in text(screen, "#title")
        header = text(screen, "#header")
        assert header.split() == [
            "Client", "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "Total", "Amount", "Retainer",
        ]  # fmt: skip
        rows = text(screen, "#lines").splitlines()
        assert [r.split()[0] for r in rows] == ["@dental", "@evelyne", "(no"]
        cells = [cell.lstrip(BLOCKS) for cell in rows[0].split()[1:10]]
        assert cells == ["1.5", "·", "·", "·", "·", "·", "·", "1.5", "57.00"]
        assert rows[0].split()[1] == "▂1.5"  # a bar: 1.5 h of an 8-hour day
        assert [c.lstrip(BLOCKS) for c in rows[1].split()[1:4]] == ["3.0", "0.8", "·"]
        assert "3.8/2h ▰▰▰▰▰" in rows[1]  # the week view has no room for the percentage
        totals = text(screen, "#totals").splitlines()
        assert totals[0].startswith("Total CAD") and "168.75 CAD" in totals[0]
        assert totals[1].startswith("Total EUR") and "57.00 EUR" in totals[1]
        assert all(len(line) <= 79 for line in rows + totals)


async def test_reports_over_budget_is_in_the_error_colour(moving) -> None:
    ws, _ = moving
    log_week(ws)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await reports(pilot)
        content = screen.query_one("#lines").render()
        gauge = next(s for s in content.spans if "▰" in content.plain[s.start : s.end])
        assert gauge.style == "$error"


async def test_reports_period_navigation(moving) -> None:
    ws, _ = moving
    log_week(ws)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await reports(pilot)
        await pilot.press("left_square_bracket")
        title = text(screen, "#title")
        assert title.startswith("Week of Mon 23 Nov 2026  T: back to this week")
        assert "2.0 h logged" in title
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert text(screen, "#title").startswith("Week of Mon 07 Dec 2026")
        assert screen.has_class("-empty")
        await pilot.press("T")
        assert text(screen, "#title").startswith("Week of Mon 30 Nov 2026  this week")
        await pilot.press("d")
        assert text(screen, "#title").startswith("Tue 01 Dec 2026  today")
        assert text(screen, "#header").split()[:5] == [
            "Client",
            "Name",
            "Hours",
            "Billed",
            "Amount",
        ]
        await pilot.press("left_square_bracket")
        assert text(screen, "#title").startswith("Mon 30 Nov 2026  T: back to today")
        rows = text(screen, "#lines").splitlines()
        assert rows[0].split()[:5] == ["@dental", "Dental", "clinic", "1.5", "1.5"]
        await pilot.press("m")
        assert text(screen, "#title").startswith("November 2026  T: back to this month")
        assert "6.5 h logged" in text(screen, "#title")
        await pilot.press("right_square_bracket")
        assert text(screen, "#title").startswith("December 2026  this month")
        await pilot.press("left_square_bracket", "left_square_bracket", "T")
        assert text(screen, "#title").startswith("December 2026  this month")
        await pilot.press("w")
        assert text(screen, "#title").startswith("Week of Mon 30 Nov 2026  this week")


async def test_reports_month_bars(moving) -> None:
    ws, _ = moving
    log_week(ws)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await reports(pilot)
        await pilot.press("m", "left_square_bracket")
        rows = text(screen, "#lines").splitlines()
        dental = rows[0]
        bars = dental[12:42]  # November: 30 days, one character each
        assert bars[23] == "▅" and bars[29] == "▄" and bars[0] == "·"
        evelyne = rows[1][12:42]
        assert evelyne[29] == "█"
        assert text(screen, "#header")[12:14] == "1 "


async def test_reports_many_clients_scroll_and_keep_the_totals_on_screen(moving) -> None:
    ws, _ = moving
    for n in range(25):
        ws.clients.add(f"Client {n}", id=f"c{n:02d}")
        ws.time.log(["20m", f"@c{n:02d}"], start=f"2026-11-30 {n // 2}:{30 * (n % 2):02d}")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await reports(pilot)
        rows = screen.query_one("#rows")
        assert rows.max_scroll_y > 0
        totals = screen.query_one("#totals")
        assert totals.region.bottom <= SIZE[1] - 1  # above the footer
        assert screen.query_one("#title").region.y == 1
        await pilot.press("end")
        assert rows.scroll_y == rows.max_scroll_y


async def test_reports_reload_and_refresh_bar(moving) -> None:
    ws, _ = moving
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await reports(pilot)
        assert screen.has_class("-empty")
        ws.time.log(["1h", "@dental"], start="2026-12-01 08:00")  # another terminal
        screen.refresh_bar()
        assert screen.has_class("-empty")  # the top bar only
        screen.reload()
        assert not screen.has_class("-empty")
        assert "@dental" in text(screen, "#lines")


async def test_help_lists_the_keys_of_both_screens(ws) -> None:
    from vaworkspace.tui.help import help_rows

    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        keys = {text: key for key, text in help_rows(screen)}
        assert keys["Pause or resume the timer"] == "space p"
        assert keys["Stop; the focus time becomes an entry"] == "s"
        assert keys["End the break: focus again now"] == "b"
        assert keys["A pomodoro on what you last timed"] == "enter"
        assert keys["A pomodoro on a client alone (no task)"] in ("at", "@")
        screen = await reports(pilot)
        keys = {text: key for key, text in help_rows(screen)}
        assert keys["The previous period"] in ("left_square_bracket", "[")
        assert keys["The next period"] in ("right_square_bracket", "]")
        assert keys["Back to the current period"] == "T"
        views = [key for text, key in keys.items() if text.startswith("One ")]
        assert views == ["d", "w", "m"]
