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

The tasks come out as columns (`TaskColumns`: one list per `Task` field), not
as `Task` objects, and the store writes them (`store/task_columns.py`): a 10,000-task
import has a budget of a few tens of milliseconds, and building 10,000 tasks with
their datetimes, then encoding them again, took four times that. So each field is
converted for the whole file at once, each distinct value once (dates in bulk,
see `dates.py`; projects through a dict), at C speed. The tests check these
columns against real `task export` files, and the records the store makes of
them against `store.records`.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from itertools import chain, compress, count, islice, repeat
from operator import is_not, itemgetter

from vaworkspace.domain.models import Client
from vaworkspace.domain.tasks.imports import TaskColumns
from vaworkspace.errors import InputError
from vaworkspace.taskwarrior.columns import KNOWN_FIELDS, MISSING, PRIORITIES, STATUSES, Columns
from vaworkspace.taskwarrior.dates import DateValues
from vaworkspace.taskwarrior.recurrence import label_short, recurrence_rules

TYPE_CHECKING = False
if TYPE_CHECKING:  # the runtime never pays for `typing`/`collections.abc`
    from collections.abc import Callable, Iterable

TEMPLATE_SKIPPED = "recurring template, its rule is carried by its newest pending instance"
SOURCE = "taskwarrior"
UTC = timezone.utc
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

    tasks: TaskColumns  # ordered by entry then uuid, without ids
    clients: list[Client]
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line per item, with reason


def convert(columns: Columns, now: datetime, tz: tzinfo) -> TaskwarriorImport:
    """Turn the items `read_export` checked (and only those: nothing is checked
    again) into tasks and the clients their projects name, reading no field the
    check read a second time.

    Deterministic: tasks come ordered by entry then uuid, without an id (the
    service numbers them and matches re-imports by uuid).
    """
    order = _order(columns)
    statuses = columns("status", "pending")
    kept, templates, skipped = order, [], []
    if "recurring" in columns.distinct("status", "pending"):  # templates: their rule only
        kept = [k for k in order if statuses[k] != "recurring"]
        templates = [columns.items[k] for k in order if statuses[k] == "recurring"]
        skipped = [f"{label_short(item)}: {TEMPLATE_SKIPPED}" for item in templates]
    warnings: list[str] = []
    dates = DateValues(columns, tz)
    rules = recurrence_rules(columns, templates, dates, warnings)
    split = {project: _split_project(project or "") for project in columns.distinct("project")}
    owners = list(map({p: found[0] for p, found in split.items()}.__getitem__, columns("project")))
    now = (now if now.tzinfo else now.replace(tzinfo=UTC)).astimezone(UTC)
    tasks = _tasks(columns, split, owners, dates, rules, now.replace(microsecond=0), kept)
    result = TaskwarriorImport(tasks, _clients(columns, split, owners, kept), warnings, skipped)
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


def _tasks(
    columns: Columns,
    split: dict[str, tuple],
    owners: list,
    dates: DateValues,
    rules: dict[str, str],
    now: datetime,
    kept: list[int],
) -> TaskColumns:
    """The kept items (indices into the export, in that order) as task columns.

    Each field is converted for all items at C speed (mostly `map` over a
    column and a dict), in the export's order, which is the order the items lie
    in memory; then each converted column gives its kept values (`take`)."""
    size, count = len(columns.items), len(kept)

    def take(column: list) -> list:
        """The column's values of the kept items, in their order."""
        return list(map(column.__getitem__, kept))

    def each(convert: Callable, name: str, default: object = MISSING) -> list:
        """The field converted, for every kept item (None for a field no item has)."""
        if name not in columns.present:
            return [None] * count
        return take(list(map(convert, columns(name, default))))

    statuses = _statuses(columns, owners, dates, now)
    local, instant = dates.local.get, dates.instants.get
    modified = list(map(instant, columns("modified")))
    # A task was created at its entry, else at its last change, else now.
    created = _or(list(map(instant, columns("entry"))), modified, now)
    if "end" in columns.present:
        ends = map(instant, columns("end"))
        completed = [end if s in _CLOSED else None for s, end in zip(statuses, ends, strict=True)]
    else:
        completed = [None] * size
    sub_tags = {p: found[2] for p, found in split.items() if found[2]}
    projects = list(map(sub_tags.get, columns("project"))) if sub_tags else None
    return TaskColumns(
        uuid=take(columns.uuids()),
        title=take(columns.titles()),
        created=take(created),
        modified=take(_or(modified, created, now)),
        client=take(owners),
        tags=take(_tags(columns("tags"), projects)),
        priority=each(PRIORITIES.get, "priority", None),
        status=take(statuses),
        due=each(local, "due"),
        wait=each(local, "wait"),
        scheduled=each(local, "scheduled"),
        estimate_minutes=[None] * count,
        recurrence=take(list(map(rules.get, columns.uuids()))) if rules else [None] * count,
        recur_from_completion=[False] * count,
        notes=take(_notes(columns, dates.days)),
        completed=take(completed),
        source=[SOURCE] * count,
        depends=_lists(each(_depends, "depends")),
    )


def _or(values: list, fallback: list, last: datetime) -> list:
    """Each value, else the fallback's, else `last` (a column of instants)."""
    if None not in values:
        return values
    return [value or other or last for value, other in zip(values, fallback, strict=True)]


def _statuses(columns: Columns, owners: list, dates: DateValues, now: datetime) -> list:
    """Workspace statuses (`_STATUS`), open ones waiting while their wait is ahead."""
    owned = map(is_not, owners, repeat(None))
    statuses = list(map(_STATUS.__getitem__, zip(columns("status", "pending"), owned, strict=True)))
    waits = columns("wait")
    for k in compress(range(len(waits)), waits):
        if statuses[k] in _OPEN and dates.instants[waits[k]] > now:
            statuses[k] = "waiting"
    return statuses


def _notes(columns: Columns, days: dict[str, str]) -> list[str]:
    """Each item's annotations as note lines "2026-11-20: text" (the user's day),
    "" for none. The lines of all items are made at once, then each item takes
    as many as it has annotations: no Python call per annotation or item (and
    no join at all when no item has more than one)."""
    if "annotations" not in columns.present:
        return [""] * len(columns.items)
    annotations = columns("annotations")  # MISSING: an empty tuple
    notes = list(chain.from_iterable(annotations))
    entries = map(days.__getitem__, map(itemgetter("entry"), notes))
    texts = map(str.strip, map(itemgetter("description"), notes))
    lines = list(map(": ".join, zip(entries, texts, strict=True)))
    annotated = sum(map(bool, annotations))
    if len(lines) == annotated == len(annotations):  # one each, as in most exports
        return lines
    if len(lines) == annotated:  # at most one each: each placed by `compress`
        found = [""] * len(annotations)
        deque(map(found.__setitem__, compress(count(), annotations), lines), maxlen=0)
        return found
    return list(map("\n".join, map(islice, repeat(iter(lines)), map(len, annotations))))


def _tags(tags: list, sub_tags: list | None) -> list[list[str]]:
    """Tags plus the sub-project's, a list for each item. A list of text is kept
    as it is (imported tasks and records are never changed in place, so sharing
    it is safe); older comma-separated text is split."""
    if str in set(map(type, tags)):
        tags = [_text_list(t) if type(t) is str else t for t in tags]
    if sub_tags is not None:
        tags = [
            [*(t or ()), sub] if sub and sub not in (t or ()) else t
            for t, sub in zip(tags, sub_tags, strict=True)
        ]
    return _lists(tags)


def _lists(column: Iterable) -> list[list[str]]:
    """A column of lists, with a new empty list where an item has none (None, or
    `MISSING`, an empty tuple); the usual full column is kept as it is."""
    column = list(column)
    if MISSING in column or None in column:
        return [value or [] for value in column]
    return column


def _depends(depends: list | str) -> list[str]:
    """uuids in lower case, also from the comma-separated text older versions wrote."""
    return [uuid.lower() for uuid in _text_list(depends)] if depends else []


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


def _text_list(value: str | list[str]) -> list[str]:
    """A list of text, also from the comma-separated form older versions wrote."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value
