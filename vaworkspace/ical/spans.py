"""An event's DTSTART/DTEND made consistent, as RFC 5545 and the major libraries read them.

Real files break §3.6.1 in a few ways that calendar apps shrug off: an end
before the start, a DATE start with a DATE-TIME end, or one side floating and
the other zoned. Skipping such an event loses a meeting the VA's client can see
in their own app, so the component is repaired, in place and before its text is
stored (the agenda expands that text later), with one warning each:

- **Floating beside zoned.** The floating side is read in the other side's zone,
  as recurring-ical-events and icalendar's `make_comparable` do; so the result
  never depends on the VA's zone.
- **A DATE and a DATE-TIME.** DTSTART decides what the event is (§3.6.1: DTEND
  "MUST" follow its value type): after a DATE start the end becomes its date
  (at least one day later), after a DATE-TIME start the end date's midnight in
  the start's zone.
- **End before start.** The DTEND is dropped and the RFC default applies: an
  all-day event lasts one day, a timed one ends when it starts.
- **DTEND and DURATION both.** DURATION goes: DTEND is what every reader uses first.

Callers rely on this: after `repair_span`, `zones.end_of` never raises for a
mix of value types, and the end is never before the start.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any


def repair_span(component: Any) -> list[str]:
    """Make DTSTART/DTEND consistent in place; what was repaired, one line each.

    Expects times already localized (`zones.localize_component`): a zoned value
    carries its tzinfo and its TZID parameter names it.
    """
    start_prop, end_prop = component.get("DTSTART"), component.get("DTEND")
    if isinstance(start_prop, list) or isinstance(end_prop, list):
        return []  # given twice: the reader refuses it, naming the property
    start, end = _value(start_prop), _value(end_prop)
    if start is None or end is None:
        return []
    notes = []
    if "DURATION" in component:
        del component["DURATION"]
        notes.append("has both DTEND and DURATION; kept DTEND")
    if isinstance(start, datetime) and isinstance(end, datetime):
        if (start.tzinfo is None) != (end.tzinfo is None):
            zoned = end_prop if start.tzinfo is None else start_prop
            floating = start_prop if start.tzinfo is None else end_prop
            tz = zoned.dt.tzinfo
            name = "DTSTART" if floating is start_prop else "DTEND"
            _set(component, name, floating.dt.replace(tzinfo=tz), zoned.params.get("TZID"))
            notes.append("mixes a floating and a zoned time; read both in the zone given")
    elif isinstance(start, datetime):  # a DATE end after a DATE-TIME start
        midnight = datetime.combine(end, time(0), start.tzinfo)
        _set(component, "DTEND", midnight, start_prop.params.get("TZID"))
        notes.append("has a DATE-TIME DTSTART and a DATE DTEND; the end is that date's midnight")
    elif isinstance(end, datetime):  # a DATE-TIME end after a DATE start
        day = max(end.date(), start + timedelta(days=1))
        _set(component, "DTEND", day, None)
        notes.append("has a DATE DTSTART and a DATE-TIME DTEND; read as an all-day event")
    start, end = _value(component.get("DTSTART")), _value(component.get("DTEND"))
    if start is not None and end is not None and _before(end, start):
        del component["DTEND"]
        lasts = "one day" if not isinstance(start, datetime) else "no time"
        notes.append(f"DTEND is before DTSTART; dropped it, so the event lasts {lasts} (RFC 5545)")
    return notes


def _value(prop: Any) -> date | datetime | None:
    value = getattr(prop, "dt", None)
    return value if isinstance(value, date) else None


def _before(end: date | datetime, start: date | datetime) -> bool:
    if isinstance(end, datetime) and isinstance(start, datetime):
        if (end.tzinfo is None) != (start.tzinfo is None):
            return False  # cannot happen after the repairs above
        return end < start
    return end < start


def _set(component: Any, name: str, value: date | datetime, tzid: Any) -> None:
    """Replace a property's value, writing the TZID the other side was written with."""
    from icalendar import vDDDTypes

    prop = vDDDTypes(value)
    prop.params.pop("TZID", None)
    if isinstance(value, datetime) and tzid:
        prop.params["TZID"] = tzid
    component[name] = prop
