"""A retainer written in French (`10 h/semaine`, `7 h 30/sem.` in a table) reads
back through `parse_budget` as the same retainer; English is unchanged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vaworkspace.domain.models import Budget
from vaworkspace.domain.money import parse_budget
from vaworkspace.locale_format import format_budget

BUDGETS = st.builds(
    Budget,
    minutes=st.integers(1, 7 * 24 * 60),
    period=st.sampled_from(["week", "month"]),
)


@given(BUDGETS)
def test_a_french_budget_reads_back(budget: Budget) -> None:
    assert parse_budget(format_budget(budget, "fr_CA")) == budget
    assert parse_budget(format_budget(budget, "en")) == budget


def test_french_and_english_forms() -> None:
    assert format_budget(Budget(600, "week"), "fr_CA") == "10 h/semaine"
    assert format_budget(Budget(450, "week"), "fr_FR", short=True) == "7 h 30/sem."
    assert format_budget(Budget(2400, "month"), "fr") == "40 h/mois"
    assert format_budget(Budget(45, "month"), "fr") == "45 min/mois"
    assert format_budget(Budget(600, "week"), "en", short=True) == "10h/week"
    assert format_budget(None, "fr") == ""
    assert parse_budget("aucun") is None and parse_budget("none") is None
