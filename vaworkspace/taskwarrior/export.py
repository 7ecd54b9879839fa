"""A Taskwarrior `task export` file, read and checked before anything is converted.

Accepts what Taskwarrior prints (a JSON array, or JSON lines from older versions,
with or without a BOM) and refuses the whole file at its first bad item, naming
it, so an import is all or nothing. `domain.taskwarrior` turns the checked items
into workspace tasks.

A 10,000-task export must import in a few tens of milliseconds, so the usual
file is never looked at item by item in Python: orjson parses it, and the checks
run a whole column at a time at C speed (`taskwarrior_columns`). Only when they
find a flaw are the items walked one by one (`_check_items`), to name the first
bad item as before; the two must always agree (tested).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from vaworkspace.errors import ImportFileError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.taskwarrior.columns import Columns

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
_BLANKS = re.compile(rb"[\xef\xbb\xbf \t\r\n]*")


def looks_like_taskwarrior(data: bytes) -> bool:
    """Cheap sniff so `va import` can pick the importer without parsing twice."""
    blanks = _BLANKS.match(data)  # not `lstrip`, which copies the whole file
    start = blanks.end() if blanks else 0  # (it always matches, if only nothing)
    head = data[start : start + 1]
    return head in (b"[", b"{") and b'"uuid"' in data and b'"description"' in data


def parse_export(data: bytes | str) -> list[dict]:
    """Decode and validate a whole export; raise `ImportFileError` on the first flaw.

    Accepts what `task export` prints (a JSON array) and the older one-object-per-
    line form, with or without a UTF-8 BOM. Every item is checked before anything
    is returned, so a caller never writes half a file.
    """
    return read_export(data).items


def read_export(data: bytes | str) -> Columns:
    """`parse_export`, keeping the columns the check read for `taskwarrior.convert`."""
    from vaworkspace.taskwarrior.columns import Columns, columns_pass

    items = _array_quickly(data)
    if items is None:
        items = _load(_text(data), fast=True)
    if set(map(type, items)) <= {dict}:
        columns = Columns(items)
        if columns_pass(columns):
            return columns
    # Name the first bad item, with numbers as `json` reads them: orjson turns an
    # integer beyond 64 bits into a float, which the message would show.
    _check_items(_load(_text(data), fast=False))
    return Columns(items)  # not reached: the column checks are exact (tested)


def _array_quickly(data: bytes | str) -> list | None:
    """The usual file at full speed: orjson on the data as it is (BOM aside, which
    it refuses). None when it refuses the data or finds no array, for the exact
    path to decide: what it accepts, `json` reads the same (but for the numbers
    of `read_export`)."""
    import orjson

    if isinstance(data, bytes):
        data = data.removeprefix(b"\xef\xbb\xbf")
    else:
        data = data.removeprefix("\ufeff")
    try:
        items = orjson.loads(data)
    except orjson.JSONDecodeError:
        return None
    return items if type(items) is list else None


def _text(data: bytes | str) -> str:
    text = _decode(data).strip()
    if not text:
        raise ImportFileError(f"{NOT_EXPORT} (the file is empty)")
    return text


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{NOT_EXPORT} (not UTF-8 text at byte {exc.start})") from None


def _load(text: str, fast: bool) -> list:
    if text.startswith("["):
        return _json(text, line_offset=0, fast=fast)  # a list or an error
    return _load_lines(text, fast)


def _load_lines(text: str, fast: bool) -> list:
    """One JSON object per line (Taskwarrior before 2.4); a trailing comma is allowed."""
    if not text.startswith("{"):
        raise ImportFileError(f"{NOT_EXPORT} (it starts with {text[:20]!r})")
    items = []
    for number, line in enumerate(text.splitlines()):
        line = line.strip().removesuffix(",")
        if line:
            items.append(_json(line, number, fast))
    return items


def _json(text: str, line_offset: int, fast: bool):
    """`fast` tries orjson first (3x quicker on 10k tasks); whatever it refuses goes
    to `json`, which accepts a superset and words the verdict, as in
    `store.migrations._parse`."""
    if fast:
        import orjson

        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
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


def item_label(index: int, item: dict) -> str:
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
            raise ImportFileError(f"{item_label(index, item)}: the same uuid appears twice")
        seen.add(uuid)


def _check_item(index: int, item: object) -> None:
    if not isinstance(item, dict):
        raise ImportFileError(f"item {index}: expected a JSON object, found {_kind(item)}")
    problem = _problem(item)
    if problem:
        raise ImportFileError(f"{item_label(index, item)}: {problem}")


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
        if name in item and tw_date(item[name]) is None:
            return f"bad date {name} {item[name]!r} (expected like 20261204T170000Z)"
    return _problem_lists(item)


def _problem_lists(item: dict) -> str | None:
    for name in ("project", "recur", "parent"):
        if name in item and not isinstance(item[name], str):
            return f"{name} must be text"
    for name in ("tags", "depends"):
        if name in item and text_list(item[name]) is None:
            return f"{name} must be a list of text"
    notes = item.get("annotations", [])
    if not isinstance(notes, list) or not all(
        isinstance(n, dict) and isinstance(n.get("description"), str) and tw_date(n.get("entry"))
        for n in notes
    ):
        return "annotations must be a list of {entry, description}"
    return None


def text_list(value: object) -> list[str] | None:
    """A list of text, also from the comma-separated form older versions wrote."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def tw_date(value: object) -> datetime | None:
    """ "20261204T170000Z" -> aware UTC datetime; None if it is not one."""
    if not isinstance(value, str):
        return None
    match = _TW_DATE.fullmatch(value)
    if not match or not 1 < int(match.group(1)) < 9999:  # room to shift to any zone
        return None
    try:
        year, month, day, hour, minute, second = map(int, match.groups())
        return datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)
    except ValueError:
        return None
