"""Québec and France: where their French differs, each region's screens say its own
word. The UI's messages (`fr`, with `fr_CA` for Québec's words and `fr_FR` for
France's where `fr` says it as Québec does), the demo week
(written as a Montréal VA says it, with France's words for `fr_FR`) and money
(Babel's: `45,00 $` in Québec, `45,00 $CA` in France)."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from tests.tui.conftest import NOW, SIZE, app_for
from tests.tui.french_checks import LOCALE
from tests.tui.screen_text import screen_lines
from vaworkspace import i18n
from vaworkspace.config import Config
from vaworkspace.service import Workspace

QUEBEC_ONLY = ("courriel", "infolettre", "adjointe", "adjointes", "magasiner", "clavardage")
FRANCE_ONLY = ("e-mail", "mail", "newsletter", "week-end", "assistante", "assistantes", "shopping")
"""Words one region says and the other does not (`fin de semaine` is Québec's
week-end but also France's end of the week: not here)."""


def _shown_words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"[\w-]+", text)}


def _every_message():
    with (LOCALE / "messages.pot").open("rb") as handle:
        yield from (message for message in read_po(handle) if message.id)


@pytest.mark.parametrize(("language", "other"), [("fr_CA", FRANCE_ONLY), ("fr_FR", QUEBEC_ONLY)])
def test_no_message_speaks_the_other_region(language: str, other: tuple[str, ...]) -> None:
    i18n.use_language(language)
    wrong = []
    for message in _every_message():
        if isinstance(message.id, str):
            shown = [i18n._(message.id)]
        else:
            shown = [i18n.ngettext(*message.id, count) for count in (1, 2)]
        wrong += [text for text in shown if _shown_words(text) & set(other)]
    assert wrong == []


def _demo(tmp_path, language: str) -> Workspace:
    config = Config(timezone_name="America/Montreal", language=language)
    ws = Workspace(str(tmp_path / f"{language}.json"), config, clock=lambda: NOW)
    ws.fill_demo()
    return ws


def test_the_demo_week_in_france_says_e_mail_and_newsletter(tmp_path) -> None:
    quebec, france = _demo(tmp_path, "fr_CA"), _demo(tmp_path, "fr_FR")
    qc_tasks = {task.id: task for task in quebec.tasks.all()}
    fr_tasks = {task.id: task for task in france.tasks.all()}
    assert qc_tasks[11].title == "Trier la boîte courriel de la clinique"
    assert fr_tasks[11].title == "Trier la boîte mail de la clinique"
    assert "courriel" in qc_tasks[11].tags and "e-mail" in fr_tasks[11].tags
    assert fr_tasks[19].title == "Envoyer la newsletter hebdomadaire"
    assert "Relecture de la newsletter avec Marc" in {e.summary for e in france.calendar.events()}
    assert "newsletter" in {entry.note for entry in france.time.entries()}
    for ws, other in ((quebec, FRANCE_ONLY), (france, QUEBEC_ONLY)):
        texts = [t.title for t in ws.tasks.all()] + [e.summary for e in ws.calendar.events()]
        texts += [c.notes for c in ws.clients.all()] + [e.note for e in ws.time.entries()]
        assert [text for text in texts if _shown_words(text) & set(other)] == []
    assert [t.due for t in fr_tasks.values()] == [t.due for t in qc_tasks.values()]


@pytest.mark.parametrize(
    ("language", "title", "tag"),
    [
        ("fr_CA", "Trier la boîte courriel de la clinique", "#courriel"),
        ("fr_FR", "Trier la boîte mail de la clinique", "#e-mail"),
    ],
)
async def test_each_region_shows_its_word_on_the_inbox(tmp_path, language, title, tag) -> None:
    app = app_for(_demo(tmp_path, language))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"boîte", "enter")
        await pilot.pause()
        screen = "\n".join(screen_lines(app.export_screenshot(), width=SIZE[0]))
    assert f"11 {title}" in screen and tag in screen


@pytest.mark.parametrize(
    ("language", "rate", "amount"),
    [("fr_CA", "45,00 $/h", "191,25 $ "), ("fr_FR", "45,00 $CA/h", "191,25 $CA")],
)
async def test_each_region_writes_canadian_dollars_its_way(
    tmp_path, language, rate, amount
) -> None:
    """Québec's dollar is `$`; in France it is `$CA`, beside the euro's `€` in both."""
    app = app_for(_demo(tmp_path, language))
    async with app.run_test(size=SIZE) as pilot:
        shown = {}
        for key in ("3", "5"):
            await pilot.press(key)
            await pilot.pause()
            shown[key] = "\n".join(screen_lines(app.export_screenshot(), width=SIZE[0]))
    evelyne = [row for row in shown["3"].splitlines() if "@evelyne" in row]
    assert evelyne and rate in evelyne[0]
    assert "30,00 €/h" in shown["3"]  # @bakery, in euros
    assert amount in shown["5"] and "104,67 €" in shown["5"]


@pytest.mark.parametrize(
    ("language", "example"), [("fr_CA", "voyage courriel"), ("fr_FR", "voyage e-mail")]
)
async def test_each_region_writes_the_tags_example_its_way(tmp_path, language, example) -> None:
    """The task form's example tags: the fr catalog says courriel, fr_FR e-mail."""
    config = Config(timezone_name="America/Montreal", language=language)
    ws = Workspace(str(tmp_path / "ws.json"), config, clock=lambda: NOW)
    ws.tasks.add("Appeler Marie")
    app = app_for(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "TaskForm"
        screen = "\n".join(screen_lines(app.export_screenshot(), width=SIZE[0]))
    assert example in screen
