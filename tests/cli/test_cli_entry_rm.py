"""`va entry rm 8 9 10`: several entries at once, like `va done` (issue #9); one bad
id is a clear message and nothing is removed."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import NOW
from vaworkspace.cli import main


@pytest.fixture
def three(va, isolated_env):
    va("client", "add", "Acme")
    va("log", "30m", "@acme", "--start", "09:00", "first")
    va("log", "30m", "@acme", "--start", "10:00", "second")
    va("log", "30m", "@acme", "--start", "11:00", "third")
    return isolated_env / "data" / "workspace.json"


def ids(va) -> list[int]:
    return [e["id"] for e in json.loads(va("entries", "--json"))]


def test_several_ids_are_removed_in_one_command(va, three) -> None:
    out = va("entry", "rm", "1", "3", "--yes")
    assert "Deleted entry 1" in out and "Deleted entry 3" in out
    assert ids(va) == [2]


def test_one_unknown_id_removes_nothing(va, three) -> None:
    before = three.read_bytes()
    err = va("entry", "rm", "1", "9", "2", "--yes", code=1)
    assert "no time entry 9" in err
    assert three.read_bytes() == before
    assert ids(va) == [1, 2, 3]


def test_the_question_names_every_entry(va, three, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda question: print(question) or "n")
    monkeypatch.setenv("VAWORKSPACE_NOW", NOW)
    assert main(["entry", "rm", "2", "3", "2"]) == 0
    out = capsys.readouterr().out
    assert "Delete 2 time entries: 2, 3?" in out and "Nothing deleted." in out
    assert ids(va) == [1, 2, 3]
