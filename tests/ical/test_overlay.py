"""`overlay`: the workspace's own properties laid over the server's component."""

from __future__ import annotations

from icalendar import Calendar

from vaworkspace.ical.overlay import overlay


def _cal(body: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//phone//EN",
        *body.split(),
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


SERVER = _cal(
    """BEGIN:VTODO UID:a SUMMARY:Old DESCRIPTION:notes DURATION:PT1H PERCENT-COMPLETE:40
    X-PHONE:1 BEGIN:VALARM ACTION:DISPLAY TRIGGER:-PT5M DESCRIPTION:ring END:VALARM END:VTODO"""
)


def _todo(text: str):
    return next(c for c in Calendar.from_ical(text).subcomponents if c.name == "VTODO")


def test_owned_properties_are_replaced_and_the_rest_stays() -> None:
    fresh = _cal("BEGIN:VTODO UID:a SUMMARY:New DUE;VALUE=DATE:20260301 END:VTODO")

    todo = _todo(overlay(SERVER, fresh, "VTODO"))

    assert str(todo["SUMMARY"]) == "New"
    assert "DESCRIPTION" not in todo  # the notes were removed here
    assert "DURATION" not in todo  # never beside DUE
    assert str(todo["X-PHONE"]) == "1" and str(todo["PERCENT-COMPLETE"]) == "40"
    assert [str(a["DESCRIPTION"]) for a in todo.walk("VALARM")] == ["ring"]


def test_done_here_sets_percent_complete_and_reopened_drops_a_servers_100() -> None:
    done = _cal("BEGIN:VTODO UID:a SUMMARY:Old STATUS:COMPLETED PERCENT-COMPLETE:100 END:VTODO")
    closed = overlay(SERVER, done, "VTODO")
    assert str(_todo(closed)["PERCENT-COMPLETE"]) == "100"

    reopened = overlay(closed, _cal("BEGIN:VTODO UID:a SUMMARY:Old END:VTODO"), "VTODO")
    assert "PERCENT-COMPLETE" not in _todo(reopened)


def test_no_usable_server_copy_gives_the_fresh_text() -> None:
    fresh = _cal("BEGIN:VTODO UID:a SUMMARY:New END:VTODO")
    assert overlay(None, fresh, "VTODO") == fresh
    assert overlay("not a calendar", fresh, "VTODO") == fresh
    other = SERVER.replace("UID:a", "UID:b")
    assert overlay(other, fresh, "VTODO") == fresh
