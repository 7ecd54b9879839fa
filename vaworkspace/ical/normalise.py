"""An imported component made RFC 5545-valid before `va export` writes it again.

Imported events are re-emitted from their original text so nothing the organiser
wrote is lost (attendees, alarms, X- properties). But that text carries its
producer's violations, and the readers of our export are stricter than the
producers: calcurse crashes on an event without SUMMARY. So the export mends, in
place, exactly what RFC 5545 forbids, and keeps everything else as it came:

- a VEVENT without SUMMARY (or with an empty one) gets `(no title)`;
- a DATE value carries `VALUE=DATE` and no TZID (§3.3.4); a DATE-TIME value no
  `VALUE=DATE`, and no TZID when it is UTC (§3.3.5);
- DTEND (or DUE) and DURATION together: DURATION goes (§3.6.1, §3.6.2), as the
  import reads DTEND first;
- EXDATE values take DTSTART's value type (§3.8.5.1): dates become the excluded
  days; after a DATE-TIME start, a date becomes the start's time on that day;
- a parameter on a standard property that no RFC registers (`FOO=bar`) goes; X-
  parameters, X- properties (with their parameters) and every valid property stay.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

NO_TITLE = "(no title)"
"""The SUMMARY an event without one is exported with (the name tasks use too)."""

_UTC_KEYS = ("UTC", "Etc/UTC")
_DATED = ("DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE")
_RFC_5545_PARAMETERS = (
    "ALTREP",
    "CN",
    "CUTYPE",
    "DELEGATED-FROM",
    "DELEGATED-TO",
    "DIR",
    "ENCODING",
    "FMTTYPE",
    "FBTYPE",
    "LANGUAGE",
    "MEMBER",
    "PARTSTAT",
    "RANGE",
    "RELATED",
    "RELTYPE",
    "ROLE",
    "RSVP",
    "SENT-BY",
    "TZID",
    "VALUE",
)
_LATER_PARAMETERS = (
    "SCHEDULE-AGENT",
    "SCHEDULE-FORCE-SEND",
    "SCHEDULE-STATUS",
    "DISPLAY",
    "EMAIL",
    "FEATURE",
    "LABEL",
    "FILENAME",
    "MANAGED-ID",
    "SIZE",
    "ORDER",
    "SCHEMA",
    "DERIVED",
    "GAP",
    "LINKREL",
)
"""RFC 6638 (scheduling), 7986 (new properties), 8607 (managed attachments),
9073 (event publishing) and 9253 (relationships)."""
_REGISTERED_PARAMETERS = frozenset(_RFC_5545_PARAMETERS + _LATER_PARAMETERS)


def normalise(component: Any) -> None:
    """Mend, in place, what RFC 5545 forbids in an imported VEVENT or VTODO."""
    if component.name == "VEVENT" and not str(component.get("SUMMARY", "")).strip():
        component.pop("SUMMARY", None)
        component.add("SUMMARY", NO_TITLE)
    end_name = "DTEND" if component.name == "VEVENT" else "DUE"
    if end_name in component and "DURATION" in component:
        del component["DURATION"]
    for name in list(component.keys()):
        for prop in _all(component[name]):
            if not name.upper().startswith("X-"):
                _drop_unregistered(prop)
            if name.upper() in _DATED:
                _fix_value_parameters(prop)
    start = component.get("DTSTART")
    if "EXDATE" in component and start is not None and not isinstance(start, list):
        component["EXDATE"] = [_as_start(prop, start) for prop in _all(component["EXDATE"])]


def _all(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _drop_unregistered(prop: Any) -> None:
    params = getattr(prop, "params", None)
    if not params:
        return
    for key in list(params):
        upper = key.upper()
        if upper not in _REGISTERED_PARAMETERS and not upper.startswith("X-"):
            del params[key]


def _values(prop: Any) -> list[Any]:
    items = getattr(prop, "dts", None)
    return [item.dt for item in items] if items is not None else [getattr(prop, "dt", None)]


def _fix_value_parameters(prop: Any) -> None:
    """VALUE=DATE exactly on dates, TZID only on zoned (non-UTC) date-times."""
    params = getattr(prop, "params", None)
    values = _values(prop)
    if params is None or not values or isinstance(values[0], tuple):
        return  # a PERIOD list says so itself
    first = values[0]
    if isinstance(first, datetime):
        if str(params.get("VALUE", "")).upper() == "DATE":
            del params["VALUE"]
        if first.tzinfo is timezone.utc or getattr(first.tzinfo, "key", "") in _UTC_KEYS:
            params.pop("TZID", None)  # written with Z, which a TZID contradicts
    elif isinstance(first, date):
        params["VALUE"] = "DATE"
        params.pop("TZID", None)


def _as_start(prop: Any, start: Any) -> Any:
    """An EXDATE with DTSTART's value type (the same property if it already has it)."""
    from icalendar import vDDDLists

    begin = getattr(start, "dt", None)
    values = [v for v in _values(prop) if isinstance(v, date)]
    if not isinstance(begin, date) or not values:
        return prop
    timed = isinstance(begin, datetime)
    if all(isinstance(v, datetime) == timed for v in values):
        return prop
    fixed = vDDDLists([_like(value, begin) for value in values])
    fixed.params.clear()
    for key, param in prop.params.items():
        if key.upper() not in ("VALUE", "TZID"):
            fixed.params[key] = param
    if timed and start.params.get("TZID"):
        fixed.params["TZID"] = start.params["TZID"]
    elif not timed:
        fixed.params["VALUE"] = "DATE"
    return fixed


def _like(value: date, begin: date) -> date:
    """An excluded day or moment as the kind of value DTSTART is."""
    if isinstance(begin, datetime):
        if isinstance(value, datetime):
            return value
        return datetime.combine(value, begin.time(), begin.tzinfo)  # that day's occurrence
    return value.date() if isinstance(value, datetime) else value
