"""The task form's fields read French as quick add does: `aucune` empties a field,
`haute` is a priority, `chaque lundi` and `toutes les 2 semaines` repeat."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from tests.domain.test_fields import BASE
from vaworkspace.domain.tasks.fields import parse_fields

NOW = datetime(2026, 12, 1, 19, 0, tzinfo=timezone.utc)
TZ = ZoneInfo("America/Montreal")


def _read(name: str, text: str):
    return parse_fields({name: text}, BASE, NOW, TZ)


@pytest.mark.parametrize("word", ["aucune", "Aucune", "aucun", "none", ""])
def test_no_value_in_either_language_empties_a_field(word: str) -> None:
    assert _read("priority", word).priority is None
    assert _read("due", word).due is None
    assert _read("estimate", word).estimate_minutes is None
    assert _read("recurrence", word).recurrence is None


def test_french_priorities_and_estimates() -> None:
    assert _read("priority", "haute").priority == "high"
    assert _read("priority", "!basse").priority == "low"
    assert _read("estimate", "1 h 30").estimate_minutes == 90


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("chaque lundi", "every monday"),
        ("chaque semaine", "every week"),
        ("toutes les 2 semaines", "every 2 weeks"),
        ("tous les jours", "every day"),
        ("chaque! mois", "every! month"),
    ],
)
def test_french_repetitions_read_as_the_english_ones(french: str, english: str) -> None:
    fr, en = _read("recurrence", french), _read("recurrence", english)
    assert fr.recurrence == en.recurrence is not None
    assert fr.recur_from_completion == en.recur_from_completion
