"""Pilot tests: the reports screen (5), over a workspace whose clock the test moves."""

from __future__ import annotations

from tests.tui.conftest import SIZE, app_for, focus, reports, text
from vaworkspace.tui.reports_layouts import BLOCKS

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
            "Client",
            "Mo",
            "Tu",
            "We",
            "Th",
            "Fr",
            "Sa",
            "Su",
            "Total",
            "Amount",
            "Retainer",
        ]
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
