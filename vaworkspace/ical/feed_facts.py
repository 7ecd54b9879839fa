"""What only icalendar can say about a feed's text, kept in the workspace file.

`feed.py` writes components itself, fast; some text it can only take from
icalendar: an imported event's components as icalendar re-writes them (kept in
the event record's `ics` field, with a digest of the text it came from), how a
time in the user's zone is written, and the VTIMEZONE generated for a TZID (one
`state` record of kind `ical-facts`). All of it is derived, keyed by the
installed icalendar (`ical_key`), and rendered again when missing or stale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo
from typing import TYPE_CHECKING

from vaworkspace.ical.lines import ZoneForm

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any

    from vaworkspace.domain.calendar.event import Event

FACTS_KIND = "ical-facts"
TEXT_FIELD = "ics"
"""The event record field that holds its components' text (derived from `raw`)."""


def ical_key() -> str:
    """Which icalendar install derived text comes from, without importing it
    (another version may write the same component differently): a checksum of
    our version and its module's path, size and time."""
    import os
    import zlib
    from importlib.util import find_spec

    from vaworkspace import __version__

    spec = find_spec("icalendar")
    origin = spec.origin if spec is not None and spec.origin else ""
    try:
        st = os.stat(origin)
        installed = f"{origin}:{st.st_mtime_ns}:{st.st_size}"
    except OSError:
        installed = origin
    return f"{zlib.crc32(f'{__version__}:{installed}'.encode()):08x}"


def text_digest(key: str, raw: str) -> str:
    """Tells one event's original text (as rendered by one icalendar) from
    another; not a defence: the text is the user's own. zlib rather than
    hashlib, whose import costs more."""
    import zlib

    data = raw.encode()
    return f"{key}-{len(data):x}-{zlib.crc32(data):08x}"


@dataclass(slots=True)
class Facts:
    """What only icalendar can say, as stored in the workspace file, plus what
    this round had to render because it was missing (`learned_*`)."""

    key: str
    forms: dict[str, list | None] = field(default_factory=dict)
    zones: dict[str, str | None] = field(default_factory=dict)
    learned_events: dict[str, dict] = field(default_factory=dict)
    learned_facts: bool = False

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any], key: str) -> Facts:
        for record in doc.get("state", {}).values():
            if record.get("kind") == FACTS_KIND and record.get("by") == key:
                return cls(key, dict(record.get("forms", {})), dict(record.get("zones", {})))
        return cls(key)

    def record(self) -> dict:
        """The `state` record that keeps these facts."""
        return {"kind": FACTS_KIND, "by": self.key, "forms": self.forms, "zones": self.zones}

    def form(self, tz: tzinfo) -> ZoneForm | None:
        name = str(getattr(tz, "key", tz))
        if name not in self.forms:
            from vaworkspace.ical.components import zone_form

            found = zone_form(tz)
            stored = None if found is None else [found.param, found.suffix, list(found.uses)]
            self.forms[name] = stored
            self.learned_facts = True
        kept = self.forms[name]
        return None if kept is None else ZoneForm(kept[0], kept[1], tuple(kept[2]))

    def zone(self, tzid: str) -> str | None:
        if tzid not in self.zones:
            from vaworkspace.ical.components import generated_zone

            self.zones[tzid] = generated_zone(tzid)
            self.learned_facts = True
        return self.zones[tzid]

    def event_text(
        self, key: str, record: dict, decode: Callable[[int, dict], Event]
    ) -> list | None:
        """The event's components as [(parts, uses)], or None if its text cannot
        be read; from its `ics` field if that is current, else rendered now
        (from the event `decode` makes of the record).

        Stored compactly (most imported text is written back unchanged): `fp`
        the text's digest, `pieces` [[parts or null (the raw text itself), uses]]
        or null, `zones` [[TZID, VTIMEZONE text, uses]] when the text has any.
        """
        raw = record["raw"]
        digest = text_digest(self.key, raw)
        stored = record.get(TEXT_FIELD)
        if type(stored) is not dict or stored.get("fp") != digest:
            stored = self._render(key, record, digest, decode)
        pieces = stored["pieces"]
        if pieces is None:
            return None
        return [([raw] if parts is None else parts, uses) for parts, uses in pieces]

    def zones_of(self, key: str, record: dict) -> list:
        """The VTIMEZONEs the event's text supplies (after `event_text`)."""
        text = self.learned_events.get(key) or record.get(TEXT_FIELD)
        return text.get("zones", []) if type(text) is dict else []

    def _render(
        self, key: str, record: dict, digest: str, decode: Callable[[int, dict], Event]
    ) -> dict:
        from vaworkspace.ical.components import raw_pieces

        event = decode(int(key), record)
        found = raw_pieces(event)
        text: dict = {"fp": digest, "pieces": None}
        if found is not None:
            pieces, zones = found
            text["pieces"] = [
                [None if parts == [event.raw] else parts, uses] for parts, uses in pieces
            ]
            if zones:
                text["zones"] = [list(zone) for zone in zones]
        self.learned_events[key] = text
        return text
