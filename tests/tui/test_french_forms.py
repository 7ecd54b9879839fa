"""The task form and the first run's questions in French at 80×24: labels that fit,
French examples, values that read back, notices in French; nothing in English."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.tui.conftest import NOW, SIZE, app_for, messages
from tests.tui.french_screen import english_words, form_text
from vaworkspace import i18n
from vaworkspace.config import Config, load_config
from vaworkspace.domain.tasks.fields import parse_fields
from vaworkspace.service import Workspace
from vaworkspace.tui.first_run import FirstRunApp

LABELS = ("Titre", "Client", "Priorité", "Éch.", "Reporter à", "Prévue le", "Durée", "Étiq.")


@pytest.fixture
def french(tmp_path) -> Workspace:
    config = Config(timezone_name="America/Montreal", language="fr_CA")
    ws = Workspace(str(tmp_path / "fr.json"), config, clock=lambda: NOW)
    ws.clients.add("Évelyne Couture", id="evelyne")
    ws.tasks.add("Réserver l'hôtel @evelyne !haute éch:ven 17h ~1h30 #voyage")
    return ws


@pytest.fixture
def speaks_french():
    i18n.use_language("fr_CA")  # as `va` does from LANG before the first run
    yield
    i18n.use_language("en")


async def _open_form(pilot):
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == "TaskForm"
    return pilot.app.screen


async def test_the_task_form_in_french(french) -> None:
    async with app_for(french).run_test(size=SIZE) as pilot:
        form = await _open_form(pilot)
        shown = form_text(pilot.app)
        for label in (*LABELS, "Répétition", "Notes"):
            assert f"\n {label} " in shown, label
        assert "Tâche 1" in shown and "Enregistrer ^s" in shown
        assert "chaque semaine, chaque! 2 semaines, aucune" in shown
        assert english_words(shown) == set()
        assert form.query_one("#f-priority", Input).value == "haute"
        assert form.query_one("#f-estimate", Input).value == "1 h 30"
        await pilot.press("ctrl+s")  # nothing changed: the French values are no change
        await pilot.pause()
        assert messages(pilot.app)[-1] == "Tâche 1 inchangée"


async def test_french_values_typed_in_the_form_are_saved(french) -> None:
    async with app_for(french).run_test(size=SIZE) as pilot:
        form = await _open_form(pilot)
        form.query_one("#f-priority", Input).value = "basse"
        form.query_one("#f-wait", Input).value = "aucune"
        form.query_one("#f-estimate", Input).value = "45 min"
        form.query_one("#f-recurrence", Input).value = "toutes les 2 semaines"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert messages(pilot.app)[-1] == "Tâche 1 enregistrée : Réserver l'hôtel"
        form = await _open_form(pilot)
        form.query_one("#f-due", Input).value = "aucune"
        form.query_one("#f-recurrence", Input).value = "aucune"
        await pilot.press("ctrl+s")
        await pilot.pause()
    task = french.tasks.get(1)
    assert (task.priority, task.due, task.estimate_minutes) == ("low", None, 45)
    assert task.recurrence is None


async def test_a_conflict_is_told_in_french(french) -> None:
    async with app_for(french).run_test(size=SIZE) as pilot:
        form = await _open_form(pilot)
        french.tasks.update(1, {"priority": "low"})  # another terminal
        form.query_one("#f-priority", Input).value = "moyenne"
        await pilot.press("ctrl+s")
        await pilot.pause()
        problem = str(form.query_one("#problem").render())
        assert problem.startswith("La tâche 1 a changé ailleurs")
        assert "priorité : la leur basse · la vôtre moyenne" in problem
        assert english_words(problem) == set()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert str(form.query_one("#problem").render()).startswith(
            "Repris leurs valeurs (priorité)"
        )


async def test_the_first_run_asks_in_french(tmp_path, monkeypatch, speaks_french) -> None:
    monkeypatch.chdir(tmp_path)  # a short path: the test's name would be English words
    path = tmp_path / "config.toml"
    app = FirstRunApp("config.toml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = form_text(app)
        assert "Bienvenue dans vaworkspace" in shown and "Garder échap" in shown
        for label in ("Fuseau", "Horaire", "Jours ouvr."):
            assert f"\n {label} " in shown, label
        assert english_words(shown) == set()
        days = app.screen.query_one("#f-days", Input)
        assert days.value == "lun mar mer jeu ven"
        days.value = "lun, mar mercredi"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.return_value is True
    assert sorted(load_config(str(path), env={}).work.days) == [0, 1, 2]
    assert 'days = ["mon", "tue", "wed"]' in path.read_text()


async def test_the_first_run_refuses_no_day_in_french(tmp_path, speaks_french) -> None:
    app = FirstRunApp(str(tmp_path / "config.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#f-days", Input).value = " "
        await pilot.press("ctrl+s")
        await pilot.pause()
        problem = str(app.screen.query_one("#problem").render())
        assert problem == "jours ouvrables : au moins un, comme lun mar mer jeu ven"
    assert not (tmp_path / "config.toml").exists()


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("chaque semaine", "chaque semaine"),
        ("every monday", "chaque lundi"),
        ("toutes les 2 semaines", "toutes les 2 semaines"),
        ("tous les jours", "tous les jours"),
        ("chaque! 3 mois", "chaque! 3 mois"),
        ("every weekday", "chaque jour ouvrable"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "chaque mois le 15"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "chaque FREQ=MONTHLY;BYMONTHDAY=-1"),
    ],
)
async def test_a_repetition_shows_in_french_and_reads_back(french, typed, shown) -> None:
    french.tasks.update(1, {"recurrence": typed})
    before = french.tasks.get(1)
    async with app_for(french).run_test(size=SIZE) as pilot:
        form = await _open_form(pilot)
        assert form.query_one("#f-recurrence", Input).value == shown
        form.query_one("#f-title", Input).value = "Réserver la salle"
        await pilot.press("ctrl+s")
        await pilot.pause()
    after = french.tasks.get(1)
    read = parse_fields({"recurrence": shown}, after, NOW, french.tz)  # as if typed again
    assert (
        (read.recurrence, read.recur_from_completion)
        == (
            after.recurrence,
            after.recur_from_completion,
        )
        == (before.recurrence, before.recur_from_completion)
    )
