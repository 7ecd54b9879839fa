"""Hostile stored text on every screen: the app draws stand-ins, never the controls.

Textual strips only BEL, BS, VT, FF and CR from text; ESC, C1 and bidi controls
reach the terminal as they are. Each screen is drawn with an imported title,
client name, tag and note full of them, and the frame Textual would send to the
terminal (`export_screenshot`, the same segments) must hold none of them.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timezone

from icalendar import Calendar, Event

from tests.hostile import ATTACK, CLEAR, OSC52, RETITLE, leaks
from tests.tui.conftest import app_for, make_ws

SIZE = (110, 34)
TITLE = f"Book{ATTACK}"


def hostile_ws(tmp_path):
    ws = make_ws(tmp_path / "ws.json")
    export = [
        {
            "uuid": "06671ad1-0000-4bdd-8466-39243eb13b90",
            "description": TITLE,
            "project": f"Acme{RETITLE}",
            "tags": [f"t{OSC52}"],
            "status": "pending",
            "entry": "20261120T150000Z",
            "due": "20261201T220000Z",
            "annotations": [{"entry": "20261121T150000Z", "description": f"note{CLEAR}"}],
        }
    ]
    ws.tasks.import_taskwarrior(json.dumps(export).encode(), "tw.json")
    cal = Calendar()
    cal.add("prodid", "-//hostile//EN")
    cal.add("version", "2.0")
    event = Event()
    event.add("uid", "meeting-1")
    event.add("summary", f"Meet{ATTACK}")
    event.add("description", "plain words " * 300)
    event.add("dtstart", datetime(2026, 12, 1, 20, 0, tzinfo=timezone.utc))
    event.add("dtend", datetime(2026, 12, 1, 21, 0, tzinfo=timezone.utc))
    cal.add_component(event)
    ws.calendar.import_file(cal.to_ical(), "cal.ics")
    ws.clients.add(f"Bad{ATTACK}", id="bad")
    [client] = [c.id for c in ws.clients.all() if c.id != "bad"]
    [(_, task)] = ws.inbox.ranked()
    ws.time.log(["1h", f"@{client}", f"task:{task.id}", f"call{OSC52}"], "09:00")
    ws.time.start_timer(task_id=task.id)
    return ws


class Frames:
    """What the terminal would be sent at each stop, and the leaks found in it."""

    def __init__(self, app) -> None:
        self.app, self.found = app, {}

    async def take(self, pilot, where: str) -> str:
        """The frame's text (each styled run of the SVG export, in order)."""
        await pilot.pause()
        await pilot.pause(0.05)  # a notification's toast is mounted after the next refresh
        frame = self.app.export_screenshot()
        self.found[where] = leaks(frame)
        runs = re.findall(r"<text[^>]*>(.*?)</text>", frame, flags=re.S)
        return html.unescape("".join(runs)).replace("\xa0", " ")


async def test_every_screen_draws_stand_ins_for_control_characters(tmp_path) -> None:
    ws = hostile_ws(tmp_path)
    async with app_for(ws).run_test(size=SIZE, notifications=True) as pilot:
        frames = Frames(pilot.app)
        inbox = await frames.take(pilot, "inbox")
        assert "BookPay invoice␛]52;c;aGFja2Vk␇" in inbox
        await pilot.press("x")
        assert "␛" in await frames.take(pilot, "completed notification")
        await pilot.press("u")
        await frames.take(pilot, "reopened notification")
        await pilot.press("e")
        assert "␛" in await frames.take(pilot, "task form")
        await pilot.press("escape")
        for key, where in (("i", "triage"), ("3", "clients"), ("4", "focus"), ("5", "reports")):
            await pilot.press(key)
            assert "␛" in await frames.take(pilot, where) or where == "reports", where
        await pilot.press("d")  # the day view names the clients
        assert "␛" in await frames.take(pilot, "reports by day")
        await pilot.press("3", "e")
        assert "␛" in await frames.take(pilot, "client form")
        await pilot.press("escape", "6")
        assert "␛" in await frames.take(pilot, "agenda day")
        await pilot.press("enter")
        await frames.take(pilot, "book a slot")
        await pilot.press("escape", "v")
        await frames.take(pilot, "agenda week")  # titles cut to the column: no room for ␛
        await pilot.press("1", "ctrl+p", *"Filter")
        assert "␛" in await frames.take(pilot, "command palette")
        await pilot.press("escape")
        pilot.app.notify(f"raw {ATTACK}", markup=False)
        assert "␛" in await frames.take(pilot, "notification")
    assert {where: found for where, found in frames.found.items() if found} == {}
    [(_, task)] = ws.inbox.ranked()
    assert task.title == TITLE  # shown safely, stored as it came


async def test_the_task_form_saves_the_stored_text_unchanged(tmp_path) -> None:
    """The form shows stand-ins but holds the real text: saving without touching a
    field must not replace the title with its stand-ins."""
    ws = hostile_ws(tmp_path)
    [(_, task)] = ws.inbox.ranked()
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert pilot.app.screen.query_one("#f-title").value == TITLE
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = ws.tasks.get(task.id)
    assert (saved.title, saved.tags, saved.notes) == (task.title, task.tags, task.notes)
