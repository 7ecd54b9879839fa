"""Imported tasks (`TaskColumns`) in their stored form, thousands in one pass.

An import adapter (the Taskwarrior one) hands its tasks over as columns, not
`Task`s (`domain/tasks/imports.py` says why); what a stored record looks like
stays the store's business. `task_records` writes exactly what
`records.task_to_record` writes for each task, keys in the same order (the tests
hold the two together), a column at a time: every distinct date is encoded once
(`instants.encode_instants`), each record starts with the four keys every task
has, then each optional field is added, in `task_to_record`'s order, to the
records whose value is not the default, with `map` over the column: no Python
code runs per task and field.
"""

from __future__ import annotations

from collections import deque
from datetime import date, datetime
from itertools import chain, compress, repeat
from operator import is_, is_not, ne, setitem

from vaworkspace.store.instants import encode_instants, encode_value
from vaworkspace.store.records import TASK_DATES, TASK_DEFAULTS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from vaworkspace.domain.tasks.imports import TaskColumns

_DATES = ("created", "modified", "due", "wait", "scheduled", "completed")
_OPTIONAL = (
    *TASK_DEFAULTS.items(),
    *((name, None) for name in TASK_DATES),
    ("completed", None),
    ("tags", ()),
    ("depends", ()),
)
"""The fields a record holds only when they differ from the default (a list:
when not empty), in `task_to_record`'s order."""


def task_records(tasks: TaskColumns) -> list[dict]:
    """The stored form of every task, in order, without ids (as `task_to_record`)."""
    columns = {name: getattr(tasks, name) for name in _DATES}
    texts = _date_texts(list(chain.from_iterable(map(filter, repeat(None), columns.values()))))
    for name, column in columns.items():
        columns[name] = list(map(texts.__getitem__, map(id, column)))
    records = [
        {"uuid": uuid, "title": title, "created": created, "modified": modified}
        for uuid, title, created, modified in zip(
            tasks.uuid, tasks.title, columns["created"], columns["modified"], strict=True
        )
    ]
    for name, default in _OPTIONAL:
        column = columns[name] if name in columns else getattr(tasks, name)
        if default is None:
            keep = list(map(is_not, column, repeat(None)))
        elif default == ():
            keep = column  # a list is kept when not empty
        else:
            keep = list(map(ne, column, repeat(default)))
        if any(keep):
            _consume(map(setitem, compress(records, keep), repeat(name), compress(column, keep)))
    return records


def _date_texts(values: list[date | datetime]) -> dict[int, str | None]:
    """The stored text of each distinct value by the value's id (and None's: None).

    Distinct by identity, not by value: hashing an aware datetime the first time
    costs more than encoding it, and an import shares one value among the tasks
    that have it (a value given twice is merely encoded twice)."""
    distinct = list(dict(zip(map(id, values), values, strict=True)).values())
    kinds = list(map(type, distinct))
    moments: list = list(compress(distinct, map(is_, kinds, repeat(datetime))))
    days = list(compress(distinct, map(is_, kinds, repeat(date))))
    texts: dict[int, str | None] = {id(None): None}
    texts.update(zip(map(id, moments), encode_instants(moments), strict=True))
    texts.update(zip(map(id, days), map(date.isoformat, days), strict=True))
    if len(texts) < len(distinct):  # another type of date: the one codec, one at a time
        texts.update(zip(map(id, distinct), map(encode_value, distinct), strict=True))
    return texts


def _consume(iterator: Iterable[object]) -> None:
    """Run an iterator to its end, keeping nothing (the writes are its effect)."""
    deque(iterator, maxlen=0)
