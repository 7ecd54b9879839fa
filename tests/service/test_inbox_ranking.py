"""Ranking the inbox reads only what the tasks ask for: the open tasks' uuids are
gathered only when a task depends on another, and a blocker still blocks."""

from __future__ import annotations

from datetime import datetime, timezone

from vaworkspace.config import Config
from vaworkspace.service import Snapshot, Workspace

NOW = datetime(2026, 12, 1, 15, 0, tzinfo=timezone.utc)


def workspace(tmp_path) -> Workspace:
    return Workspace(
        str(tmp_path / "ws.json"), Config(timezone_name="America/Montreal"), clock=lambda: NOW
    )


def test_without_dependencies_the_open_uuids_are_never_gathered(tmp_path, monkeypatch) -> None:
    ws = workspace(tmp_path)
    ws.tasks.add("Pay invoice due:tomorrow")
    ws.tasks.add("Call supplier !l")  # low: below a deadline 16 working hours away at most
    asked: list[Snapshot] = []
    gather = Snapshot.open_uuids
    monkeypatch.setattr(Snapshot, "open_uuids", lambda self: asked.append(self) or gather(self))
    assert [task.title for _, task in ws.inbox.ranked()] == ["Pay invoice", "Call supplier"]
    assert asked == []


def test_a_task_waiting_for_an_open_one_is_blocked_in_the_ranking_too(tmp_path) -> None:
    ws = workspace(tmp_path)
    ws.fill_demo()
    ranked = dict((task.id, score) for score, task in ws.inbox.ranked(include_all=True))
    blocked = [task for task in ws.snapshot().tasks(open_only=True) if task.depends]
    assert blocked, "the demo has tasks that wait for others"
    seen_blocked = False
    for task in blocked:
        why = ws.inbox.why(task.id)
        assert ranked[task.id] == why.score
        blockers_open = any(uuid in ws.snapshot().open_uuids() for uuid in task.depends)
        assert ("blocked" in [term.name for term in why.terms]) == blockers_open
        seen_blocked = seen_blocked or blockers_open
    assert seen_blocked, "the demo has a task whose blocker is still open"


def test_the_top_rows_are_the_only_tasks_built(tmp_path) -> None:
    """`va list` shows 25 rows of thousands: the others are ranked from their
    records and never built into tasks."""
    ws = workspace(tmp_path)
    ws.fill_demo()
    everything = ws.inbox.ranked()
    fresh = workspace(tmp_path)
    total, top = fresh.inbox.top(3)
    assert total == len(everything) > 3
    assert [(score, task.id) for score, task in top] == [
        (score, task.id) for score, task in everything[:3]
    ]
    assert sorted(fresh.snapshot().table._built) == sorted(task.id for _, task in top)


def test_a_longer_list_after_a_short_one_ranks_again(tmp_path) -> None:
    """The first rows alone are kept for the minute: asking for more (the TUI after
    `va list`'s three, in one process) ranks again and gives the whole list."""
    ws = workspace(tmp_path)
    ws.fill_demo()
    everything = [(score, task.id) for score, task in workspace(tmp_path).inbox.ranked()]
    assert ws.inbox.top(3)[0] == len(everything) > 5
    assert [(s, t.id) for s, t in ws.inbox.top(5)[1]] == everything[:5]
    assert [(s, t.id) for s, t in ws.inbox.top(None)[1]] == everything
    assert [(s, t.id) for s, t in ws.inbox.top(2)[1]] == everything[:2]
