"""`va` refuses bad input in French when LANG is French (issue #12): a bad date, an
ambiguous word, an unknown client, a bad config value, a damaged file. Each time
one line on stderr, a non-zero exit, and the workspace file exactly as it was."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

NOW = "2026-12-01T19:00:00Z"  # Tuesday 14:00 in Montreal


def _va(*argv: str, lang: str = "fr_CA.UTF-8") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vaworkspace", *argv],
        env={**os.environ, "LANG": lang, "VAWORKSPACE_NOW": NOW},
        capture_output=True,
        text=True,
    )


@pytest.fixture
def workspace(isolated_env):
    """A workspace with a client and a task; returns its path."""
    assert _va("client", "add", "Acme Inc", "--id", "acme").returncode == 0
    assert _va("add", "Réserver l'hôtel @acme éch:ven").returncode == 0
    return isolated_env / "data" / "workspace.json"


def _refused(workspace, *argv: str, code: int = 1, lang: str = "fr_CA.UTF-8") -> str:
    before = workspace.read_bytes(), workspace.stat().st_mtime_ns
    done = _va(*argv, lang=lang)
    assert done.returncode == code, (done.stdout, done.stderr)
    assert (workspace.read_bytes(), workspace.stat().st_mtime_ns) == before
    [line] = done.stderr.splitlines()
    assert line.startswith("va: ")
    return line


CASES = [
    (
        ("add", "Appeler le notaire éch:frday"),
        "date illisible dans « éch:frday » : essayez aujourd'hui, demain",
        "can't read the date in 'éch:frday': try today, tomorrow",
    ),
    (
        ("add", "Appeler le notaire éch:mar 5"),
        "elle est ambiguë, 'mar' = mardi (tue) ou 'mar' = march (mars) ? écrivez le mot voulu",
        "it is ambiguous, 'mar' = mardi (tue) or 'mar' = march (mars)? write the word you mean",
    ),
    (
        ("add", "Appeler le notaire @zorglub"),
        "aucun client « @zorglub » ; les clients sont @acme (ajoutez-le avec `va client add`)",
        "no client '@zorglub'; clients are @acme (add it with `va client add`)",
    ),
    (
        ("log", "1h", "@acme", "demain"),
        "dans le futur : saisissez du temps déjà travaillé",
        "in the future: log time already worked",
    ),
    (
        ("edit", "1", "~lots"),
        "durée illisible « lots »",
        "can't read the duration 'lots'",
    ),
    (
        ("done", "42"),
        "aucune tâche 42 ; `va list --all` montre toutes les tâches",
        "no task 42; `va list --all` shows every task",
    ),
    (
        ("show", "42"),
        "aucune tâche 42 ; `va list --all` montre toutes les tâches",
        "no task 42; `va list --all` shows every task",
    ),
    (
        ("why", "42"),
        "aucune tâche 42 ; `va list --all` montre toutes les tâches",
        "no task 42; `va list --all` shows every task",
    ),
]


@pytest.mark.parametrize(
    ("argv", "french", "english"), CASES, ids=[c[0][0] + c[1][:12] for c in CASES]
)
def test_bad_input_is_refused_in_french_and_nothing_is_written(
    workspace, argv, french, english
) -> None:
    assert french in _refused(workspace, *argv)
    assert english in _refused(workspace, *argv, lang="C.UTF-8")


def test_a_bad_config_value_in_french(workspace, isolated_env) -> None:
    config = isolated_env / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("daily_cap_hours = 99\n")
    line = _refused(workspace, "add", "Appeler le notaire", code=2)
    assert line == (
        f"va: {config} : daily_cap_hours doit être un nombre d'heures, de plus de 0 à 24, pas 99"
    )
    english = _refused(workspace, "add", "Appeler le notaire", code=2, lang="C.UTF-8")
    assert (
        english == f"va: {config}: daily_cap_hours must be a number of hours, above 0 to 24, not 99"
    )


def test_a_damaged_file_in_french(workspace) -> None:
    workspace.write_bytes(workspace.read_bytes()[:-40])  # cut short, as by a full disk
    line = _refused(workspace, "list")
    assert line.startswith(f"va: l'espace de travail {workspace} n'est pas du JSON valide (")
    assert "à la ligne 1, colonne" in line
    assert " ; restaurez la sauvegarde la plus récente " in line  # the day's, from `va add`
    assert line.endswith(" ou déplacez-le ailleurs")
    assert _refused(workspace, "add", "Appeler le notaire").startswith("va: l'espace de travail")
    english = _refused(workspace, "list", lang="C.UTF-8")
    assert english.startswith(f"va: workspace {workspace} is not valid JSON (")
