"""Pilot tests: triage, the task form, clients, help, the palette, themes in the app."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import DataTable, Input

from tests.tui.conftest import SIZE, app_for, make_ws, titles
from vaworkspace.tui.app import VaApp


def stored(ws) -> dict[int, dict]:
    with open(ws.path) as handle:
        doc = json.load(handle)
    return {int(k): v for k, v in {**doc["tasks"], **doc["closed_tasks"]}.items()}


def clients_of(ws) -> dict[str, dict]:
    with open(ws.path) as handle:
        return {c["id"]: c for c in json.load(handle)["clients"].values()}


# -- triage -------------------------------------------------------------------


async def test_triage_walks_tasks_needing_a_client_or_estimate(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("i")
        screen = app.screen
        assert type(screen).__name__ == "TriageScreen"
        assert ws.tasks.get(screen.current).title == "Idea for the blog"
        assert "1 of 1" in str(screen.query_one("#progress").render())
        await pilot.press("c", *"den", "enter")
        await pilot.press("h")
        await pilot.press("d", *"fri", "enter")
        await pilot.press("e", *"20m", "enter")
        task = stored(ws)[4]
        assert task["client"] == "dental" and task.get("status", "todo") == "todo"
        assert task["priority"] == "high" and task["due"] == "2026-12-04"
        assert task["estimate_minutes"] == 20
        assert "Sorted" in str(screen.query_one("#progress").render())
        await pilot.press("enter")
        assert "Inbox zero" in str(screen.query_one("#card").render())


async def test_triage_keys_m_l_n_skip_and_done(ws) -> None:
    ws.tasks.add("Second idea")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = (await _go(pilot, "i")).screen
        first = screen.current
        for key, value in (("m", "medium"), ("l", "low")):
            await pilot.press(key)
            assert stored(ws)[first]["priority"] == value
        await pilot.press("n")
        assert "priority" not in stored(ws)[first]
        await pilot.press("s")
        assert screen.current != first
        second = screen.current
        await pilot.press("x")
        assert stored(ws)[second]["status"] == "done"


async def test_triage_error_keeps_the_prompt(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = (await _go(pilot, "i")).screen
        await pilot.press("c", *"nobody", "enter")
        bar = screen.query_one("CommandBar")
        assert bar.has_class("-open")
        assert "no client" in str(bar.query_one("#preview").render())


# -- task form -----------------------------------------------------------------


async def test_form_edits_every_field(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("j", "e")
        form = app.screen
        assert type(form).__name__ == "TaskForm"
        assert form.query_one("#f-title", Input).value == "Book hotel"
        assert form.query_one("#f-due", Input).value == "2026-12-04 17:00"
        values = {
            "title": "Book a cheaper hotel",
            "client": "dental",
            "priority": "low",
            "due": "mon 9:00",
            "wait": "",
            "scheduled": "tomorrow",
            "estimate": "1h30m",
            "tags": "travel budget",
            "recurrence": "every month",
        }
        for name, value in values.items():
            form.query_one(f"#f-{name}", Input).value = value
        form.query_one("#f-notes").text = "Ask for the corporate rate"
        await pilot.press("ctrl+s")
        await pilot.pause()
        task = stored(ws)[2]
        assert task["title"] == "Book a cheaper hotel" and task["client"] == "dental"
        assert task["priority"] == "low" and task["due"] == "2026-12-07T14:00:00Z"
        assert task["scheduled"] == "2026-12-02" and task["estimate_minutes"] == 90
        assert task["tags"] == ["travel", "budget"] and task["recurrence"] == "FREQ=MONTHLY"
        assert task["notes"] == "Ask for the corporate rate"
        assert type(app.screen).__name__ == "InboxScreen"


async def test_form_validates_with_the_cli_messages_and_writes_nothing(ws) -> None:
    before = Path(ws.path).read_bytes()
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("enter")
        form = app.screen
        due = form.query_one("#f-due", Input)
        due.value = "frday"
        due.focus()
        await pilot.press("tab")  # leaving the field checks it
        await pilot.pause()
        problem = str(form.query_one("#problem").render())
        assert "can't read the date 'frday'" in problem
        assert due.has_class("-invalid")
        await pilot.press("ctrl+s")
        assert type(app.screen).__name__ == "TaskForm"
        await pilot.press("escape")
        assert type(app.screen).__name__ == "InboxScreen"
    assert Path(ws.path).read_bytes() == before


# -- clients -------------------------------------------------------------------


async def test_clients_screen_add_edit_archive(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        screen = (await _go(pilot, "3")).screen
        assert screen.query_one(DataTable).row_count == 2
        await pilot.press("a")
        form = app.screen
        form.query_one("#f-name", Input).value = "Boulangerie Léon"
        form.query_one("#f-rate_cents", Input).value = "30"
        form.query_one("#f-budget", Input).value = "lots"
        await pilot.press("ctrl+s")
        assert "budget" in str(form.query_one("#problem").render()).lower()
        form.query_one("#f-budget", Input).value = "10h/month"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert clients_of(ws)["boulangerie"]["budget"] == {"minutes": 600, "period": "month"}
        assert screen.query_one(DataTable).row_count == 3
        await pilot.press("e")
        app.screen.query_one("#f-weight", Input).value = "4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert clients_of(ws)["boulangerie"]["weight"] == 4
        await pilot.press("x")
        assert clients_of(ws)["boulangerie"]["archived"] is True
        assert screen.query_one(DataTable).row_count == 2
        await pilot.press("v")
        assert screen.query_one(DataTable).row_count == 3


# -- help, palette, themes -------------------------------------------------------


async def test_help_lists_every_binding_of_the_screen(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("question_mark")
        text = str(app.screen.query_one("Static").render())
        for expected in (
            "Add a task",
            "Complete",
            "Undo",
            "Hide until",
            "Cycle the priority",
            "Filter by client",
            "Search",
            "ctrl+q",
            "ctrl+p",
            "Down",
        ):
            assert expected in text, expected
        await pilot.press("escape")
        await pilot.press("i", "question_mark")
        text = str(app.screen.query_one("Static").render())
        assert "Keys — Triage" in text and "Skip" in text and "Estimate" in text


async def test_palette_offers_actions_client_filters_and_themes(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        names = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Triage", "Clients", "Task: add", "Filter: @evelyne", "Theme"} <= set(names)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"
        await pilot.press(*"Filter: @evel", "enter")
        await pilot.pause(0.3)
        assert titles(app) == ["Book hotel"]


async def test_theme_choice_persists(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        assert pilot.app.theme == "va-dark"
        pilot.app.theme = "va-high-contrast"
        await pilot.pause()
    assert ws.preferences.get("theme") == "va-high-contrast"
    async with app_for(make_ws(ws.path)).run_test(size=SIZE) as pilot:
        assert pilot.app.theme == "va-high-contrast"


async def test_broken_theme_file_notifies_and_falls_back(ws, isolated_env) -> None:
    folder = isolated_env / "xdg-config" / "vaworkspace" / "themes"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('name = "mine"\nprimary = "#12345"\n')
    ws.preferences.set("theme", "mine")
    async with VaApp(ws, watch=False).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert app.theme == "va-dark"
        messages = [str(n.message) for n in app._notifications]
        assert any("mine.toml" in m and "'primary'" in m for m in messages), messages


async def _go(pilot, key: str):
    await pilot.press(key)
    await pilot.pause()
    return pilot.app


async def test_clients_enter_edits_and_escape_cancels(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await _go(pilot, "3")
        await pilot.press("enter")
        assert type(app.screen).__name__ == "ClientForm"
        assert app.screen.query_one("#f-name", Input).value == "Dental clinic"
        await pilot.press("escape")
        assert type(app.screen).__name__ == "ClientsScreen"


async def test_palette_runs_task_actions_on_the_selection(ws) -> None:
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        for name in ("edit", "complete", "wait", "priority", "timer", "add", "search"):
            assert f"Task: {name}" in commands
        assert {"Focus timer", "Reports"} <= set(commands)
        await commands["Task: priority"].callback()
        await pilot.pause()
        assert stored(ws)[1]["priority"] == "high"
