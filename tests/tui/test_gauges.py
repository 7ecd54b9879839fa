"""Both retainer gauges of the TUI (the client sidebar and the reports screen) take
their colour from the one rule, `domain.time.reports.retainer_level`.

They used to carry a copy each, and the copies disagreed at exactly 100 %: the
sidebar turned red, the reports screen stayed amber.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from vaworkspace.domain.time.reports import retainer_level
from vaworkspace.tui.reports_layouts import BUDGET, budget_cell
from vaworkspace.tui.widgets import gauge

SIDEBAR = {"ok": "green", "warning": "yellow", "used_up": "red"}
REPORTS = {"ok": "$success", "warning": "$warning", "used_up": "$error"}


def _sidebar_style(used: int, bought: int) -> str:
    text = gauge(used, bought)
    [style] = {str(span.style) for span in text.spans if "▰" in text.plain[span.start : span.end]}
    return style


def _reports_style(used: int, bought: int) -> str:
    line = SimpleNamespace(budget_minutes=bought, budget_used_minutes=used)
    content = budget_cell(line, BUDGET)
    [style] = {
        str(span.style)
        for span in content.spans
        if "▱" in content.plain[span.start : span.end]
        or "▰" in content.plain[span.start : span.end]
    }
    return style


@pytest.mark.parametrize("used", [60, 300, 479, 480, 599, 600, 601, 900])
def test_both_gauges_follow_the_domain_level(used: int) -> None:
    level = retainer_level(used, 600)
    assert _sidebar_style(used, 600) == SIDEBAR[level]
    assert _reports_style(used, 600) == REPORTS[level]


def test_exactly_the_whole_retainer_is_used_up_on_both_screens() -> None:
    assert _sidebar_style(600, 600) == "red"
    assert _reports_style(600, 600) == "$error"
