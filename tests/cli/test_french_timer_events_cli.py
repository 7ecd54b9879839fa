"""`va timer` in French says what the timer did (issue #12): a countdown that ended
while no command ran (the catch-up after a dropped session), a stretch too short
to log, a block over; English as before."""

from __future__ import annotations

import json

import pytest

from vaworkspace.cli import main


@pytest.fixture
def at(monkeypatch, capsys):
    """`at("14:00:02", "timer", "stop")`: va in Québec French at that UTC time."""
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")

    def run(when: str, *argv: str) -> str:
        monkeypatch.setenv("VAWORKSPACE_NOW", f"2026-12-01T{when}Z")
        result = main(list(argv))
        out, err = capsys.readouterr()
        assert result == 0, (out, err)
        return out

    run("09:00:00", "client", "add", "Acme")
    run("09:00:00", "add", "Appeler le fournisseur @acme")
    run("09:00:00", "add", "Publier les photos @acme")
    return run


def test_a_countdown_over_while_away_is_said_in_french(at) -> None:
    at("14:00:00", "timer", "start", "1", "--for", "30m")
    out = at("15:00:00", "timer", "status")
    assert out == "Compte à rebours terminé : le temps est écoulé\nAucun minuteur en cours\n"


def test_a_block_over_is_said_in_french_and_in_the_json(at) -> None:
    at("14:00:00", "timer", "start", "1")
    status = json.loads(at("14:26:00", "timer", "status", "--json"))
    assert status["events"] == ["Bloc 1 terminé : prenez une pause de 5 minutes"]
    assert status["phase"] == "break"  # the stored key, as in English


def test_a_stretch_too_short_is_said_in_french(at) -> None:
    at("14:00:00", "timer", "start", "1", "--stopwatch")
    out = at("14:00:40", "timer", "switch", "2")
    assert out.splitlines()[0] == (
        "  0:40 de concentration sans saisie : en deçà du minimum de 1 minute"
        " (timer_minimum_minutes dans la configuration)"
    )
    out = at("14:00:42", "timer", "stop")
    assert "0:02 de concentration sans saisie" in out
