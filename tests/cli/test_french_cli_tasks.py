"""`va add`, `va edit`, `va done`, `va wait`, `va rm`, `va undo` and `va client` in
French (LANG=fr_CA.UTF-8): their echoes, money and retainers in the French form;
the same commands in English print what they always printed."""

from __future__ import annotations

import pytest


@pytest.fixture
def french(monkeypatch):
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")


def test_va_add_echoes_in_french(va, french) -> None:
    va("client", "add", "Évelyne Couture", "--rate", "45", "--currency", "CAD")
    out = va("add", "Réserver l'hôtel @evelyne !haute éch:2026-12-04 17h ~1h30 #voyage")
    lines = out.splitlines()
    assert lines[0] == "Tâche 1 créée : Réserver l'hôtel"
    assert lines[1].split() == ["client:", "@evelyne", "(Évelyne", "Couture)"]
    assert "  priorité:  haute" in out and "  mots-clés: #voyage" in out
    out = va("add", "Appeler @studio", "--new-client")
    assert out.splitlines()[:2] == ["Client @studio créé (studio)", "Tâche 2 créée : Appeler"]


def test_edit_done_wait_rm_and_undo_in_french(va, french) -> None:
    va("add", "Relancer la facture")
    assert va("edit", "1", "!basse").splitlines()[0] == "Tâche 1 modifiée : Relancer la facture"
    waits = va("wait", "1", "2026-12-07")
    assert waits == "Tâche 1 en attente jusqu'à 2026-12-07 : masquée de la boîte d'ici là\n"
    assert va("show", "1").splitlines()[0] == "Tâche 1 : Relancer la facture"
    assert va("done", "1") == "Tâche 1 terminée : Relancer la facture\n"
    assert va("undo").startswith("Annulé : ")
    assert va("undo").startswith("Rétabli : ")
    va("add", "Rappel hebdo éch:2026-12-07 chaque semaine")
    done = va("done", "2").splitlines()
    assert done[1].startswith("  prochaine occurrence : tâche 3, échéance ")
    assert va("rm", "3", "--yes") == "Tâche 3 supprimée : Rappel hebdo\n"
    refused = va("rm", "2", code=1)
    assert "suppression refusée sans confirmation ; ajoutez --yes" in refused


def test_va_client_in_french(va, french) -> None:
    added = va("client", "add", "Boulangerie Léon", "--rate", "30", "--currency", "EUR")
    assert added == "Client @boulangerie créé : Boulangerie Léon\n"
    edited = va("client", "edit", "boul", "--budget", "10h/mois")
    assert edited == "Client @boulangerie modifié : Boulangerie Léon\n"
    listed = va("client", "list").splitlines()
    assert listed[0].split() == ["Code", "Nom", "Taux", "Forfait", "Poids", "Fuseau", "Ouv."]
    assert "30,00\xa0€/h" in listed[1] and "10 h/mois" in listed[1]
    rates = va("client", "edit", "boul", "--rate", "seo=60").splitlines()
    assert rates[1].startswith("Taux : ") and rates[2].startswith("Le temps déjà saisi garde")
    assert va("client", "archive", "boul") == "Le client @boulangerie est archivé\n"
    assert "archivé" in va("client", "list", "--all").splitlines()[1]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["client", "add", "--help"], "heures achetées par période"),
        (["add", "--help"], "grammaire de la saisie rapide"),
        (["done", "--help"], "utilisation : va done"),
    ],
)
def test_the_help_of_these_commands_in_french(capsys, french, argv, said) -> None:
    from vaworkspace.cli import main

    with pytest.raises(SystemExit):
        main(argv)
    assert said in capsys.readouterr().out


def test_the_same_commands_in_english(va) -> None:
    assert va("client", "add", "Boulangerie Léon", "--rate", "30", "--currency", "EUR") == (
        "Created client @boulangerie: Boulangerie Léon\n"
    )
    assert va("client", "list").splitlines()[0].split() == [
        *("ID", "Name", "Rate", "Budget", "Weight", "Zone", "Open")
    ]
    assert "30.00 EUR/h" in va("client", "list")
    assert va("add", "Relancer @boul").splitlines()[0] == "Created task 1: Relancer"
    assert va("done", "1") == "Completed task 1: Relancer\n"
    assert va("undo") == "Undone: complete task 1: Relancer\n"


def test_a_deadline_in_the_client_s_zone_in_french(va, french) -> None:
    va("client", "add", "Lune Atelier", "--id", "lune", "--tz", "Europe/Paris")
    out = va("add", "Envoyer le devis @lune éch:ven 17h")
    assert "ven. 4 déc., 17 h à Europe/Paris, le fuseau de @lune\n" in out


def test_va_why_names_its_terms_in_french(va, french) -> None:
    """The terms as the detail pane names them (échéance, à risque, priorité), in a
    column as wide as the English one; English keeps the config keys."""
    va("add", "Relancer la facture !haute éch:2026-11-30 ~2h")
    why = va("why", "1").splitlines()
    assert why[0] == "Tâche 1 : Relancer la facture"
    names = [line[:11] for line in why[1:]]
    assert names[:4] == ["  échéance ", "  à risque ", "  retard   ", "  priorité "]
    assert why[-1].startswith("  urgence ")
    assert "à risque : l'échéance est passée" in why[2]


def test_va_why_keeps_the_config_keys_in_english(va) -> None:
    va("add", "Chase the invoice !high due:2026-11-30 ~2h")
    names = [line.split()[0] for line in va("why", "1").splitlines()[1:]]
    assert names[:4] == ["due", "at_risk", "overdue", "priority"]
