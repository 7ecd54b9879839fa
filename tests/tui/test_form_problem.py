"""Pilot test: a wrong value in the task form shows the text typed and the message at
once (a red border in a one-line field left no line for the text)."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.conftest import SIZE, app_for


async def test_a_wrong_value_keeps_its_text_in_view_beside_the_message(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("e")
        form = app.screen
        due = form.query_one("#f-due", Input)
        due.value = "frday"
        due.focus()
        await pilot.press("tab")  # leaving the field checks it
        await pilot.pause()
        assert due.has_class("-invalid")
        assert "can't read the date 'frday'" in str(form.query_one("#problem").render())
        for field in (due, form.query_one("#f-title", Input)):
            field.focus()
            await pilot.pause()
            assert due.content_region.height == 1, "no line left for the text typed"
            assert due.styles.border_top[0] in ("", "none")
