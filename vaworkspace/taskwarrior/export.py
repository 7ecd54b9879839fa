"""A Taskwarrior `task export` file, read and checked before anything is converted.

Accepts what Taskwarrior prints (a JSON array, or JSON lines from older versions,
with or without a BOM) and refuses the whole file at its first bad item, naming
it (`check.py`), so an import is all or nothing. `convert.py` turns the checked
items into workspace task records.

A 10,000-task export must import in a few tens of milliseconds: orjson parses
it, and the checks run a whole column at a time.
"""

from __future__ import annotations

import re

from vaworkspace.errors import ImportFileError
from vaworkspace.i18n import N_, _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.taskwarrior.columns import Columns

NOT_EXPORT = N_("not a Taskwarrior export: expected a JSON array of tasks")
_BLANKS = re.compile(rb"[\xef\xbb\xbf \t\r\n]*")


def looks_like_taskwarrior(data: bytes) -> bool:
    """Cheap sniff so `va import` can pick the importer without parsing twice."""
    blanks = _BLANKS.match(data)  # not `lstrip`, which copies the whole file
    start = blanks.end() if blanks else 0  # (it always matches, if only nothing)
    head = data[start : start + 1]
    return head in (b"[", b"{") and b'"uuid"' in data and b'"description"' in data


def read_export(data: bytes | str) -> Columns:
    """Decode and check a whole export; raise `ImportFileError` on the first flaw.

    Accepts what `task export` prints (a JSON array) and the older one-object-per-
    line form, with or without a UTF-8 BOM. Every item is checked before anything
    is returned, so a caller never writes half a file.
    """
    from vaworkspace.taskwarrior.check import check

    items = _array_quickly(data)
    if items is None:
        items = _load(_text(data), fast=True)
    try:
        return check(items)
    except ImportFileError:
        # Name the first bad item with numbers as `json` reads them: orjson turns
        # an integer beyond 64 bits into a float, which the message would show.
        check(_load(_text(data), fast=False))
        raise


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
        raise ImportFileError(_not_export(_("the file is empty")))
    return text


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        why = _("not UTF-8 text at byte {byte}").format(byte=exc.start)
        raise ImportFileError(_not_export(why)) from None


def _load(text: str, fast: bool) -> list:
    if text.startswith("["):
        return _json(text, line_offset=0, fast=fast)  # a list or an error
    return _load_lines(text, fast)


def _load_lines(text: str, fast: bool) -> list:
    """One JSON object per line (Taskwarrior before 2.4); a trailing comma is allowed."""
    if not text.startswith("{"):
        raise ImportFileError(_not_export(_("it starts with {text}").format(text=repr(text[:20]))))
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
        why = _("JSON error at line {line} column {column}: {error}").format(
            line=exc.lineno + line_offset, column=exc.colno, error=exc.msg
        )
        raise ImportFileError(_not_export(why)) from None
    except RecursionError:
        raise ImportFileError(_not_export(_("JSON nested too deeply"))) from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise ImportFileError(_not_export(str(exc).splitlines()[0])) from None


def _not_export(why: str) -> str:
    """`not a Taskwarrior export: expected a JSON array of tasks (the file is empty)`."""
    return _("{not_export} ({why})").format(not_export=_(NOT_EXPORT), why=why)
