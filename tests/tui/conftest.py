"""A workspace with a fixed clock and the app over it, for Pilot tests."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from vaworkspace.config import Config
from vaworkspace.service import Workspace
from vaworkspace.tui.app import VaApp

NOW = datetime(2026, 12, 1, 19, 0, tzinfo=timezone.utc)  # Tuesday 14:00 in Montreal
SIZE = (80, 24)


def make_ws(path) -> Workspace:
    return Workspace(str(path), Config(timezone_name="America/Montreal"), clock=lambda: NOW)


@pytest.fixture
def ws(tmp_path) -> Workspace:
    """Two clients and four open tasks with distinct urgencies."""
    ws = make_ws(tmp_path / "ws.json")
    ws.clients.add("Évelyne Couture", weight="5", color="#e879f9")
    ws.clients.add("Dental clinic", id="dental")
    ws.tasks.add("Late invoice @dental due:2026-11-25 ~30m")
    ws.tasks.add("Book hotel @evelyne !h due:fri 17:00 ~45m #travel")
    ws.tasks.add("Newsletter draft @dental due:in-3-weeks ~1h")
    ws.tasks.add("Idea for the blog")
    return ws


@pytest.fixture
def demo(tmp_path) -> Workspace:
    ws = make_ws(tmp_path / "demo.json")
    ws.fill_demo()
    return ws


def app_for(ws: Workspace) -> VaApp:
    return VaApp(ws, watch=False)


def titles(app) -> list[str]:
    table = app.screen.query_one("InboxTable")
    return [task.title for _, task in table.rows]


async def show(pilot, key: str, screen: str):
    """Press a screen key (1–6, i…) and return that screen, checking it is the one."""
    await pilot.press(key)
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == screen
    return pilot.app.screen
