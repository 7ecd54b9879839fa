"""Pilot tests: the time entries screen (7): this week's entries, logged by hand (a),
edited (e), deleted (d, after asking) and undone (u). The clock is Tuesday
1 December 2026, 14:00 in Montreal."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from tests.tui.conftest import SIZE, app_for, errors, messages, show
from vaworkspace.tui.help import help_rows

TZ = ZoneInfo("America/Montreal")


def at(day: int, hhmm: str) -> datetime:
    hours, minutes = map(int, hhmm.split(":"))
    return datetime(2026, 12 if day < 10 else 11, day, hours, minutes, tzinfo=TZ)


def rows(screen) -> list[str]:
    table = screen.query_one("#entries")
    return [" ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


async def entries(pilot):
    return await show(pilot, "7", "EntriesScreen")


async def test_the_week_s_entries_are_listed(ws) -> None:
    ws.time.log(["1h", "@dental", "task:1", "yesterday", "recall list"], "9:00")
    ws.time.log(["30m", "@evelyne"], "11:00")
    ws.time.log(["2h", "@dental", "last", "fri"])  # the week before: not shown
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await entries(pilot)
        shown = rows(screen)
        assert len(shown) == 2
        assert "Mon 30" in shown[0] and "09:00–10:00" in shown[0] and "1h00" in shown[0]
        assert "@dental" in shown[0] and "#1" in shown[0] and "recall list" in shown[0]
        assert "Tue 01" in shown[1] and "11:00–11:30" in shown[1] and "@evelyne" in shown[1]
        assert "2 entries · 1h30" in str(screen.query_one("#title").render())
        await pilot.press("left_square_bracket")
        assert len(rows(screen)) == 1 and "Fri 27" in rows(screen)[0]


async def test_a_logs_time_by_start_and_end(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await entries(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        assert type(form).__name__ == "LogForm"
        for name, value in {"client": "dental", "start": "9:00", "end": "10:30"}.items():
            form.query_one(f"#f-{name}").value = value
        form.query_one("#f-note").value = "Recall list"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen
        [entry] = ws.time.entries()
        assert (entry.start, entry.end) == (at(1, "9:00"), at(1, "10:30"))
        assert (entry.client, entry.note, entry.billable) == ("dental", "Recall list", True)
        assert "09:00–10:30" in rows(screen)[0]
        assert any("Logged entry 1" in m for m in messages(pilot.app))


async def test_a_wrong_log_keeps_the_form_with_the_message(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await entries(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#f-duration").value = "3h"
        form.query_one("#f-day").value = "tomorrow"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form
        assert "in the future" in str(form.query_one("#problem").render())
        assert ws.time.entries() == []


async def test_e_edits_d_deletes_and_u_undoes(ws) -> None:
    ws.time.log(["1h", "@dental", "task:1"], "9:00")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await entries(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = pilot.app.screen
        assert type(form).__name__ == "EntryForm"
        assert form.query_one("#f-end").value == "2026-12-01 10:00"
        form.query_one("#f-end").value = "9:45"
        form.query_one("#f-note").value = "shorter"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [entry] = ws.time.entries()
        assert (entry.end, entry.note) == (at(1, "9:45"), "shorter")
        assert "09:00–09:45" in rows(screen)[0]
        await pilot.press("d")
        await pilot.pause()
        assert "Delete time entry 1" in str(pilot.app.screen.query_one("#question").render())
        await pilot.press("y")
        await pilot.pause()
        assert ws.time.entries() == [] and rows(screen) == []
        await pilot.press("u")
        await pilot.pause()
        assert [e.note for e in ws.time.entries()] == ["shorter"]
        assert len(rows(screen)) == 1
        assert not errors(pilot.app)


async def test_the_forms_set_and_change_the_kind_of_work_and_its_rate(ws) -> None:
    """Rates by kind (issue #13) in the TUI: logged as `seo`, then fixed to `admin`."""
    ws.clients.change("dental", rates=["40", "seo=60", "admin=30"])
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await entries(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        for name, value in {"client": "dental", "duration": "1h", "kind": "#SEO"}.items():
            form.query_one(f"#f-{name}").value = value
        await pilot.press("ctrl+s")
        await pilot.pause()
        [entry] = ws.time.entries()
        assert (entry.kind, entry.rate_cents) == ("seo", 6000)
        await pilot.press("e")
        await pilot.pause()
        form = pilot.app.screen
        assert form.query_one("#f-kind").value == "seo"
        form.query_one("#f-kind").value = "admin"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen
        [entry] = ws.time.entries()
        assert (entry.kind, entry.rate_cents) == ("admin", 3000)
        assert "#admin" in rows(screen)[0]
        await pilot.press("e")
        await pilot.pause()
        pilot.app.screen.query_one("#f-kind").value = "data entry"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not a kind of work" in str(pilot.app.screen.query_one("#problem").render())
        assert ws.time.entries()[0].kind == "admin"


async def test_entry_keys_are_in_the_footer_the_help_and_the_palette(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await entries(pilot)
        await pilot.pause()
        shown = [key.description for key in screen.query("FooterKey")]
        assert {"Log", "Edit", "Del"} <= set(shown)
        rows_ = {description: keys for keys, description in help_rows(screen)}
        assert rows_["Log time by hand: a duration, or a start and an end"] == "a"
        assert rows_["Delete the entry (asks first; u undoes)"] == "d delete"
        palette = [c.title for c in pilot.app.get_system_commands(screen)]
        assert "Entries" in palette


async def test_the_palette_logs_time_and_moves_blocks_from_any_screen(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        await commands["Time: log by hand"].callback()
        await pilot.pause()
        assert type(app.screen).__name__ == "LogForm"
        await pilot.press("escape")
        await pilot.pause()
        await commands["Agenda: remove a block"].callback()
        await pilot.pause()
        assert type(app.screen).__name__ == "BlockPrompt"
