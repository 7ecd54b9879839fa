"""Calendar text rendered by icalendar, kept in the workspace file: an event's
rendered text only while the event still holds the text it was rendered from,
and one set of facts, for the icalendar install that made them."""

from __future__ import annotations

from vaworkspace.store import WorkspaceFile, tables
from vaworkspace.store.feed_source import FeedSource
from vaworkspace.store.rendered import keep_rendered, kept_facts


def event(raw: str) -> dict:
    return {
        "uid": "e",
        "summary": "Meeting",
        "start": "2026-12-04",
        "end": "2026-12-05",
        "raw": raw,
    }


def test_rendered_text_is_kept_only_for_the_text_it_came_from(tmp_path) -> None:
    wf = WorkspaceFile(tmp_path / "ws.json")
    with wf.transaction() as db:
        tables.put_many(db, "events", {1: event("BEGIN:VEVENT one"), 2: event("BEGIN:VEVENT two")})
    # Event 2 changed after its text was rendered: that rendering is dropped.
    keep_rendered(wf, "k1", {1: ("BEGIN:VEVENT one", {"fp": 1}), 2: ("old", {"fp": 2})}, None)
    items = {item.id: item for item in FeedSource(wf.read(), None).events()}
    assert items[1].kept == {"fp": 1} and items[1].raw == "BEGIN:VEVENT one"
    assert items[2].kept is None
    assert items[1].event().raw == "BEGIN:VEVENT one"


def test_one_set_of_facts_for_the_icalendar_that_made_them(tmp_path) -> None:
    wf = WorkspaceFile(tmp_path / "ws.json")
    assert kept_facts(wf.read(), "k1") is None
    keep_rendered(wf, "k1", {}, ({"UTC": None}, {"Europe/Paris": "BEGIN:VTIMEZONE"}))
    assert kept_facts(wf.read(), "k1") == ({"UTC": None}, {"Europe/Paris": "BEGIN:VTIMEZONE"})
    keep_rendered(wf, "k2", {}, ({}, {}))  # another install: its facts replace the others
    assert kept_facts(wf.read(), "k1") is None
    assert kept_facts(wf.read(), "k2") == ({}, {})
    assert len(wf.read()["state"]) == 1
