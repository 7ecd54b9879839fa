"""A meeting that a CalDAV sync brings into a planned day plans the day again
(issue #10: "re-planned when the day changes: a meeting added by `va sync`").
The clock: Tuesday 1 December 2026, 14:00 in Montreal."""

from __future__ import annotations

from datetime import timedelta

from tests.agenda_workspace import TODAY, at
from tests.dav.phone import Phone
from tests.dav.radicale import USERS
from tests.tui.conftest import NOW
from vaworkspace.config import Config
from vaworkspace.plan_text import summary_lines
from vaworkspace.service import Workspace
from vaworkspace.store.block_records import is_planned


def test_a_meeting_synced_into_a_planned_day_replans_it(radicale, fresh_slug, tmp_path) -> None:
    ws = Workspace(
        str(tmp_path / "ws.json"), Config(timezone_name="America/Montreal"), clock=lambda: NOW
    )
    url = radicale.make_collection("ann", fresh_slug, f"Cal {fresh_slug}", ["VTODO", "VEVENT"])
    ws.clients.add("Acme", id="acme")
    ws.accounts.add("work", radicale.url, "ann", f"echo {USERS['ann']}")
    ws.accounts.map("work", fresh_slug, "acme")
    ws.tasks.add("Quarterly report ~2h")
    ws.tasks.add("Bookkeeping ~1h")
    [(_, first)] = ws.dav.sync()
    assert first.replanned == []  # nothing planned yet: nothing to plan again
    ws.plan.plan(TODAY)
    call = (at("15:00"), at("15:30"))
    planned = [(e.start, e.end) for e in ws.calendar.events() if is_planned(e)]
    assert any(start < call[1] and end > call[0] for start, end in planned)

    Phone(radicale.url, "ann", url).add_event(
        "call-1", "Call with Acme", "20261201T200000Z", "20261201T203000Z"
    )
    [(_, second)] = ws.dav.sync()

    assert second.replanned == [TODAY]
    assert "  planned again: Tue 01 Dec (its events changed)" in summary_lines(second)
    pad = timedelta(minutes=10)
    replanned = [(e.start, e.end) for e in ws.calendar.events() if is_planned(e)]
    assert replanned
    assert all(end <= call[0] - pad or start >= call[1] + pad for start, end in replanned)
