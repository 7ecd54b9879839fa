"""Read a Taskwarrior export (`task export`) and turn it into workspace tasks.

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
from datetime import date, datetime, timezone, tzinfo
from functools import lru_cache

from vaworkspace.domain.models import Client, Task
from vaworkspace.errors import ImportFileError, InputError

STATUSES = {
    "pending": "todo",
    "waiting": "waiting",
    "completed": "done",
    "deleted": "cancelled",
    "recurring": None,
}
PRIORITIES = {"H": "high", "M": "medium", "L": "low"}
DATE_FIELDS = ("entry", "modified", "end", "start", "due", "wait", "scheduled", "until")
KNOWN_FIELDS = frozenset({
    "id", "uuid", "description", "status", "project", "priority", "tags", "annotations",
    "depends", "recur", "mask", "imask", "parent", "urgency", "rtype", "template", "last",
    *DATE_FIELDS,
})  # fmt: skip
_UUID = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_TW_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z", re.ASCII)
NOT_EXPORT = "not a Taskwarrior export: expected a JSON array of tasks"
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


def looks_like_taskwarrior(data: bytes) -> bool:
    """Cheap sniff so `va import` can pick the importer without parsing twice."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"[", b"{") and b'"uuid"' in data and b'"description"' in data


def parse_export(data: bytes | str) -> list[dict]:
    """Decode and validate a whole export; raise `ImportFileError` on the first flaw.

    Accepts what `task export` prints (a JSON array) and the older one-object-per-
    line form, with or without a UTF-8 BOM. Every item is checked before anything
    is returned, so a caller never writes half a file.
    """
    text = _decode(data).strip()
    if not text:
        raise ImportFileError(f"{NOT_EXPORT} (the file is empty)")
    items = _load_array(text) if text.startswith("[") else _load_lines(text)
    _check_items(items)
    return items


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{NOT_EXPORT} (not UTF-8 text at byte {exc.start})") from None


def _load_array(text: str) -> list:
    return _json(text, line_offset=0)  # it starts with "[": a list or an error


def _load_lines(text: str) -> list:
    """One JSON object per line (Taskwarrior before 2.4); a trailing comma is allowed."""
    if not text.startswith("{"):
        raise ImportFileError(f"{NOT_EXPORT} (it starts with {text[:20]!r})")
    items = []
    for number, line in enumerate(text.splitlines()):
        line = line.strip().removesuffix(",")
        if line:
            items.append(_json(line, line_offset=number))
    return items


def _json(text: str, line_offset: int):
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno + line_offset} column {exc.colno}"
        raise ImportFileError(f"{NOT_EXPORT} (JSON error at {where}: {exc.msg})") from None
    except RecursionError:
        raise ImportFileError(f"{NOT_EXPORT} (JSON nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise ImportFileError(f"{NOT_EXPORT} ({str(exc).splitlines()[0]})") from None


def _label(index: int, item: dict) -> str:
    parts = []
    if isinstance(item.get("uuid"), str):
        parts.append(f"uuid {item['uuid'][:36]}")
    if isinstance(item.get("description"), str):
        text = item["description"]
        short = text[:40] + "…" if len(text) > 40 else text
        parts.append(f"description {short!r}")
    return f"item {index} ({', '.join(parts)})" if parts else f"item {index}"


def _check_items(items: list) -> None:
    """All-or-nothing: the first bad item (or a repeated uuid) rejects the file."""
    seen: set[str] = set()
    for index, item in enumerate(items, start=1):
        _check_item(index, item)
        uuid = item["uuid"].lower()
        if uuid in seen:
            raise ImportFileError(f"{_label(index, item)}: the same uuid appears twice")
        seen.add(uuid)


def _check_item(index: int, item: object) -> None:
    if not isinstance(item, dict):
        raise ImportFileError(f"item {index}: expected a JSON object, found {_kind(item)}")
    problem = _problem(item)
    if problem:
        raise ImportFileError(f"{_label(index, item)}: {problem}")


def _kind(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _problem(item: dict) -> str | None:
    """The first thing wrong with one item, in words, or None."""
    uuid = item.get("uuid")
    if not isinstance(uuid, str) or not _UUID.fullmatch(uuid):
        return "missing uuid" if uuid is None else f"bad uuid {uuid!r}"
    description = item.get("description")
    if not isinstance(description, str) or not description.strip():
        return "missing description"
    status = item.get("status", "pending")
    if not isinstance(status, str) or status not in STATUSES:
        return f"unknown status {status!r} (expected {', '.join(STATUSES)})"
    if item.get("priority") not in (None, "", *PRIORITIES):
        return f"bad priority {item['priority']!r} (expected H, M or L)"
    for name in DATE_FIELDS:
        if name in item and _tw_date(item[name]) is None:
            return f"bad date {name} {item[name]!r} (expected like 20261204T170000Z)"
    return _problem_lists(item)


def _problem_lists(item: dict) -> str | None:
    for name in ("project", "recur", "parent"):
        if name in item and not isinstance(item[name], str):
            return f"{name} must be text"
    for name in ("tags", "depends"):
        if name in item and _strings(item[name]) is None:
            return f"{name} must be a list of text"
    notes = item.get("annotations", [])
    if not isinstance(notes, list) or not all(
        isinstance(n, dict) and isinstance(n.get("description"), str) and _tw_date(n.get("entry"))
        for n in notes
    ):
        return "annotations must be a list of {entry, description}"
    return None


def _strings(value: object) -> list[str] | None:
    """A list of text, also from the comma-separated form older versions wrote."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


_SEEN_DATES: dict[str, datetime | None] = {}


def _tw_date(value: object) -> datetime | None:
    """ "20261204T170000Z" -> aware UTC datetime; None if it is not one.

    Memoised: an import checks, then converts, ~12 dates per item, and a 10k
    import spent half its time here.
    """
    if not isinstance(value, str):
        return None
    try:
        return _SEEN_DATES[value]
    except KeyError:
        pass
    if len(_SEEN_DATES) > 200_000:
        _SEEN_DATES.clear()
    found = _SEEN_DATES[value] = _parse_tw_date(value)
    return found


def _parse_tw_date(value: str) -> datetime | None:
    match = _TW_DATE.fullmatch(value)
    if not match or not 1 < int(match.group(1)) < 9999:  # room to shift to any zone
        return None
    try:
        return datetime(*map(int, match.groups()), tzinfo=timezone.utc)
    except ValueError:
        return None


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
    entry = _tw_date(item.get("entry")) or _tw_date(item.get("modified")) or now
    client, sub_tag = _project(item.get("project", ""), clients)
    tags = _strings(item.get("tags", [])) or []
    status = _status(item, now, has_client=client is not None)
    if sub_tag and sub_tag not in tags:
        tags.append(sub_tag)
    return Task(
        id=0,
        uuid=item["uuid"].lower(),
        title=item["description"].strip(),
        created=entry,
        modified=_tw_date(item.get("modified")) or entry,
        client=client,
        tags=tags,
        priority=PRIORITIES.get(item.get("priority") or ""),
        status=status,
        due=_local_value(item.get("due"), tz),
        wait=_local_value(item.get("wait"), tz),
        scheduled=_local_value(item.get("scheduled"), tz),
        notes=_notes(item.get("annotations", []), tz),
        completed=_tw_date(item.get("end")) if status in ("done", "cancelled") else None,
        source="taskwarrior",
        depends=[u.lower() for u in _strings(item.get("depends", [])) or []],
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
        wait = _tw_date(item.get("wait"))
        if wait is not None and wait > now:
            return "waiting"
        return "todo" if has_client else "inbox"
    return status


def _local_value(value: str | None, tz: tzinfo) -> date | datetime | None:
    """Local midnight means Taskwarrior was given a bare date: keep it all-day."""
    instant = _tw_date(value)
    if instant is None:
        return None
    local = instant.astimezone(tz)
    if (local.hour, local.minute, local.second) == (0, 0, 0):
        return local.date()
    return instant


def _notes(annotations: list[dict], tz: tzinfo) -> str:
    lines = []
    for note in annotations:
        day = _tw_date(note["entry"]).astimezone(tz).date()
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
    instant = _tw_date(value)
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
