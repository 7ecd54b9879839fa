"""Single components rendered through icalendar, for feeds built piece by piece.

`ical/feed.py` builds a published feed without icalendar where it can: most
components are written by `ical/lines.py`; this module renders the rest with
the very functions `writer.py` uses (so the text is what a full export
writes), and answers the questions only icalendar can: how it writes a time in
a zone (`zone_form`), which TZIDs a component uses, the VTIMEZONE it generates
for a TZID, and how it re-writes an imported event's text. Everything here
imports icalendar, so it runs only for what the workspace file does not keep
yet (see `feed_facts.Facts`) and for the rare components `lines.py` leaves to it.
"""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo
from typing import TYPE_CHECKING

from vaworkspace.ical.lines import Parts, ZoneForm

if TYPE_CHECKING:
    from icalendar import Component

    from vaworkspace.domain.calendar.event import Event
    from vaworkspace.domain.models import Task

SENTINEL = datetime(1900, 1, 1, tzinfo=timezone.utc)
"""The DTSTAMP rendered in place of the real one, then cut out (see `_cut`)."""
_MARK = "\r\nDTSTAMP:19000101T000000Z\r\n"

Piece = tuple[Parts, list[str]]
"""A component's text (cut at its DTSTAMP value) and the TZIDs it uses."""


def zone_form(tz: tzinfo) -> ZoneForm | None:
    """How icalendar writes wall times in `tz`; None if that depends on the date
    (then every zoned component is rendered here)."""
    from icalendar import Event as VEvent

    forms = set()
    for month in (1, 7):  # winter and summer: a TZID must not follow DST
        vevent = VEvent()
        vevent.add("dtstart", datetime(2020, month, 1, 12, tzinfo=tz))
        line = vevent.to_ical(sorted=False).decode().split("\r\n")[1]
        head, _, value = line.partition(":")
        tzid = vevent["DTSTART"].params.get("TZID")
        forms.add((head[len("DTSTART") :], "Z" if value.endswith("Z") else "", tzid))
    if len(forms) != 1:
        return None
    param, suffix, tzid = forms.pop()
    return ZoneForm(param, suffix, (tzid,) if tzid else ())


def used_tzids(component: Component) -> list[str]:
    """The TZIDs a component's properties name, as `Calendar.get_used_tzids` finds them."""
    found = set()
    for _name, value in component.property_items(sorted=False):
        if hasattr(value, "params"):
            found.add(value.params.get("TZID"))
    return sorted(found - {None})


def _cut(component: Component, stamped: bool) -> Piece:
    text = component.to_ical(sorted=False).decode()
    if stamped:
        at = text.find(_MARK)
        if at >= 0:
            cut = at + len("\r\nDTSTAMP:")
            return [text[:cut], text[cut + len("19000101T000000Z") :]], used_tzids(component)
    return [text], used_tzids(component)


def todo_piece(task: Task, tz: tzinfo) -> Piece:
    from vaworkspace.ical.writer import _todo

    return _cut(_todo(task, tz, SENTINEL), True)


def raw_pieces(event: Event) -> tuple[list[Piece], list[tuple[str, str, list[str]]]] | None:
    """An imported event's components as `writer.export_calendar` re-writes its
    original text, and the VTIMEZONEs that text supplies (TZID, text, TZIDs
    used); None if the text cannot be read (the export then uses its fields).
    Depends on nothing but the text: `feed.py` keeps it in the event record."""
    from vaworkspace.ical.writer import _raw_components

    zones: dict[str, Component] = {}
    components = _raw_components(event, SENTINEL, zones)
    if components is None:
        return None
    pieces = [_cut(c, _stamped_here(c)) for c in components]
    supplied = []
    for tzid, zone in zones.items():
        text, uses = _cut(zone, False)
        supplied.append((tzid, text[0], uses))
    return pieces, supplied


def block_piece(event: Event, tz: tzinfo, tasks_by_id: dict[int, Task]) -> Piece:
    """An event written from its stored fields, as `writer._block_event` does."""
    from vaworkspace.ical.writer import _block_event

    return _cut(_block_event(event, tz, SENTINEL, tasks_by_id), True)


def _stamped_here(component: Component) -> bool:
    """Whether `_raw_components` added the DTSTAMP (the original had none): only
    then is it the export's moment rather than the organiser's."""
    stamp = component.get("DTSTAMP")
    return stamp is not None and getattr(stamp, "dt", None) == SENTINEL


def generated_zone(tzid: str) -> str | None:
    """The VTIMEZONE `Calendar.add_missing_timezones` writes for `tzid`, or None
    for a TZID it does not know (then the export has none either)."""
    from icalendar import Timezone

    try:
        zone = Timezone.from_tzid(tzid)
    except ValueError:
        return None
    return zone.to_ical(sorted=False).decode()
