"""The timer from the inbox (`t`), the top bar, and the app's one-second tick messages."""

from __future__ import annotations

from datetime import timedelta

from tests.tui.conftest import NOW, SIZE
from vaworkspace.config import Config
from vaworkspace.service import Workspace
from vaworkspace.tui.app import VaApp
from vaworkspace.tui.time_watch import time_messages


def movable(path, config: Config | None = None):
    moment = [NOW]
    ws = Workspace(
        str(path), config or Config(timezone_name="America/Montreal"), clock=lambda: moment[0]
    )
    return ws, moment


def seed(ws) -> None:
    ws.clients.add("Dental clinic", id="dental", budget="2h/week")
    ws.tasks.add("Late invoice @dental due:2026-11-25 ~30m")
    ws.tasks.add("Newsletter draft @dental due:in-3-weeks ~1h")


async def test_t_starts_switches_and_stops_the_timer(tmp_path) -> None:
    ws, moment = movable(tmp_path / "ws.json")
    seed(ws)
    async with VaApp(ws, watch=False).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("t")
        assert ws.time.timer_now().task == 1
        moment[0] = NOW + timedelta(minutes=10)
        app.screen.refresh_bar()
        assert "#1 15:00" in str(app.screen.query_one("#timer").render())
        await pilot.press("j", "t")  # another task: switch, logging the first stretch
        assert ws.time.timer_now().task == 2
        assert [e.seconds for e in ws.time.entries()] == [600]
        moment[0] = NOW + timedelta(minutes=15)
        await pilot.press("t")  # the same task: stop
        assert not ws.time.timer_now().running
        assert [e.seconds for e in ws.time.entries()] == [600, 300]
        app.screen.refresh_bar()
        assert "today 0h15" in str(app.screen.query_one("#timer").render())


async def test_tick_rings_and_notifies_when_a_block_ends(tmp_path) -> None:
    ws, moment = movable(tmp_path / "ws.json")
    seed(ws)
    ws.time.start_timer(task_id=1)
    async with VaApp(ws, watch=False).run_test(size=SIZE) as pilot:
        app = pilot.app
        rings = []
        app.bell = lambda: rings.append(1)
        moment[0] = NOW + timedelta(minutes=26)
        app.check_outside_changes()
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("take a 5-minute break" in m for m in messages)
        assert rings
        assert [e.seconds for e in ws.time.entries()] == [1500]


def test_reminders_come_once(tmp_path) -> None:
    config = Config(timezone_name="America/Montreal", daily_cap_hours=1)
    ws, moment = movable(tmp_path / "ws.json", config)
    seed(ws)
    ws.time.start_timer(task_id=1, mode="stopwatch")
    memory: dict = {}
    assert time_messages(ws, memory) == []
    moment[0] = NOW + timedelta(minutes=95)
    ws.time.log(["1h40m", "@dental", "monday", "reminders"])  # 100 of 120 minutes: 83 %
    said = [m for m, _ in time_messages(ws, memory)]
    assert any("without a break" in m for m in said)
    assert any("cap" in m for m in said)
    assert any("@dental has used 80%" in m for m in said)
    assert not any("100%" in m for m in said)
    assert time_messages(ws, memory) == []  # nothing said twice


def test_logged_today_counts_a_switched_stretch_once(tmp_path) -> None:
    ws, moment = movable(tmp_path / "ws.json")
    seed(ws)
    ws.time.start_timer(task_id=1, mode="stopwatch")
    moment[0] = NOW + timedelta(minutes=10)
    ws.time.switch_timer(task_id=2)
    moment[0] = NOW + timedelta(minutes=20)
    assert ws.time.logged_today() == 20 * 60
    assert ws.time.logged_today_by_client() == {"dental": 20 * 60}
