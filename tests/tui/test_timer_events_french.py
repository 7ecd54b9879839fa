"""Pilot: what the timer says in a French workspace (issue #12), wherever it reaches
the VA: the tick's notifications (a block over, the break reminder), the
`notify_command` that repeats them, and the notice of a stop too short to log."""

from __future__ import annotations

import sys
import time
from datetime import timedelta

from tests.tui.conftest import NOW, SIZE, app_for, focus, messages
from vaworkspace.tui.time_watch import time_messages

BLOCK_DONE = "Bloc 1 terminé : prenez une pause de 5 minutes"


def said_to(path, count: int) -> list[str]:
    """The messages the notify command wrote (it runs detached: wait for it)."""
    for _ in range(100):
        lines = path.read_text("utf-8").splitlines() if path.exists() else []
        if len(lines) >= count:
            return lines
        time.sleep(0.05)
    return lines


async def test_a_block_over_is_said_in_french_and_so_is_the_notify_command(
    moving, tmp_path
) -> None:
    ws, moment = moving
    ws.config.language = "fr_CA"
    heard = tmp_path / "heard.txt"
    script = f"import sys; open({str(heard)!r}, 'a', encoding='utf-8').write(sys.argv[1] + '\\n')"
    ws.config.notify_command = (sys.executable, "-c", script)
    ws.time.start_timer(task_id=1)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        pilot.app.bell = lambda: None
        moment[0] = NOW + timedelta(minutes=26)
        pilot.app.check_outside_changes()
        await pilot.pause()
        assert BLOCK_DONE in messages(pilot.app)
    assert said_to(heard, 1) == [BLOCK_DONE]


def test_the_break_reminder_in_french(moving) -> None:
    ws, moment = moving
    ws.config.language = "fr_CA"
    from vaworkspace.i18n import use_language

    use_language("fr_CA")
    ws.time.start_timer(task_id=1, mode="stopwatch")
    moment[0] = NOW + timedelta(minutes=95)
    said = [message for message, _severity in time_messages(ws, {})]
    assert "Vous travaillez depuis 95 minutes sans pause" in said


async def test_a_stop_too_short_to_log_is_said_in_french(moving) -> None:
    ws, moment = moving
    ws.config.language = "fr_CA"
    ws.time.start_timer(task_id=1, mode="stopwatch")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await focus(pilot)
        moment[0] = NOW + timedelta(seconds=30)
        await pilot.press("s")
        await pilot.pause()
        assert messages(pilot.app)[-1] == (
            "Minuteur arrêté : 0:30 de concentration sans saisie : en deçà du minimum"
            " de 1 minute (timer_minimum_minutes dans la configuration)"
        )
