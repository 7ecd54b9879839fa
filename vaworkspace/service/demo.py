"""A realistic week of a freelance VA, to try the workspace without typing it all.

`va --demo` fills an empty workspace with it so every view (inbox, clients, budget,
urgency, focus, reports, agenda) has something to show. Everything is computed
from `now` in the user's zone and nothing is random, so the same `now` always
gives the same workspace (the tests and screenshots rely on it).

Due specs in the table below, relative to the local "today":
- "+2" / "-3": a date (all-day) that many days away;
- "+0@15:00": a local time on that day, stored as a UTC instant;
- "fri" / "fri@17:00": the next such weekday (strictly after today).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo

from vaworkspace.domain.models import Budget, Client, Task, TimeEntry

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.service.context import Context

DEMO_NAMESPACE = "6f1c3a52-6d1e-4c55-9a3b-0d2f7e5b8c41"
"""uuid5 namespace of demo tasks: stable uuids let a re-run of `va demo` be detected."""

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

CLIENTS = (
    Client(
        id="evelyne",
        name="Évelyne Couture",
        rate_cents=4500,
        currency="CAD",
        budget=Budget(15 * 60, "week"),
        weight=5,
        timezone="America/Montreal",
        color="#e879f9",
        notes="Dressmaker. Three-week rush before her fashion show: she decides fast, by SMS.",
    ),
    Client(
        id="dental",
        name="Clinique dentaire Sourire",
        rate_cents=3800,
        currency="EUR",
        budget=Budget(40 * 60, "month"),
        weight=4,
        timezone="Europe/Paris",
        color="#38bdf8",
        notes="Dental clinic, Dr. Lefèvre. Patient data stays in Logos.",
    ),
    Client(
        id="coach",
        name="Marc Dubois Coaching",
        rate_cents=4000,
        currency="EUR",
        budget=Budget(8 * 60, "week"),
        weight=3,
        timezone="Europe/Paris",
        color="#facc15",
        notes="Life coach. Newsletter goes out every Thursday.",
    ),
    Client(
        id="realtor",
        name="Sophie Martin Immobilier",
        rate_cents=4200,
        currency="EUR",
        budget=None,
        weight=3,
        timezone="Europe/Paris",
        color="#34d399",
        notes="Realtor. Billed per hour worked, no retainer.",
    ),
    Client(
        id="bakery",
        name="Boulangerie Léon",
        rate_cents=3000,
        currency="EUR",
        budget=Budget(10 * 60, "month"),
        weight=2,
        timezone="Europe/Paris",
        color="#fb923c",
        notes="Neighbourhood bakery. Invoice on the 1st.",
    ),
)

# id: (client, title, status, due, priority, estimate, tags, created days ago)
Row = tuple[str | None, str, str, str | None, str | None, int | None, list[str], int]
"""client, title, status, due spec, priority, estimate minutes, tags, created days ago"""

ROWS: dict[int, Row] = {
    1: ("evelyne", "Book flights Montréal → Paris for the fashion show", "todo", "fri@17:00",
        "high", 45, ["travel", "next"], 6),
    2: ("evelyne", "Confirm fabric delivery with Tissus Rioux", "todo", "-2", "high", 20,
        ["supplier"], 10),
    3: ("evelyne", "Reply to the model agency about fittings", "todo", "+0@15:00", "high", 30,
        ["email"], 3),
    4: ("evelyne", "Update the show run-of-show in the shared agenda", "todo", "+1", "medium",
        60, ["agenda"], 8),
    5: ("evelyne", "Post fitting sneak peek on Instagram", "todo", "+3@11:00", "medium", 30,
        ["social"], 5),
    6: ("evelyne", "Finalize the guest list for the show", "todo", "+4", "high", 90, [], 12),
    7: ("evelyne", "Send show invitations to the press", "todo", "+6", "high", 60, ["email"],
        12),
    8: ("evelyne", "Book hotel for the Paris show week", "waiting", "+9", "medium", 30,
        ["travel"], 9),
    9: ("evelyne", "Enter November fabric receipts in the spreadsheet", "done", "-1", None, 45,
        ["data-entry"], 14),
    10: ("evelyne", "Call a seamstress temp agency", "cancelled", None, "low", 20, [], 16),
    11: ("dental", "Triage the clinic inbox", "todo", "+0", "medium", 20, ["email"], 21),
    12: ("dental", "Confirm tomorrow's appointments by SMS", "todo", "+0@16:00", "high", 30,
         [], 2),
    13: ("dental", "Chase unpaid patient invoices", "todo", "-4", "high", 60, ["invoice"], 18),
    14: ("dental", "Block Dr. Lefèvre's agenda for the holidays", "todo", "+2", "medium", 40,
         ["agenda"], 7),
    15: ("dental", "Order supplies from Henry Schein", "waiting", "+3", "medium", 20,
         ["supplier"], 11),
    16: ("dental", "Enter new patient forms in Logos", "todo", None, "low", 90, ["data-entry"],
         13),
    17: ("dental", "Reply to this week's Google reviews", "done", None, "low", 30, ["social"], 6),
    18: ("dental", "Prepare the monthly activity report", "todo", "+5", "medium", 60, [], 4),
    19: ("coach", "Send the weekly newsletter", "todo", "thu@10:00", "medium", 60,
         ["newsletter"], 20),
    20: ("coach", "Schedule discovery calls from the website form", "todo", "-1@18:00", "high",
         30, ["agenda", "next"], 6),
    21: ("coach", "Update the client-tracking spreadsheet", "todo", "+1", "low", 45,
         ["data-entry"], 19),
    22: ("coach", "Draft LinkedIn posts for next week", "todo", "+3", "medium", 60, ["social"],
         5),
    23: ("coach", "Book a venue for the March workshop", "waiting", "+14", "medium", 30, [], 10),
    24: ("coach", "Set up Calendly reminders", "done", "-2", None, 20, [], 9),
    25: ("coach", "Transcribe voice memos into session notes", "todo", None, "low", 45, [], 2),
    26: ("realtor", "Post the new listing on Centris and Facebook", "todo", "+0@17:30", "high",
         45, ["social"], 1),
    27: ("realtor", "Book a photographer for the rue des Lilas flat", "todo", "+1@10:00",
         "high", 15, ["supplier"], 4),
    28: ("realtor", "Enter visit feedback in the CRM", "todo", "+0", "medium", 30,
         ["data-entry"], 9),
    29: ("realtor", "Schedule Saturday's open house", "todo", "sat", "medium", 20, ["agenda"],
         3),
    30: ("realtor", "Send notary documents to the buyers", "todo", "+2", "high", 15, ["email"],
         6),
    31: ("realtor", "Update the listings price sheet", "todo", "+4", "low", 30, [], 15),
    32: ("realtor", "Renew the Canva subscription", "done", None, None, 10, [], 8),
    33: ("bakery", "Send the monthly invoice", "todo", "month-start", "medium", 20,
         ["invoice"], 17),
    34: ("bakery", "Post the daily specials on Instagram", "todo", "+1@07:30", "medium", 15,
         ["social"], 2),
    35: ("bakery", "Call the flour supplier about holiday deliveries", "todo", "-3@11:00",
         "high", 15, ["supplier"], 8),
    36: ("bakery", "Update Christmas opening hours on Google", "todo", "+2", "medium", 15, [], 4),
    37: ("bakery", "Prepare the Christmas pre-order form", "todo", None, "medium", 60, [], 5),
    38: (None, "Look into an invoicing tool that handles CAD", "inbox", None, None, None, [], 1),
    39: (None, "Idea: Drive folder template for new clients", "inbox", None, None, None, [], 2),
    40: (None, "Call the accountant back about quarterly VAT", "inbox", "+5", None, 15, [], 0),
}  # fmt: skip

RECURRING = {  # id: (RRULE, from completion: `every!`)
    11: ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", False),
    19: ("FREQ=WEEKLY", False),
    21: ("FREQ=WEEKLY;INTERVAL=2", True),
    33: ("FREQ=MONTHLY", False),
}
WAITS = {8: "+2", 23: "+4@09:00", 15: "-1"}  # the last one is past: it has resurfaced
COMPLETED_DAYS_AGO = {9: 1, 17: 2, 24: 3, 32: 1, 10: 4}
SCHEDULED = {6: "+2", 16: "+1"}
DEPENDS = {7: 6}  # invitations go out once the guest list is final
NOTES = {
    1: "Aisle seat, checked bag for the garment bags. Budget max 900 CAD.",
    8: "Waiting for Évelyne to confirm the dates with the venue.",
    13: "Three patients over 60 days: Dupont, Nguyen, Moreau.",
    15: "Quote sent to Dr. Lefèvre; order once she approves.",
    23: "Asked Marc for his budget on Monday.",
    33: "Hours from the budget view; PDF to leon@example.com.",
    40: "Before the 15th.",
}


def demo_workspace(
    now: datetime, tz: tzinfo, language: str = "en"
) -> tuple[list[Client], list[Task]]:
    """Five clients and 40 tasks around `now`: fresh copies on every call; their
    words in French when `language` is French (`demo_french`)."""
    from dataclasses import replace

    clients = [replace(client, budget=client.budget) for client in CLIENTS]
    today = now.astimezone(tz).date()
    tasks = [_task(task_id, row, now, today, tz) for task_id, row in ROWS.items()]
    by_id = {task.id: task for task in tasks}
    for task_id, needed in DEPENDS.items():
        by_id[task_id].depends = [by_id[needed].uuid]
    if language.startswith("fr"):
        from vaworkspace.service.demo_french import in_french

        in_french(clients, tasks, language)
    return clients, tasks


def _task(task_id: int, row: Row, now: datetime, today: date, tz: tzinfo) -> Task:
    import uuid

    client, title, status, due, priority, estimate, tags, age = row
    # Spread creation times over the day too, so lists sorted by age look natural.
    created = now - timedelta(days=age, hours=(task_id * 7) % 11 if age else 0, minutes=task_id)
    completed = None
    if task_id in COMPLETED_DAYS_AGO:
        completed = now - timedelta(days=COMPLETED_DAYS_AGO[task_id], hours=task_id % 5)
    rule, from_completion = RECURRING.get(task_id, (None, False))
    return Task(
        id=task_id,
        uuid=str(uuid.uuid5(uuid.UUID(DEMO_NAMESPACE), f"demo-task-{task_id}")),
        title=title,
        created=created,
        modified=completed or created,
        client=client,
        tags=list(tags),
        priority=priority,
        status=status,
        due=_when(due, today, tz),
        wait=_when(WAITS.get(task_id), today, tz),
        scheduled=_when(SCHEDULED.get(task_id), today, tz),
        estimate_minutes=estimate,
        recurrence=rule,
        recur_from_completion=from_completion,
        notes=NOTES.get(task_id, ""),
        completed=completed,
        source="demo",
    )


def _when(spec: str | None, today: date, tz: tzinfo) -> date | datetime | None:
    """A due spec of the table (see the module docstring) as a date or UTC instant."""
    if spec is None:
        return None
    day_part, _, clock = spec.partition("@")
    day = _day(day_part, today)
    if not clock:
        return day
    hour, minute = (int(part) for part in clock.split(":"))
    local = datetime.combine(day, time(hour, minute), tzinfo=tz)
    return local.astimezone(timezone.utc)


def _day(spec: str, today: date) -> date:
    if spec == "month-start":
        year, month = divmod(today.year * 12 + today.month, 12)
        return date(year, month + 1, 1)
    if spec in _WEEKDAYS:
        ahead = (_WEEKDAYS.index(spec) - today.weekday() - 1) % 7 + 1
        return today + timedelta(days=ahead)
    return today + timedelta(days=int(spec))


# (working days ago, local start "HH:MM", minutes, client, task id or None, billable, note);
# 0 is today: its entries are kept only once they have ended.
_DEMO_TIME = (
    (0, "08:30", 25, "dental", 11, True, ""),
    (0, "09:00", 85, "evelyne", 6, True, "guest list: replies sorted"),
    (0, "10:30", 30, "evelyne", None, True, "call: show logistics"),
    (0, "11:15", 45, "realtor", 26, True, "listing copy"),
    (0, "13:40", 20, "bakery", 34, True, "daily specials"),
    (1, "09:00", 50, "evelyne", 1, True, "compared Air Canada and Air Transat fares"),
    (1, "10:00", 25, "dental", 11, True, ""),
    (1, "10:30", 90, "evelyne", 6, True, "guest list with the PR agency"),
    (1, "13:30", 45, "realtor", 28, True, "CRM entry"),
    (1, "14:30", 30, None, None, False, "own invoicing and admin"),
    (2, "09:00", 25, "dental", 11, True, ""),
    (2, "09:30", 120, "evelyne", 4, True, "run-of-show v2"),
    (2, "13:00", 60, "coach", 22, True, "LinkedIn drafts"),
    (2, "14:15", 40, "bakery", 34, True, "holiday specials"),
    (3, "09:00", 25, "dental", 11, True, ""),
    (3, "09:30", 75, "dental", 13, True, "patient reminders"),
    (3, "11:00", 60, "realtor", 26, True, "listing photos and copy"),
    (3, "14:00", 90, "evelyne", 2, True, "supplier calls"),
    (3, "16:00", 20, None, None, False, "inbox zero"),
    (4, "09:00", 25, "dental", 11, True, ""),
    (4, "09:30", 45, "coach", 19, True, "newsletter"),
    (4, "10:30", 120, "evelyne", 1, True, "hotel shortlist"),
)


def demo_entries(now: datetime, tz: tzinfo, language: str = "en") -> list[TimeEntry]:
    """Today's morning (what has ended by `now`) and the four working days before,
    so Focus, Reports and the retainers show this week's time (notes in French
    when `language` is French)."""
    from vaworkspace.service.demo_french import entry_note

    today = now.astimezone(tz).date()
    days: list[date] = [today]
    day = today
    while len(days) < 5:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            days.append(day)
    entries: list[TimeEntry] = []
    for ago, at, minutes, client, task, billable, note in _DEMO_TIME:
        hour, minute = (int(part) for part in at.split(":"))
        start = datetime.combine(days[ago], time(hour, minute), tz).astimezone(timezone.utc)
        end = start + timedelta(minutes=minutes)
        if end <= now:
            number = len(entries) + 1
            if language.startswith("fr"):
                note = entry_note(note, language)
            entries.append(TimeEntry(number, start, end, client, task, billable, note, "demo"))
    return entries


def fill_demo(ctx: Context) -> None:
    """Write the demo week's clients, tasks and time (relative to now) into an empty
    file; its calendar follows (`demo_calendar.fill_demo_calendar`)."""
    from vaworkspace.errors import InputError
    from vaworkspace.i18n import _
    from vaworkspace.store import counters, tables
    from vaworkspace.store.records import client_to_record, entry_to_record, task_to_record

    language = ctx.config.language  # the demo speaks the UI's language
    clients, demo_tasks = demo_workspace(ctx.now(), ctx.tz, language)
    entries = demo_entries(ctx.now(), ctx.tz, language)
    with ctx.file.transaction() as db:
        if tables.records(db, "tasks") or tables.records(db, "clients"):
            raise InputError(
                _("{path} is not empty; the demo needs a new file").format(path=ctx.path)
            )
        for doc_id, client in enumerate(clients, start=1):
            tables.put(db, "clients", doc_id, client_to_record(client))
        tables.put_many(db, "tasks", {t.id: task_to_record(t) for t in demo_tasks})
        tables.put_many(db, "entries", {e.id: entry_to_record(e) for e in entries})
        counters.set_next_id(db, "tasks", max(t.id for t in demo_tasks) + 1)
        counters.set_next_id(db, "entries", max(e.id for e in entries) + 1)
