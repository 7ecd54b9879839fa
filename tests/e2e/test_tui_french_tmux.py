"""A French-speaking VA's day in a real 80×24 terminal (tmux), LANG=fr_CA.UTF-8:
quick-add in French, triage (an estimate typed in the bar, a priority), a focus
timer paused and stopped, the reports and a timesheet, with the workspace's
words in French.

Each step reads the French the VA sees (the bar's example, the triage card's
progress, the timer's notices) and checks the file: the French was understood."""

from __future__ import annotations

import subprocess

import pytest
from terminal import base_environment, seed

pytestmark = pytest.mark.slow

FRENCH = {"LANG": "fr_CA.UTF-8", "LC_ALL": ""}  # LC_ALL would beat LANG
QUICK_ADD = "Appeler le comptable @evelyne éch:ven 17h ~45min !haute"
TITLE = "Appeler le comptable"


def test_quick_add_triage_timer_and_report_in_french(workspace, tmux_pane) -> None:
    french_env = {**workspace.env, **FRENCH}

    def va_fr(*argv: str) -> str:
        done = subprocess.run(
            [workspace.va, *argv],
            env={**base_environment(), **french_env},
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    seeded = seed(workspace)
    pane = tmux_pane([workspace.va], {**workspace.env, **FRENCH})
    pane.wait_for("Boîte de réception")
    rows = pane.rows()
    assert "Ajout" in rows[-1] and "Annul." in rows[-1] and "Add" not in rows[-1], rows[-1]
    assert "aucun minuteur" in rows[0] and "aujourd'hui" in rows[0], rows[0]

    pane.send_keys("a")
    pane.wait_for(lambda screen: "Ajout" not in pane.rows()[-1])  # the input took the footer
    pane.type(QUICK_ADD)
    pane.wait_for(QUICK_ADD)
    pane.send_keys("Enter")
    pane.wait_for(lambda screen: QUICK_ADD not in screen and TITLE in screen)
    added = workspace.task(TITLE)
    assert added["client"] == "evelyne" and added["priority"] == "high"
    assert added["estimate_minutes"] == 45 and added["due"].endswith("T22:00:00Z")  # ven. 17 h

    pane.send_keys("2")
    # Tâche 1 sur 2 à trier, and its keys
    triage = pane.wait_for(lambda screen: "à trier" in screen and "Passer" in pane.rows()[-1])
    assert triage.splitlines()[0].split()[0] == "Tri"
    assert "il manque encore : durée" in triage
    [sorting] = [title for title in seeded if title in triage]
    pane.send_keys("h")  # haute
    pane.send_keys("e")
    pane.wait_for(lambda screen: "Passer" not in pane.rows()[-1])  # the bar took the footer
    pane.type("1h30")
    pane.send_keys("Enter")
    pane.wait_for("Triée ✓")
    triaged = workspace.task(sorting)
    assert triaged["estimate_minutes"] == 90 and triaged["priority"] == "high"

    pane.send_keys("1")
    pane.wait_for("Boîte de réception")
    pane.send_keys("t")
    timing = pane.wait_for(lambda screen: "⏵ #" in screen.splitlines()[0])
    assert "aucun minuteur" not in timing.splitlines()[0]
    pane.send_keys("4")
    focus = pane.wait_for(
        lambda screen: screen.split()[0] == "Concentration" and "espace Pause" in pane.rows()[-1]
    )
    assert "bloc" in focus
    pane.send_keys("Space")
    pane.wait_for("Minuteur en pause")
    pane.send_keys("s")
    pane.wait_for("Minuteur arrêté")
    assert "aucun minuteur" in pane.wait_for(lambda screen: "⏵" not in screen.splitlines()[0])

    va_fr("log", "1h30", "@evelyne", "appel")  # another terminal: the TUI follows
    pane.send_keys("5")
    reports = pane.wait_for("1,5 h saisies")  # this week's, with a decimal comma
    assert "Rapports" in reports.splitlines()[0] and "Semaine du" in reports.splitlines()[1]
    assert "S E Exporter" in pane.rows()[-1]  # Relevé (S) and E share one label
    [evelyne] = [row for row in reports.splitlines() if row.startswith("@evelyne")]
    assert "1,5" in evelyne  # its day (a notice may cover the row's end)
    pane.send_keys("C-q")
    assert pane.wait_exit() == 0

    listed = workspace.run("list").splitlines()  # English environment: English headings
    assert listed[0].split()[:4] == ["ID", "Urg", "Client", "Title"]
    assert va_fr("list").splitlines()[0].split()[:4] == ["N°", "Urg", "Client", "Titre"]
    sheet = va_fr("report", "--csv", "--client", "evelyne")
    assert sheet.startswith("\ufeffdate;tâche;début;fin;heures;taux;montant;note")
    assert ";1,50;" in sheet
