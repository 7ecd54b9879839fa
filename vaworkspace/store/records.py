"""Domain objects to JSON records and back: the file's vocabulary.

Records hold only what differs from the defaults, so a 10,000-task workspace
stays small and quick to parse; a missing key always means the default. The task
id is the TinyDB document id, never a field. Dates and instants are text written
and read by the one codec, `store.instants`: "YYYY-MM-DD" (all-day, in the user's
zone) or UTC "YYYY-MM-DDTHH:MM:SSZ".
"""

from __future__ import annotations

from vaworkspace.domain.models import Budget, Client, Task, TimeEntry
from vaworkspace.errors import StoreError
from vaworkspace.store.instants import (
    DecodedDates,
    decode_instant,
    decode_value,
    encode_instant,
    encode_value,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from vaworkspace.domain.calendar.event import Event

TASK_DATES = ("due", "wait", "scheduled")
"""The dates a task record holds when set, after its `TASK_DEFAULTS` fields."""
TASK_DEFAULTS = {
    "client": None,
    "priority": None,
    "status": "todo",
    "estimate_minutes": None,
    "recurrence": None,
    "recur_from_completion": False,
    "notes": "",
    "source": "cli",
}
"""The fields a task record holds only when they differ from these values, in order."""


def task_to_record(task: Task) -> dict:
    """The stored form of a task, defaults left out (the id is the document id)."""
    record: dict = {
        "uuid": task.uuid,
        "title": task.title,
        "created": encode_instant(task.created),
        "modified": encode_instant(task.modified),
    }
    for name, default in TASK_DEFAULTS.items():
        value = getattr(task, name)
        if value != default:
            record[name] = value
    for name in TASK_DATES:
        value = getattr(task, name)
        if value is not None:
            record[name] = encode_value(value)
    if task.completed is not None:
        record["completed"] = encode_instant(task.completed)
    if task.tags:
        record["tags"] = list(task.tags)
    if task.depends:
        record["depends"] = list(task.depends)
    return record


def task_from_record(doc_id: int, record: dict, dates: DecodedDates | None = None) -> Task:
    """Rebuild a task; a record that cannot be read names its id in the error.

    Hot: a `va list` runs it for every open task, so it reads each key once, calls
    the codec only for the dates a record holds, and builds the task positionally,
    in field order (a quarter faster than keywords). Reading many tasks, pass one
    `dates` for all: tasks with the same deadline then share one decoded value.
    """
    get = record.get
    if dates is None:
        dates = DecodedDates()
    try:
        due, wait, scheduled, completed = (
            get("due"),
            get("wait"),
            get("scheduled"),
            get("completed"),
        )
        return Task(
            doc_id,
            record["uuid"],
            record["title"],
            decode_instant(record["created"]),
            decode_instant(record["modified"]),
            get("client"),
            get("tags") or [],
            get("priority"),
            get("status", "todo"),
            dates[due] if due else None,
            dates[wait] if wait else None,
            dates[scheduled] if scheduled else None,
            get("estimate_minutes"),
            get("recurrence"),
            get("recur_from_completion", False),
            get("notes", ""),
            decode_instant(completed) if completed else None,
            get("source", "cli"),
            get("depends") or [],
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise damaged_task(doc_id, error) from None


TASK_ROW: dict[str, Any] = {
    "id": None,
    "uuid": None,
    "title": None,
    "client": None,
    "tags": None,
    "priority": None,
    "status": "todo",
    "due": None,
    "wait": None,
    "scheduled": None,
    "estimate_minutes": None,
    "recurrence": None,
    "recur_from_completion": False,
    "notes": "",
    "depends": None,
    "created": None,
    "modified": None,
    "completed": None,
    "source": "cli",
}
"""A task's fields in the order `va list --json` prints them, with the defaults
of a record's missing keys (`TASK_DEFAULTS`)."""


def task_row(
    doc_id: int, record: dict, dates: DecodedDates, template: dict[str, Any] = TASK_ROW
) -> dict[str, Any]:
    """A task's values straight from its record, by field name, in the order
    `va list --json` prints them (`TASK_ROW`): the values `task_from_record`
    gives a `Task`, read and decoded the same way (a damaged record raises the
    same error), without building one. `status` is the stored one. `template`:
    `TASK_ROW` and keys the caller fills in after them (None until then), so
    that the dict is sized for them at once.

    Hot: `va list --all --json` runs it for every task. The template is copied
    and the record laid over it in C (its keys are the field names); only the
    dates are decoded one by one. A record that holds another key, or lacks one
    every task has, is read key by key (`_task_row`), which says what is wrong."""
    row = template.copy()
    row.update(record)
    if len(row) != len(template) or row["uuid"] is None or row["title"] is None:
        return {**template, **_task_row(doc_id, record, dates)}
    try:
        row["id"] = doc_id
        row["created"] = decode_instant(row["created"])
        row["modified"] = decode_instant(row["modified"])
        due, wait, scheduled = row["due"], row["wait"], row["scheduled"]
        row["due"] = dates[due] if due else None
        row["wait"] = dates[wait] if wait else None
        row["scheduled"] = dates[scheduled] if scheduled else None
        completed = row["completed"]
        row["completed"] = decode_instant(completed) if completed else None
    except (TypeError, ValueError, AttributeError):
        return {**template, **_task_row(doc_id, record, dates)}  # raises, naming the task
    if not row["tags"]:
        row["tags"] = []
    if not row["depends"]:
        row["depends"] = []
    return row


def _task_row(doc_id: int, record: dict, dates: DecodedDates) -> dict[str, Any]:
    """`task_row`, key by key, as `task_from_record` reads a record."""
    get = record.get
    try:
        uuid, title = record["uuid"], record["title"]
        created, modified = decode_instant(record["created"]), decode_instant(record["modified"])
        due, wait, scheduled, completed = (
            get("due"),
            get("wait"),
            get("scheduled"),
            get("completed"),
        )
        return {
            "id": doc_id,
            "uuid": uuid,
            "title": title,
            "client": get("client"),
            "tags": get("tags") or [],
            "priority": get("priority"),
            "status": get("status", "todo"),
            "due": dates[due] if due else None,
            "wait": dates[wait] if wait else None,
            "scheduled": dates[scheduled] if scheduled else None,
            "estimate_minutes": get("estimate_minutes"),
            "recurrence": get("recurrence"),
            "recur_from_completion": get("recur_from_completion", False),
            "notes": get("notes", ""),
            "depends": get("depends") or [],
            "created": created,
            "modified": modified,
            "completed": decode_instant(completed) if completed else None,
            "source": get("source", "cli"),
        }
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise damaged_task(doc_id, error) from None


def damaged_task(doc_id: int, error: Exception) -> StoreError:
    """The error for a task record that cannot be read: it names the task."""
    return StoreError(f"task {doc_id} in the workspace file is damaged ({error!r})")


def client_to_record(client: Client) -> dict:
    record: dict = {"id": client.id, "name": client.name}
    if client.rate_cents:
        record["rate_cents"] = client.rate_cents
    record["currency"] = client.currency
    if client.budget is not None:
        record["budget"] = {"minutes": client.budget.minutes, "period": client.budget.period}
    record["weight"] = client.weight
    for name in ("timezone", "color"):
        value = getattr(client, name)
        if value:
            record[name] = value
    if client.notes:
        record["notes"] = client.notes
    if client.archived:
        record["archived"] = True
    if not client.billable:
        record["billable"] = False
    if client.rounding_minutes:
        record["rounding_minutes"] = client.rounding_minutes
    if client.round_per != "entry":
        record["round_per"] = client.round_per
    if client.hours:
        record["hours"] = client.hours
    if client.kind_rates:  # pairs, so the definition order is explicit in the file
        record["kind_rates"] = [[kind, cents] for kind, cents in client.kind_rates.items()]
    return record


def client_from_record(record: dict) -> Client:
    try:
        budget = record.get("budget")
        return Client(
            id=record["id"],
            name=record["name"],
            rate_cents=record.get("rate_cents", 0),
            currency=record.get("currency", "EUR"),
            budget=Budget(budget["minutes"], budget["period"]) if budget else None,
            weight=record.get("weight", 3),
            timezone=record.get("timezone"),
            color=record.get("color"),
            notes=record.get("notes", ""),
            archived=record.get("archived", False),
            billable=record.get("billable", True),
            rounding_minutes=record.get("rounding_minutes", 0),
            round_per=record.get("round_per", "entry"),
            hours=record.get("hours"),
            kind_rates={kind: cents for kind, cents in record.get("kind_rates") or ()},
        )
    except (KeyError, TypeError, ValueError) as error:
        raise StoreError(f"a client in the workspace file is damaged ({error!r})") from None


def entry_to_record(entry: TimeEntry) -> dict:
    """The stored form of a time entry (the id is the document id)."""
    record: dict = {"start": encode_instant(entry.start), "end": encode_instant(entry.end)}
    if entry.client:
        record["client"] = entry.client
    if entry.task is not None:
        record["task"] = entry.task
    if not entry.billable:
        record["billable"] = False
    if entry.note:
        record["note"] = entry.note
    if entry.source != "manual":
        record["source"] = entry.source
    if entry.kind is not None:
        record["kind"] = entry.kind
    if entry.rate_cents is not None:
        record["rate_cents"] = entry.rate_cents
    return record


def entry_from_record(doc_id: int, record: dict) -> TimeEntry:
    """Rebuild an entry. An entry written before rates were fixed has no `kind`
    and no `rate_cents`: it reads as None for both, which `domain.kind_rates.rate_of`
    prices at its client's current default rate (as every report did then)."""
    try:
        return TimeEntry(
            doc_id,
            decode_instant(record["start"]),
            decode_instant(record["end"]),
            record.get("client"),
            record.get("task"),
            record.get("billable", True),
            record.get("note", ""),
            record.get("source", "manual"),
            record.get("kind"),
            record.get("rate_cents"),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise StoreError(
            f"time entry {doc_id} in the workspace file is damaged ({error!r})"
        ) from None


def event_to_record(event: Event) -> dict:
    """The stored form of a calendar event (the id is the document id)."""
    record: dict = {
        "uid": event.uid,
        "summary": event.summary,
        "start": encode_value(event.start),
        "end": encode_value(event.end),
    }
    optional = {
        "recurrence_id": None,
        "sequence": 0,
        "rrule": None,
        "status": "confirmed",
        "tzid": None,
        "client": None,
        "calendar": None,
        "location": "",
        "description": "",
        "raw": "",
        "kind": "event",
        "task": None,
    }
    for name, default in optional.items():
        value = getattr(event, name)
        if value != default:
            record[name] = value
    if event.last_modified is not None:
        record["last_modified"] = encode_instant(event.last_modified)
    return record


def event_from_record(doc_id: int, record: dict) -> Event:
    from vaworkspace.domain.calendar.event import Event

    try:
        modified = record.get("last_modified")
        return Event(
            doc_id,
            record["uid"],
            record["summary"],
            decode_value(record["start"]),
            decode_value(record["end"]),
            record.get("recurrence_id"),
            record.get("sequence", 0),
            record.get("rrule"),
            record.get("status", "confirmed"),
            record.get("tzid"),
            record.get("client"),
            record.get("calendar"),
            record.get("location", ""),
            record.get("description", ""),
            decode_instant(modified) if modified else None,
            record.get("raw", ""),
            record.get("kind", "event"),
            record.get("task"),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise StoreError(f"event {doc_id} in the workspace file is damaged ({error!r})") from None
