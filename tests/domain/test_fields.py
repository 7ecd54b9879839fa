"""Which fields an edit changes, and which of those another writer changed too."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

from vaworkspace.domain.models import Task
from vaworkspace.domain.tasks.fields import FORM_FIELDS, changed_fields, conflicting_fields

NOW = datetime(2026, 12, 1, 19, 0, tzinfo=timezone.utc)
BASE = Task(
    id=1,
    uuid="u",
    title="Book hotel",
    created=NOW,
    modified=NOW,
    client="evelyne",
    tags=["travel"],
    priority="high",
    due=date(2026, 12, 4),
)


def test_changed_fields_names_form_fields_in_form_order() -> None:
    after = replace(BASE, tags=["travel", "budget"], estimate_minutes=30, title="x")
    assert changed_fields(BASE, after) == ("title", "estimate", "tags")
    assert changed_fields(BASE, after, ["tags"]) == ("tags",)


def test_modified_and_status_are_no_form_field() -> None:
    assert changed_fields(BASE, replace(BASE, modified=datetime.now(timezone.utc))) == ()


def test_recurrence_covers_the_from_completion_flag() -> None:
    assert changed_fields(BASE, replace(BASE, recur_from_completion=True)) == ("recurrence",)


def test_conflict_only_where_both_sides_changed_to_different_values() -> None:
    current = replace(BASE, due=date(2026, 12, 7), priority="low")
    mine = replace(current, due=date(2026, 12, 9), priority="low", title="y")
    assert conflicting_fields(BASE, current, mine, FORM_FIELDS) == ("due",)
    same = replace(current, due=date(2026, 12, 7))
    assert conflicting_fields(BASE, current, same, FORM_FIELDS) == ()
    assert conflicting_fields(BASE, current, mine, ["title"]) == ()
