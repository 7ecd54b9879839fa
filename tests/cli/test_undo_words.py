"""`va undo` says what it undid in the UI's language, whichever language the
change was made in: the file keeps what the change did, not its words. A file
written by an older version keeps an English label, undone and shown as it was."""

from __future__ import annotations

import json
import os

import pytest


@pytest.fixture
def french(monkeypatch):
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")


def test_a_change_made_in_english_is_undone_in_french(va, monkeypatch) -> None:
    va("add", "Call supplier")
    va("rm", "1", "--yes")
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert va("undo") == "Annulé : suppression de la tâche 1 : Call supplier\n"
    assert va("undo") == "Rétabli : suppression de la tâche 1 : Call supplier\n"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert va("undo") == "Undone: delete task 1: Call supplier\n"


def test_time_entries_and_clients_in_french(va, french) -> None:
    va("client", "add", "Acme")
    assert va("undo") == "Annulé : ajout du client @acme\n"
    va("client", "add", "Acme")
    va("log", "1h", "@acme", "--start", "9:00")
    va("log", "30m", "@acme", "--start", "11:00")
    va("entry", "rm", "1", "2", "--yes")
    assert va("undo") == "Annulé : suppression des saisies de temps 1, 2\n"


def test_a_refused_undo_in_french(va, french) -> None:
    va("add", "Relancer")
    va("edit", "1", "!haute")
    path = os.environ["VAWORKSPACE_DB"]
    with open(path, encoding="utf-8") as handle:
        doc = json.load(handle)
    doc["tasks"]["1"]["title"] = "Relancer Bob"  # another program, since
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(doc, handle)
    refused = va("undo", code=1)
    assert refused == (
        "va: impossible d'annuler « modification de la tâche 1 : Relancer » : tâche 1 a "
        "changé depuis (une autre modification ou un autre terminal) ; rien n'a été modifié\n"
    )


def older_file(path: str) -> None:
    """The undo record as versions before action keys wrote it: an English label."""
    with open(path, encoding="utf-8") as handle:
        doc = json.load(handle)
    [record] = [r for r in doc["state"].values() if r["kind"] == "undo"]
    del record["action"], record["args"]
    record["label"] = "delete task 1: Call supplier"
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(doc, handle)


def test_an_older_file_s_label_is_undone_and_redone_as_written(va, monkeypatch) -> None:
    va("add", "Call supplier")
    va("rm", "1", "--yes")
    path = os.environ["VAWORKSPACE_DB"]
    older_file(path)
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert va("undo") == "Annulé : delete task 1: Call supplier\n"
    assert va("show", "1").splitlines()[0] == "Tâche 1 : Call supplier"
    assert va("undo") == "Rétabli : delete task 1: Call supplier\n"
    with open(path, encoding="utf-8") as handle:
        [kept] = [r for r in json.load(handle)["state"].values() if r["kind"] == "undo"]
    assert kept["label"] == "delete task 1: Call supplier" and "action" not in kept
