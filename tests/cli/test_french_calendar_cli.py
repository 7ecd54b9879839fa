"""`va agenda`, `va plan`, `va import`, `va export`, `va calendar`, `va account`
and `va sync` in French (LANG=fr_CA.UTF-8): their lines, tables, refusals and
help, with no English UI word left; English is what it was (the other tests).

The clock is Tuesday 1 December 2026, 14:00 in Montreal (`conftest.NOW`).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from tests.agenda_workspace_fr import DENTAL, EVELYNE

ENGLISH_WORDS = """
    imported would import created updated unchanged cancelled removed events event
    tasks task when type title nothing agenda all day due planned blocks block dry
    run written risk overdue since wrote bytes no accounts add one calendars subscribe
    sync synced not unsubscribed from calendar named shows them plan days at a time
    the of to is and or with warning skipped new clients client first last default
    show write only this file path address help options usage place most urgent into
    free time work how many minutes kept around each remove
"""
SAME_IN_FRENCH = {"agenda", "client", "clients", "plan", "type", "source", "options", "minutes"}
ENGLISH = set(ENGLISH_WORDS.split()) - SAME_IN_FRENCH


def english(text: str) -> set[str]:
    """English UI words of `text`, leaving out commands, flags and placeholders
    (`va sync`, `--client`, `CLIENT`) that are the same in every language."""
    text = re.sub(
        r"`[^`]*`|--?[a-z-]+|\bva [a-z]+( [a-z]+)?|\[\[publish\]\]|\S+\.(ics|json)", " ", text
    )
    words = {word for word in re.findall(r"[A-Za-zÀ-ÿ]+", text) if not word.isupper()}
    return {word.lower() for word in words} & ENGLISH


@pytest.fixture
def french(va, monkeypatch, tmp_path):
    """`va` in French, over a workspace with two clients, two tasks and one calendar."""
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    (tmp_path / "evelyne.ics").write_bytes(EVELYNE)
    (tmp_path / "dental.ics").write_bytes(DENTAL)
    monkeypatch.chdir(tmp_path)
    va("client", "add", "Évelyne Couture")
    va("client", "add", "Clinique dentaire", "--id", "dental")
    va("add", "Facture en retard @dental due:2026-11-25 ~30m")
    va("add", "Envoyer la liste @dental due:today ~15m")
    return va


def test_import_says_what_it_did_in_french(french, tmp_path) -> None:
    done = french("import", "evelyne.ics", "--client", "evelyne")
    assert done == (
        "evelyne.ics importé — événements créés : 4, mis à jour : 0, inchangés : 0, "
        "annulés : 0 ; tâches créées : 0, mises à jour : 0\n"
    )
    tried = french("import", "dental.ics", "-c", "dental", "--dry-run")
    assert tried.startswith("Simulation pour dental.ics — événements créés : 3, ")
    (tmp_path / "tasks.json").write_text(
        json.dumps(
            [
                {
                    "uuid": "6f1c8c4e-0000-4000-8000-000000000001",
                    "description": "Appel",
                    "status": "pending",
                    "entry": "20261120T100000Z",
                    "project": "atelier",
                },
            ]
        )
    )
    done = french("import", "tasks.json")
    assert done.startswith("tasks.json importé — tâches créées : 1, mises à jour : 0, ")
    assert "1 nouveau client" in done
    refused = french("import", "evelyne.ics", "--json", "--client", "nobody", code=1)
    assert refused.startswith("va: ")
    assert english(done) == set()


def test_agenda_in_french(french) -> None:
    french("import", "evelyne.ics", "--client", "evelyne")
    shown = french("agenda", "--days", "2").splitlines()
    assert shown[0].split() == ["Quand", "Type", "Client", "Titre"]
    assert shown[1].startswith("mar. 1 déc., toute la journée  tâche ")
    assert shown[2].startswith("mar. 1 déc. 09:00–09:30        événement  @evelyne  Suivi hebdo")
    assert shown[-1].startswith("mer. 2 déc., toute la journée  événement  @evelyne  Salon")
    assert english("\n".join(shown)) == set()
    assert french("agenda", "--from", "2027-01-04", "--days", "1") == "Rien à l'agenda\n"
    refused = french("agenda", "--days", "0", code=1)
    assert refused == "va: --days doit être entre 1 et 366\n"


def test_plan_in_french(french) -> None:
    tried = french("plan", "--dry-run").splitlines()
    assert tried == [
        "mar. 1 déc.",
        "  14:00–14:30     1  @dental  Facture en retard",
        "  14:35–14:50     2  @dental  Envoyer la liste",
        "à risque : 1 Facture en retard : échue depuis le mer. 25 nov. 2026",
        "2 blocs (simulation : rien n'est écrit)",
    ]
    assert french("plan").splitlines()[-1] == "2 blocs planifiés"
    assert french("plan", "--clear") == "2 blocs planifiés retirés\n"
    assert french("plan", "--clear") == "0 bloc planifié retiré\n"
    refused = french("plan", "--days", "40", code=1)
    assert refused == "va: planifiez de 1 à 31 jours à la fois, pas 40\n"
    assert french("plan", "--buffer", "300", code=1).startswith("va: une marge de 300 minutes")
    assert english("\n".join(tried)) == set()


def test_export_calendars_and_accounts_in_french(french, tmp_path) -> None:
    wrote = french("export", "-o", "out.ics")
    size = os.path.getsize(tmp_path / "out.ics")
    assert wrote == f"out.ics écrit ({size} octets)\n"
    assert french("account", "list").startswith("Aucun compte. Ajoutez-en un : va account add")
    assert french("calendar", "list").startswith("Aucun calendrier. Abonnez-vous : ")
    added = french("calendar", "add", "perso", "evelyne.ics", "-c", "evelyne")
    assert added.startswith("Abonnement à perso : ") and "(`va sync` l'importe)" in added
    listed = french("calendar", "list").splitlines()
    assert listed[0].split() == ["Nom", "Client", "Source"]
    french("sync")
    assert french("calendar", "rm", "perso") == "Désabonnement de perso ; 4 événements retirés\n"
    assert english(wrote + added) == set()


def test_sync_and_its_refusals_in_french(french, tmp_path) -> None:
    nothing = french("sync")
    assert nothing.startswith("Rien à synchroniser. Abonnez-vous : va calendar add NOM FICHIER")
    refused = french("calendar", "add", "perso", str(tmp_path / "nope.ics"), code=1)
    assert refused == f"va: aucun fichier de calendrier à {tmp_path / 'nope.ics'}\n"
    folder = french("calendar", "add", "perso", str(tmp_path), code=1)
    assert folder == f"va: {tmp_path} est un dossier, pas un fichier\n"
    assert french("calendar", "add", "web", "ftp://example.com/a.ics", code=1).startswith(
        "va: seuls les adresses http://, https:// et webcal://"
    )
    french("calendar", "add", "perso", "evelyne.ics")
    again = french("calendar", "add", "perso", "dental.ics", code=1)
    assert again == "va: il y a déjà un calendrier nommé « perso »\n"
    os.rename(tmp_path / "evelyne.ics", tmp_path / "gone.ics")
    failed = french("sync", code=1)
    assert failed.startswith("va: calendrier « perso » non synchronisé : ")
    assert failed.endswith(" ; rien n'a changé\n")
    gone = french("calendar", "rm", "nothing", code=1)
    assert gone == "va: aucun calendrier nommé « nothing » ; `va calendar list` les montre\n"


@pytest.mark.parametrize(
    "command",
    [
        ["agenda"],
        ["plan"],
        ["import"],
        ["export"],
        ["sync"],
        ["publish"],
        ["calendar", "add"],
        ["account"],
        ["account", "map"],
    ],
)
def test_help_in_french(command: list[str]) -> None:
    """The real `va` with LANG=fr_CA.UTF-8: argparse's words and ours in French."""
    shown = subprocess.run(
        [sys.executable, "-m", "vaworkspace", *command, "--help"],
        env={**os.environ, "LANG": "fr_CA.UTF-8"},
        capture_output=True,
        text=True,
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("utilisation : va ")
    actions = re.sub(r"(?m)^ +(add|list|rm|map|unmap) ", " ", shown.stdout)  # command words
    assert english(actions.split("\n\n", 1)[1]) == set(), shown.stdout


@pytest.mark.parametrize(
    ("content", "french_line"),
    [
        (b"", "va: x.ics est vide, ce n'est pas un calendrier"),
        (b"%PDF-1.7 ...", "va: x.ics ressemble à un document PDF, pas à un calendrier"),
        (
            b"<!DOCTYPE html><html><body>Connexion</body></html>",
            "va: x.ics ressemble à une page HTML (une page de connexion ?), pas à un calendrier",
        ),
        (
            b"Bonjour\n",
            "va: x.ics n'a pas de ligne BEGIN:VCALENDAR : ce n'est pas un fichier iCalendar",
        ),
    ],
)
def test_a_file_that_is_no_calendar_is_refused_in_french(french, content, french_line) -> None:
    with open("x.ics", "wb") as handle:
        handle.write(content)
    refused = french("import", "x.ics", code=1)
    assert refused.startswith(french_line), refused


@pytest.mark.parametrize(
    ("content", "french_line"),
    [
        (
            b'[{"uuid": "a", "description": "Appeler"} {}]',
            "va: pas un export Taskwarrior : un tableau JSON de tâches est attendu "
            "(erreur JSON ligne 1, colonne 42 : ",
        ),
        (
            b'{"uuid": "a", "description": "Appeler"}\nBonjour',
            "va: pas un export Taskwarrior : un tableau JSON de tâches est attendu "
            "(erreur JSON ligne 2, colonne 1 : ",
        ),
    ],
)
def test_a_file_that_is_no_taskwarrior_export_is_refused_in_french(
    french, content, french_line
) -> None:
    with open("x.json", "wb") as handle:
        handle.write(content)
    refused = french("import", "x.json", code=1)
    assert refused.startswith(french_line), refused
