"""The clients screen, the client form and the yes/no question in French at 80×24:
French words, money and retainers in the French form, nothing cut, no English
UI word left; English stays as it was."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.tui.conftest import NOW, SIZE, app_for, messages, show
from tests.tui.french_screen import english_words, screen_lines
from vaworkspace.config import Config
from vaworkspace.service import Workspace


@pytest.fixture
def french(tmp_path) -> Workspace:
    """The demo week in French, as a Québec VA would see it."""
    config = Config(timezone_name="America/Montreal", language="fr_CA")
    ws = Workspace(str(tmp_path / "demo.json"), config, clock=lambda: NOW)
    ws.fill_demo()
    return ws


async def test_the_clients_table_in_french(french) -> None:
    async with app_for(french).run_test(size=SIZE) as pilot:
        await show(pilot, "3", "ClientsScreen")
        lines = screen_lines(pilot.app)
        assert lines[1].split() == ["Code", "Nom", "Taux", "Forfait", "Poids", "Fuseau", "Ouv."]
        evelyne = next(line for line in lines if line.startswith(" @evelyne"))
        assert "45,00\xa0$/h" in evelyne and "15 h/sem." in evelyne
        bakery = next(line for line in lines if line.startswith(" @bakery"))
        assert "30,00\xa0€/h" in bakery and "10 h/mois" in bakery
        assert english_words("\n".join(lines[:-1])) == set()  # the footer: test_french_chrome


async def test_archiving_says_so_in_french(french) -> None:
    async with app_for(french).run_test(size=SIZE) as pilot:
        await show(pilot, "3", "ClientsScreen")
        await pilot.press("x")
        await pilot.pause()
        assert messages(pilot.app)[-1] == "@bakery est archivé"
        await pilot.press("v")
        await pilot.pause()
        assert "⊘ Boulangerie" in "\n".join(screen_lines(pilot.app))
        await pilot.press("x")
        await pilot.pause()
        assert messages(pilot.app)[-1] == "@bakery est de nouveau actif"


async def test_the_client_form_in_french_reads_back_what_it_shows(french) -> None:
    async with app_for(french).run_test(size=SIZE) as pilot:
        await show(pilot, "3", "ClientsScreen")
        await pilot.press("down", "down", "down", "e")  # @evelyne
        await pilot.pause()
        form = "\n".join(screen_lines(pilot.app))
        for label in ("Nom", "Taux / h", "Par type", "Devise", "Forfait", "Poids", "Fuseau"):
            assert f"▊ {label} " in form, label
        assert "Client @evelyne" in form and "Enregistrer ^s" in form and "Annuler échap" in form
        assert pilot.app.screen.query_one("#f-rate_cents", Input).value == "45,00"
        assert pilot.app.screen.query_one("#f-budget", Input).value == "15 h/semaine"
        assert english_words(form) == set()
        pilot.app.screen.query_one("#f-budget", Input).value = "12 h 30/semaine"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert messages(pilot.app)[-1] == "@evelyne enregistré : Évelyne Couture"
    client = french.clients.get("evelyne")
    assert (client.budget.minutes, client.budget.period, client.rate_cents) == (750, "week", 4500)


async def test_a_new_client_form_in_french(french) -> None:
    async with app_for(french).run_test(size=SIZE) as pilot:
        await show(pilot, "3", "ClientsScreen")
        await pilot.press("a")
        await pilot.pause()
        form = "\n".join(screen_lines(pilot.app))
        assert "Nouveau client" in form and "▊ Code " in form
        assert "10 h/semaine, 40 h/mois, aucun" in form and "45 ou 45,50" in form
        assert english_words(form) == set()
        screen = pilot.app.screen
        screen.query_one("#f-name", Input).value = "Atelier Brodeur"
        screen.query_one("#f-rate_cents", Input).value = "52,50"
        screen.query_one("#f-budget", Input).value = "aucun"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert messages(pilot.app)[-1] == "@atelier enregistré : Atelier Brodeur"
    assert french.clients.get("atelier").rate_cents == 5250


async def test_deleting_a_task_asks_in_french(french) -> None:
    async with app_for(french).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        asked = "\n".join(screen_lines(pilot.app))
        assert "Supprimer la tâche " in asked and "y : supprimer · n ou échap : non" in asked
        assert english_words(str(pilot.app.screen.query_one("#keys").render())) == set()
        await pilot.press("y")
        await pilot.pause()
        assert messages(pilot.app)[-1].startswith("Tâche ")
        assert " supprimée : " in messages(pilot.app)[-1]


async def test_english_clients_stay_as_they_were(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await show(pilot, "3", "ClientsScreen")
        lines = screen_lines(pilot.app)
        assert lines[1].split() == ["ID", "Name", "Rate", "Budget", "Weight", "Zone", "Open"]
        await pilot.press("x")
        await pilot.pause()
        assert messages(pilot.app)[-1] == "@dental is archived"
        await pilot.press("e")
        await pilot.pause()
        form = "\n".join(screen_lines(pilot.app))
        assert "Rate / h" in form and "Save ^s" in form and "Cancel esc" in form
        assert pilot.app.screen.query_one("#f-budget", Input).value == "none"
