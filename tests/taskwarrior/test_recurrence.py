"""Taskwarrior's `recur` periods as RRULE text."""

from __future__ import annotations

import pytest

from vaworkspace.domain.tasks.recurrence import validate_rrule
from vaworkspace.taskwarrior.recurrence import recur_to_rrule

RECUR = {
    "daily": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "weekdays": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2",
    "2weeks": "FREQ=WEEKLY;INTERVAL=2",
    "2 wks": "FREQ=WEEKLY;INTERVAL=2",
    "3d": "FREQ=DAILY;INTERVAL=3",
    "1d": "FREQ=DAILY",
    "monthly": "FREQ=MONTHLY",
    "quarterly": "FREQ=MONTHLY;INTERVAL=3",
    "2q": "FREQ=MONTHLY;INTERVAL=6",
    "yearly": "FREQ=YEARLY",
    "annual": "FREQ=YEARLY",
    "P1M": "FREQ=MONTHLY",
    "P2W": "FREQ=WEEKLY;INTERVAL=2",
    "P1Y": "FREQ=YEARLY",
    "3h": None,
    "5min": None,
    "0d": None,
    "whenever": None,
    "": None,
}


@pytest.mark.parametrize(("recur", "rule"), RECUR.items())
def test_recur_to_rrule(recur, rule):
    assert recur_to_rrule(recur) == rule
    if rule:
        validate_rrule(rule)
