"""Triage: your own admin (no client on purpose) can leave the queue, and "Inbox zero"
is said only when it is true (issue #9)."""

from __future__ import annotations

from tests.tui.conftest import SIZE, app_for, show, text
from vaworkspace.domain.models import Task


def test_own_work_needs_no_client_but_still_an_estimate(ws) -> None:
    from vaworkspace.domain.tasks.triage import OWN_WORK_TAG, needs_triage, triage_missing

    mine = Task(1, "u", "Renew my domain", ws.now(), ws.now(), status="inbox", tags=["mine"])
    assert OWN_WORK_TAG == "mine"
    assert triage_missing(mine) == ("estimate",)
    assert needs_triage(mine)
    mine.estimate_minutes = 10
    assert not needs_triage(mine)


async def test_o_marks_a_task_as_your_own_and_it_leaves_triage(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await show(pilot, "i", "TriageScreen")
        idea = screen.current
        assert ws.tasks.get(idea).title == "Idea for the blog"
        await pilot.press("o")
        task = ws.tasks.get(idea)
        assert task.client is None and "mine" in task.tags
        assert "still missing: estimate" in text(screen, "#card")
        await pilot.press("e", *"20m", "enter")
        assert "Sorted" in text(screen, "#progress")
        await pilot.press("enter")
        assert "Inbox zero" in text(screen, "#card")
        assert ws.inbox.triage_queue() == []


async def test_skipping_every_task_is_not_inbox_zero(ws) -> None:
    ws.tasks.add("Second idea")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await show(pilot, "i", "TriageScreen")
        await pilot.press("s", "s", "s")
        card = text(screen, "#card")
        assert "Inbox zero" not in card
        assert "2 skipped" in card
