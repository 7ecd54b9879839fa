"""A recurring to-do (RRULE on a VTODO, as Nextcloud Tasks and Thunderbird write
it: DTSTART and a rule, no DUE) is due at its current occurrence, shows in the
agenda, and `va done` advances it as the workspace's own recurring tasks do."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.ical.gaps import FIXTURES

FIXTURE = FIXTURES / "recurring-todos.ics"


@pytest.fixture
def va(monkeypatch, capsys):
    from vaworkspace.cli import main

    monkeypatch.setenv("VAWORKSPACE_NOW", "2026-12-01T19:00:00Z")  # Tuesday, 14:00 local

    def run(*argv: str) -> str:
        assert main(list(argv)) == 0
        return capsys.readouterr().out

    return run


def test_a_recurring_todo_is_due_at_its_current_occurrence(va) -> None:
    va("import", str(FIXTURE))
    tasks = {t["title"]: t for t in json.loads(va("list", "--json"))}
    weekly, invoice = tasks["Send the timesheets"], tasks["Invoice Acme"]
    assert weekly["recurrence"] == "FREQ=WEEKLY;BYDAY=MO"
    assert weekly["due"] == "2026-12-07"  # the first Monday from today on
    assert invoice["due"] == "2026-12-03T14:00:00Z"  # every other Thursday, 09:00 local


def test_a_recurring_todo_shows_in_the_agenda_and_advances_when_done(va) -> None:
    va("import", str(FIXTURE))
    items = json.loads(va("agenda", "--days", "7", "--json"))
    assert [(i["type"], i["title"]) for i in items] == [
        ("task", "Invoice Acme"),
        ("task", "Send the timesheets"),
    ]
    (weekly,) = [t for t in json.loads(va("list", "--json")) if t["title"].startswith("Send")]
    out = va("done", str(weekly["id"]))
    assert "next occurrence" in out
    (following,) = [t for t in json.loads(va("list", "--json")) if t["title"].startswith("Send")]
    assert following["due"] == str(date(2026, 12, 14))
    assert following["recurrence"] == "FREQ=WEEKLY;BYDAY=MO"


def test_reimport_keeps_a_recurring_todo_where_it_is(va) -> None:
    va("import", str(FIXTURE))
    assert va("import", str(FIXTURE)).splitlines()[0].endswith("0 tasks created, 0 updated")
