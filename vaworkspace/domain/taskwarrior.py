"""Turn the items of a checked Taskwarrior export into workspace tasks and clients.

Many VAs arrive with years of Taskwarrior habits; `va import` should take their
list as it is, in one step, and refuse a broken file before writing anything.

Mapping rules (Taskwarrior -> workspace):
- `project` "Acme.Web": the top segment is the client (id `slugify("Acme")`,
  name "Acme"); the remaining segments become one tag, lower case with "-" for
  other characters ("Acme.Web" -> "web", "Realtor.Listings.Q1" -> "listings-q1").
  Workspace clients are flat; the sub-project stays searchable as a tag.
- Dates: Taskwarrior stores instants as "20261204T170000Z". It stores a date
  typed without a time as *local midnight*, so a value that is exactly midnight
  in the user's zone becomes a `date` (all-day), anything else an aware UTC
  instant.
- Status: pending -> todo (inbox without a project, as for a new task), or
  waiting while its `wait` is still in the future (Taskwarrior 2.6 keeps waiting
  tasks "pending"); waiting -> waiting, or todo once its wait has passed;
  completed -> done; deleted -> cancelled. A
  `recurring` template is skipped; its rule goes on its newest pending instance.
- Annotations become note lines "2026-11-20: text" (local date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from functools import lru_cache

from vaworkspace.domain.models import Client, Task
from vaworkspace.domain.taskwarrior_export import (
    KNOWN_FIELDS,
    PRIORITIES,
    STATUSES,
    text_list,
    tw_date,
)
from vaworkspace.errors import InputError

ONE_OFF = "cannot convert recurrence %r; imported as a one-off task"
TEMPLATE_SKIPPED = "recurring template, its rule is carried by its newest pending instance"
NO_INSTANCE = "no pending instance in the file, its rule was not imported"


@dataclass
class TaskwarriorImport:
    """What `convert` produced, plus what the user should be told about."""

    tasks: list[Task]
    clients: list[Client]
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line per item, with reason


def convert(items: list[dict], now: datetime, tz: tzinfo) -> TaskwarriorImport:
    """Turn the items `parse_export` validated into tasks and the clients their
    projects name (validating twice cost a 10k import a quarter of its time).

    Deterministic: tasks come ordered by entry then uuid; `Task.id` is 0 (the
    service numbers them and matches re-imports by uuid).
    """
    result = TaskwarriorImport(tasks=[], clients=[])
    ordered = sorted(items, key=lambda i: (i.get("entry", ""), i["uuid"].lower()))
    rules = _recurrence_rules(ordered, tz, result)
    clients: dict[str, Client] = {}
    for item in ordered:
        if item.get("status") == "recurring":
            result.skipped.append(f"{_label_short(item)}: {TEMPLATE_SKIPPED}")
            continue
        task = _task(item, now, tz, clients)
        task.recurrence = rules.get(task.uuid)
        result.tasks.append(task)
    result.clients = list(clients.values())
    udas = sorted({key for item in ordered for key in item} - KNOWN_FIELDS)
    if udas:
        result.warnings.append(f"ignored Taskwarrior attributes (UDAs): {', '.join(udas)}")
    return result


def _label_short(item: dict) -> str:
    return f"{item['description']!r} (uuid {item['uuid']})"


def _task(item: dict, now: datetime, tz: tzinfo, clients: dict[str, Client]) -> Task:
    entry = tw_date(item.get("entry")) or tw_date(item.get("modified")) or now
    client, sub_tag = _project(item.get("project", ""), clients)
    tags = text_list(item.get("tags", [])) or []
    status = _status(item, now, has_client=client is not None)
    if sub_tag and sub_tag not in tags:
        tags.append(sub_tag)
    return Task(
        id=0,
        uuid=item["uuid"].lower(),
        title=item["description"].strip(),
        created=entry,
        modified=tw_date(item.get("modified")) or entry,
        client=client,
        tags=tags,
        priority=PRIORITIES.get(item.get("priority") or ""),
        status=status,
        due=_local_value(item.get("due"), tz),
        wait=_local_value(item.get("wait"), tz),
        scheduled=_local_value(item.get("scheduled"), tz),
        notes=_notes(item.get("annotations", []), tz),
        completed=tw_date(item.get("end")) if status in ("done", "cancelled") else None,
        source="taskwarrior",
        depends=[u.lower() for u in text_list(item.get("depends", [])) or []],
    )


def _project(project: str, clients: dict[str, Client]) -> tuple[str | None, str | None]:
    """ "Acme.Web" -> client "acme" (created on first sight) and sub-tag "web"."""
    slug, name, sub_tag = _split_project(project)
    if slug is not None:
        clients.setdefault(slug, Client(id=slug, name=name))
    return slug, sub_tag


@lru_cache(maxsize=4096)
def _split_project(project: str) -> tuple[str | None, str, str | None]:
    """(client id, client name, sub-tag); cached: thousands of tasks share a project."""
    from vaworkspace.domain.clients import slugify

    top, _, rest = project.strip().partition(".")
    if not top.strip():
        return None, "", None
    try:
        slug = slugify(top)
    except InputError:  # nothing usable in it, like "☕"
        slug = "imported"
    return slug, top.strip(), re.sub(r"\W+", "-", rest.lower()).strip("-") or None


def _status(item: dict, now: datetime, has_client: bool) -> str:
    """Open tasks follow the workspace rule: no client means the inbox, to triage."""
    status = STATUSES[item.get("status", "pending")]
    if status in ("todo", "waiting"):
        wait = tw_date(item.get("wait"))
        if wait is not None and wait > now:
            return "waiting"
        return "todo" if has_client else "inbox"
    return status


def _local_value(value: str | None, tz: tzinfo) -> date | datetime | None:
    """Local midnight means Taskwarrior was given a bare date: keep it all-day."""
    instant = tw_date(value)
    if instant is None:
        return None
    local = instant.astimezone(tz)
    if (local.hour, local.minute, local.second) == (0, 0, 0):
        return local.date()
    return instant


def _notes(annotations: list[dict], tz: tzinfo) -> str:
    lines = []
    for note in annotations:
        day = tw_date(note["entry"]).astimezone(tz).date()
        lines.append(f"{day.isoformat()}: {note['description'].strip()}")
    return "\n".join(lines)


def _recurrence_rules(items: list[dict], tz: tzinfo, result: TaskwarriorImport) -> dict:
    """Map the uuid of each template's newest pending instance to its RRULE text."""
    templates = {i["uuid"].lower(): i for i in items if i.get("status") == "recurring"}
    children: dict[str, list[dict]] = {}
    for item in items:
        if item.get("parent") and item.get("status", "pending") in ("pending", "waiting"):
            children.setdefault(item["parent"].lower(), []).append(item)
    rules = {}
    for parent in sorted(set(templates) | set(children)):
        source = templates.get(parent)
        if not children.get(parent):
            result.warnings.append(f"recurring {_label_short(source)}: {NO_INSTANCE}")
            continue
        child = max(children[parent], key=lambda c: (c.get("due", ""), c["uuid"]))
        rule = _rule_for(source or child, child, tz, result)
        if rule:
            rules[child["uuid"].lower()] = rule
    return rules


def _rule_for(source: dict, child: dict, tz: tzinfo, result: TaskwarriorImport) -> str | None:
    from vaworkspace.domain.recurrence import validate_rrule

    recur = source.get("recur") or child.get("recur") or ""
    rule = recur_to_rrule(recur)
    if rule is None:
        result.warnings.append(f"{_label_short(child)}: {ONE_OFF % recur}")
        return None
    until = source.get("until") or child.get("until")
    if until:
        due = _local_value(child.get("due"), tz)
        all_day = due is not None and not isinstance(due, datetime)
        rule += f";UNTIL={_until(until, tz, all_day)}"
    try:
        return validate_rrule(rule)
    except InputError as exc:
        result.warnings.append(f"{_label_short(child)}: {exc}; imported as a one-off task")
        return None


def _until(value: str, tz: tzinfo, all_day: bool) -> str:
    """RFC 5545 wants UNTIL as a date when the series is all-day, else UTC."""
    instant = tw_date(value)
    if all_day:
        return instant.astimezone(tz).date().strftime("%Y%m%d")
    return instant.strftime("%Y%m%dT%H%M%SZ")


NAMED_RECUR = {
    "daily": "FREQ=DAILY", "day": "FREQ=DAILY",
    "weekdays": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "weekly": "FREQ=WEEKLY", "week": "FREQ=WEEKLY", "sennight": "FREQ=WEEKLY",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2", "fortnight": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "FREQ=MONTHLY", "month": "FREQ=MONTHLY",
    "bimonthly": "FREQ=MONTHLY;INTERVAL=2", "quarterly": "FREQ=MONTHLY;INTERVAL=3",
    "semiannual": "FREQ=MONTHLY;INTERVAL=6",
    "yearly": "FREQ=YEARLY", "annual": "FREQ=YEARLY", "year": "FREQ=YEARLY",
    "biannual": "FREQ=YEARLY;INTERVAL=2", "biyearly": "FREQ=YEARLY;INTERVAL=2",
}  # fmt: skip
_PERIODS = {  # unit as Taskwarrior spells it -> (FREQ, months per unit)
    **dict.fromkeys(("d", "day", "days"), ("DAILY", 1)),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), ("WEEKLY", 1)),
    **dict.fromkeys(("mo", "mos", "mth", "mths", "month", "months"), ("MONTHLY", 1)),
    **dict.fromkeys(("q", "qtr", "qtrs", "quarter", "quarters"), ("MONTHLY", 3)),
    **dict.fromkeys(("y", "yr", "yrs", "year", "years"), ("YEARLY", 1)),
}
_COUNT_UNIT = re.compile(r"p?([0-9]+) *([a-z]+)")


def recur_to_rrule(recur: str) -> str | None:
    """Taskwarrior's `recur` ("weekly", "2weeks", "3d", "P1M"...) as RRULE text, or None.

    Hour- and minute-based periods have no place in a VA's day list: None.
    """
    text = recur.strip().lower()
    if text in NAMED_RECUR:
        return NAMED_RECUR[text]
    text = re.sub(r"^p([0-9]+)m$", r"\1mo", text)  # ISO 8601 "P1M" is a month
    match = _COUNT_UNIT.fullmatch(text)
    if not match or match.group(2) not in _PERIODS or int(match.group(1)) < 1:
        return None
    freq, factor = _PERIODS[match.group(2)]
    interval = int(match.group(1)) * factor
    return f"FREQ={freq}" + (f";INTERVAL={interval}" if interval > 1 else "")
