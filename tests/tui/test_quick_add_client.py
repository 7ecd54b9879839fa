"""Pilot tests: quick add naming a client that does not exist yet offers to create it."""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import SIZE, app_for, titles
from vaworkspace.tui.command_bar import CommandBar


async def test_unknown_client_opens_the_client_form_then_adds_the_task(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("a", *"Call the notary @notary due:fri", "enter")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "ClientForm"
        assert "@notary" in str(form.query_one("Static").render())
        name = form.query_one("#f-name")
        name.value = "Maître Dubois"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "InboxScreen"
        assert ws.clients.get("notary").name == "Maître Dubois"
        added = [t for t in ws.tasks.all() if t.title == "Call the notary"]
        assert added and added[0].client == "notary" and added[0].source == "tui"
        assert "Call the notary" in titles(app)
        assert not app.screen.query_one(CommandBar).has_class("-open")


async def test_cancelling_the_client_form_keeps_the_line_and_writes_nothing(ws) -> None:
    before = Path(ws.path).read_bytes()
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("a", *"Call the notary @notary", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ClientForm"
        await pilot.press("escape")
        await pilot.pause()
        bar = app.screen.query_one(CommandBar)
        assert bar.has_class("-open")
        assert bar.query_one("Input").value == "Call the notary @notary"
    assert Path(ws.path).read_bytes() == before


async def test_a_close_typo_still_says_did_you_mean(ws) -> None:
    """A near miss of an existing client is a typo, not a new client: the bar says so."""
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("a", *"Invoice @dentl", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "InboxScreen"
        bar = app.screen.query_one(CommandBar)
        assert "did you mean @dental" in str(bar.query_one("#preview").render())
