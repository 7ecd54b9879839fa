"""Quick add in the French inbox: the bar's example, the live preview with French
labels and dates, the notice once added; a busy file said in French."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.tui.conftest import NOW, SIZE, app_for, messages
from tests.tui.french_screen import english_words, form_text
from vaworkspace.config import Config
from vaworkspace.errors import WorkspaceBusy
from vaworkspace.service import Workspace
from vaworkspace.tui.problems import problem_text

LINE = "Essayage @eve !haute éch:ven 17h ~45 min #couture"


@pytest.fixture
def french(tmp_path) -> Workspace:
    config = Config(timezone_name="America/Montreal", language="fr_CA")
    ws = Workspace(str(tmp_path / "fr.json"), config, clock=lambda: NOW)
    ws.clients.add("Évelyne Couture", id="evelyne")
    return ws


async def test_quick_add_previews_and_adds_in_french(french) -> None:
    async with app_for(french).run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        bar = pilot.app.screen.query_one("#command-input", Input)
        assert bar.placeholder.startswith("Ajout : Réserver l'hôtel @client !h éch:ven 17h")
        await pilot.press(*LINE)
        await pilot.pause()
        lines = str(pilot.app.screen.query_one("#preview").render()).splitlines()
        assert lines[:4] == [
            "titre : Essayage",
            "client : @evelyne (Évelyne Couture)",
            "mots-clés : #couture",
            "priorité : haute",
        ]
        assert lines[4].startswith("échéance : ") and lines[4].endswith("(ven. 4 déc., 17 h)")
        assert lines[5] == "durée : 45 min"
        await pilot.press("enter")
        await pilot.pause()
        assert messages(pilot.app)[-1] == "Tâche 1 ajoutée : Essayage"


async def test_an_unknown_client_in_french(french) -> None:
    async with app_for(french).run_test(size=SIZE) as pilot:
        await pilot.press("a", *"Appeler @personne éch:lun")
        await pilot.pause()
        said = str(pilot.app.screen.query_one("#preview").render())
        assert "client : @personne : aucun client de ce nom pour le moment" in said


async def test_a_busy_file_is_said_in_french(french) -> None:
    async with app_for(french).run_test(size=SIZE):  # the app speaks the workspace's language
        said = problem_text(WorkspaceBusy("locked", holder=4242))
        assert said == "occupé : un autre va écrit (processus 4242), réessayez"
        assert problem_text(WorkspaceBusy("locked")) == "occupé : un autre va écrit, réessayez"


async def test_a_new_client_from_quick_add_in_french(french) -> None:
    async with app_for(french).run_test(size=SIZE) as pilot:
        await pilot.press("a", *"Appeler @studio", "enter")
        await pilot.pause()
        form = form_text(pilot.app)
        assert "Nouveau client @studio — enregistrez, et la tâche est ajoutée" in form
        assert english_words(form) == set()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert messages(pilot.app)[-1] == "Client @studio (studio) et tâche 1 ajoutés : Appeler"
