"""Calendar text rendered by icalendar, kept in the workspace file between commands.

A published feed is written without icalendar where it can (`ical/feed.py`);
what only icalendar can say is rendered once and kept here, derived data that
`ical/feed_facts.py` makes and reads, and whose content is its business:

- an imported event's components, as icalendar re-writes its original text:
  kept in the event record's `ics` field, and only while the record's text is
  still the one it was rendered from;
- how icalendar writes a time in a zone and the VTIMEZONE it generates for a
  TZID: one `state` record of kind `ical-facts`, for one icalendar install
  (`by`: another may write differently).

Neither changes a feed (`touched.py` leaves them out), and nothing outlives the
command but the workspace file itself.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from vaworkspace.store.file import WorkspaceFile

TEXT_FIELD = "ics"
"""The event record field that keeps the text rendered from its `raw` text."""
FACTS_KIND = "ical-facts"


def kept_facts(doc: Mapping[str, Any], by: str) -> tuple[dict, dict] | None:
    """The facts kept for the icalendar install `by`: (forms, zones), or None."""
    for record in doc.get("state", {}).values():
        if record.get("kind") == FACTS_KIND and record.get("by") == by:
            return dict(record.get("forms", {})), dict(record.get("zones", {}))
    return None


def keep_rendered(
    file: WorkspaceFile,
    by: str,
    events: Mapping[int, tuple[str, object]],
    facts: tuple[dict, dict] | None,
) -> None:
    """Keep, in one change, the text rendered for events (id -> (the original
    text it was rendered from, the rendered text)), each only if its event
    still holds that original text, and the facts (forms, zones) of the
    icalendar install `by`, if given, in place of any kept before."""
    from vaworkspace.store import tables

    with file.transaction() as db:
        writes = {}
        for doc_id, (raw, text) in events.items():
            record = tables.record(db, "events", doc_id)
            if record and record.get("raw", "") == raw:
                writes[doc_id] = {**record, TEXT_FIELD: text}
        tables.put_many(db, "events", writes)
        if facts is not None:
            state = tables.records(db, "state")
            found = [i for i, r in state.items() if r.get("kind") == FACTS_KIND]
            for stale in found[1:]:
                tables.delete(db, "state", [stale])
            doc_id = found[0] if found else max(state, default=0) + 1
            forms, zones = facts
            record = {"kind": FACTS_KIND, "by": by, "forms": forms, "zones": zones}
            tables.put(db, "state", doc_id, record)
