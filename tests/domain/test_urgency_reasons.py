"""`va why`'s reasons in French under a French UI, word for word as before in English
(issue #12): the score is the same, only the words explaining it change."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests.domain.test_urgency import NOW, TZ, WEIGHTS, ctx, task
from vaworkspace.domain.tasks.urgency import (
    Coefficients,
    UrgencyContext,
    at_risk,
    risk_reason,
    terms,
    urgency,
)
from vaworkspace.i18n import use_language

UTC = timezone.utc


def _reasons(t, c) -> dict[str, str]:
    return {x.name: x.reason for x in terms(t, c)}


def test_every_reason_of_a_late_task_in_both_languages() -> None:
    late = task(
        due=NOW - timedelta(hours=5),
        priority="high",
        tags=["next"],
        client="evelyne",
        estimate_minutes=120,
        depends=["blocker"],
        status="waiting",
    )
    english = _reasons(late, ctx())
    assert english == {
        "due": "overdue by 5 hour(s): no working time left for ~2h of work",
        "at_risk": "at risk: the deadline has passed",
        "overdue": "the deadline has passed",
        "priority": "priority high",
        "next": "tagged next",
        "client": "@evelyne weighs 5/5",
        "waiting": "waiting on someone, no date to follow up",
        "blocked": "waits for 1 open task(s)",
        "age": "created 3 days ago",
    }
    score = urgency(late, ctx())
    use_language("fr_CA")
    assert _reasons(late, ctx()) == {
        "due": "en retard de 5 heures : plus de temps de travail pour ~2 h de travail",
        "at_risk": "à risque : l'échéance est passée",
        "overdue": "l'échéance est passée",
        "priority": "priorité haute",
        "next": "étiquetée next",
        "client": "@evelyne pèse 5/5",
        "waiting": "en attente de quelqu'un, sans date de relance",
        "blocked": "attend 1 tâche ouverte",
        "age": "créée il y a 3 jours",
    }
    assert urgency(late, ctx()) == score


def test_slack_and_shortfall_in_french() -> None:
    friday_evening = datetime(2026, 12, 4, 23, 0, tzinfo=UTC)  # Fri 18:00 Montreal
    monday_ten = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)  # Mon 10:00 Montreal
    c = UrgencyContext(friday_evening, TZ, Coefficients(), WEIGHTS)
    fits, tight = (
        task(due=monday_ten, estimate_minutes=20),
        task(due=monday_ten, estimate_minutes=90),
    )
    assert _reasons(fits, c)["due"] == (
        "due in 3 day(s): 1h of working time left for ~20m of work, 40m of slack"
    )
    assert risk_reason(tight, c) == "no longer fits: 30m short" and at_risk(tight, c)
    use_language("fr_FR")
    assert _reasons(fits, c)["due"] == (
        "échéance dans 3 jours : 1 h de temps de travail restant pour ~20 min de travail, "
        "40 min de marge"
    )
    assert risk_reason(tight, c) == "ne tient plus : il manque 30 min"
    assert _reasons(tight, c)["at_risk"] == "à risque : ne tient plus : il manque 30 min"


def test_a_retainer_in_french_writes_decimal_commas() -> None:
    t = task(client="coach", due=NOW + timedelta(days=3))
    half = UrgencyContext(NOW, TZ, Coefficients(), WEIGHTS, budgets={"coach": (270, 600)})
    spent = UrgencyContext(NOW, TZ, Coefficients(), WEIGHTS, budgets={"coach": (600, 600)})
    assert _reasons(t, half)["budget"] == "@coach has 5.5h of 10h left this period"
    use_language("fr_CA")
    assert _reasons(t, half)["budget"] == "@coach a encore 5,5 h sur 10 h cette période"
    assert _reasons(t, spent)["budget"] == "le forfait de 10 h de @coach est épuisé cette période"
