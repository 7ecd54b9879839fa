"""A Taskwarrior `task export` file, read and checked before anything is converted.

Accepts what Taskwarrior prints (a JSON array, or JSON lines from older versions,
with or without a BOM) and refuses the whole file at its first bad item, naming
it, so an import is all or nothing. `domain.taskwarrior` turns the checked items
into workspace tasks.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from vaworkspace.errors import ImportFileError

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


def looks_like_taskwarrior(data: bytes) -> bool:
    """Cheap sniff so `va import` can pick the importer without parsing twice."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"[", b"{") and b'"uuid"' in data and b'"description"' in data


def parse_export(data: bytes | str) -> list[dict]:
    """Decode and validate a whole export; raise `ImportFileError` on the first flaw.

    Accepts what `task export` prints (a JSON array) and the older one-object-per-
    line form, with or without a UTF-8 BOM. Every item is checked before anything
    is returned, so a caller never writes half a file.
    """
    text = _decode(data).strip()
    if not text:
        raise ImportFileError(f"{NOT_EXPORT} (the file is empty)")
    items = _load_array(text) if text.startswith("[") else _load_lines(text)
    _check_items(items)
    return items


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{NOT_EXPORT} (not UTF-8 text at byte {exc.start})") from None


def _load_array(text: str) -> list:
    return _json(text, line_offset=0)  # it starts with "[": a list or an error


def _load_lines(text: str) -> list:
    """One JSON object per line (Taskwarrior before 2.4); a trailing comma is allowed."""
    if not text.startswith("{"):
        raise ImportFileError(f"{NOT_EXPORT} (it starts with {text[:20]!r})")
    items = []
    for number, line in enumerate(text.splitlines()):
        line = line.strip().removesuffix(",")
        if line:
            items.append(_json(line, line_offset=number))
    return items


def _json(text: str, line_offset: int):
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


_SEEN_DATES: dict[str, datetime | None] = {}


def tw_date(value: object) -> datetime | None:
    """ "20261204T170000Z" -> aware UTC datetime; None if it is not one.

    Memoised: an import checks, then converts, ~12 dates per item, and a 10k
    import spent half its time here.
    """
    if not isinstance(value, str):
        return None
    try:
        return _SEEN_DATES[value]
    except KeyError:
        pass
    if len(_SEEN_DATES) > 200_000:
        _SEEN_DATES.clear()
    found = _SEEN_DATES[value] = _parse_tw_date(value)
    return found


def _parse_tw_date(value: str) -> datetime | None:
    match = _TW_DATE.fullmatch(value)
    if not match or not 1 < int(match.group(1)) < 9999:  # room to shift to any zone
        return None
    try:
        return datetime(*map(int, match.groups()), tzinfo=timezone.utc)
    except ValueError:
        return None
