"""Pilot tests: delete a task (after asking), and `u` undoes the last change on any screen."""

from __future__ import annotations

import json
from pathlib import Path

from tests.tui.conftest import SIZE, app_for, errors, make_ws, messages, show, titles
from vaworkspace.tui.help import help_rows
from vaworkspace.tui.inbox_table import InboxTable


def selected(app):
    return app.screen.query_one(InboxTable).selected


def keys_shown(screen) -> list[str]:
    return [key.description for key in screen.query("FooterKey")]


async def test_d_asks_then_deletes_and_u_brings_the_task_back(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("j")  # Book hotel
        await pilot.press("d")
        await pilot.pause()
        assert type(app.screen).__name__ == "Confirm"
        assert "Delete task 2: Book hotel?" in str(app.screen.query_one("#question").render())
        await pilot.press("n")
        await pilot.pause()
        assert "Book hotel" in titles(app)
        await pilot.press("d", "y")
        await pilot.pause()
        assert "Book hotel" not in titles(app)
        assert [t.id for t in ws.tasks.all()] == [1, 3, 4]
        assert any("Deleted task 2: Book hotel" in m for m in messages(app))
        await pilot.press("u")
        await pilot.pause()
        assert "Book hotel" in titles(app)
        assert ws.tasks.get(2).title == "Book hotel"
        assert any("Undone: delete task 2: Book hotel" in m for m in messages(app))
        await pilot.press("u")  # again: redone
        await pilot.pause()
        assert "Book hotel" not in titles(app)
        assert any("Redone: delete task 2: Book hotel" in m for m in messages(app))


async def test_u_undoes_a_priority_an_edit_and_a_triage_key(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("p")
        assert ws.tasks.get(1).priority == "high"
        await pilot.press("u")
        assert ws.tasks.get(1).priority is None
        await pilot.press("enter")  # the task form
        await pilot.pause()
        app.screen.query_one("#f-title").value = "Late invoice (2nd reminder)"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert ws.tasks.get(1).title == "Late invoice (2nd reminder)"
        await pilot.press("u")
        await pilot.pause()
        assert ws.tasks.get(1).title == "Late invoice"
        assert selected(app).title == "Late invoice"
        triage = await show(pilot, "i", "TriageScreen")
        current = triage.current
        await pilot.press("l")
        assert ws.tasks.get(current).priority == "low"
        await pilot.press("u")
        assert ws.tasks.get(current).priority is None


async def test_u_with_nothing_to_undo_says_so(tmp_path) -> None:
    ws = make_ws(tmp_path / "new.json")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.press("u")
        assert any("nothing to undo" in m for m in errors(pilot.app))


async def test_undo_refuses_when_another_program_changed_the_task(ws) -> None:
    """A script of the VA's own (plain TinyDB) retitles the task after `p`: the
    undo of `p` would overwrite it, so it is refused and nothing is written."""
    from tinydb import TinyDB

    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("p")
        with TinyDB(ws.path) as db:
            db.table("tasks").update({"title": "Late invoice!"}, doc_ids=[1])
        before = Path(ws.path).read_bytes()
        await pilot.press("u")
        assert any("cannot undo" in m and "task 1 changed since" in m for m in errors(app))
        assert Path(ws.path).read_bytes() == before
        assert json.loads(before)["tasks"]["1"]["priority"] == "high"


async def test_delete_and_undo_are_in_the_footer_the_help_and_the_palette(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.pause()
        shown = keys_shown(app.screen)
        assert "Del" in shown and "Undo" in shown
        rows = dict((desc, keys) for keys, desc in help_rows(app.screen))
        assert rows["Delete the task (asks first; u undoes)"] == "d delete"
        assert rows["Undo the last change (u again: redo)"] == "u"
        palette = [command.title for command in app.get_system_commands(app.screen)]
        assert "Task: delete" in palette and "Undo" in palette


async def test_u_says_the_change_in_french_whatever_language_made_it(ws) -> None:
    """The delete was made in English (the workspace fixture); `u` in a French app
    says it in French, and its refusal too."""
    from tinydb import TinyDB

    ws.tasks.remove([2])
    ws.config.language = "fr_CA"
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("u")
        await pilot.pause()
        said = "Annulé : suppression de la tâche 2 : Book hotel — u encore pour rétablir"
        assert said in messages(app)
        with TinyDB(ws.path) as db:
            db.table("tasks").update({"title": "Book hotel!"}, doc_ids=[2])
        await pilot.press("u")
        assert any(
            m.startswith("impossible de rétablir « suppression de la tâche 2 : Book hotel » : ")
            for m in errors(app)
        )


async def test_x_in_triage_says_the_task_is_done_in_french(ws) -> None:
    ws.config.language = "fr_CA"
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        triage = await show(pilot, "i", "TriageScreen")
        current = triage.current
        await pilot.press("x")
        await pilot.pause()
        title = ws.tasks.get(current).title
        assert f"Tâche {current} terminée : {title}" in messages(app)
