"""The agenda (6) in French at 80×24: the day and the week, a plan proposed and
accepted, booking, moving and removing a block; no English UI word on the screen
and no word of the UI cut (a stored title may be, with an ellipsis).

The workspace is `tests.agenda_workspace`'s, titled in French
(`tests.agenda_workspace_fr`); the clock is Tuesday 1 December, 14:00 in Montreal.
"""

from __future__ import annotations

import io
import re

from rich.console import Console

from tests.agenda_workspace import at
from tests.agenda_workspace_fr import TITLES, build_french
from tests.tui.conftest import SIZE, app_for, messages, show
from tests.tui.test_french_chrome import ENGLISH_UI_WORDS, SAME_IN_FRENCH

ENGLISH_AGENDA = """
    free event events conflict risk past off slots fits nothing proposal planning
    booked blocks accept again all of book books move moved remove removed type
    number then enter cancel task tasks that first most urgent left work hours none
    more undoes planned in the to
"""
ENGLISH = (ENGLISH_UI_WORDS | set(ENGLISH_AGENDA.split())) - SAME_IN_FRENCH
STORED = {word.lower() for word in re.findall(r"[A-Za-zÀ-ÿ]+", TITLES)}


def screen_lines(app) -> list[str]:
    """The screen as the terminal shows it, one string per row."""
    console = Console(
        width=SIZE[0], height=SIZE[1], file=io.StringIO(), color_system=None, record=True
    )
    update = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens, simplify=True
    )
    console.print(update)
    return console.export_text().splitlines()


def english_words(lines: list[str]) -> set[str]:
    words = {word.lower() for line in lines for word in re.findall(r"[A-Za-zÀ-ÿ]+", line)}
    return words & ENGLISH


def cut_words(lines: list[str]) -> list[str]:
    """The text before each ellipsis that is not the start of a stored word."""
    cut = []
    for line in lines:
        for match in re.finditer(r"(\S*)…", line):
            word = re.findall(r"[A-Za-zÀ-ÿ]+", match.group(1))
            if not word or not any(w.startswith(word[-1].lower()) for w in STORED):
                cut.append(match.group(0))
    return cut


def assert_french(app) -> list[str]:
    lines = screen_lines(app)
    assert len(lines) == SIZE[1] and all(len(line) <= SIZE[0] for line in lines)
    assert english_words(lines) == set(), "\n".join(lines)
    assert cut_words(lines) == [], "\n".join(lines)
    return lines


async def agenda(pilot):
    return await show(pilot, "6", "AgendaScreen")


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def test_the_day_in_french(tmp_path) -> None:
    ws = build_french(tmp_path)
    ws.agenda.schedule_block(2, at("14:00"))
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await agenda(pilot)
        title = text(screen, "#title")
        assert title == ("mar. 1 déc.  aujourd'hui · 6 événements · 1 h 45 libre · ⚠ 2 en conflit")
        assert text(screen, "#allday").startswith("toute la journée ▌Clinique fermée")
        side = text(screen, "#side")
        assert side.startswith("Échéances du jour\n#5 Envoyer la liste")
        assert "2 créneaux libres\n▶ 14:45–15:00 (15 min)\n  15:30–17:00 (1 h 30)" in side
        assert "j k · entrée réserve" in side and "⚠ conflit\n10:00 Essayage" in side
        day = text(screen, "#day")
        assert "⚠ conflit @evelyne" in day and "  libre 15:30–17:00 (1 h 30)" in day
        assert "▶ libre 14:45–15:00 " in day  # beside a block: the length goes, not cut
        lines = assert_french(pilot.app)
        assert "Dépl." in lines[-1] and "Bloc" in lines[-1]
        await pilot.press("h")
        assert text(screen, "#title").startswith("lun. 30 nov. 2026  T : aujourd'hui · ")
        assert "plus rien de libre" in text(screen, "#side")
        assert_french(pilot.app)
        await pilot.press("l", "l", "l", "l", "l")
        assert "congé" in text(screen, "#side") and "aucune échéance" in text(screen, "#side")
        assert_french(pilot.app)


async def test_the_week_in_french(tmp_path) -> None:
    ws = build_french(tmp_path)
    ws.agenda.schedule_block(2, at("14:00"))
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await agenda(pilot)
        await pilot.press("v")
        # "  cette semaine" would not fit with the conflicts: it gives way
        title = text(screen, "#title")
        assert title == "Semaine du 30 nov. · 8 événements · 24 h 45 libres · ⚠ 2 en conflit"
        week = text(screen, "#week").splitlines()
        assert week[0].split("│")[:3] == ["lun. 30   ", "mar. 1    ", "mer. 2    "]
        # `1 h 45 libre` is wider than the column: each column says it on two lines
        heads = [[part.strip() for part in line.split("│")] for line in week[1:3]]
        assert heads == [
            ["passé", "1 h 45", "8 h", "7 h", "8 h", "congé", "congé"],
            ["", "libre", "libres", "libres", "libres", "", ""],
        ]
        assert set(week[3]) <= {"─", "│"}  # the rules under the heads stay level
        assert_french(pilot.app)
        await pilot.press("l")
        assert text(screen, "#title").startswith("Semaine du 7 déc.  T : cette semaine · ")
        assert_french(pilot.app)


async def test_a_plan_proposed_and_accepted_in_french(tmp_path) -> None:
    ws = build_french(tmp_path)
    ws.agenda.schedule_block(2, at("15:30"))
    async with app_for(ws).run_test(size=SIZE) as pilot:
        screen = await agenda(pilot)
        await pilot.press("P")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert text(screen, "#title").endswith(" · ⚠ 2 en conflit · proposition")
        side = text(screen, "#side")
        assert side.startswith("Plan  3 blocs · 1 h 25\n14:00–14:30 #1 Facture")
        # due:2026-11-25 ends at midnight: the day it was due, whole, over two lines
        assert "⚠ à risque\n#1 échue depuis le mer.\n  25 nov. 2026\n" in side
        assert side.endswith("a accepter · P refaire\néchap : retour")
        assert_french(pilot.app)
        await pilot.press("a")
        await pilot.pause()
        assert "3 blocs planifiés le mar. 1 déc. — u annule" in messages(pilot.app)
        assert "proposition" not in text(screen, "#title")
        await pilot.press("P")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("X")
        await pilot.pause()
        assert "3 blocs planifiés retirés — u annule" in messages(pilot.app)
        assert_french(pilot.app)


async def test_booking_moving_and_removing_a_block_in_french(tmp_path) -> None:
    ws = build_french(tmp_path)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await agenda(pilot)
        await pilot.press("enter")
        prompt = pilot.app.screen
        assert text(prompt, "#heading") == ("Réserver le créneau 14:00–15:00 (1 h), mar. 1 déc.")
        hint = text(prompt, "#hint")
        assert hint.startswith("Tâches qui tiennent, les plus urgentes d'abord :")
        assert "#2   Réserver l'hôtel" in hint and "45 min" in hint
        assert_french(pilot.app)
        await pilot.press("enter")  # nothing typed
        assert text(prompt, "#problem") == "tapez le n° d'une tâche, comme celles ci-dessus"
        await pilot.press("2", "enter")
        await pilot.pause()
        assert "Réservé : #2 Réserver l'hôtel, aujourd'hui, 14 h–14 h 45" in messages(pilot.app)
        await pilot.press("j", "m")  # into the next free slot: 15:30
        prompt = pilot.app.screen
        assert text(prompt, "#heading") == (
            "Déplacer un bloc vers le créneau 15:30–17:00 (1 h 30), mar. 1 déc."
        )
        block = ws.agenda.blocks(at("00:00"), at("23:59"))[0].id
        hint = f"Blocs réservés :\n{block:>4}  mar. 14:00–14:45  #2 Réserver l'hôtel"
        assert text(prompt, "#hint") == hint
        assert_french(pilot.app)
        await pilot.press(*str(block), "enter")
        await pilot.pause()
        assert (
            "Bloc de Réserver l'hôtel déplacé : aujourd'hui, 15 h 30–16 h 15 — u annule"
            in messages(pilot.app)
        )
        await pilot.press("x")
        assert text(pilot.app.screen, "#heading") == "Retirer un bloc de travail"
        await pilot.press(*str(block), "enter")
        await pilot.pause()
        assert (
            "Bloc de Réserver l'hôtel retiré : aujourd'hui, 15 h 30–16 h 15 — u annule"
            in messages(pilot.app)
        )
        await pilot.press("x")
        assert text(pilot.app.screen, "#hint") == "Aucun bloc réservé."
        assert_french(pilot.app)
