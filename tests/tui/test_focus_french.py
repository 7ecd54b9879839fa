"""The focus timer screen (4) in French at 80×24: the phase line, what the timer
runs on, today's table (`1 h 30`, a wider column for `10 h 05`) and the notices of
pause, resume and stop, with no English word and nothing cut."""

from __future__ import annotations

from datetime import timedelta

from tests.tui.conftest import NOW, SIZE, app_for, focus, messages, text
from tests.tui.french_body import cut_lines, english_words, shown

BODY = ("#phase", "#what", "#today-table")


def _check_body(screen) -> str:
    body = "\n".join(shown(screen.query_one(selector)) for selector in BODY)
    assert english_words(body) == set(), body
    for selector in BODY:
        assert cut_lines(screen.query_one(selector)) == [], selector
    return body


async def test_a_pomodoro_and_today_s_time_in_french(moving) -> None:
    ws, moment = moving
    ws.config.language = "fr_CA"
    ws.time.log(["1h30m", "@evelyne", "rappels"], "8:00")
    ws.time.log(["10h05m", "admin"], "yesterday 8:00")  # not today's
    ws.time.log(["3h", "@evelyne"], "10:00")
    ws.time.start_timer(task_id=1)
    moment[0] = NOW + timedelta(minutes=12, seconds=30)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        screen.refresh_bar()
        await pilot.pause()
        body = _check_body(screen)
        assert text(screen, "#phase") == "Concentration   ○○○○  0 bloc fait"
        table = text(screen, "#today-table").splitlines()
        assert table[0] == "Aujourd'hui"
        assert table[1].startswith("@evelyne") and " 4 h 42  " in table[1]
        assert table[-1].startswith("Total") and table[-1].endswith("4 h 42")
        assert "#1 Book hotel" in body  # the task as typed
        await pilot.press("p")
        await pilot.pause()
        assert text(screen, "#phase").startswith("En pause")
        assert english_words(messages(pilot.app)[-1]) == set(), messages(pilot.app)
        await pilot.press("s")
        await pilot.pause()
        stopped = messages(pilot.app)[-1]
        assert stopped.startswith("Minuteur arrêté : saisie ")
        assert " enregistrée (12 min sur #1 @evelyne)" in stopped
        assert english_words(stopped) == set(), stopped
        _check_body(screen)


async def test_a_stopwatch_and_the_idle_screen_in_french(moving) -> None:
    ws, moment = moving
    ws.config.language = "fr_CA"
    ws.time.start_timer(client="dental", mode="stopwatch")
    moment[0] = NOW + timedelta(hours=10, minutes=5)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await focus(pilot)
        screen.refresh_bar()
        await pilot.pause()
        _check_body(screen)
        assert text(screen, "#phase") == "Concentration · chronomètre"
        assert "10 h 05" in text(screen, "#today-table")
        await pilot.press("s")
        await pilot.pause()
        _check_body(screen)
        assert text(screen, "#phase") == "Aucun minuteur en cours"
        assert "entrée : un autre pomodoro sur " in text(screen, "#what")


def test_a_retainer_s_threshold_in_french(moving) -> None:
    from vaworkspace.i18n import use_language
    from vaworkspace.tui.time_watch import time_messages

    ws, _moment = moving
    use_language("fr_CA")
    memory: dict = {}
    assert time_messages(ws, memory) == []
    ws.time.log(["1h40m", "@evelyne", "monday", "essayages"])  # 100 of 120 minutes
    said = [message for message, _severity in time_messages(ws, memory)]
    assert "@evelyne a utilisé 80\xa0% de son forfait de 2 h" in said
