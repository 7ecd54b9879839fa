"""`va` in French: from LANG (fr_CA, fr_FR) or the config's `language`, its help,
the task list's headings and its notes; English stays what it was."""

from __future__ import annotations

import os
import subprocess
import sys


def _va(*argv: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vaworkspace", *argv],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )


def test_help_follows_lang_and_the_region() -> None:
    quebec = _va("--help", LANG="fr_CA.UTF-8")
    assert quebec.returncode == 0, quebec.stderr
    assert quebec.stdout.startswith("utilisation : va ")
    assert "adjointes virtuelles" in quebec.stdout
    assert "afficher cette aide et quitter" in quebec.stdout
    assert "show this help" not in quebec.stdout and "version number" not in quebec.stdout
    france = _va("--help", LANG="fr_FR.UTF-8")
    assert "assistantes virtuelles" in france.stdout
    english = _va("--help", LANG="C.UTF-8")
    assert english.stdout.startswith("usage: va ") and "options:" in english.stdout


def test_the_config_language_beats_the_environment(tmp_path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('language = "fr"\n')
    assert _va("--help", VAWORKSPACE_CONFIG=str(config)).stdout.startswith("utilisation : ")
    config.write_text('language = "en"\n')
    shown = _va("--help", VAWORKSPACE_CONFIG=str(config), LANG="fr_CA.UTF-8").stdout
    assert shown.startswith("usage: ")


def test_the_task_list_in_french() -> None:
    assert "Aucune tâche" in _va("list", LANG="fr_CA.UTF-8").stdout
    added = _va("add", "Réserver l'hôtel due:2026-01-05", LANG="fr_CA.UTF-8")
    assert added.returncode == 0, added.stderr
    listed = _va("list", LANG="fr_CA.UTF-8").stdout.splitlines()
    assert listed[0].split() == ["N°", "Urg", "Client", "Titre", "Éch.", "Durée", "Étiq."]
    assert listed[-1].startswith("(! à risque : ")  # overdue: it no longer fits
    english = _va("list", LANG="C.UTF-8").stdout.splitlines()
    assert english[0].split() == ["ID", "Urg", "Client", "Title", "Due", "Est", "Tags"]


def test_aucun_and_aucune_clear_fields_in_va_add_and_edit() -> None:
    """A user's report: `@aucun` and `~aucune` were not understood (a client named
    aucun was asked for, the estimate refused)."""
    import json

    assert _va("client", "add", "Acme", LANG="fr_CA.UTF-8").returncode == 0
    line = "Relancer @acme !haute échéance:ven attente:demain ~45m chaque lundi"
    assert _va("add", line, LANG="fr_CA.UTF-8").returncode == 0
    clear = ["@aucun", "!aucun", "~aucune", "échéance:aucune", "attente:aucun", "chaque:aucun"]
    edited = _va("edit", "--json", "1", *clear, LANG="fr_CA.UTF-8")
    assert edited.returncode == 0, edited.stderr
    task = json.loads(edited.stdout)
    fields = ("client", "priority", "estimate_minutes", "due", "wait", "recurrence")
    assert [task[name] for name in fields] == [None] * 6 and task["title"] == "Relancer"
    added = _va("add", "--json", "Relire @aucun ~aucune", LANG="C.UTF-8")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["client"] is None
