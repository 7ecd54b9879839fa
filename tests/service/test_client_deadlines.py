"""A deadline is the client's: a time of day typed for a client in another zone is
that time in the client's zone, from the quick-add line and from the task form."""

from __future__ import annotations

from datetime import date, datetime, timezone

from vaworkspace.config import Config
from vaworkspace.service import Workspace

UTC = timezone.utc
NOW = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # Tuesday 14:00 in Montreal


def workspace(tmp_path) -> Workspace:
    ws = Workspace(
        str(tmp_path / "ws.json"), Config(timezone_name="America/Montreal"), clock=lambda: NOW
    )
    ws.clients.add("Maison Lune", id="lune", timezone="Europe/Paris")
    ws.clients.add("Dental clinic", id="dental")
    return ws


def test_quick_add_reads_a_time_of_day_in_the_client_zone(tmp_path) -> None:
    ws = workspace(tmp_path)
    paris = ws.tasks.add("Send the lookbook @lune due:fri 17:00").task
    assert paris.due == datetime(2026, 12, 4, 16, 0, tzinfo=UTC)
    here = ws.tasks.add("Confirm patients @dental due:fri 17:00").task
    assert here.due == datetime(2026, 12, 4, 22, 0, tzinfo=UTC)
    dated = ws.tasks.add("Order fabric @lune due:fri").task
    assert dated.due == date(2026, 12, 4)
    explicit = ws.tasks.add("Call @lune due:2026-12-04T17:00Z").task
    assert explicit.due == datetime(2026, 12, 4, 17, 0, tzinfo=UTC)


def test_the_task_form_reads_the_deadline_in_the_client_zone(tmp_path) -> None:
    ws = workspace(tmp_path)
    task = ws.tasks.add("Send the lookbook @lune").task
    changed = ws.tasks.update(task.id, {"due": "thu 09:30"})
    assert changed.due == datetime(2026, 12, 3, 8, 30, tzinfo=UTC)
    moved = ws.tasks.update(task.id, {"client": "dental", "due": "thu 09:30"})
    assert moved.due == datetime(2026, 12, 3, 14, 30, tzinfo=UTC)
