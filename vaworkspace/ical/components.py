"""Single components rendered through icalendar, for feeds built piece by piece.

`ical/feed.py` keeps each component of a published feed as text and renders
again only what changed. Most components are written by `ical/lines.py`; this
module renders the rest with the very functions `writer.py` uses (so the text
is what a full export writes), and answers the questions only icalendar can:
how it writes a time in a zone (`zone_form`), which TZIDs a component uses, and
the VTIMEZONE it generates for a TZID. Everything here imports icalendar, so it
runs only when a feed is first built or such a component changes.
"""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo
from typing import TYPE_CHECKING

from vaworkspace.ical.lines import Parts, ZoneForm

if TYPE_CHECKING:
    from icalendar import Component

    from vaworkspace.domain.models import Event, Task

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


def event_pieces(
    event: Event, tz: tzinfo, tasks_by_id: dict[int, Task]
) -> tuple[list[Piece], list[tuple[str, str, list[str]]]]:
    """An event's components, and the VTIMEZONEs its imported text supplies
    (TZID, text, TZIDs used), exactly as `writer.export_calendar` emits them."""
    from vaworkspace.ical.writer import _block_event, _raw_components

    zones: dict[str, Component] = {}
    components = None
    stamped: list[bool] = []
    if event.raw:
        components = _raw_components(event, SENTINEL, zones)
        if components is not None:
            stamped = [_stamped_here(c) for c in components]
    if components is None:
        components, stamped = [_block_event(event, tz, SENTINEL, tasks_by_id)], [True]
    pieces = [_cut(c, s) for c, s in zip(components, stamped, strict=True)]
    supplied = []
    for tzid, zone in zones.items():
        text, uses = _cut(zone, False)
        supplied.append((tzid, text[0], uses))
    return pieces, supplied


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
