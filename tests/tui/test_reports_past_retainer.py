"""Pilot: a past week's report shows that week's retainer, not this week's (issue #9)."""

from __future__ import annotations

from tests.tui.conftest import SIZE, app_for, reports, text


async def test_the_previous_week_shows_its_own_retainer(moving) -> None:
    ws, _ = moving  # @evelyne buys 2h a week; today is Tuesday 1 Dec 2026
    ws.time.log(["1h30m", "@evelyne", "fittings"], start="2026-11-24 09:00")
    ws.time.log(["45m", "@evelyne"], start="2026-12-01 09:00")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await reports(pilot)
        [row] = text(screen, "#lines").splitlines()
        assert "0.8/2h" in row
        await pilot.press("left_square_bracket")
        assert text(screen, "#title").startswith("Week of Mon 23 Nov 2026")
        [row] = text(screen, "#lines").splitlines()
        assert "1.5/2h" in row, row
