"""Errors raised below the UI but outside the domain, in French under a French UI
and as before in English (issue #12): the workspace file, the config, the
service's refusals, a download."""

from __future__ import annotations

import socket

import pytest

from tests.error_languages import assert_speaks_each_language
from vaworkspace.config import parse_config
from vaworkspace.errors import ConfigError, EditConflict, StoreError, VaError
from vaworkspace.i18n import use_language
from vaworkspace.service.download import _reason
from vaworkspace.service.inputs import read_capped
from vaworkspace.store.migrations import decode


def _raise(error: Exception) -> None:
    """EditConflict writes its message when it is made: make it under each language."""
    raise error


CASES = {
    "empty file": (
        lambda: decode("/w/ws.json", b"  "),
        "workspace /w/ws.json is empty; move it away; no backup found in",
        "l'espace de travail /w/ws.json est vide ; déplacez-le ailleurs ; aucune sauvegarde",
    ),
    "not JSON": (
        lambda: decode("/w/ws.json", b'{"meta": '),
        "is not valid JSON (Expecting value at line 1 column 10)",
        "n'est pas du JSON valide (Expecting value à la ligne 1, colonne 10)",
    ),
    "not ours": (
        lambda: decode("/w/ws.json", b"[1, 2]"),
        "is not a vaworkspace file (its top level is an array, not an object)",
        "n'est pas un fichier vaworkspace (son premier niveau est un tableau, pas un objet)",
    ),
    "bad record": (
        lambda: decode(
            "/w/ws.json",
            b'{"meta": {"1": {"app": "vaworkspace", "schema": 2, "next_task_id": 1}}, '
            b'"tasks": {"3": {"uuid": "u", "title": 7}}}',
        ),
        'cannot be read: task 3 (table "tasks") has no "created"; move it away',
        "est illisible : tâche 3 (table « tasks ») n'a pas de « created » ; déplacez-le",
    ),
    "unknown setting": (
        lambda: parse_config({"colour": "red"}, "/c/config.toml"),
        "/c/config.toml: unknown setting 'colour'; known: timezone,",
        "/c/config.toml : réglage inconnu « colour » ; connus : timezone,",
    ),
    "bad number": (
        lambda: parse_config({"break_reminder_minutes": -5}),
        "config: break_reminder_minutes must be a whole number of minutes (0: never), "
        "from 0 to 1440, not -5",
        "configuration : break_reminder_minutes doit être un nombre entier de minutes "
        "(0 : jamais), de 0 à 1440, pas -5",
    ),
    "bad section": (
        lambda: parse_config({"pomodoro": {"focus": 0}}),
        "config: pomodoro setting 'focus' must be 1 to 240 minutes, not 0",
        "configuration : le réglage pomodoro « focus » doit aller de 1 à 240 minutes, pas 0",
    ),
    "edit conflict": (
        lambda: _raise(EditConflict(4, ("due", "title"), None)),
        "task 4 was changed elsewhere while you edited it (due, title); nothing was saved",
        "la tâche 4 a été modifiée ailleurs pendant votre édition (échéance, titre) ; rien",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_the_message_follows_the_ui_language(name: str) -> None:
    action, english, french = CASES[name]
    assert_speaks_each_language(action, english, french)


def test_the_kinds_of_error_stay_what_they_were() -> None:
    use_language("fr_CA")
    with pytest.raises(StoreError):
        decode("/w/ws.json", b"")
    with pytest.raises(ConfigError):
        parse_config({"language": "klingon"})


def test_a_folder_given_as_an_import(tmp_path) -> None:
    use_language("fr_FR")
    with pytest.raises(VaError, match=f"^{tmp_path} est un dossier, pas un fichier$"):
        read_capped(str(tmp_path), 1000)


def test_why_a_download_failed() -> None:
    assert _reason(ConnectionRefusedError()) == "the server refused the connection"
    use_language("fr_CA")
    assert _reason(ConnectionRefusedError()) == "le serveur a refusé la connexion"
    assert _reason(socket.gaierror()).startswith("le nom du serveur est introuvable")
