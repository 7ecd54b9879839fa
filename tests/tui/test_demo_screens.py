"""The demo gives Focus, Reports and the Agenda something to show today."""

from __future__ import annotations

from tests.tui.conftest import SIZE, app_for, show


def _shown(screen) -> str:
    """The text of the screen's panes (the agenda's day is drawn on a `Canvas`)."""
    return "\n".join(str(widget.render()) for widget in screen.query("Static, Canvas"))


async def test_the_demo_fills_the_agenda_focus_and_reports(demo) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        agenda = _shown(await show(pilot, "6", "AgendaScreen"))
        assert "Call with Évelyne" in agenda and "Clinic staff meeting" in agenda
        assert "Enter visit feedback in the CRM" in agenda  # the work block
        focus = await show(pilot, "4", "FocusScreen")
        assert "Évelyne Couture" in _shown(focus)  # today's hours per client
        reports = await show(pilot, "5", "ReportsScreen")
        assert not reports.has_class("-empty")
        assert "Sophie Martin" in _shown(reports) or "@realtor" in _shown(reports)
