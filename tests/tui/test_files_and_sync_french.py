"""The import and export forms (I, E) and the sync (R) in French at 80×24: the
forms' titles, labels and hints, the step under way, the notices at the end and
the refusals under the fields; the sync's progress and what it says after. No
English UI word in them, nothing of them cut (a label fits its 11 cells, a line
the form's width).

The workspace is `tests.agenda_workspace_fr`'s, which speaks French.
"""

from __future__ import annotations

import re
import threading

from textual.widgets import Input

from tests.agenda_workspace_fr import build_french
from tests.tui.conftest import SIZE, app_for, held_imports, messages
from tests.tui.test_agenda_french import ENGLISH
from tests.tui.test_file_forms import ICS
from vaworkspace.service import subscriptions

FORM_WIDTH = 72  # the form's 76 cells, less its border and padding


def english(text: str) -> set[str]:
    """English UI words, leaving out paths, file names and commands (`va sync`)."""
    text = re.sub(r"\S*[/.]\S*|`[^`]*`|\bva [a-z]+", " ", text)
    return {word.lower() for word in re.findall(r"[A-Za-zÀ-ÿ]+", text)} & ENGLISH


def form_texts(form) -> list[str]:
    """Every text the form shows: title, labels, hints, the step and the problem."""
    texts = [str(form.query_one("Static").render())]
    texts += [str(label.render()) for label in form.query("Grid Label")]
    texts += [field.placeholder for field in form.query(Input)]
    texts += [str(form.query_one(selector).render()) for selector in ("#step", "#problem")]
    return texts


def assert_french(form) -> None:
    texts = form_texts(form)
    assert english("\n".join(texts)) == set(), texts
    labels = [str(label.render()) for label in form.query("Grid Label")]
    assert all(len(label) <= 11 for label in labels), labels
    assert all(len(line) <= FORM_WIDTH for text in texts for line in text.splitlines()), texts


async def _open(pilot, key: str, **texts: str):
    await pilot.press(key)
    await pilot.pause()
    form = pilot.app.screen
    for name, value in texts.items():
        form.query_one(f"#f-{name}", Input).value = value
    return form


async def _save(pilot) -> None:
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_import_form_in_french(tmp_path) -> None:
    ws = build_french(tmp_path)
    path = tmp_path / "conseil.ics"
    path.write_text(ICS, newline="")
    started, release = held_imports(ws)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await _open(pilot, "I")
        assert str(form.query_one("Static").render()) == (
            "Importer un calendrier .ics ou un export Taskwarrior"
        )
        assert [str(label.render()) for label in form.query("Grid Label")] == ["Fichier", "Client"]
        assert_french(form)
        await _save(pilot)  # no path
        assert str(form.query_one("#problem").render()) == "tapez le chemin du fichier à importer"
        assert_french(form)
        form.query_one("#f-path", Input).value = str(path)
        await pilot.press("ctrl+s")
        assert started.wait(5)
        await pilot.pause()
        step = str(form.query_one("#step").render())
        assert re.fullmatch(
            r"Importation de [0-9 ]+ octets…", step.replace("\N{NO-BREAK SPACE}", " ")
        )
        assert_french(form)
        await pilot.press("escape")
        await pilot.pause()
        assert "Travail en cours : le résultat viendra dans un avis" in messages(pilot.app)
        release.set()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        done = [m for m in messages(pilot.app) if m.startswith(f"{path} importé — ")]
        assert done == [
            f"{path} importé — événements créés : 1, mis à jour : 0, inchangés : 0, "
            "annulés : 0 ; tâches créées : 0, mises à jour : 0"
        ]


async def test_the_export_form_in_french(tmp_path) -> None:
    ws = build_french(tmp_path)
    target = tmp_path / "semaine.ics"
    async with app_for(ws).run_test(size=SIZE) as pilot:
        form = await _open(pilot, "E", path=str(target), first="demain", last="zzz")
        labels = [str(label.render()) for label in form.query("Grid Label")]
        assert labels == ["Fichier", "Client", "Du", "Au"]
        assert_french(form)
        await _save(pilot)  # a day that is no day: the CLI's refusal, in the form
        assert pilot.app.screen is form and str(form.query_one("#problem").render())
        form.query_one("#f-last", Input).value = "ven"
        await _save(pilot)
        size = target.stat().st_size
        wrote = f"{target} écrit ({size:,} octets)".replace(",", "\N{NO-BREAK SPACE}")
        assert wrote in messages(pilot.app)


async def test_the_sync_in_french(tmp_path, monkeypatch) -> None:
    ws = build_french(tmp_path)
    path = tmp_path / "conseil.ics"
    path.write_text(ICS, newline="")
    ws.subscriptions.add("conseil", str(path), client="dental")
    (tmp_path / "perdu.ics").write_text(ICS, newline="")
    ws.subscriptions.add("perdu", str(tmp_path / "perdu.ics"), client="dental")
    slow, real = threading.Event(), subscriptions.fetch

    def waiting_fetch(source, **options):
        assert slow.wait(10)  # a slow server
        return real(source, **options)

    monkeypatch.setattr(subscriptions, "fetch", waiting_fetch)
    (tmp_path / "perdu.ics").unlink()  # gone since it was subscribed
    async with app_for(ws).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("R")
        await pilot.pause(0.2)
        progress = app.screen
        assert type(progress).__name__ == "SyncScreen"
        shown = [str(part.render()) for part in progress.query("Vertical > Static")]
        assert shown == [
            "Synchronisation de 2 sources (va sync)",
            "Synchronisation de conseil…",
            "échap : masquer (la synchronisation continue, son résultat viendra dans un avis)",
        ]
        assert english("\n".join(shown)) == set(), shown
        await pilot.press("escape", "R")  # hidden, then again while it runs
        await pilot.pause()
        assert "Synchronisation en cours : le résultat viendra dans un avis" in messages(app)
        slow.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = messages(app)
        assert any(m.startswith("conseil importé — événements créés : 1, ") for m in said)
        failed = [m for m in said if m.startswith("calendrier « perdu » non synchronisé : ")]
        assert len(failed) == 1 and failed[0].endswith(" ; rien n'a changé")


def test_a_busy_file_in_french() -> None:
    from vaworkspace.errors import WorkspaceBusy
    from vaworkspace.i18n import use_language
    from vaworkspace.tui.problems import problem_text

    use_language("fr_CA")
    busy = WorkspaceBusy("the workspace is locked", holder=4242)
    assert problem_text(busy) == "occupé : un autre va écrit (processus 4242), réessayez"
    assert problem_text(WorkspaceBusy("locked")) == "occupé : un autre va écrit, réessayez"
