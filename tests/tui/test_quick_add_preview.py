"""Quick add's preview shows every field understood, the client by its name
(issue #9): the due date, the field that most needs checking, was cut off."""

from __future__ import annotations

from tests.tui.conftest import SIZE, app_for

LINE = "Book the fitting @eve !h due:fri 17:00 ~45m #travel every week"


async def test_the_preview_shows_every_field_with_the_client_s_name(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.press("a", *LINE)
        await pilot.pause()
        preview = pilot.app.screen.query_one("#preview")
        lines = str(preview.render()).splitlines()
        said = "\n".join(lines)
        for wanted in ("Book the fitting", "Évelyne Couture", "high", "fri 17:00", "45m"):
            assert wanted in said, said
        assert "week" in said.lower() and "#travel" in said
        assert preview.content_region.height == len(lines), (preview.content_region, lines)
        assert any(line.startswith("due") for line in lines)


async def test_an_unknown_client_is_said_in_the_preview(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.press("a", *"Call @nobody due:mon")
        await pilot.pause()
        said = str(pilot.app.screen.query_one("#preview").render())
        assert "@nobody" in said and "no client" in said, said
        assert "due" in said
