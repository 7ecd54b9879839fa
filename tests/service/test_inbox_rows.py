"""`Inbox.top_rows` (what `va list --json` prints) gives every task as `top`
and `fits` give it through a `Task`, without building one."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from vaworkspace.cli.output import _dumps, task_json
from vaworkspace.config import Config
from vaworkspace.service import Workspace

NOW = datetime(2026, 12, 1, 15, 0, tzinfo=timezone.utc)


def workspace(tmp_path) -> Workspace:
    return Workspace(
        str(tmp_path / "ws.json"), Config(timezone_name="America/Montreal"), clock=lambda: NOW
    )


@pytest.mark.parametrize(
    "filters",
    [
        {"include_all": True},
        {},
        {"status": "waiting"},
        {"status": "done"},
        {"include_all": True, "text": "a"},
        {"limit": 3},
    ],
)
def test_rows_print_as_the_tasks_do(tmp_path, filters: dict) -> None:
    ws = workspace(tmp_path)
    ws.fill_demo()
    ws.tasks.add("Wait for the courier wait:tomorrow")  # hidden until then
    ws.tasks.add("Send the parcel wait:2026-11-30")  # waited: todo again
    ws.clients.edit(next(iter(ws.snapshot().clients)), hours="09:00-12:00")
    limit = filters.pop("limit", None)
    total, ranked = workspace(tmp_path).inbox.top(limit, **filters)
    through_tasks = workspace(tmp_path)
    fits = through_tasks.inbox.fits([task for _, task in ranked])
    expected = [
        task_json(task, score, through_tasks.inbox.status_of(task), fits[task.id])
        for score, task in ranked
    ]
    fresh = workspace(tmp_path)
    count, made = fresh.inbox.top_rows(limit, **filters)
    rows = list(made)
    assert count == total
    assert rows and [list(row) for row in rows] == [list(found) for found in expected]
    assert _dumps(rows) == _dumps(expected)
    if not filters.get("text"):
        assert fresh.snapshot().table._built == {}
