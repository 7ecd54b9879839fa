"""The quick-add line as understood, one `label: value` a field (the TUI's preview):
English as it always was, French with its own labels, dates and lengths."""

from __future__ import annotations

import pytest

from tests.domain.date_cases import MTL, NOW
from vaworkspace import i18n
from vaworkspace.describe import quick_add_lines
from vaworkspace.domain.tasks.quickadd import parse_quick_add

FULL = "Send @evelyne #billing -#old !h due:fri 17:00 wait:2026-11-29 ~45m every! monday"
CLEARED = "@none !none due:none ~none every:none"


@pytest.fixture
def french():
    i18n.use_language("fr_CA")
    yield
    i18n.use_language("en")


def _lines(text: str) -> list[str]:
    return quick_add_lines(parse_quick_add(text, NOW, MTL), MTL, NOW)


def test_every_field_in_english() -> None:
    assert _lines(FULL) == [
        "client: @evelyne",
        "tags: #billing",
        "untag: #old",
        "priority: high",
        "due: fri 17:00 (2026-12-04 17:00)",
        "wait: 2d ago (2026-11-29)",
        "estimate: 45m",
        "every week on Monday (from completion)",
    ]


def test_cleared_fields_in_english() -> None:
    assert _lines(CLEARED) == [
        "client: none",
        "priority: none",
        "due: none",
        "estimate: none",
        "repeats: no longer",
    ]
    assert _lines("just a title") == []


def test_every_field_in_french(french) -> None:
    lines = _lines("Envoyer @evelyne #facture !haute éch:ven 17h ~1h30")
    assert lines[:3] == ["client : @evelyne", "mots-clés : #facture", "priorité : haute"]
    assert lines[3].startswith("échéance : ") and lines[3].endswith(" (ven. 4 déc., 17 h)")
    assert lines[4] == "durée : 1 h 30"


def test_cleared_fields_in_french(french) -> None:
    assert _lines("@none !aucune éch:aucune ~none") == [
        "client : aucun",
        "priorité : aucune",
        "échéance : aucune",
        "durée : aucune",
    ]
    assert _lines(CLEARED)[-1] == "ne se répète plus"


def test_repetitions_in_french(french) -> None:
    assert _lines("Rappel chaque lundi") == ["répète : chaque lundi"]
    assert _lines("Paie toutes les 2 semaines") == ["répète : toutes les 2 semaines"]
    assert _lines("Bilan chaque! mois") == ["répète : chaque! mois"]
