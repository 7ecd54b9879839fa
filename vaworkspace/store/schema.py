"""What a readable record is: the fields of each table, their types and values.

`check_document` runs on every document `migrations.decode` returns, so no
command ever meets a record of the wrong shape (a task without `uuid`, a title
that is a number, a due date `2026-02-30`): it refuses the whole file with one
line that names the table and the record. A transaction decodes the file the
same way, so a file any record of which cannot be read is never rewritten.

It is on the path of every `va` command, so it is one tight loop per table:
a field's type is checked by a set lookup, and the few values with a format
(dates, instants, statuses, priorities) are gathered and checked once per
distinct value after the loop. Unknown fields are allowed and kept as they are
(a newer version may add one without a schema change); floats are never valid
in a known field, which also catches an integer beyond 64 bits (orjson reads
those as floats). Pure: no I/O.
"""

from __future__ import annotations

from vaworkspace.i18n import N_, _

NONE = type(None)
STR = frozenset({str})
OPT_STR = frozenset({str, NONE})
INT = frozenset({int})
OPT_INT = frozenset({int, NONE})
BOOL = frozenset({bool})
OPT_DICT = frozenset({dict, NONE})


class Format:
    """A field whose value has a format: `types` checked in the loop, the
    distinct values checked once after it."""

    __slots__ = ("name", "optional", "types")

    def __init__(self, name: str, types: frozenset, optional: bool = False) -> None:
        self.name, self.types, self.optional = name, types, optional


INSTANT = Format("instant", STR)
OPT_INSTANT = Format("instant", OPT_STR, optional=True)
DAY_OR_INSTANT = Format("date", STR)
OPT_DAY_OR_INSTANT = Format("date", OPT_STR, optional=True)
TASK_STATUS = Format("task status", STR)
PRIORITY = Format("priority", OPT_STR)
EVENT_STATUS = Format("event status", STR)
STR_LIST = object()
"""A list of text (tags, depends): checked in the loop."""

_ALLOWED = {
    TASK_STATUS: frozenset({"inbox", "todo", "waiting", "done", "cancelled"}),
    PRIORITY: frozenset({"high", "medium", "low", None}),
    EVENT_STATUS: frozenset({"confirmed", "tentative", "cancelled"}),
}

TASK_FIELDS: dict[str, object] = {
    "uuid": STR,
    "title": STR,
    "created": INSTANT,
    "modified": INSTANT,
    "client": OPT_STR,
    "tags": STR_LIST,
    "priority": PRIORITY,
    "status": TASK_STATUS,
    "due": OPT_DAY_OR_INSTANT,
    "wait": OPT_DAY_OR_INSTANT,
    "scheduled": OPT_DAY_OR_INSTANT,
    "estimate_minutes": OPT_INT,
    "recurrence": OPT_STR,
    "recur_from_completion": BOOL,
    "notes": STR,
    "completed": OPT_INSTANT,
    "source": STR,
    "depends": STR_LIST,
}
CLIENT_FIELDS: dict[str, object] = {
    "id": STR,
    "name": STR,
    "rate_cents": INT,
    "currency": STR,
    "budget": OPT_DICT,
    "weight": INT,
    "timezone": OPT_STR,
    "color": OPT_STR,
    "notes": STR,
    "archived": BOOL,
    "billable": BOOL,
    "rounding_minutes": INT,
    "round_per": STR,
    "hours": OPT_STR,
    "kind_rates": frozenset({list}),
}
ENTRY_FIELDS: dict[str, object] = {
    "start": INSTANT,
    "end": INSTANT,
    "client": OPT_STR,
    "task": OPT_INT,
    "billable": BOOL,
    "note": STR,
    "source": STR,
    "kind": OPT_STR,
    "rate_cents": OPT_INT,
}
EVENT_FIELDS: dict[str, object] = {
    "uid": STR,
    "summary": STR,
    "start": DAY_OR_INSTANT,
    "end": DAY_OR_INSTANT,
    "recurrence_id": OPT_STR,
    "sequence": INT,
    "rrule": OPT_STR,
    "status": EVENT_STATUS,
    "tzid": OPT_STR,
    "client": OPT_STR,
    "calendar": OPT_STR,
    "location": STR,
    "description": STR,
    "last_modified": OPT_INSTANT,
    "raw": STR,
    "kind": STR,
    "task": OPT_INT,
}
STATE_FIELDS: dict[str, object] = {
    "kind": STR,
    "name": STR,
    "source": STR,
    "client": OPT_STR,
    "uid": STR,
    "record": OPT_DICT,
    "theirs": OPT_DICT,
    "timer": frozenset({dict}),
    "label": STR,
    "action": STR,
    "args": frozenset({dict}),
    "undone": BOOL,
    "changes": frozenset({list}),
    "tasks": frozenset({list}),
}
DAV_FIELDS: dict[str, object] = {
    "kind": STR,
    "account": STR,
    "url": STR,
    "name": STR,
    "components": STR_LIST,
    "mapped": BOOL,
    "client": OPT_STR,
    "blocks": BOOL,
    "token": OPT_STR,
    "items": frozenset({dict}),
}
SYNCED_TODO_FIELDS: dict[str, object] = {
    "kind": STR,
    "uid": STR,
    "record": OPT_DICT,
    "theirs": OPT_DICT,
}
STATE_KINDS = {
    "timer": frozenset({"timer"}),
    "calendar": frozenset({"name", "source"}),
    "ical-task": frozenset({"uid"}),
    "preference": frozenset({"name"}),
    "undo": frozenset({"changes"}),  # and an action, or an older file's label: `check_record`
    "planned-tasks": frozenset({"tasks"}),
}
"""What each kind of state record must hold, beyond its `kind`."""
META_FIELDS: dict[str, object] = {
    "checksum": STR,  # the writer's stamp (`stamp.py`): text, whatever its value
    "app": STR,
    "schema": INT,
    "next_task_id": INT,
    "next_entry_id": INT,
    "next_event_id": INT,
}

TABLE_FIELDS: dict[str, tuple[dict[str, object], frozenset[str]]] = {
    "clients": (CLIENT_FIELDS, frozenset({"id", "name"})),
    "tasks": (TASK_FIELDS, frozenset({"uuid", "title", "created", "modified"})),
    "closed_tasks": (TASK_FIELDS, frozenset({"uuid", "title", "created", "modified"})),
    "entries": (ENTRY_FIELDS, frozenset({"start", "end"})),
    "events": (EVENT_FIELDS, frozenset({"uid", "summary", "start", "end"})),
    "state": (STATE_FIELDS, frozenset({"kind"})),
    "synced_todos": (SYNCED_TODO_FIELDS, frozenset({"kind", "uid"})),
    "dav": (DAV_FIELDS, frozenset({"kind", "account", "url", "name", "items"})),
    "meta": (META_FIELDS, frozenset()),
}
"""Table → (field → what it may hold, the fields every record must have)."""

_RECORD_NAMES = {
    "clients": N_("client"),
    "tasks": N_("task"),
    "closed_tasks": N_("task"),
    "entries": N_("time entry"),
    "events": N_("event"),
    "state": N_("state record"),
    "synced_todos": N_("state record"),  # kept apart from the others (migrations.TABLES)
    "dav": N_("CalDAV collection"),
    "meta": N_("meta record"),
}


class BadRecord(Exception):
    """A record that cannot be read; `str()` names its table, id and field."""

    def __init__(self, table: str, doc_id: str, problem: str) -> None:
        record = _(_RECORD_NAMES.get(table, table))
        message = _('{record} {id} (table "{table}") {problem}')
        super().__init__(message.format(record=record, id=doc_id, table=table, problem=problem))
        self.table, self.doc_id = table, doc_id


def check_document(doc: dict) -> None:
    """Raise `BadRecord` for the first record of `doc` that cannot be read.

    `doc` has passed `migrations.decode`'s shape checks: every table is a dict
    of digit-string ids to dicts.
    """
    for name, (fields, required) in TABLE_FIELDS.items():
        table = doc.get(name)
        if table:
            _check_table(name, table, fields, required)
    _check_state(doc.get("state") or {})
    _check_clients(doc.get("clients") or {})


def check_records(name: str, records: dict[str, dict]) -> None:
    """Raise `BadRecord` if a record about to be written to table `name` could
    not be read back (a bug in the caller): what `tables.put_many` writes."""
    spec = TABLE_FIELDS.get(name)
    if spec is not None:
        _check_table(name, records, *spec)
        if name == "state":
            _check_state(records)
        elif name == "clients":
            _check_clients(records)


def _check_clients(clients: dict) -> None:
    """A client's retainer, rounding and rates by kind (`[kind, cents]` pairs)
    hold values the reports understand."""
    for doc_id, record in clients.items():
        budget = record.get("budget")
        if budget is not None and not (
            type(budget.get("minutes")) is int and budget.get("period") in ("week", "month")
        ):
            raise BadRecord("clients", doc_id, _wrong("budget", budget))
        if record.get("round_per", "entry") not in ("entry", "total"):
            raise BadRecord("clients", doc_id, _wrong("round_per", record["round_per"]))
        for pair in record.get("kind_rates") or ():
            if not (
                type(pair) is list
                and len(pair) == 2
                and type(pair[0]) is str
                and type(pair[1]) is int
            ):
                raise BadRecord("clients", doc_id, _wrong("kind_rates", pair))


def _check_state(state: dict) -> None:
    """Each kind of state record holds what its readers look up."""
    for doc_id, record in state.items():
        needs = STATE_KINDS.get(record["kind"])
        if needs is not None and not needs <= record.keys():
            missing = sorted(needs - record.keys())[0]
            problem = _('({kind}) has no "{field}"').format(kind=record["kind"], field=missing)
            raise BadRecord("state", doc_id, problem)
        if record["kind"] == "timer":
            from vaworkspace.errors import InputError
            from vaworkspace.store.timer_records import timer_from_record

            try:
                timer_from_record(record["timer"])
            except InputError as exc:
                problem = _("(timer) is damaged: {why}").format(why=exc)
                raise BadRecord("state", doc_id, problem) from None
        elif record["kind"] == "undo":
            from vaworkspace.store.undo_records import check_record

            undo = check_record(record)
            if undo is not None:
                raise BadRecord("state", doc_id, f"(undo) {undo}")
        elif record["kind"] == "planned-tasks" and any(type(t) is not int for t in record["tasks"]):
            problem = _("(planned-tasks) holds a task id that is no integer")
            raise BadRecord("state", doc_id, problem)


def _check_table(name: str, table: dict, fields: dict, required: frozenset) -> None:
    """The hot loop, run for every record of every file read."""
    formatted: dict[Format, set] = {}
    get = fields.get
    from vaworkspace.store.instants import decode_value

    join = "".join
    for doc_id, record in table.items():
        if not required <= record.keys():
            missing = sorted(required - record.keys())[0]
            raise BadRecord(name, doc_id, _('has no "{field}"').format(field=missing))
        for field, value in record.items():
            kind = get(field)
            if kind is None:
                continue  # unknown: kept as is
            if kind.__class__ is frozenset:
                if type(value) not in kind:
                    raise BadRecord(name, doc_id, _wrong(field, value))
            elif kind is STR_LIST:
                if type(value) is not list:
                    raise BadRecord(name, doc_id, _wrong(field, value))
                try:
                    join(value)  # a TypeError unless every item is text, at C speed
                except TypeError:
                    raise BadRecord(name, doc_id, _wrong(field, value)) from None
            elif type(value) not in kind.types:
                raise BadRecord(name, doc_id, _wrong(field, value))
            elif kind in formatted:
                formatted[kind].add(value)
            else:
                formatted[kind] = {value}
    for kind, values in formatted.items():
        allowed = _ALLOWED.get(kind)
        if allowed is not None:
            if not values <= allowed:
                _raise_for(name, table, fields, kind, next(iter(values - allowed)))
            continue
        for value in values:
            if value is None:
                if not kind.optional:
                    _raise_for(name, table, fields, kind, value)
                continue
            try:
                decode_value(value)  # exactly what reading the record will do
            except (ValueError, IndexError, OverflowError):
                _raise_for(name, table, fields, kind, value)


def _raise_for(name: str, table: dict, fields: dict, kind: Format, bad: object) -> None:
    """Find the record and field that hold `bad` (slow; only for an error)."""
    for doc_id, record in table.items():
        for field, value in record.items():
            if fields.get(field) is kind and value == bad:
                raise BadRecord(name, doc_id, _wrong(field, value))
    problem = _("holds an invalid {kind} {value}").format(kind=kind.name, value=repr(bad))
    raise BadRecord(name, "?", problem)


def _wrong(field: str, value: object) -> str:
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return _('has an invalid "{field}" ({value})').format(field=field, value=shown)
