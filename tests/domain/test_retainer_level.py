"""The retainer gauge's colour: one rule (`retainer_level`), shared by every gauge."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vaworkspace.domain.time.reports import crossed_thresholds, retainer_level


@pytest.mark.parametrize(
    ("used", "budget", "level"),
    [
        (0, 600, "ok"),
        (479, 600, "ok"),
        (480, 600, "warning"),  # exactly 80 %
        (599, 600, "warning"),
        (600, 600, "used_up"),  # exactly 100 %: the hours bought are gone
        (900, 600, "used_up"),
        (50, 0, "ok"),  # no budget, nothing to gauge
    ],
)
def test_levels_at_and_around_the_thresholds(used: int, budget: int, level: str) -> None:
    assert retainer_level(used, budget) == level


@given(st.integers(0, 10_000), st.integers(0, 10_000), st.integers(1, 5_000))
def test_the_level_changes_exactly_when_a_notification_fires(before, after, budget) -> None:
    """A gauge turns amber (red) exactly when the 80 % (100 %) notice is crossed."""
    before, after = min(before, after), max(before, after)
    levels = ("ok", "warning", "used_up")
    change = levels.index(retainer_level(after, budget)) - levels.index(
        retainer_level(before, budget)
    )
    assert change == len(crossed_thresholds(before, after, budget))
