"""The task form while another terminal changes the same task.

The form writes only the fields the VA changed; a field changed on both sides is
shown as a conflict (theirs beside yours) and nothing is written until the VA
chooses. The other terminal is a second `Workspace` on the same file, as a
`va edit` in another process would be.
"""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import DataTable, Input

from tests.tui.conftest import SIZE, app_for, make_ws

HOTEL = 2  # "Book hotel": the second row of the fixture's inbox


def stored(ws, task_id: int = HOTEL) -> dict:
    doc = json.loads(Path(ws.path).read_text())
    return {**doc["tasks"], **doc["closed_tasks"]}[str(task_id)]


async def open_form(pilot):
    await pilot.press("j", "e")
    await pilot.pause()
    form = pilot.app.screen
    assert type(form).__name__ == "TaskForm" and form.task_id == HOTEL
    return form


def problem(form) -> str:
    return str(form.query_one("#problem").render())


async def test_saving_the_form_keeps_every_field_another_terminal_changed(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        other = make_ws(ws.path)
        other.tasks.edit(HOTEL, "due:mon !l ~2h #budget @dental every week")
        theirs = stored(other)
        form.query_one("#f-title", Input).value = "Book a cheaper hotel"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "InboxScreen"
    after = stored(ws)
    assert after["title"] == "Book a cheaper hotel"
    for name in ("due", "priority", "estimate_minutes", "tags", "client", "recurrence"):
        assert after.get(name) == theirs.get(name), name


async def test_a_field_changed_on_both_sides_shows_both_and_writes_nothing(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        other = make_ws(ws.path)
        other.tasks.edit(HOTEL, "due:mon !l")
        before = Path(ws.path).read_bytes()
        form.query_one("#f-title", Input).value = "Book a cheaper hotel"
        form.query_one("#f-due", Input).value = "wed 9:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form, "the form stays open on a conflict"
        assert Path(ws.path).read_bytes() == before
        notice = problem(form)
        assert "changed elsewhere" in notice and "nothing saved" in notice
        assert "due: theirs 2026-12-07 · yours wed 9:00" in notice
        assert form.query_one("#f-due", Input).has_class("-conflict")
        # A field the VA left alone now shows their value, and is no conflict.
        assert form.query_one("#f-priority", Input).value == "low"
        assert not form.query_one("#f-priority", Input).has_class("-conflict")
        # Saving again, having seen theirs, keeps mine.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "InboxScreen"
    after = stored(ws)
    assert (after["title"], after["due"]) == ("Book a cheaper hotel", "2026-12-02T14:00:00Z")
    assert after["priority"] == "low"


async def test_take_theirs_keeps_their_value_and_saves_my_other_changes(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        make_ws(ws.path).tasks.edit(HOTEL, "due:mon")
        form.query_one("#f-title", Input).value = "Book a cheaper hotel"
        form.query_one("#f-due", Input).value = "wed 9:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+r")
        assert form.query_one("#f-due", Input).value == "2026-12-07"
        assert not form.query_one("#f-due", Input).has_class("-conflict")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "InboxScreen"
    after = stored(ws)
    assert (after["title"], after["due"]) == ("Book a cheaper hotel", "2026-12-07")


async def test_notes_changed_on_both_sides_conflict_too(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        other = make_ws(ws.path)
        other.tasks.update(HOTEL, {"notes": "Their note"})
        before = Path(ws.path).read_bytes()
        form.query_one("#f-notes").text = "My note"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form
        assert "notes: theirs Their note · yours My note" in problem(form)
        assert Path(ws.path).read_bytes() == before


async def test_client_form_keeps_fields_another_terminal_changed(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert pilot.app.screen.query_one(DataTable).row_count == 2
        await pilot.press("e")
        await pilot.pause()
        form = pilot.app.screen
        assert type(form).__name__ == "ClientForm"
        client_id = form.client_id
        make_ws(ws.path).clients.edit(client_id, rate_cents="55", budget="10h/week")
        form.query_one("#f-weight", Input).value = "4"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [client] = [
        c for c in json.loads(Path(ws.path).read_text())["clients"].values() if c["id"] == client_id
    ]
    assert (client["weight"], client["rate_cents"]) == (4, 5500)
    assert client["budget"] == {"minutes": 600, "period": "week"}


async def test_one_key_writes_keep_what_another_terminal_changed(ws) -> None:
    """`p`, `w`, `x` in the inbox and triage's keys each write only their own field."""
    other = make_ws(ws.path)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.press("j")
        assert pilot.app.screen.selected.id == HOTEL
        other.tasks.edit(HOTEL, "due:mon ~2h #budget")
        await pilot.press("p")  # high → medium
        await pilot.pause()
        after = stored(ws)
        assert (after["priority"], after["due"], after["estimate_minutes"]) == (
            "medium",
            "2026-12-07",
            120,
        )
        other.tasks.edit(HOTEL, "!l")
        await pilot.press("w")
        await pilot.press(*"thu", "enter")
        await pilot.pause()
        after = stored(ws)
        assert (after["status"], after["priority"], after["due"]) == (
            "waiting",
            "low",
            "2026-12-07",
        )
        await pilot.press("i")  # triage: "Idea for the blog" has no client
        await pilot.pause()
        assert pilot.app.screen.current == 4
        other.tasks.edit(4, "due:fri #writing")
        await pilot.press("c", *"dental", "enter")
        await pilot.press("h")
        await pilot.pause()
        idea = stored(ws, 4)
        assert (idea["client"], idea["priority"]) == ("dental", "high")
        assert (idea["due"], idea["tags"]) == ("2026-12-04", ["writing"])
