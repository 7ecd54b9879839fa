"""Sync in the full-screen workspace (R, or Sync in the palette): the sync runs in
a worker, each calendar's and collection's result is said in a notice, a failure
as an error notice naming it, and the inbox shows what came."""

from __future__ import annotations

from tests.tui.conftest import SIZE, app_for, errors, messages


async def test_sync_from_the_palette_brings_the_servers_todos(synced) -> None:
    synced.phone.add("phone-1", "Renew passport")
    async with app_for(synced.ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        commands = {c.title: c for c in app.get_system_commands(app.screen)}

        await commands["Sync"].callback()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()

        assert any(m.startswith("Synced work/") for m in messages(app)), messages(app)
        assert errors(app) == []
        assert "Renew passport" in synced.titles()


async def test_r_brings_the_servers_todos_and_says_so(synced) -> None:
    synced.phone.add("phone-1", "Renew passport", priority="1")
    async with app_for(synced.ws).run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        said = messages(pilot.app)[-1]
        assert said.startswith("Synced ") and "1 task from the server" in said, said
        assert errors(pilot.app) == []
    assert synced.task("Renew passport").client == "acme"


async def test_a_sync_that_fails_is_an_error_notice(synced) -> None:
    synced.server.stop()
    try:
        async with app_for(synced.ws).run_test(size=SIZE) as pilot:
            app = pilot.app
            await app.run_action("sync")
            await app.workers.wait_for_complete()
            await pilot.pause()

            assert [e for e in errors(app) if "account 'work'" in e and "cannot connect" in e]
    finally:
        synced.server.start()
