"""The Taskwarrior conversion as it was before it wrote records directly: kept,
frozen, as the reference the record-writing `taskwarrior.convert` must match.

One item at a time, into `Task` objects with datetimes; `store.records` then
encoded them. Clear and slow (a 10k import spent ~120 ms here); the tests run it
on generated exports and compare its tasks, encoded, with the new records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from vaworkspace.domain.models import Client, Task
from vaworkspace.domain.tasks.recurrence import validate_rrule
from vaworkspace.errors import InputError
from vaworkspace.taskwarrior.convert import (
    NO_INSTANCE,
    ONE_OFF,
    TEMPLATE_SKIPPED,
    _label_short,
    _split_project,
    _until,
    recur_to_rrule,
)
from vaworkspace.taskwarrior.export import (
    KNOWN_FIELDS,
    PRIORITIES,
    STATUSES,
    text_list,
    tw_date,
)


@dataclass
class Before:
    tasks: list[Task]
    clients: list[Client]
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def convert_before(items: list[dict], now: datetime, tz: tzinfo) -> Before:
    result = Before(tasks=[], clients=[])
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


def _task(item: dict, now: datetime, tz: tzinfo, clients: dict[str, Client]) -> Task:
    entry = tw_date(item.get("entry")) or tw_date(item.get("modified")) or now
    slug, name, sub_tag = _split_project(item.get("project", ""))
    if slug is not None:
        clients.setdefault(slug, Client(id=slug, name=name))
    tags = text_list(item.get("tags", [])) or []
    status = _status(item, now, has_client=slug is not None)
    if sub_tag and sub_tag not in tags:
        tags.append(sub_tag)
    return Task(
        id=0,
        uuid=item["uuid"].lower(),
        title=item["description"].strip(),
        created=entry,
        modified=tw_date(item.get("modified")) or entry,
        client=slug,
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


def _status(item: dict, now: datetime, has_client: bool) -> str:
    status = STATUSES[item.get("status", "pending")]
    if status in ("todo", "waiting"):
        wait = tw_date(item.get("wait"))
        if wait is not None and wait > now:
            return "waiting"
        return "todo" if has_client else "inbox"
    return status


def _local_value(value: str | None, tz: tzinfo) -> date | datetime | None:
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


def _recurrence_rules(items: list[dict], tz: tzinfo, result: Before) -> dict:
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


def _rule_for(source: dict, child: dict, tz: tzinfo, result: Before) -> str | None:
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
