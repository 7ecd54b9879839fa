"""`notify_command`: the timer's messages handed to a program of the VA's choice, and
a program that cannot be run said in the language in use (issue #12)."""

from __future__ import annotations

import pytest

from vaworkspace.config import Config
from vaworkspace.errors import InputError
from vaworkspace.i18n import use_language
from vaworkspace.service import Workspace

MISSING = "/nonexistent/notify-me"


def workspace(tmp_path) -> Workspace:
    config = Config(timezone_name="America/Montreal", notify_command=(MISSING, "--urgent"))
    return Workspace(str(tmp_path / "ws.json"), config)


def test_a_program_that_cannot_run_is_said_in_english(tmp_path) -> None:
    with pytest.raises(InputError) as refused:
        workspace(tmp_path).time.announce("Break over: back to work")
    assert str(refused.value) == f"notify_command '{MISSING}' failed: No such file or directory"


def test_a_program_that_cannot_run_is_said_in_french(tmp_path) -> None:
    use_language("fr_CA")
    with pytest.raises(InputError) as refused:
        workspace(tmp_path).time.announce("Fin de la pause : au travail")
    assert str(refused.value) == (
        f"la commande de notification (notify_command) « {MISSING} »"
        " n'a pas pu être lancée : fichier ou dossier introuvable"
    )
