"""Why a task is at risk, in French from the plan's figures; English is the
domain's reason as it came (`va plan --json` keeps it)."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from vaworkspace.domain.calendar.plan import AtRisk
from vaworkspace.i18n import use_language
from vaworkspace.plan_text import risk_reason

MONTREAL = ZoneInfo("America/Montreal")
NOW = datetime(2026, 12, 1, 19, 0, tzinfo=timezone.utc)  # Tuesday 14:00 in Montreal


def due(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=MONTREAL).astimezone(timezone.utc)


@pytest.mark.parametrize(
    ("risk", "french"),
    [
        (AtRisk(1, "overdue since 09:00", due(1, 9), same_day=True), "échue depuis 9 h"),
        (
            AtRisk(1, "overdue since Tue 01 Dec 14:30", due(1, 14, 30)),
            "échue depuis le mar. 1 déc., 14 h 30",
        ),
        (
            AtRisk(2, "overdue since Tue 01 Dec 00:00", due(1, 0)),
            "échue depuis le lun. 30 nov. 2026",  # due:2026-11-30, its end of day
        ),
        (
            AtRisk(3, "needs 2h00, 1h15 free before 15:00", due(1, 15), 120, 75, True),
            "il faut 2 h, 1 h 15 de libre avant 15 h",
        ),
        (
            AtRisk(4, "needs 0h45, 0h20 free by the end of the day", due(2, 0), 45, 20),
            "il faut 45 min, 20 min de libre d'ici la fin de la journée",
        ),
    ],
)
def test_a_risk_in_french_and_in_english(risk: AtRisk, french: str) -> None:
    assert risk_reason(risk, MONTREAL, NOW) == risk.reason
    use_language("fr_CA")
    assert risk_reason(risk, MONTREAL, NOW) == french


def test_a_reason_without_figures_stays_as_it_came() -> None:
    use_language("fr_CA")
    assert risk_reason(AtRisk(1, "overdue"), MONTREAL, NOW) == "overdue"


def test_a_day_planned_again_and_a_plan_outdated_in_both_languages() -> None:
    from datetime import date

    from vaworkspace.errors import PlanOutdated
    from vaworkspace.plan_text import outdated, replanned_line

    day = date(2026, 12, 1)
    assert replanned_line(day) == "  planned again: Tue 01 Dec (its events changed)"
    assert replanned_line(day, dry_run=True) == (
        "  would plan again: Tue 01 Dec (its events changed)"
    )
    refused = PlanOutdated(day)
    assert str(refused) == (
        "the agenda of 2026-12-01 changed since this plan was made; plan it again"
    )
    assert str(outdated(refused)) == (
        "the agenda of Tue 01 Dec changed since this plan was made; plan it again"
    )
    use_language("fr_CA")
    assert replanned_line(day) == "  planifié de nouveau : mar. 1 déc. (ses événements ont changé)"
    assert str(outdated(refused)).startswith("l'agenda du mar. 1 déc. a changé depuis ce plan")
