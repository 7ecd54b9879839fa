"""Pilot tests: quick add naming a client that does not exist yet offers to create it."""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import SIZE, app_for, messages, titles
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


async def test_one_undo_takes_back_the_client_and_its_task(ws) -> None:
    """The client form and the task it was opened for are one change: `u` once
    removes both and says so, leaving no client without the task that made it."""
    clients_before = {c.id for c in ws.clients.all(include_archived=True)}
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("a", *"Call the notary @notary due:fri", "enter")
        await pilot.pause()
        app.screen.query_one("#f-name").value = "Maître Dubois"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Call the notary" in titles(app)
        await pilot.press("u")
        await pilot.pause()
        undone = messages(app)[-1]
        assert "@notary" in undone and "Call the notary" in undone, undone
        assert "Call the notary" not in titles(app)
    assert {c.id for c in ws.clients.all(include_archived=True)} == clients_before
    assert not [t for t in ws.tasks.all() if t.title == "Call the notary"]


async def test_a_bad_client_field_stays_in_the_form_and_writes_nothing(ws) -> None:
    before = Path(ws.path).read_bytes()
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("a", *"Call the notary @notary", "enter")
        await pilot.pause()
        app.screen.query_one("#f-rate_cents").value = "lots"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ClientForm"
        assert "lots" in str(app.screen.query_one("#problem").render())
    assert Path(ws.path).read_bytes() == before
