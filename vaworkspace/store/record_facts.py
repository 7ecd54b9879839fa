"""What urgency reads of a task (`TaskFacts`), straight from stored records.

Ranking reads these few values of every task a command ranks (`va list --all`
ranks 10k), so a whole table is read a field at a time: each field of every
record is looked up at C speed (`map(dict.get, …)`), and the facts are made
from the columns, without a Python call per record. A table holding a record
our writer would not write (not an object, a bad date, no `created`) is read
record by record instead, which names the damaged task.
"""

from __future__ import annotations

from itertools import compress, repeat

from vaworkspace.domain.models import OPEN_STATUSES
from vaworkspace.domain.tasks.facts import TaskFacts
from vaworkspace.store.instants import DecodedDates, decode_instant, decode_instants
from vaworkspace.store.records import damaged_task

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    Record = dict[str, Any]


def facts_of_record(task_id: int, record: Record, status: str, dates: DecodedDates) -> tuple:
    """`TaskFacts`' values, in its order, from a stored record (see `task_from_record`,
    which reads the same keys with the same defaults)."""
    get = record.get
    try:
        due, wait = get("due"), get("wait")
        return (
            task_id,
            dates[due] if due else None,
            get("priority"),
            get("tags") or [],
            get("client"),
            get("estimate_minutes"),
            status,
            dates[wait] if wait else None,
            get("depends") or [],
            decode_instant(record["created"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise damaged_task(task_id, error) from None


def facts_of_table(
    table: Mapping[str, Record], open_only: bool, dates: DecodedDates
) -> list[TaskFacts] | None:
    """The facts of every record of a table (the open tasks' only, if
    `open_only`), in its order, the values `facts_of_record` gives; None if a
    record cannot be read this way (then read them one by one)."""
    records: list = list(table.values())
    keys: list = list(table)
    get = dict.get
    try:
        status = list(map(get, records, repeat("status"), repeat("todo")))
        if open_only:
            keep = list(map(OPEN_STATUSES.__contains__, status))
            records, keys = list(compress(records, keep)), list(compress(keys, keep))
            status = list(compress(status, keep))
        ids = list(map(int, keys))
        due = [dates[text] if text else None for text in map(get, records, repeat("due"))]
        wait = [dates[text] if text else None for text in map(get, records, repeat("wait"))]
        tags = [found or [] for found in map(get, records, repeat("tags"))]
        depends = [found or [] for found in map(get, records, repeat("depends"))]
        created = decode_instants(list(map(dict.__getitem__, records, repeat("created"))))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    columns = zip(
        ids,
        due,
        map(get, records, repeat("priority")),
        tags,
        map(get, records, repeat("client")),
        map(get, records, repeat("estimate_minutes")),
        status,
        wait,
        depends,
        created,
        strict=True,
    )
    return list(map(tuple.__new__, repeat(TaskFacts), columns))
