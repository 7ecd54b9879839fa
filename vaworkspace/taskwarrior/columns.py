"""A Taskwarrior export's items as columns, and the checks that run on them.

`read_export` hands the parsed items to `Columns`: each field of all items is read
once at C speed (`map(dict.get, …)`, ~0.35 ms for 10k items), shared by the
check below and by the conversion, which look at the same fields. The check
(`columns_pass`) never walks the items in Python either: the types of a column
by `set(map(type, …))`, a column's distinct values against a set, every uuid of
the file in one `str.translate`, every distinct date in one regex run. It is
exactly the item-by-item walk of `taskwarrior_export` (tested), which still
words the message when something is wrong.
"""

from __future__ import annotations

import re
from itertools import chain, repeat

from vaworkspace.taskwarrior.export import DATE_FIELDS, PRIORITIES, STATUSES

TYPE_CHECKING = False
if TYPE_CHECKING:  # the runtime never pays for `typing`/`collections.abc`
    from collections.abc import Collection, Iterable

_HEX_AS_X = str.maketrans({**dict.fromkeys("0123456789abcdefABCDEF", "x"), "x": "?"})
_UUID_SHAPE = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
_TW_DATE_TEXT = r"""
    (?!0000|0001|9999)[0-9]{4}  # 1 < year < 9999, as `tw_date` has it
    (?:0[1-9]|1[0-2])
    (?: 0[1-9] | 1[0-9] | 2[0-8]  # days every month has
      | (?<!02)(?:29|30)  # but February
      | (?<=0[13578]|1[02])31  # long months; then February 29th of leap years:
      | (?<=(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)02)29
    )
    T(?:[01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]Z
"""
_TW_DATES = re.compile(rf"(?:{_TW_DATE_TEXT}\n)*{_TW_DATE_TEXT}", re.VERBOSE)
_STATUS_TEXTS = frozenset(STATUSES)
_PRIORITY_VALUES = frozenset({None, "", *PRIORITIES})


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
    null stays visible). Each column is read once, at C speed (~0.35 ms for 10k
    items), and shared by the check and the conversion, which read the same fields.
    """

    def __init__(self, items: list[dict]) -> None:
        self.items = items
        self.present: set[str] = set().union(*items)  # the fields some item has
        self._read: dict[tuple[str, object], list] = {}
        self._distinct: dict[tuple[str, object], set] = {}
        self._uuid_text: str | None = None
        self._uuids: list[str] | None = None
        self._titles: list[str] | None = None
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
        """The distinct values of a column (read-only; TypeError if one is a list or
        an object): checks and conversions then look at a few values, not 10,000."""
        key = (name, default)
        if key not in self._distinct:
            self._distinct[key] = set(self(name, default))
        return self._distinct[key]

    def uuid_text(self) -> str:
        """The uuids joined by newlines (TypeError unless all are text)."""
        if self._uuid_text is None:
            self._uuid_text = "\n".join(self("uuid", None))
        return self._uuid_text

    def uuids(self) -> list[str]:
        """The items' uuids in lower case, what identifies a task (once checked).
        Taskwarrior writes them so: then they are the very strings of the items."""
        if self._uuids is None:
            joined = self.uuid_text()
            lower = joined.lower()
            self._uuids = self("uuid", None) if lower == joined else lower.split("\n")
        return self._uuids

    def titles(self) -> list[str]:
        """The descriptions without surrounding blanks (TypeError unless all are text)."""
        if self._titles is None:
            self._titles = list(map(str.strip, self("description", None)))
        return self._titles

    def dates(self) -> set:
        """Every distinct value of a date field or annotation entry, `MISSING` aside
        (once annotations are known to be lists of objects; read-only)."""
        if self._dates is None:
            found = set().union(*(self(name) for name in DATE_FIELDS if name in self.present))
            notes = chain.from_iterable(filter(None, self("annotations")))
            found.update(map(dict.get, notes, repeat("entry")))  # None if missing: refused
            found.discard(MISSING)
            self._dates = found
        return self._dates


def _all_text(values: Iterable) -> bool:
    """Whether every value is text."""
    try:
        "".join(values)  # checks every value's type at C speed
    except TypeError:
        return False
    return True


def _uuids_pass(columns: Columns) -> bool:
    """Whether every item's uuid is one: all of them joined by newlines read
    `_UUID_SHAPE`, newline, `_UUID_SHAPE`… once each hex digit is an "x" (one
    `str.translate`: 3x a regex). As many newlines as items: none was in a uuid."""
    expected = "\n".join(repeat(_UUID_SHAPE, len(columns.items)))
    return columns.uuid_text().translate(_HEX_AS_X) == expected


def _dates_pass(dates: Collection[str]) -> bool:
    """Whether every value is a date `tw_date` reads: one run of `_TW_DATES` over
    them all, joined by newlines; the length proves no value held a newline."""
    joined = "\n".join(dates)  # TypeError unless all are text
    size = 17 * len(dates) - 1
    return not dates or (len(joined) == size and _TW_DATES.fullmatch(joined) is not None)


def columns_pass(columns: Columns) -> bool:
    """True exactly when `_check_items` would find nothing wrong (tested), decided
    a column at a time at C speed: a 10k export in ~8 ms instead of ~45."""
    present = columns.present
    try:
        return (
            _uuids_pass(columns)
            and len(set(columns.uuids())) == len(columns.items)
            and all(columns.titles())
            and columns.distinct("status", "pending") <= _STATUS_TEXTS
            and columns.distinct("priority", None) <= _PRIORITY_VALUES
            and all(
                set(map(type, columns.distinct(name))) <= {str, _Missing}
                for name in ("project", "recur", "parent")
                if name in present
            )
            and all(
                _text_lists_pass(columns(name)) for name in ("tags", "depends") if name in present
            )
            and ("annotations" not in present or _annotations_pass(columns("annotations")))
            and _dates_pass(columns.dates())
        )
    except TypeError:  # an unhashable value (an object where text belongs), say
        return False


def _text_lists_pass(column: list) -> bool:
    """Lists of text or comma-separated text (whose characters are text too)."""
    return set(map(type, column)) <= {str, list, _Missing} and _all_text(
        chain.from_iterable(filter(None, column))
    )


def _annotations_pass(column: list) -> bool:
    """Lists of objects with a text description (their entries are dates)."""
    if not set(map(type, column)) <= {list, _Missing}:
        return False
    notes = list(chain.from_iterable(filter(None, column)))
    return set(map(type, notes)) <= {dict} and _all_text(
        map(dict.get, notes, repeat("description"))
    )
