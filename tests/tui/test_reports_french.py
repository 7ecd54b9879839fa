"""The Reports screen (5) in French at 80×24: the title, the day, week and month
tables, their totals, the earned line and the empty week, with French words, decimal
commas and money in the fr_CA form, no English word and nothing cut."""

from __future__ import annotations

import re

import pytest

from tests.tui.conftest import SIZE, app_for, reports, text
from tests.tui.french_body import cut_lines, english_words, shown
from tests.tui.test_reports_screen import log_week

NBSP = "\xa0"
BODY = ("#title", "#header", "#lines", "#totals", "#earned")


def _french(moving):
    ws, _moment = moving
    log_week(ws)
    ws.config.language = "fr_CA"
    ws.config.target_rate_cents = 4000
    ws.config.currency = "CAD"
    return ws


def _check_body(screen) -> str:
    body = "\n".join(shown(screen.query_one(selector)) for selector in BODY)
    assert english_words(body) == set(), body
    for selector in BODY:
        assert cut_lines(screen.query_one(selector)) == [], selector
    return body


async def test_the_week_in_french(moving) -> None:
    async with app_for(_french(moving)).run_test(size=SIZE) as pilot:
        screen = await reports(pilot)
        body = _check_body(screen)
        title = text(screen, "#title")
        assert title.startswith("Semaine du lun. 30 nov. 2026  cette semaine")
        assert "5,8 h saisies" in title
        header = text(screen, "#header").split()
        days = ["Lu", "Ma", "Me", "Je", "Ve", "Sa", "Di"]
        assert header == ["Client", *days, "Total", "Montant", "Forfait"]
        rows = text(screen, "#lines").splitlines()
        assert rows[0].split()[1] == "▂1,5" and f"57,00{NBSP}€" in rows[0]
        assert "3,8/2h" in rows[1] and rows[2].startswith("sans client ")
        totals = text(screen, "#totals").splitlines()
        assert totals[0].startswith("Total CAD") and f"168,75{NBSP}$" in totals[0]
        earned = text(screen, "#earned").splitlines()
        assert earned[0].startswith("CAD/h réel  sem. ") and "cible 40,00" in earned[0]
        assert f"{NBSP}% gratuit)" in earned[0] and "mois " in earned[0]
        assert re.search(r"\d\.\d", body) is None  # decimal commas


@pytest.mark.parametrize(
    ("key", "title", "heading"),
    [
        ("d", "mar. 1 déc. 2026  aujourd'hui", ["Client", "Nom", "Heures", "Fact.", "Montant"]),
        ("m", "décembre 2026  ce mois-ci", ["Client", "1", "8", "15", "22", "29", "Total"]),
    ],
)
async def test_the_day_and_the_month_in_french(moving, key, title, heading) -> None:
    async with app_for(_french(moving)).run_test(size=SIZE) as pilot:
        screen = await reports(pilot)
        await pilot.press(key)
        await pilot.pause()
        _check_body(screen)
        assert text(screen, "#title").startswith(title)
        assert text(screen, "#header").split()[: len(heading)] == heading
        assert text(screen, "#header").split()[-1] == "Forfait"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "T : revenir à " in text(screen, "#title")


async def test_an_empty_week_in_french(moving) -> None:
    async with app_for(_french(moving)).run_test(size=SIZE) as pilot:
        screen = await reports(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.has_class("-empty")
        empty = text(screen, "#empty")
        assert empty.startswith("Aucun temps saisi cette semaine-là.")
        assert "la semaine précédente ou suivante" in empty and "va log 1h30 " in empty
        assert english_words(empty.replace("va log", "")) == set(), empty  # a command stays
        assert cut_lines(screen.query_one("#empty")) == []
        title = text(screen, "#title")
        assert title.endswith("rien de saisi") and "T : revenir à cette semaine" in title
