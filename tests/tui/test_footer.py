"""The footer is rebuilt when the keys it shows change, not each time Textual asks.

Textual rebuilds its footer (a widget per key) whenever the bindings may have
changed: several times while a screen starts, each time with the same keys.
"""

from __future__ import annotations

from textual.widgets import Footer

from tests.tui.conftest import SIZE, app_for, show


def count_rebuilds(monkeypatch) -> list[Footer]:
    rebuilt: list[Footer] = []
    original = Footer.recompose

    async def recompose(self):
        rebuilt.append(self)
        return await original(self)

    monkeypatch.setattr(Footer, "recompose", recompose)
    return rebuilt


def keys_shown(screen) -> list[str]:
    return [key.description for key in screen.query("FooterKey")]


def keys_pressed(screen) -> list[str]:
    return [key.key for key in screen.query("FooterKey")]


async def test_the_inbox_footer_is_built_once_at_start(ws, monkeypatch) -> None:
    rebuilt = count_rebuilds(monkeypatch)
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause(0.2)
        assert "Add" in keys_shown(app.screen) and "Done" in keys_shown(app.screen)
        assert len(rebuilt) == 1, f"rebuilt {len(rebuilt)} times with the same keys"


async def test_the_footer_follows_keys_that_come_and_go(ws, monkeypatch) -> None:
    """The agenda hides `Book` (enter) in its week view (check_action): the footer follows."""
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await show(pilot, "6", "AgendaScreen")
        await pilot.pause()
        assert "enter" in keys_pressed(screen)
        await pilot.press("v")
        await pilot.pause()
        assert "enter" not in keys_pressed(screen) and "View" in keys_shown(screen)
        await pilot.press("v")
        await pilot.pause()
        assert "enter" in keys_pressed(screen)
