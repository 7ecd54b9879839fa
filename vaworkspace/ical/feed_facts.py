"""What only icalendar can say about a feed's text, kept in the workspace file.

`feed.py` writes components itself, fast; some text it can only take from
icalendar: an imported event's components as icalendar re-writes them (kept
with the event, with a digest of the text it came from), how a time in the
user's zone is written, and the VTIMEZONE generated for a TZID. All of it is
derived, keyed by the installed icalendar (`ical_key`), and rendered again when
missing or stale. Where and how the workspace file keeps it is the store's
business (`store/rendered.py`): it hands the kept text over with each event
and the facts as two dicts, and takes back what this round had to render.
"""

from __future__ import annotations

from datetime import tzinfo

from vaworkspace.ical.lines import ZoneForm

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: a feed is built without importing typing
if TYPE_CHECKING:
    from vaworkspace.ical.feed import StoredEvent


def ical_key() -> str:
    """Which icalendar install derived text comes from, without importing it
    (another version may write the same component differently): a checksum of
    our version and its module's path, size and time. Found on `sys.path` as
    an import would find it (`importlib.util` would import contextlib for it)."""
    import os
    import zlib
    from importlib.machinery import PathFinder

    from vaworkspace import __version__

    spec = PathFinder.find_spec("icalendar")
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


class Facts:
    """What only icalendar can say, as kept in the workspace file, plus what
    this round had to render because it was missing (`learned_*`)."""

    __slots__ = ("forms", "key", "learned_events", "learned_facts", "zones")

    def __init__(
        self,
        key: str,
        forms: dict[str, list | None] | None = None,
        zones: dict[str, str | None] | None = None,
    ) -> None:
        self.key = key
        self.forms: dict[str, list | None] = {} if forms is None else forms
        self.zones: dict[str, str | None] = {} if zones is None else zones
        self.learned_events: dict[int, tuple[str, dict]] = {}
        """Event id -> (the original text, the text rendered from it)."""
        self.learned_facts = False

    @classmethod
    def kept(cls, key: str, kept: tuple[dict, dict] | None) -> Facts:
        """The facts of icalendar install `key`, from the (forms, zones) kept for it."""
        if kept is None:
            return cls(key)
        forms, zones = kept
        return cls(key, dict(forms), dict(zones))

    def to_keep(self) -> tuple[dict, dict]:
        """The (forms, zones) to keep for the next round."""
        return self.forms, self.zones

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

    def event_text(self, item: StoredEvent) -> list | None:
        """The event's components as [(parts, uses)], or None if its text cannot
        be read; from its kept text if that is current, else rendered now (from
        the event the item decodes).

        Kept compactly (most imported text is written back unchanged): `fp` the
        text's digest, `pieces` [[parts or null (the raw text itself), uses]] or
        null, `zones` [[TZID, VTIMEZONE text, uses]] when the text has any.
        """
        raw = item.raw
        digest = text_digest(self.key, raw)
        kept = item.kept
        if type(kept) is not dict or kept.get("fp") != digest:
            kept = self._render(item, digest)
        pieces = kept["pieces"]
        if pieces is None:
            return None
        return [([raw] if parts is None else parts, uses) for parts, uses in pieces]

    def zones_of(self, item: StoredEvent) -> list:
        """The VTIMEZONEs the event's text supplies (after `event_text`)."""
        learned = self.learned_events.get(item.id)
        text = learned[1] if learned is not None else item.kept
        return text.get("zones", []) if type(text) is dict else []

    def _render(self, item: StoredEvent, digest: str) -> dict:
        from vaworkspace.ical.components import raw_pieces

        event = item.event()
        found = raw_pieces(event)
        text: dict = {"fp": digest, "pieces": None}
        if found is not None:
            pieces, zones = found
            text["pieces"] = [
                [None if parts == [event.raw] else parts, uses] for parts, uses in pieces
            ]
            if zones:
                text["zones"] = [list(zone) for zone in zones]
        self.learned_events[item.id] = (item.raw, text)
        return text
