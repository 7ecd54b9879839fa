"""Turn the items of a checked Taskwarrior export into workspace task records and clients.

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

The tasks come out in their stored form (the records of `store.records`:
defaults left out, dates as text), not as `Task` objects: a 10,000-task import
has a budget of a few tens of milliseconds, and building 10,000 tasks with their
datetimes, then encoding them again, took four times that. So each field is
converted for the whole file at once, each distinct value once (dates in bulk,
see `taskwarrior_dates`; projects through a dict), and the records are assembled
in one loop. The tests check these records against `store.records` and against
the former `Task`-based conversion (tests/domain/taskwarrior_before.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from itertools import chain, compress, islice, repeat
from operator import is_not, itemgetter

from vaworkspace.domain.models import Client
from vaworkspace.errors import InputError
from vaworkspace.taskwarrior.columns import MISSING, Columns
from vaworkspace.taskwarrior.dates import DateTexts
from vaworkspace.taskwarrior.export import (
    KNOWN_FIELDS,
    PRIORITIES,
    STATUSES,
    text_list,
    tw_date,
)

TYPE_CHECKING = False
if TYPE_CHECKING:  # the runtime never pays for `typing`/`collections.abc`
    from collections.abc import Callable, Iterable

ONE_OFF = "cannot convert recurrence %r; imported as a one-off task"
TEMPLATE_SKIPPED = "recurring template, its rule is carried by its newest pending instance"
NO_INSTANCE = "no pending instance in the file, its rule was not imported"
SOURCE = "taskwarrior"
_CLOSED = frozenset({"done", "cancelled"})
# Workspace statuses by Taskwarrior status and whether the task has a client: an
# open task is todo for a client, else in the inbox to triage (unless its wait is
# still ahead: see `_statuses`); None for a recurring template, which is skipped.
_STATUS = {
    (status, owned): ("todo" if owned else "inbox") if mapped in ("todo", "waiting") else mapped
    for status, mapped in STATUSES.items()
    for owned in (True, False)
}
_OPEN = frozenset({"todo", "inbox"})


@dataclass
class TaskwarriorImport:
    """What `convert` produced, plus what the user should be told about."""

    records: list[dict]  # the tasks as stored (see `store.records`), without ids
    clients: list[Client]
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line per item, with reason


def convert(items: list[dict] | Columns, now: datetime, tz: tzinfo) -> TaskwarriorImport:
    """Turn the items `parse_export` checked (and only those: nothing is checked
    again) into task records and the clients their projects name. Given the
    `Columns` of `read_export`, reads no field a second time.

    Deterministic: records come ordered by entry then uuid, without an id (the
    service numbers them and matches re-imports by uuid).
    """
    columns = items if isinstance(items, Columns) else Columns(items)
    result = TaskwarriorImport(records=[], clients=[])
    order = _order(columns)
    statuses = columns("status", "pending")
    kept, templates = order, []
    if "recurring" in columns.distinct("status", "pending"):  # templates: their rule only
        kept = [k for k in order if statuses[k] != "recurring"]
        templates = [columns.items[k] for k in order if statuses[k] == "recurring"]
        result.skipped = [f"{_label_short(item)}: {TEMPLATE_SKIPPED}" for item in templates]
    dates = DateTexts(columns, tz)
    rules = _recurrence_rules(columns, templates, dates.local, tz, result)
    now_text = now.astimezone(timezone.utc).replace(microsecond=0, tzinfo=None).isoformat() + "Z"
    split = {project: _split_project(project or "") for project in columns.distinct("project")}
    owners = list(map({p: found[0] for p, found in split.items()}.__getitem__, columns("project")))
    records = _records(columns, split, owners, dates, rules, now_text)  # templates' too:
    result.records = list(map(records.__getitem__, kept))  # left out here
    result.clients = _clients(columns, split, owners, kept)
    udas = sorted(columns.present - KNOWN_FIELDS)
    if udas:
        result.warnings.append(f"ignored Taskwarrior attributes (UDAs): {', '.join(udas)}")
    return result


def _order(columns: Columns) -> list[int]:
    """The items' indices by entry then lower-case uuid, like `(entry or "", uuid)`
    tuples would sort, but on one text per item: an entry is empty or 16
    characters, and the " " between sorts before any digit."""
    entries, uuids = columns("entry"), columns.uuids()
    try:
        keys = list(map(" ".join, zip(entries, uuids, strict=True)))
    except TypeError:  # some item has no entry: it sorts as ""
        keys = [f"{entry or ''} {uuid}" for entry, uuid in zip(entries, uuids, strict=True)]
    return sorted(range(len(keys)), key=keys.__getitem__)


def _clients(columns: Columns, split: dict, owners: list, kept: list[int]) -> list[Client]:
    """One client per top-level project, in the order the tasks first name them,
    named as the first names it (projects "Acme" and "acme" are one client)."""
    names: dict[str, str] = {}
    ambiguous = set()
    for slug, name, _ in split.values():
        if slug is not None and names.setdefault(slug, name) != name:
            ambiguous.add(slug)
    if ambiguous:  # rare: look for the first task of each such client
        projects = columns("project")
        for k in kept:
            if owners[k] in ambiguous:
                names[owners[k]] = split[projects[k]][1]
                ambiguous.discard(owners[k])
                if not ambiguous:
                    break
    # The client ids are a few shared strings: quicker to walk than 10,000 projects.
    slugs = dict.fromkeys(filter(None, map(owners.__getitem__, kept)))
    return [Client(id=slug, name=names[slug]) for slug in slugs]


def _records(
    columns: Columns,
    split: dict[str, tuple],
    owners: list,
    dates: DateTexts,
    rules: dict[str, str],
    now_text: str,
) -> list[dict]:
    """The stored form of every item. Each field is converted for all items at C
    speed (mostly `map` over a column and a dict); then one loop builds each
    record, its keys in the order `store.records.task_to_record` writes them."""
    projects = columns("project")
    sub_tags = {p: found[2] for p, found in split.items() if found[2]}
    statuses = _statuses(columns, owners, dates, now_text)

    def each(convert: Callable, name: str, default: object = MISSING) -> Iterable:
        """The field converted, for every item (None for a field no item has)."""
        if name not in columns.present:
            return repeat(None, len(columns.items))
        return map(convert, columns(name, default))

    local, instant = dates.local.get, dates.instants.get
    fields = zip(
        columns.uuids(),
        columns.titles(),
        each(instant, "entry"),
        each(instant, "modified"),
        owners,
        each(PRIORITIES.get, "priority", None),
        statuses,
        map(rules.get, columns.uuids()) if rules else repeat(None, len(columns.items)),
        _notes(columns, dates.days),
        each(local, "due"),
        each(local, "wait"),
        each(local, "scheduled"),
        each(instant, "end"),
        _tags(columns("tags"), list(map(sub_tags.get, projects)) if sub_tags else None),
        each(_depends, "depends"),
        strict=True,
    )
    records = []
    for (uuid, title, created, modified, client, priority, status, rule, notes, due, wait,
         scheduled, end, tags, depends) in fields:  # fmt: skip
        created = created or modified or now_text  # the entry, else the last change, else now
        record = {"uuid": uuid, "title": title, "created": created, "modified": modified or created}
        if client:
            record["client"] = client
        if priority:
            record["priority"] = priority
        if status != "todo":
            record["status"] = status
        if rule:
            record["recurrence"] = rule
        if notes:
            record["notes"] = notes
        record["source"] = SOURCE
        if due:
            record["due"] = due
        if wait:
            record["wait"] = wait
        if scheduled:
            record["scheduled"] = scheduled
        if end and status in _CLOSED:
            record["completed"] = end
        if tags:
            record["tags"] = tags
        if depends:
            record["depends"] = depends
        records.append(record)
    return records


def _statuses(columns: Columns, owners: list, dates: DateTexts, now_text: str) -> list:
    """Workspace statuses (`_STATUS`), open ones waiting while their wait is ahead."""
    owned = map(is_not, owners, repeat(None))
    statuses = list(map(_STATUS.__getitem__, zip(columns("status", "pending"), owned, strict=True)))
    waits = columns("wait")
    for k in compress(range(len(waits)), waits):  # same-format UTC texts sort in time order
        if statuses[k] in _OPEN and dates.instants[waits[k]] > now_text:
            statuses[k] = "waiting"
    return statuses


def _notes(columns: Columns, days: dict[str, str]) -> Iterable[str]:
    """Each item's annotations as note lines "2026-11-20: text" (the user's day),
    "" for none. The lines of all items are made at once, then each item takes
    as many as it has annotations: no Python call per annotation or item."""
    if "annotations" not in columns.present:
        return repeat("", len(columns.items))
    annotations = columns("annotations")  # MISSING: an empty tuple
    notes = list(chain.from_iterable(annotations))
    entries = map(days.__getitem__, map(itemgetter("entry"), notes))
    texts = map(str.strip, map(itemgetter("description"), notes))
    lines = iter(list(map(": ".join, zip(entries, texts, strict=True))))
    return map("\n".join, map(islice, repeat(lines), map(len, annotations)))


def _tags(tags: list, sub_tags: list | None) -> list:
    """Tags plus the sub-project's. A list of text is kept as it is (records are
    never changed in place, so sharing it is safe); older comma-separated text
    is split."""
    if str in set(map(type, tags)):
        tags = [text_list(t) if type(t) is str else t for t in tags]
    if sub_tags is None:
        return tags
    return [
        [*(t or ()), sub] if sub and sub not in (t or ()) else t
        for t, sub in zip(tags, sub_tags, strict=True)
    ]


def _depends(depends: list | str) -> list[str]:
    """uuids in lower case, also from the comma-separated text older versions wrote."""
    uuids = text_list(depends) if depends else None  # the export check refused any other kind
    return [uuid.lower() for uuid in uuids] if uuids else []


def _label_short(item: dict) -> str:
    return f"{item['description']!r} (uuid {item['uuid']})"


def _split_project(project: str) -> tuple[str | None, str, str | None]:
    """ "Acme.Web" -> (client id "acme", client name "Acme", sub-tag "web")."""
    from vaworkspace.domain.clients import slugify

    top, _, rest = project.strip().partition(".")
    if not top.strip():
        return None, "", None
    try:
        slug = slugify(top)
    except InputError:  # nothing usable in it, like "☕"
        slug = "imported"
    return slug, top.strip(), re.sub(r"\W+", "-", rest.lower()).strip("-") or None


def _recurrence_rules(
    columns: Columns, templates: list[dict], local: dict[str, str], tz: tzinfo,
    result: TaskwarriorImport,
) -> dict[str, str]:  # fmt: skip
    """Map the uuid of each template's newest pending instance to its RRULE text."""
    if not templates and "parent" not in columns.present:
        return {}
    by_uuid = {template["uuid"].lower(): template for template in templates}
    children: dict[str, list[dict]] = {}
    parents = columns("parent")
    rows = zip(columns.items, columns("status", "pending"), parents, strict=True)
    for item, status, parent in compress(rows, parents):
        if status in ("pending", "waiting"):
            children.setdefault(parent.lower(), []).append(item)
    rules = {}
    for parent in sorted(set(by_uuid) | set(children)):
        source = by_uuid.get(parent)
        if not children.get(parent):  # then it is a template's uuid: `source` is set
            if source is not None:
                result.warnings.append(f"recurring {_label_short(source)}: {NO_INSTANCE}")
            continue
        child = max(children[parent], key=lambda c: (c.get("due", ""), c["uuid"]))
        due = child.get("due")
        all_day = due is not None and len(local[due]) == 10  # a date, not an instant
        rule = _rule_for(source or child, child, all_day, tz, result)
        if rule:
            rules[child["uuid"].lower()] = rule
    return rules


def _rule_for(
    source: dict, child: dict, all_day: bool, tz: tzinfo, result: TaskwarriorImport
) -> str | None:
    from vaworkspace.domain.tasks.recurrence import validate_rrule

    recur = source.get("recur") or child.get("recur") or ""
    rule = recur_to_rrule(recur)
    if rule is None:
        result.warnings.append(f"{_label_short(child)}: {ONE_OFF % recur}")
        return None
    until = source.get("until") or child.get("until")
    if until:
        rule += f";UNTIL={_until(until, tz, all_day)}"
    try:
        return validate_rrule(rule)
    except InputError as exc:
        result.warnings.append(f"{_label_short(child)}: {exc}; imported as a one-off task")
        return None


def _until(value: str, tz: tzinfo, all_day: bool) -> str:
    """RFC 5545 wants UNTIL as a date when the series is all-day, else UTC."""
    instant = tw_date(value)
    assert instant is not None  # the export check refused a bad date
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
