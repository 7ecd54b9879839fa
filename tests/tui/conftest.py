"""A workspace with a fixed clock and the app over it, for Pilot tests."""

from __future__ import annotations

import threading
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


@pytest.fixture
def moving(tmp_path):
    """A workspace whose clock the test moves: `(ws, moment)`; `moment[0]` is now."""
    moment = [NOW]
    ws = Workspace(
        str(tmp_path / "t.json"), Config(timezone_name="America/Montreal"), clock=lambda: moment[0]
    )
    ws.clients.add(
        "Évelyne Couture", color="#e879f9", budget="2h/week", rate_cents="45", currency="CAD"
    )
    ws.clients.add("Dental clinic", id="dental", currency="EUR", rate_cents="38")
    ws.tasks.add("Book hotel @evelyne ~45m")
    return ws, moment


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def errors(app) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "error"]


async def focus(pilot):
    return await show(pilot, "4", "FocusScreen")


async def reports(pilot):
    return await show(pilot, "5", "ReportsScreen")


def held_imports(ws: Workspace) -> tuple[threading.Event, threading.Event]:
    """Make `ws.import_file` wait in its worker until the test lets it go, so the
    screen can be tried while an import runs: returns (started, release)."""
    started, release = threading.Event(), threading.Event()
    real = ws.import_file

    def slow_import(*args, **kwargs):
        started.set()
        assert release.wait(10), "the test never released the import"
        return real(*args, **kwargs)

    ws.import_file = slow_import
    return started, release


async def walk(pilot, keys) -> None:
    """Press `keys` one at a time from the first screen, then let the work they
    started settle (the agenda's P plans in a worker) before the screen is read."""
    await pilot.pause()
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.1)
