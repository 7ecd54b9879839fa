"""Pilot tests: the detail pane's layout and the dates notifications show."""

from __future__ import annotations

from tests.tui.conftest import SIZE, app_for
from tests.tui.test_write_boundary import record_notifications


def detail_lines(app) -> list[str]:
    return str(app.screen.query_one("#detail").render()).splitlines()


async def test_detail_pane_keeps_labels_apart_and_urgency_above_long_notes(ws) -> None:
    ws.tasks.update(
        1, {"scheduled": "2026-12-07", "notes": "\n".join(f"line {n}" for n in range(12))}
    )
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = detail_lines(pilot.app)
        assert any(line.startswith("scheduled 2026-12-07") for line in lines), lines
        visible = pilot.app.screen.query_one("#detail").content_region.height
        urgency = next(i for i, line in enumerate(lines) if line.startswith("urgency"))
        assert urgency < visible, lines  # not pushed below the pane by the notes


async def test_notifications_say_dates_the_way_the_cli_does(ws) -> None:
    ws.tasks.add("Weekly report @dental due:thu 11:00 every week")
    app = app_for(ws)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("InboxTable")
        while table.selected.title != "Weekly report":
            await pilot.press("j")
        await pilot.press("x")
        await pilot.pause()
        [done] = [m for m in said if m.startswith("Completed")]
        assert "; next: task 6, due 10 dec 11:00 " in done, done
        assert "+00:00" not in done
        await pilot.press("w", *"in 3 days", "enter")
        await pilot.pause()
        [waits] = [m for m in said if "waits until" in m]
        assert "waits until fri" in waits and "in 3 days" not in waits, waits
