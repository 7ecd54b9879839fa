"""The fields of a Taskwarrior export, read a column at a time.

`read_export` hands the parsed items to `Columns`: each field of all items is
read once at C speed (`map(dict.get, …)`, ~0.35 ms for 10k items), then shared
by the check (`check.py`) and the conversion (`convert.py`), which look at the
same fields. Both then work on a column at once, never on an item at a time.
"""

from __future__ import annotations

from itertools import chain, repeat

STATUSES = {
    "pending": "todo",
    "waiting": "waiting",
    "completed": "done",
    "deleted": "cancelled",
    "recurring": None,
}
PRIORITIES = {"H": "high", "M": "medium", "L": "low"}
DATE_FIELDS = ("entry", "modified", "end", "start", "due", "wait", "scheduled", "until")
# Every other field is a user-defined attribute (UDA), which the import ignores.
KNOWN_FIELDS = frozenset(
    {
        "id",
        "uuid",
        "description",
        "status",
        "project",
        "priority",
        "tags",
        "annotations",
        "depends",
        "recur",
        "mask",
        "imask",
        "parent",
        "urgency",
        "rtype",
        "template",
        "last",
        *DATE_FIELDS,
    }
)


class _Missing(tuple):
    """The value of a field an item does not have: falsy, so that `filter(None, …)`
    and `compress` drop it, and hashable, so that `dict.get` finds nothing for it
    (an empty tuple, which no JSON value is: being falsy costs no Python call, a
    `__bool__` method cost a 10k import 5 ms)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()


class Columns:
    """The items of an export (all JSON objects) and their fields as columns.

    `columns("due")` is every item's due, `MISSING` where it has none (so a JSON
    null stays visible). Each column is read once and kept for the next reader.
    """

    def __init__(self, items: list[dict]) -> None:
        self.items = items
        self.present: set[str] = set().union(*items)  # the fields some item has
        self._read: dict[tuple[str, object], list] = {}
        self._distinct: dict[tuple[str, object], set] = {}
        self._uuids: list[str] | None = None
        self._dates: set | None = None

    def __call__(self, name: str, default: object = MISSING) -> list:
        key = (name, default)
        if key not in self._read:
            if name in self.present:
                found = list(map(dict.get, self.items, repeat(name), repeat(default)))
            else:
                found = [default] * len(self.items)
            self._read[key] = found
        return self._read[key]

    def distinct(self, name: str, default: object = MISSING) -> set:
        """The distinct values of a column of text (read-only): conversions then
        look at a few values, not 10,000."""
        key = (name, default)
        if key not in self._distinct:
            self._distinct[key] = set(self(name, default))
        return self._distinct[key]

    def uuids(self) -> list[str]:
        """The items' uuids in lower case, what identifies a task (once checked)."""
        if self._uuids is None:
            self._uuids = list(map(str.lower, self("uuid")))
        return self._uuids

    def titles(self) -> list[str]:
        """The descriptions without surrounding blanks (once checked)."""
        return list(map(str.strip, self("description")))

    def checked_dates(self, dates: set[str]) -> None:
        """Every distinct date, as the check found them all good: `dates()`
        then reads no column a second time."""
        self._dates = dates

    def dates(self) -> set[str]:
        """Every distinct value of a date field or annotation entry (once checked;
        read-only)."""
        if self._dates is None:
            present = [name for name in DATE_FIELDS if name in self.present]
            found = set().union(*map(self.distinct, present))
            notes = chain.from_iterable(self("annotations"))  # MISSING is an empty tuple
            found.update(map(dict.get, notes, repeat("entry")))
            found.discard(MISSING)
            self._dates = found
        return self._dates
