"""One CalDAV resource: a single task or work block as a calendar, and back.

A CalDAV server stores each to-do or event as its own resource (RFC 4791
§4.1: one UID per resource), so the sync writes one calendar per task with
the same writer as `va export` (its VTIMEZONEs included) and reads each
resource with the same reader as `va import`.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.domain.calendar.event import Event
    from vaworkspace.domain.models import Task
    from vaworkspace.ical.reader import ReadResult


def task_resource(task: Task, tz: tzinfo, stamp: datetime) -> str:
    """The calendar holding `task` as one VTODO whose UID is the task's uuid."""
    from vaworkspace.ical.writer import export_calendar

    data = export_calendar(tasks=[task], entries=[], events=[], clients={}, tz=tz, dtstamp=stamp)
    return data.decode("utf-8")


def block_resource(block: Event, task: Task | None, tz: tzinfo, stamp: datetime) -> str:
    """The calendar holding one work block as a VEVENT (related to its task)."""
    from vaworkspace.ical.writer import export_calendar

    known = {task.id: task} if task is not None else {}
    data = export_calendar(
        tasks=[], entries=[], events=[block], clients={}, tz=tz, tasks_by_id=known, dtstamp=stamp
    )
    return data.decode("utf-8")


def read_resource(text: str, href: str, tz: tzinfo) -> ReadResult:
    """The events and to-dos of one resource (`href` names it in warnings)."""
    from vaworkspace.ical.reader import read_calendar

    return read_calendar(text.encode("utf-8"), href, tz)
