"""`va --demo` in French when the workspace speaks French: the same week, every
word of it in French (titles, notes, tags, entry notes, meetings), the same ids."""

from __future__ import annotations

from datetime import datetime, timezone

from vaworkspace.config import Config
from vaworkspace.service import Workspace, demo, demo_calendar, demo_french

NOW = datetime(2026, 12, 1, 19, 0, tzinfo=timezone.utc)


def _demo(tmp_path, language: str) -> Workspace:
    config = Config(timezone_name="America/Montreal", language=language)
    ws = Workspace(str(tmp_path / f"{language}.json"), config, clock=lambda: NOW)
    ws.fill_demo()
    return ws


def test_every_demo_word_has_its_french() -> None:
    assert demo_french.TITLES.keys() == demo.ROWS.keys()
    assert demo_french.NOTES.keys() == demo.NOTES.keys()
    assert demo_french.CLIENT_NOTES.keys() == {client.id for client in demo.CLIENTS}
    assert {t for row in demo.ROWS.values() for t in row[6]} <= demo_french.TAGS.keys()
    assert {e[6] for e in demo._DEMO_TIME if e[6]} <= demo_french.ENTRY_NOTES.keys()
    summaries = {event[2] for events in demo_calendar.EVENTS.values() for event in events}
    assert summaries <= demo_french.EVENTS.keys()


def test_the_french_demo_is_the_english_week_in_french(tmp_path) -> None:
    english, french = _demo(tmp_path, "en"), _demo(tmp_path, "fr_CA")
    en_tasks = {t.id: t for t in english.snapshot().tasks()}
    fr_tasks = {t.id: t for t in french.snapshot().tasks()}
    assert en_tasks.keys() == fr_tasks.keys()
    assert fr_tasks[1].title == "Réserver les vols Montréal → Paris pour le défilé"
    assert fr_tasks[1].tags == ["voyage", "prochain"] and fr_tasks[1].due == en_tasks[1].due
    assert en_tasks[1].title.startswith("Book flights")
    fr_notes = [e.note for e in french.time.entries()]
    assert "appel : logistique du défilé" in fr_notes
    assert [e.seconds for e in french.time.entries()] == [e.seconds for e in english.time.entries()]
    summaries = {event.summary for event in french.calendar.events()}
    assert "Réunion d'équipe de la clinique" in summaries
    assert "Clinic staff meeting" not in summaries
