"""The other side of a sync: a phone or a colleague editing the server directly.

Plain HTTP through the `caldav` library, as another client would, with no code
of ours in between; to-dos are written as short iCalendar text.
"""

from __future__ import annotations

from tests.dav.radicale import USERS


class Phone:
    def __init__(self, server_url: str, user: str, collection_url: str) -> None:
        import caldav

        self.client = caldav.DAVClient(server_url, username=user, password=USERS[user])
        self.calendar = caldav.Calendar(client=self.client, url=collection_url)

    def todos(self) -> dict[str, dict[str, str]]:
        """UID -> {property name: value} of every to-do on the server."""
        found = {}
        for item in self.calendar.todos(include_completed=True):
            todo = item.icalendar_component
            found[str(todo["UID"])] = {
                key: str(value.to_ical().decode() if hasattr(value, "to_ical") else value)
                for key, value in todo.items()
            }
        return found

    def add(self, uid: str, summary: str, **extra: str) -> None:
        lines = [f"UID:{uid}", f"SUMMARY:{summary}", "DTSTAMP:20260101T090000Z"]
        lines += [f"{key.replace('_', '-').upper()}:{value}" for key, value in extra.items()]
        self.calendar.save_todo(ical=_calendar("VTODO", lines))

    def add_text(self, uid: str, summary: str, lines: list[str]) -> None:
        """A to-do with lines of its own: properties and whole subcomponents
        (a VALARM), as a phone app writes them."""
        head = [f"UID:{uid}", f"SUMMARY:{summary}", "DTSTAMP:20260101T090000Z"]
        self.calendar.save_todo(ical=_calendar("VTODO", head + lines))

    def text(self, uid: str) -> str:
        """The server's iCalendar text of a to-do, unfolded."""
        data = self.calendar.todo_by_uid(uid).data
        return str(data).replace("\r\n ", "").replace("\r\n", "\n")

    def add_event(self, uid: str, summary: str, start: str, end: str) -> None:
        lines = [f"UID:{uid}", f"SUMMARY:{summary}", "DTSTAMP:20260101T090000Z"]
        lines += [f"DTSTART:{start}", f"DTEND:{end}"]
        self.calendar.save_event(ical=_calendar("VEVENT", lines))

    def edit(self, uid: str, **changes: str) -> None:
        """Set properties of a to-do (`summary="…"`, `status="COMPLETED"`), as a phone does."""
        item = self.calendar.todo_by_uid(uid)
        todo = item.icalendar_component
        for key, value in changes.items():
            name = key.replace("_", "-").upper()
            if name in todo:
                del todo[name]
            todo.add(name, value)
        item.save()

    def delete(self, uid: str) -> None:
        self.calendar.todo_by_uid(uid).delete()


def _calendar(kind: str, lines: list[str]) -> str:
    body = "\r\n".join(lines)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tests//phone//EN\r\n"
        f"BEGIN:{kind}\r\n{body}\r\nEND:{kind}\r\nEND:VCALENDAR\r\n"
    )
