"""Hour-aware urgency as the VA sees it: `va list`, `va list --json`, `va why`, the echo."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def dentist_day(va):
    """The issue's example at Tuesday 14:00 in Montreal, default config."""
    va("client", "add", "Évelyne Couture", "--weight", "5")
    va("client", "add", "Dental clinic", "--id", "dental")
    va("add", "Book hotel @evelyne due:tomorrow 09:00 !h")
    va("add", "URGENT: reschedule the dentist's 3 p.m. patients @dental due:today 14:22 ~30m")
    va("add", "Newsletter @evelyne due:fri 17:00 ~1h")
    return va


def test_the_22_minute_task_ranks_first_and_is_marked_at_risk(dentist_day) -> None:
    lines = dentist_day("list").splitlines()
    assert lines[1].split()[:3] == ["2", "64.0", "!"]
    assert "URGENT" in lines[1]
    assert lines[2].split()[0] == "1" and "!" not in lines[2].split()[2]
    assert lines[-1].startswith("(! at risk: no longer fits before its deadline")


def test_list_json_says_at_risk_and_slack(dentist_day) -> None:
    items = {item["id"]: item for item in json.loads(dentist_day("list", "--json"))}
    assert (items[2]["at_risk"], items[2]["slack_minutes"]) == (True, -8)
    # 14:00 → 17:00 today, then 09:00 tomorrow: 3 working hours
    assert (items[1]["at_risk"], items[1]["slack_minutes"]) == (False, 180)
    # Tue 3h + Wed, Thu, Fri 8h each, minus the hour of work
    assert (items[3]["at_risk"], items[3]["slack_minutes"]) == (False, 27 * 60 - 60)


def test_why_explains_each_term_on_one_line(dentist_day) -> None:
    out = dentist_day("why", "2").splitlines()
    assert out[1].split()[:2] == ["due", "+24.00"]
    assert "22m of working time left for ~30m of work" in out[1]
    assert out[2].split()[:2] == ["at_risk", "+40.00"]
    assert out[2].endswith("no longer fits: 8m short")
    assert out[3].split() == ["urgency", "64.00"]


def test_a_deadline_typed_for_a_client_is_in_the_client_zone(va) -> None:
    va("client", "add", "Maison Lune", "--id", "lune", "--tz", "Europe/Paris")
    out = va("add", "Send the lookbook @lune due:fri 17:00")
    assert "due:       2026-12-04 11:00 (fri 11:00)\n" in out
    assert "             Fri 17:00 in Europe/Paris, @lune's zone\n" in out
    [task] = json.loads(va("list", "--json"))
    assert task["due"] == "2026-12-04T16:00:00Z"
    va("edit", "1", "due:thu 09:30")
    [task] = json.loads(va("list", "--json"))
    assert task["due"] == "2026-12-03T08:30:00Z"
    va("add", "Order fabric @lune due:fri")  # a date stays the VA's all-day date
    dated = {t["id"]: t for t in json.loads(va("list", "--json"))}[2]
    assert dated["due"] == "2026-12-04"


def test_the_add_echo_says_when_the_new_task_is_already_at_risk(va) -> None:
    va("client", "add", "Dental clinic", "--id", "dental")
    out = va("add", "URGENT: reschedule the 3 p.m. patients @dental due:today 14:22 ~30m")
    assert "  at risk:   no longer fits: 8m short (va why 1)\n" in out
    fits = va("add", "Recall list @dental due:today 16:00 ~30m")
    assert "at risk" not in fits
    assert "at risk" not in va("add", "Idea for the blog")  # no deadline, no risk
    late = va("add", "Late invoice @dental due:yesterday")  # no estimate: no clock needed
    assert "  at risk:   the deadline has passed (va why 4)\n" in late
    later = va("add", "Late recall @dental due:yesterday ~30m")  # the urgency rules say it
    assert "  at risk:   the deadline has passed (va why 5)\n" in later


def test_a_clients_business_hours_bound_the_slack(va) -> None:
    """Tuesday 14:00 in Montreal is 20:00 in Paris: Maison Lune (09:00-17:00 there)
    is closed for the rest of the VA's day, and on Wednesday the two days share
    09:00-11:00 in Montreal. A call due Wednesday 17:00 Paris time (11:00 in
    Montreal) has 2h of shared working time, not the VA's 5h: 2h30 of calls no
    longer fits. The same task for a client without hours still fits."""
    va("client", "add", "Maison Lune", "--id", "lune", "--tz", "Europe/Paris")
    va("client", "edit", "lune", "--hours", "09:00-17:00")
    va("client", "add", "Atelier Nord", "--id", "nord", "--tz", "Europe/Paris")
    out = va("add", "Call the suppliers @lune due:wed 17:00 ~2h30")
    assert "  at risk:   no longer fits: 30m short (va why 1)\n" in out
    va("add", "Call the suppliers @nord due:wed 17:00 ~2h30")
    items = {item["id"]: item for item in json.loads(va("list", "--json"))}
    assert (items[1]["at_risk"], items[1]["slack_minutes"]) == (True, 120 - 150)
    assert (items[2]["at_risk"], items[2]["slack_minutes"]) == (False, 300 - 150)
    why = va("why", "1").splitlines()
    assert "2h of working time left" in why[1] and "inside @lune's business hours" in why[1]
    assert va("list").splitlines()[1].split()[:3] == ["1", "64.0", "!"]
