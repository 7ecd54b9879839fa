"""The client form edits the same rate table as `va client edit --rate`: the default
rate and the rates by kind of work, in the order typed."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from tests.tui.conftest import SIZE, app_for


async def _open_form(pilot, row: int):
    await pilot.press("3")
    await pilot.pause()
    pilot.app.screen.query_one(DataTable).move_cursor(row=row)
    await pilot.press("e")
    await pilot.pause()
    return pilot.app.screen


async def test_the_form_sets_replaces_and_clears_the_kinds(ws) -> None:
    ws.clients.change("dental", rates=["40", "seo=60"])
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await _open_form(pilot, 0)  # @dental, first by id
        kinds = form.query_one("#f-kind_rates", Input)
        assert kinds.value == "seo=60.00"
        assert form.query_one("#f-rate_cents", Input).value == "40.00"
        kinds.value = "data-entry=30, seo=65.50"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert ws.clients.get("dental").kind_rates == {"data-entry": 3000, "seo": 6550}
        form = await _open_form(pilot, 0)
        form.query_one("#f-kind_rates", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert ws.clients.get("dental").kind_rates == {}
        assert ws.clients.get("dental").rate_cents == 4000


async def test_a_bad_table_is_refused_and_nothing_is_written(ws) -> None:
    before = ws.clients.get("dental")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await _open_form(pilot, 0)
        form.query_one("#f-kind_rates", Input).value = "seo=lots"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not an amount" in str(form.query_one("#problem").render())
        form.query_one("#f-kind_rates", Input).value = "45"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not a kind's rate" in str(form.query_one("#problem").render())
    assert ws.clients.get("dental") == before
