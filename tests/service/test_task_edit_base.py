"""The task form's save: only the fields the VA changed are written, against the
values the form opened with (the base); a field changed on both sides is a conflict.

Two `Workspace` objects on one file stand for the TUI and another terminal.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from vaworkspace.config import Config
from vaworkspace.errors import EditConflict, InputError
from vaworkspace.service import Workspace

NOW = datetime(2026, 12, 1, 19, 0, tzinfo=timezone.utc)  # Tuesday 14:00 in Montreal


def make_ws(path) -> Workspace:
    return Workspace(str(path), Config(timezone_name="America/Montreal"), clock=lambda: NOW)


@pytest.fixture
def two(tmp_path) -> tuple[Workspace, Workspace]:
    """(the form's workspace, another terminal's) on one file with one task."""
    form = make_ws(tmp_path / "ws.json")
    form.clients.add("Évelyne Couture")
    form.clients.add("Dental clinic", id="dental")
    form.tasks.add("Book hotel @evelyne !h due:fri 17:00 ~45m #travel")
    return form, make_ws(tmp_path / "ws.json")


def stored(ws: Workspace, task_id: int = 1) -> dict:
    doc = json.loads(Path(ws.path).read_text())
    return {**doc["tasks"], **doc["closed_tasks"]}[str(task_id)]


def test_untouched_fields_keep_what_another_terminal_wrote(two) -> None:
    form, other = two
    base = form.tasks.get(1)
    other.tasks.edit(1, "due:mon !l ~2h #budget @dental every week")
    theirs = stored(other)
    changed = form.tasks.update(1, {"title": "Book a cheaper hotel"}, base=base)
    assert changed.title == "Book a cheaper hotel"
    after = stored(form)
    for name in ("due", "priority", "estimate_minutes", "tags", "client", "recurrence", "status"):
        assert after.get(name) == theirs.get(name), name


def test_a_field_changed_on_both_sides_is_a_conflict_and_nothing_is_written(two) -> None:
    form, other = two
    base = form.tasks.get(1)
    other.tasks.edit(1, "due:mon #budget")
    before = Path(form.path).read_bytes()
    with pytest.raises(EditConflict) as raised:
        form.tasks.update(1, {"title": "New title", "due": "wed 9:00"}, base=base)
    conflict = raised.value
    assert conflict.fields == ("due",)
    assert conflict.current.due == other.tasks.get(1).due
    assert "task 1" in str(conflict) and "due" in str(conflict)
    assert Path(form.path).read_bytes() == before  # not even the title


def test_saving_again_against_their_values_overwrites_with_mine(two) -> None:
    form, other = two
    base = form.tasks.get(1)
    other.tasks.edit(1, "due:mon")
    with pytest.raises(EditConflict) as raised:
        form.tasks.update(1, {"due": "wed 9:00"}, base=base)
    form.tasks.update(1, {"due": "wed 9:00"}, base=raised.value.current)
    assert stored(form)["due"] == "2026-12-02T14:00:00Z"


def test_both_sides_writing_the_same_value_is_no_conflict(two) -> None:
    form, other = two
    base = form.tasks.get(1)
    other.tasks.edit(1, "!l")
    form.tasks.update(1, {"priority": "low", "title": "Book hotel now"}, base=base)
    assert (stored(form)["priority"], stored(form)["title"]) == ("low", "Book hotel now")


def test_a_text_that_means_the_base_value_is_no_change(two) -> None:
    """`fri 17:00` typed over `2026-12-04 17:00` changes nothing: theirs stays."""
    form, other = two
    base = form.tasks.get(1)
    other.tasks.edit(1, "due:mon")
    form.tasks.update(1, {"due": "fri 17:00", "tags": "travel", "client": "eve"}, base=base)
    assert stored(form)["due"] == stored(other)["due"] == "2026-12-07"


def test_tags_changed_on_both_sides_conflict(two) -> None:
    form, other = two
    base = form.tasks.get(1)
    other.tasks.edit(1, "#budget")
    with pytest.raises(EditConflict) as raised:
        form.tasks.update(1, {"tags": "travel urgent"}, base=base)
    assert raised.value.fields == ("tags",)


def test_bad_text_is_an_input_error_before_any_conflict(two) -> None:
    form, other = two
    base = form.tasks.get(1)
    other.tasks.edit(1, "due:mon")
    before = Path(form.path).read_bytes()
    with pytest.raises(InputError, match="can't read the date 'frday'"):
        form.tasks.update(1, {"due": "frday"}, base=base)
    assert Path(form.path).read_bytes() == before


def test_without_a_base_every_given_field_is_written(two) -> None:
    """Triage and `va`'s own one-field writes give no base: they set what they name."""
    form, other = two
    other.tasks.edit(1, "due:mon")
    form.tasks.update(1, {"priority": "medium"})
    assert (stored(form)["priority"], stored(form)["due"]) == ("medium", "2026-12-07")


def test_cycle_priority_changes_only_the_priority(two) -> None:
    form, other = two
    form.tasks.get(1)  # the TUI's copy, read before the other terminal writes
    other.tasks.edit(1, "due:mon !l")
    form.tasks.cycle_priority(1)
    assert (stored(form).get("priority"), stored(form)["due"]) == (None, "2026-12-07")
