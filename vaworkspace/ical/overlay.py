"""A component the workspace rewrites, laid over the server's copy of it.

A phone or a colleague's calendar app adds to a to-do or an event what the
workspace does not model: alarms (VALARM), attachments, CLASS, URL, GEO, the
app's X- properties. Writing the resource fresh would drop them, so a push
starts from the server's last-known text and replaces only the properties the
workspace owns; every other property and subcomponent stays as it was.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from icalendar import Calendar, Component

TODO_OWNED = frozenset(
    [
        "UID",
        "DTSTAMP",
        "CREATED",
        "LAST-MODIFIED",
        "SUMMARY",
        "DTSTART",
        "DUE",
        "DURATION",
        "PRIORITY",
        "STATUS",
        "COMPLETED",
        "CATEGORIES",
        "X-VAWORKSPACE-CLIENT",
        "RRULE",
        "DESCRIPTION",
    ]
)
"""What the workspace writes for a task (`writer._todo`). DURATION is owned
because the workspace writes DUE, and RFC 5545 forbids both in one VTODO."""

EVENT_OWNED = frozenset(
    [
        "UID",
        "DTSTAMP",
        "RECURRENCE-ID",
        "DTSTART",
        "DTEND",
        "DURATION",
        "SUMMARY",
        "SEQUENCE",
        "RRULE",
        "STATUS",
        "LOCATION",
        "DESCRIPTION",
        "CATEGORIES",
        "X-VAWORKSPACE-CLIENT",
        "LAST-MODIFIED",
        "TRANSP",
        "RELATED-TO",
        "X-VAWORKSPACE-TASK",
    ]
)
"""What the workspace writes for a work block (`writer._block_event`)."""


def overlay(server_text: str | None, fresh_text: str, kind: str) -> str:
    """`fresh_text` (one component of `kind`, VTODO or VEVENT, as the writer makes
    it) laid over `server_text`: the server's copy with the owned properties
    replaced by the fresh ones. Without a usable server copy, the fresh text."""
    from icalendar import Calendar

    if not server_text:
        return fresh_text
    try:
        server = Calendar.from_ical(server_text)
    except ValueError:
        return fresh_text
    fresh = Calendar.from_ical(fresh_text)
    mine = _main(fresh, kind)
    theirs = _main(server, kind)
    if mine is None or theirs is None or str(theirs.get("UID")) != str(mine.get("UID")):
        return fresh_text
    owned = TODO_OWNED if kind == "VTODO" else EVENT_OWNED
    _replace_owned(theirs, mine, owned)
    _add_zones(server, fresh)
    server["PRODID"] = fresh["PRODID"]  # the product that wrote this version
    return server.to_ical(sorted=False).decode("utf-8")


def _main(calendar: Calendar, kind: str) -> Component | None:
    """The component of `kind` that is not an override of one occurrence."""
    for component in calendar.subcomponents:
        if component.name == kind and "RECURRENCE-ID" not in component:
            return component
    for component in calendar.subcomponents:
        if component.name == kind:
            return component
    return None


def _replace_owned(theirs: Component, mine: Component, owned: frozenset[str]) -> None:
    """The owned properties of `theirs` become those of `mine`. PERCENT-COMPLETE
    follows the status: the workspace's 100 when done; a server's 100 goes when
    the task is open again; any other value of the phone's stays."""
    for name in list(theirs.keys()):
        if name.upper() in owned:
            del theirs[name]
    if "PERCENT-COMPLETE" in mine:
        theirs.pop("PERCENT-COMPLETE", None)
    elif str(theirs.get("PERCENT-COMPLETE", "")) == "100":
        del theirs["PERCENT-COMPLETE"]
    for name, value in mine.items():
        if name.upper() in owned or name.upper() == "PERCENT-COMPLETE":
            theirs[name] = value


def _add_zones(server: Calendar, fresh: Calendar) -> None:
    """The VTIMEZONEs the fresh text needs that the server's copy lacks."""
    have = {str(c.get("TZID")) for c in server.subcomponents if c.name == "VTIMEZONE"}
    new = [
        c for c in fresh.subcomponents if c.name == "VTIMEZONE" and str(c.get("TZID")) not in have
    ]
    server.subcomponents[:0] = new
