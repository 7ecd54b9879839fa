"""The Reports screen says what an hour worked really earned, week and month,
against the config's `target_rate`."""

from __future__ import annotations

from tests.tui.conftest import NOW, SIZE, app_for
from vaworkspace.config import Config
from vaworkspace.service import Workspace


def _workspace(tmp_path, target_cents: int | None) -> Workspace:
    """Acme at 60.00 an hour: 2 h billable and 2 h for nobody this morning, so an hour
    worked earned 120.00 / 4 h = 30.00, half of it free."""
    config = Config(timezone_name="America/Montreal", currency="EUR")
    config.target_rate_cents = target_cents
    ws = Workspace(str(tmp_path / "earned.json"), config, clock=lambda: NOW)
    ws.clients.add("Acme", rates=["60"])
    ws.time.log(["2h", "@acme"], start="7:00")
    ws.time.log(["2h", "admin"], start="9:00")
    return ws


async def _earned_text(ws: Workspace) -> tuple[str, list[str]]:
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        widget = app.screen.query_one("#earned")
        content = widget.render()
        spans = [str(span.style) for span in getattr(content, "spans", [])]
        return str(content), spans


async def test_the_week_and_month_rates_meet_the_target(tmp_path) -> None:
    text, spans = await _earned_text(_workspace(tmp_path, 2500))
    assert text == "EUR/h worked  week 30.00 (50% free)  month 30.00 (50% free)  target 25.00"
    assert spans.count("$success") == 2 and "$error" not in spans


async def test_a_missed_target_is_drawn_as_missed(tmp_path) -> None:
    text, spans = await _earned_text(_workspace(tmp_path, 4500))
    assert text.endswith("target 45.00")
    assert spans.count("$error") == 2 and "$success" not in spans


async def test_without_a_target_only_the_rates_show(tmp_path) -> None:
    text, spans = await _earned_text(_workspace(tmp_path, None))
    assert "target" not in text and "$error" not in spans and "$success" not in spans
