"""The time entries screen (7) in French at 80×24: the week's title, the table's
headings and cells (`lun. 30`, `1 h 30`), its empty state, the forms to log and
edit an entry and the notices they leave: French words, nothing cut."""

from __future__ import annotations

from rich.cells import cell_len

from tests.tui.conftest import SIZE, app_for, messages, show, text
from tests.tui.french_body import cut_lines, english_words, shown


def _french(ws):
    ws.config.language = "fr_CA"
    ws.time.log(["1h30m", "@dental", "task:1", "yesterday", "rappels"], "9:00")
    ws.time.log(["10h05m", "@evelyne"], "1:00")
    return ws


def _cells(screen) -> list[list[str]]:
    table = screen.query_one("#entries")
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_week_s_entries_in_french(ws) -> None:
    async with app_for(_french(ws)).run_test(size=SIZE) as pilot:
        screen = await show(pilot, "7", "EntriesScreen")
        table = screen.query_one("#entries")
        headings = [str(column.label) for column in table.columns.values()]
        assert headings == ["N°", "Jour", "Horaire", "Heures", "Client", "Tâche", "Note"]
        cells = _cells(screen)
        assert cells[0][1:4] == ["lun. 30", "09:00–10:30", "1 h 30"]
        assert cells[1][1:4] == ["mar. 1", "01:00–11:05", "10 h 05"]
        for row in cells:  # every cell fits its column: nothing cut with `…`
            assert all("…" not in cell for cell in row), row
        widths = [column.width for column in table.columns.values()]
        assert sum(widths) + 2 * len(widths) <= 80
        title = text(screen, "#title")
        assert title.startswith("Semaine du lun. 30 nov. 2026  cette semaine")
        assert title.endswith("2 saisies · 11 h 35")
        assert english_words(title + " ".join(headings)) == set(), title
        assert cut_lines(screen.query_one("#title")) == []
        await pilot.press("right_square_bracket")
        await pilot.pause()
        empty = screen.query_one("#empty")
        assert shown(empty) == "Aucun temps saisi cette semaine.  a : saisir du temps à la main"
        assert cut_lines(empty) == [] and "T : revenir à cette semaine" in text(screen, "#title")
        assert text(screen, "#title").endswith("0 saisie · 0 min")


async def test_the_forms_and_their_notices_in_french(ws) -> None:
    async with app_for(_french(ws)).run_test(size=SIZE) as pilot:
        screen = await show(pilot, "7", "EntriesScreen")
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        labels = [str(label.render()) for label in form.query("Grid Label")]
        assert labels == ["Client", "Tâche", "Jour", "Début", "Fin", "Durée", "Note", "Type"]
        hints = [field.placeholder for field in form.query("Grid Input")]
        assert hints[2] == "vide pour aujourd'hui ; hier, lun, 30 nov"
        width = form.query_one("Grid Input").content_region.width
        assert all(cell_len(hint) <= width for hint in hints), (width, hints)
        heading = shown(form.query_one("Vertical > Static"))
        assert heading == "Saisir du temps : une durée, ou un début et une fin"
        assert english_words(" ".join([heading, *labels, *hints])) == set(), hints
        form.query_one("#f-day").value = "hier"
        form.query_one("#f-start").value = "13h"
        form.query_one("#f-duration").value = "45 min"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert messages(pilot.app), shown(form.query_one("#problem"))
        assert messages(pilot.app)[-1] == "Saisie 3 enregistrée : 45 min"
        await pilot.press("e")  # the first row: yesterday 9:00, entry 1
        await pilot.pause()
        form = pilot.app.screen
        assert shown(form.query_one("Vertical > Static")) == "Saisie 1"
        assert form.query_one("#f-billable").value == "oui"
        form.query_one("#f-billable").value = "non"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert messages(pilot.app)[-1] == "Saisie 1 enregistrée : 1 h 30"
        assert not ws.time.entries()[0].billable
        await pilot.press("d")
        await pilot.pause()
        question = shown(pilot.app.screen.query_one("#question"))
        assert question.startswith("Supprimer la saisie 1 : lun. 30 09:00–10:30 1 h 30")
        await pilot.press("y")
        await pilot.pause()
        assert messages(pilot.app)[-1] == "Saisie 1 supprimée (1 h 30) — u pour annuler"
        assert screen is pilot.app.screen
