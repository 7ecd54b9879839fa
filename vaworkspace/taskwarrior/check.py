"""The rules an export's items must follow, checked a field at a time.

An import is all or nothing: the whole file is refused at its first bad item,
named with the first rule it breaks. Each rule below finds every item it refuses
in one pass over a column (`Columns`): a rule on a value judges each distinct
value once (a 10k export has 5 statuses, not 10,000), a rule on lists judges the
types of all their elements at once. When nothing is wrong, as in almost every
file, no rule calls Python per item: ~15 ms for 10,000 items. The refused items
of all rules then give the first bad item, and its first rule the message.
"""

from __future__ import annotations

import contextlib
import re
from itertools import chain, filterfalse, repeat

from vaworkspace.errors import ImportFileError
from vaworkspace.taskwarrior.columns import DATE_FIELDS, MISSING, PRIORITIES, STATUSES, Columns

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    # A rule: the items it refuses (given the dates known good, which all rules
    # share and add to), and the message for one of them.
    Rule = tuple[Callable[[Columns, set[str]], Iterable[int]], Callable[[dict], str]]

_UUID = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_DATE = re.compile(
    r"""
    (?!0000|0001|9999)[0-9]{4}  # 1 < year < 9999: room to shift to any zone
    (?:0[1-9]|1[0-2])
    (?: 0[1-9] | 1[0-9] | 2[0-8]  # days every month has
      | (?<!02)(?:29|30)  # but February
      | (?<=0[13578]|1[02])31  # long months; then February 29th of leap years:
      | (?<=(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)02)29
    )
    T(?:[01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]Z
    """,
    re.VERBOSE,
)
_PRIORITIES = frozenset({None, "", *PRIORITIES})
_SCALARS = (str, int, float, bool, type(None), type(MISSING))


def check(items: list) -> Columns:
    """The items as `Columns`, once every one follows every rule; else
    `ImportFileError` naming the first bad item and what is wrong with it."""
    objects = list(map(type, items))
    if set(objects) <= {dict}:
        columns = Columns(items)
        good_dates: set[str] = set()
        refused = _refused(columns, good_dates)
        if not refused:  # then every date was judged good: the conversion's to read
            columns.checked_dates(good_dates)
            return columns
    else:  # other items are checked as if empty, to find one bad before
        columns = Columns(
            [item if kind is dict else {} for item, kind in zip(items, objects, strict=True)]
        )
        refused = _refused(columns, set())
        refused[min(k for k, kind in enumerate(objects) if kind is not dict)] = None
    first = min(refused)
    words = refused[first]
    if words is None:
        raise ImportFileError(
            f"item {first + 1}: expected a JSON object, found {_kind(items[first])}"
        )
    raise ImportFileError(f"{item_label(first + 1, items[first])}: {words(items[first])}")


def _refused(columns: Columns, good_dates: set[str]) -> dict[int, Callable[[dict], str] | None]:
    """Each refused item's first broken rule (its message), by item index.
    `good_dates` gathers the dates judged good: each distinct date is judged
    once, for every field."""
    first: dict[int, Callable[[dict], str] | None] = {}
    for rule, words in _RULES:
        for k in rule(columns, good_dates):
            first.setdefault(k, words)
    return first


def _refused_values(column: list, ok: Callable[[Any], object]) -> Iterable[int]:
    """Indices of the values `ok` refuses (`ok` judges scalars: a list or an
    object is always refused). When none is, one pass of `ok` at C speed."""
    with contextlib.suppress(TypeError):  # a list or an object: not hashable
        if all(map(ok, column)):
            return ()
    return [k for k, value in enumerate(column) if type(value) not in _SCALARS or not ok(value)]


def _refused_texts(
    column: list, pattern: re.Pattern[str], good: set[str] | None = None
) -> Iterable[int]:
    """Indices of the values that are not text `pattern` matches (`MISSING` aside:
    no value). With `good`, the dates known good, each distinct value is matched
    once for all the fields (and added to `good`)."""
    kinds = set(map(type, column))
    if good is None and kinds <= {str}:
        return _refused_values(column, pattern.fullmatch)  # each value once: all differ
    if not kinds <= {str, type(MISSING)}:  # something else: one by one
        return [k for k, v in enumerate(column) if v is not MISSING and not _matches(pattern, v)]
    distinct = set(column)
    distinct.discard(MISSING)
    distinct -= good or set()
    bad = set(filterfalse(pattern.fullmatch, distinct))
    if good is not None:
        good |= distinct - bad
    return [k for k, value in enumerate(column) if value in bad] if bad else ()


def _matches(pattern: re.Pattern[str], value: object) -> bool:
    return type(value) is str and pattern.fullmatch(value) is not None


def _refused_kinds(column: list, kinds: set[type]) -> Iterable[int]:
    """Indices of the values whose type is not one of `kinds`."""
    if set(map(type, column)) <= kinds:
        return ()
    return [k for k, value in enumerate(column) if type(value) not in kinds]


def _owners(column: list, elements: Iterable[int]) -> set[int]:
    """The items that hold the elements at those indices of `_elements(column)`."""
    found = set(elements)
    if not found:
        return found
    owners = list(chain.from_iterable(map(repeat, range(len(column)), map(len, column))))
    return set(map(owners.__getitem__, found))


def _elements(column: list) -> list:
    """The elements of a column's lists, in order (a missing value has none)."""
    return list(chain.from_iterable(column))


# -- the rules, in the order an item's problems are named ---------------------------


def _uuid(columns: Columns, good_dates: set[str]) -> Iterable[int]:
    uuids = columns("uuid")
    refused = set(_refused_texts(uuids, _UUID))
    if MISSING in uuids:  # no uuid at all
        refused.update(k for k, uuid in enumerate(uuids) if uuid is MISSING)
    return refused


def _uuid_words(item: dict) -> str:
    uuid = item.get("uuid")
    return "missing uuid" if uuid is None else f"bad uuid {uuid!r}"


def _description(columns: Columns, good_dates: set[str]) -> Iterable[int]:
    texts = columns("description")
    if set(map(type, texts)) <= {str}:
        return _refused_values(texts, str.strip)  # blank: refused
    return _refused_values(texts, lambda text: type(text) is str and bool(text.strip()))


def _status(columns: Columns, good_dates: set[str]) -> Iterable[int]:
    return _refused_values(columns("status", "pending"), STATUSES.__contains__)


def _status_words(item: dict) -> str:
    return f"unknown status {item['status']!r} (expected {', '.join(STATUSES)})"


def _priority(columns: Columns, good_dates: set[str]) -> Iterable[int]:
    return _refused_values(columns("priority", None), _PRIORITIES.__contains__)


def _priority_words(item: dict) -> str:
    return f"bad priority {item['priority']!r} (expected H, M or L)"


def _date_rule(name: str) -> Rule:
    def refused(columns: Columns, good_dates: set[str]) -> Iterable[int]:
        if name not in columns.present:
            return ()
        return _refused_texts(columns(name), _DATE, good_dates)

    def words(item: dict) -> str:
        return f"bad date {name} {item[name]!r} (expected like 20261204T170000Z)"

    return refused, words


def _text_rule(name: str) -> Rule:
    def refused(columns: Columns, good_dates: set[str]) -> Iterable[int]:
        return _refused_kinds(columns(name), {str, type(MISSING)})

    return refused, lambda item: f"{name} must be text"


def _text_list_rule(name: str) -> Rule:
    """A list of text, or text (comma-separated, as older versions wrote)."""

    def refused(columns: Columns, good_dates: set[str]) -> Iterable[int]:
        if name not in columns.present:
            return ()
        column = columns(name)
        kinds = set(_refused_kinds(column, {str, list, type(MISSING)}))
        lists = [value if type(value) is list else () for value in column] if kinds else column
        return kinds | _owners(lists, _refused_kinds(_elements(lists), {str}))

    return refused, lambda item: f"{name} must be a list of text"


def _annotations(columns: Columns, good_dates: set[str]) -> Iterable[int]:
    """A list of objects, each with a text description and a date entry."""
    if "annotations" not in columns.present:
        return ()
    column = columns("annotations")
    refused = set(_refused_kinds(column, {list, type(MISSING)}))
    lists = [value if type(value) is list else () for value in column] if refused else column
    notes = _elements(lists)
    not_objects = set(_refused_kinds(notes, {dict}))
    if not_objects:
        refused |= _owners(lists, not_objects)
        lists = [[n for n in value if type(n) is dict] for value in lists]
        notes = _elements(lists)
    texts = _refused_kinds(list(map(dict.get, notes, repeat("description"))), {str})
    entries = list(map(dict.get, notes, repeat("entry")))  # None if missing: refused
    bad_entries = _refused_texts(entries, _DATE, good_dates)
    return refused | _owners(lists, chain(texts, bad_entries))


def _repeated(columns: Columns, good_dates: set[str]) -> Iterable[int]:
    """Items whose uuid (in any case) an earlier item has."""
    uuids: list[str] | list[str | None]
    if set(map(type, columns("uuid"))) <= {str}:
        uuids = columns.uuids()  # shared with the conversion
    else:
        uuids = [uuid.lower() if type(uuid) is str else None for uuid in columns("uuid")]
    if len(set(uuids)) == len(uuids):
        return ()
    seen: set[str] = set()
    repeated = []
    for k, uuid in enumerate(uuids):
        if uuid in seen:
            repeated.append(k)
        elif uuid is not None:
            seen.add(uuid)
    return repeated


_RULES: list[Rule] = [
    (_uuid, _uuid_words),
    (_description, lambda item: "missing description"),
    (_status, _status_words),
    (_priority, _priority_words),
    *map(_date_rule, DATE_FIELDS),
    *map(_text_rule, ("project", "recur", "parent")),
    *map(_text_list_rule, ("tags", "depends")),
    (_annotations, lambda item: "annotations must be a list of {entry, description}"),
    (_repeated, lambda item: "the same uuid appears twice"),
]


def item_label(index: int, item: dict) -> str:
    """How a message names an item: its place in the file, uuid and description."""
    parts = []
    if isinstance(item.get("uuid"), str):
        uuid = item["uuid"][:36]  # a bad one may hold anything: quoted then, one line
        parts.append(f"uuid {uuid if uuid.isprintable() else repr(uuid)}")
    if isinstance(item.get("description"), str):
        text = item["description"]
        short = text[:40] + "…" if len(text) > 40 else text
        parts.append(f"description {short!r}")
    return f"item {index} ({', '.join(parts)})" if parts else f"item {index}"


def _kind(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
