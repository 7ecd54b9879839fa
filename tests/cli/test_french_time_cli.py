"""`va timer`, `va log`, `va entries`, `va entry`, `va report` and `va rate plan` in
French (LANG=fr_CA.UTF-8): French words, `1 h 30` lengths, decimal commas, money as
`67,50 $`, days as `lun. 30 nov.`; no English word of these commands left."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

NBSP = "\xa0"
WORDS = """
    started timer stopped paused resumed logged entry entries deleted modified time from
    to exclusive hours billable billed amount budget free name when for task no
    client's focus done left what you really earned billed effective worked target met
    income expenses needed year working weeks off rate rounded refusing
    delete nothing period week month skipped break
"""
ENGLISH = set(WORDS.split())


def english(text: str) -> set[str]:
    cleaned = re.sub(r"--[a-z-]+|@\w+|#\w+", "", text)  # options, clients and kinds stay
    return {word.lower() for word in re.findall(r"[A-Za-zÀ-ÿ']+", cleaned)} & ENGLISH


@pytest.fixture
def fr(va, monkeypatch):
    """`va` in Québec French, with a client billed in CAD and a 10-hour weekly retainer."""
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    va("client", "add", "Acme", "--currency", "CAD", "--rate", "45", "--budget", "10h/week")
    va("add", "Réserver l'hôtel @acme")
    return va


def test_the_timer_in_french(fr) -> None:
    started = fr("timer", "start", "1")
    assert started == "Pomodoro lancé sur la tâche 1\n"
    status = fr("timer", "status")
    assert status.startswith("pomodoro, concentration, sur la tâche 1 : 00:00, reste 25:00")
    assert status.endswith(" ; 0 pomodoro terminé\n")
    assert fr("timer", "pause") == "En pause\n"
    assert "(en pause)" in fr("timer", "status")
    assert fr("timer", "resume") == "Repris\n"
    assert fr("timer", "stop").startswith("Minuteur arrêté\n")
    assert fr("timer", "status") == "Aucun minuteur en cours\n"
    assert fr("timer", "start", "@acme", "--stopwatch") == "Chronomètre lancé sur @acme\n"
    for shown in (started, status):
        assert english(shown) == set(), shown


def test_log_entries_edit_and_rm_in_french(fr) -> None:
    logged = fr("log", "1h30", "@acme", "task:1", "appel", "--start", "9:00")
    assert logged == "Saisie 1 enregistrée : 1 h 30 @acme tâche 1 mar. 1 déc. 9 h–10 h 30 'appel'\n"
    fr("log", "45m", "@acme", "#seo", "hier", "--start", "13:00")
    listed = fr("entries").splitlines()
    assert listed[0].split() == ["N°", "Quand", "Heures", "Pour", "Note"]
    assert "lun. 30 nov. 13 h–13 h 45" in listed[1] and "45 min" in listed[1]
    assert listed[-1] == "Total 2 h 15"
    edited = fr("entry", "edit", "1", "--billable", "non", "--duration", "1h")
    assert edited == "Saisie 1 modifiée : 1 h @acme tâche 1 mar. 1 déc. 9 h–10 h\n"
    assert "non facturable" in fr("entries")
    refused = fr("entry", "rm", "2", code=1)
    assert "suppression refusée sans confirmation ; ajoutez --yes" in refused
    assert fr("entry", "rm", "2", "--yes") == "Saisie 2 supprimée\n"
    assert fr("entries", "--month", "--from", "2026-01-05") == (
        "Aucun temps saisi pendant cette période\n"
    )
    for shown in (logged, "\n".join(listed), edited):
        assert english(shown) == set(), shown


def test_the_report_and_the_summary_in_french(fr) -> None:
    fr("log", "1h30", "@acme", "task:1", "appel", "--start", "9:00")
    fr("log", "30m", "admin", "--start", "11:00")
    report = fr("report", "--tasks")
    lines = report.splitlines()
    assert lines[0] == "Temps du lun. 30 nov. 2026 au lun. 7 déc. 2026 (exclu)"
    assert lines[1].split() == [
        "Client",
        "Nom",
        "Heures",
        "Facturable",
        "Fact.",
        "Montant",
        "Forfait",
        "Gratuit",
    ]
    assert f"67,50{NBSP}$" in lines[2] and "1,5/10h par semaine" in lines[2]
    assert lines[2].split()[2:5] == ["1,50", "1,50", "1,50"]
    assert f"Total 67,50{NBSP}$" in report
    assert re.search(r"\d\.\d", report) is None  # decimal commas
    assert english(report.replace("Réserver l'hôtel", "")) == set(), report
    summary = fr("report", "--summary")
    assert summary.splitlines()[0].startswith("Ce que vous avez vraiment gagné du lun. 30 nov.")
    assert f"CAD : 67,50{NBSP}$ facturés pour 1,50 h facturables" in summary
    assert f"/h effectif sur 2,00 h travaillées, 25{NBSP}% non facturable" in summary
    assert english(summary) == set(), summary
    wrong = fr("report", "--summary", "year", code=1)
    assert "n'est pas une période" in wrong


def test_the_rate_plan_in_french(fr) -> None:
    plan = fr(
        "rate",
        "plan",
        "--income",
        "4000/month",
        "--billable-share",
        "55%",
        "--weeks-off",
        "6",
        "--expenses",
        "300/month",
        "--hours-week",
        "37h30",
    ).splitlines()
    labels = [line[:24].strip() for line in plan]
    assert labels == [
        "Revenu :",
        "Dépenses :",
        "Requis par an :",
        "Semaines travaillées :",
        "Heures facturables :",
        "Taux minimum :",
    ]
    assert len({line.index(line[24:].strip()) for line in plan}) == 1  # one column
    assert "par mois x 12 = " in plan[0] and "par an" in plan[0]
    assert "46 semaines x 37,5 h x 55 % = " in plan[4]
    assert plan[5].endswith("/h (arrondi au cent supérieur)")
    assert english("\n".join(plan)) == set()


def test_the_time_commands_help_in_french() -> None:
    env = {**os.environ, "LANG": "fr_CA.UTF-8"}
    shown = subprocess.run(
        [sys.executable, "-m", "vaworkspace", "report", "--help"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "détailler chaque client par tâche" in shown
    assert "cette semaine (ou la semaine contenant --from)" in shown
    assert "break each client" not in shown and "this week" not in shown


def test_the_timer_s_refusals_in_french(fr) -> None:
    assert "aucun minuteur en cours ; lancez-en un avec `va timer start N°`" in fr(
        "timer", "pause", code=1
    )
    fr("done", "1")
    refused = fr("timer", "start", "1", code=1)
    assert "la tâche 1 est faite ; rouvrez-la ou choisissez-en une autre" in refused
    fr("log", "1h", "@acme", "--start", "9:00")
    wrong = fr("entry", "edit", "1", "--end", "8:00", code=1)
    assert "la saisie 1 finirait avant de commencer" in wrong
