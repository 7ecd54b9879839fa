"""The three-way merge of a task with its to-do on a server: one side's change is
taken, both sides' different changes are a conflict unless the VA chose a side."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

from hypothesis import given
from hypothesis import strategies as st

from vaworkspace.domain.models import Task
from vaworkspace.domain.tasks.sync_merge import (
    SYNCED,
    describe_conflict,
    merge,
    synced_fields,
    take_theirs,
)

NOW = datetime(2026, 3, 2, 12, tzinfo=timezone.utc)
BASE = Task(1, "u-1", "Book flights", NOW, NOW, client="acme", tags=["travel"])


def test_a_change_on_one_side_goes_to_the_other() -> None:
    mine = replace(BASE, title="Book flights to Lisbon")
    theirs = replace(BASE, due=date(2026, 3, 9))

    merged = merge(BASE, mine, BASE, theirs)

    assert (merged.take, merged.push, merged.conflicts) == (("due",), True, ())


def test_the_same_change_on_both_sides_is_agreed() -> None:
    both = replace(BASE, title="Book flights to Lisbon")

    assert merge(BASE, both, BASE, replace(both)) == merge(BASE, BASE, BASE, BASE)


def test_different_changes_to_one_field_are_a_conflict_and_nothing_moves() -> None:
    mine, theirs = replace(BASE, title="A"), replace(BASE, title="B", due=date(2026, 3, 9))

    merged = merge(BASE, mine, BASE, theirs)

    assert (merged.take, merged.push, merged.conflicts) == ((), False, ("title",))
    assert describe_conflict(mine, theirs, merged.conflicts) == ["title: here 'A' · server 'B'"]


def test_a_chosen_side_settles_the_conflict() -> None:
    mine, theirs = replace(BASE, title="A"), replace(BASE, title="B")

    assert merge(BASE, mine, BASE, theirs, prefer="theirs").take == ("title",)
    assert merge(BASE, mine, BASE, theirs, prefer="mine").push


def test_without_a_base_any_difference_is_a_conflict() -> None:
    theirs = replace(BASE, priority="high")

    assert merge(None, BASE, None, theirs).conflicts == ("priority",)
    assert merge(None, BASE, None, replace(BASE)).conflicts == ()


def test_waiting_here_is_no_change_to_an_open_todo() -> None:
    assert synced_fields(replace(BASE, status="waiting")) == synced_fields(BASE)


def test_completion_taken_from_the_server_keeps_its_moment() -> None:
    done = replace(BASE, status="done", completed=datetime(2026, 3, 1, tzinfo=timezone.utc))

    taken = take_theirs(BASE, done, ("status",), NOW)

    assert (taken.status, taken.completed) == ("done", done.completed)
    reopened = take_theirs(taken, BASE, ("status",), NOW)
    assert (reopened.status, reopened.completed) == ("todo", None)


titles = st.sampled_from(["a", "b", "c"])


@given(titles, titles, titles)
def test_a_merge_never_loses_a_side_silently(base: str, here: str, there: str) -> None:
    mine, theirs = replace(BASE, title=here), replace(BASE, title=there)
    start = replace(BASE, title=base)

    merged = merge(start, mine, start, theirs)

    if here == there:
        assert merged == merge(start, start, start, start)
    elif here != base and there != base:
        assert merged.conflicts == ("title",)
    elif there != base:
        assert merged.take == ("title",) and not merged.push
    else:
        assert merged.push and merged.take == ()
    assert set(SYNCED) >= set(merged.take) | set(merged.conflicts)
