"""Time entries inside a write transaction: numbering, owner, billable default, edits.

Every way time is logged (`va log`, the timer's focus blocks, an edit) goes through
these, so an entry is numbered, owned and marked billable the same way whichever
command wrote it. Each function takes the transaction's `db`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from vaworkspace.domain.models import TimeEntry
from vaworkspace.errors import InputError, NotFoundError
from vaworkspace.i18n import N_, _
from vaworkspace.service.lookup import client_for_write, clients_for_write, task_for_write
from vaworkspace.service.results import Logged
from vaworkspace.store import counters, tables
from vaworkspace.store.records import entry_from_record, entry_to_record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import tzinfo
    from typing import Any

    from vaworkspace.domain.time.timer import Segment
    from vaworkspace.service.lookup import Db

ONE_TARGET = N_("a timer runs on a task or on a client alone: give one of them")

_EDIT_ORDER = ("start", "end", "duration", "note", "billable", "client", "task", "kind")
"""Edits apply in this order: a new duration counts from a new start."""


def log_segments(db: Db, segments: list[Segment], minimum_minutes: int) -> Logged:
    """Store the timer's finished focus stretches as entries. A stretch shorter than
    `minimum_minutes` (`timer_minimum_minutes`) is dropped, its seconds counted in
    the result so the caller can say so: a start-stop by mistake would otherwise be
    billed a whole rounding step and count against the retainer."""
    from vaworkspace.domain.time.entries import entry_from_segment

    logged = []
    too_short = 0
    for segment in segments:
        if segment.worked_seconds <= 0:
            continue
        if segment.worked_seconds < minimum_minutes * 60:
            too_short += segment.worked_seconds
            continue
        billable = billable_default(db, segment.client)
        entry = priced(db, entry_from_segment(segment, counters.take_id(db, "entries"), billable))
        put_entry(db, entry)
        logged.append(entry)
    return Logged(logged, too_short, minimum_minutes)


def billable_default(db: Db, client: str | None) -> bool:
    """A new entry's billable flag: the client's default; time for nobody is overhead."""
    if client is None:
        return False
    pair = clients_for_write(db).get(client)
    return pair[1].billable if pair else True


def priced(db: Db, entry: TimeEntry) -> TimeEntry:
    """The entry with its kind and rate fixed from its client's rates as they are
    now (`domain.kind_rates.entry_price`): the typed kind, else its task's first
    priced tag. A task deleted meanwhile brings no tags."""
    from dataclasses import replace

    from vaworkspace.domain.kind_rates import entry_price

    pair = clients_for_write(db).get(entry.client) if entry.client else None
    tags: list[str] = []
    if entry.task is not None:
        record = tables.record(db, "tasks", entry.task)
        tags = list(record.get("tags") or []) if record is not None else []
    kind, rate = entry_price(pair[1] if pair else None, entry.kind, tags)
    return replace(entry, kind=kind, rate_cents=rate)


def entry_owner(
    db: Db, client_ref: str | None, task_id: int | None
) -> tuple[str | None, int | None]:
    """The client id and task id an entry belongs to: a task brings its client."""
    task = task_for_write(db, task_id) if task_id is not None else None
    client = client_for_write(db, client_ref)[1].id if client_ref else None
    if task is not None and client is None:
        client = task.client
    return client, task.id if task else None


def timer_target(db: Db, task_id: int | None, client: str | None) -> tuple[int | None, str | None]:
    """What a timer's entries will belong to: a task and its client, or a client
    alone (exactly one of them given; a closed task is refused)."""
    if task_id is None or client is not None:
        if client is None or task_id is not None:
            raise InputError(_(ONE_TARGET))
        return None, client_for_write(db, client)[1].id
    task = task_for_write(db, task_id)
    if not task.is_open:
        why = _("task {id} is {status}; reopen it or pick another")
        raise InputError(why.format(id=task.id, status=_(task.status)))
    return task.id, task.client


def entry_changes(
    db: Db, entry: TimeEntry, changes: dict[str, str | None], now: datetime, tz: tzinfo
) -> dict[str, Any]:
    """Typed-in edits (`--start 14:00 --duration 1h30m --client acme`) as field values."""
    from vaworkspace.domain.clients import parse_yes_no
    from vaworkspace.domain.dates import parse_duration
    from vaworkspace.domain.time.log_fields import on_entry_day

    out: dict[str, Any] = {}
    for name, value in sorted(
        changes.items(),
        key=lambda kv: _EDIT_ORDER.index(kv[0]) if kv[0] in _EDIT_ORDER else len(_EDIT_ORDER),
    ):
        if value is None:
            continue
        if name in ("start", "end"):
            moment = on_entry_day(value, out.get("start") or entry.start, now, tz)
            if not isinstance(moment, datetime):
                raise InputError(
                    _("--{flag} needs a time, like 14:00 or 'yesterday 9:30'").format(flag=name)
                )
            out[name] = moment
        elif name == "duration":
            minutes = timedelta(minutes=parse_duration(value))
            out["end"] = (out.get("start") or entry.start) + minutes
        elif name == "note":
            out["note"] = value
        elif name == "billable":
            out["billable"] = parse_yes_no(value)
        elif name == "client":
            out["client"] = entry_owner(db, value or None, None)[0]
        elif name == "task":
            out["task"] = task_for_write(db, int(value)).id if value else None
        elif name == "kind":
            from vaworkspace.domain.kind_rates import parse_kind

            out["kind"] = parse_kind(value) if value.strip() else None
        else:
            raise InputError(_("unknown entry field '{name}'").format(name=name))
    return out


def all_entries(db: Db) -> list[TimeEntry]:
    return [entry_from_record(i, r) for i, r in tables.records(db, "entries").items()]


def entry_for_write(db: Db, entry_id: int) -> TimeEntry:
    record = tables.record(db, "entries", entry_id)
    if record is None:
        raise NotFoundError(_("no time entry {id}; `va entries` lists them").format(id=entry_id))
    return entry_from_record(entry_id, record)


def put_entry(db: Db, entry: TimeEntry) -> None:
    tables.put(db, "entries", entry.id, entry_to_record(entry))
