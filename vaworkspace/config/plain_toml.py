"""The plain TOML a config file is written in, read without tomllib.

`tomllib` imports `typing` and compiles its regular expressions in every process
that reads a config file: more than the rest of reading the config. A config is
almost always a few `key = value` lines under `[table]` and `[[publish]]`
headers, so `plain_table` reads that much itself: bare keys; values that are
strings without escapes, decimal integers, decimals, `true`/`false`, and
one-line arrays of those; comments. Anything else (an escape, a date, a dotted
or quoted key, an inline table, a multi-line string or array, a duplicate key or
table, any mistake) makes it return None, and the caller reads the file with
tomllib: the same table, or the same error message. What it returns is what
`tomllib.loads` returns for the same text (`tests/test_config_plain_toml.py`
holds the two to it on generated documents).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_DIGITS = frozenset("0123456789")
_CONTROL = frozenset(chr(i) for i in range(32) if i != 9) | {chr(127)}
_END = frozenset(" \t,]#")


class _NotPlain(Exception):
    """The text is not in the plain subset (or not valid): tomllib decides."""


def plain_table(data: bytes) -> dict[str, Any] | None:
    """The TOML table of `data`, if written in the plain subset; None otherwise."""
    try:
        text = data.decode()
    except UnicodeDecodeError:
        return None
    try:
        return _read(text.replace("\r\n", "\n"))
    except _NotPlain:
        return None


def _read(text: str) -> dict[str, Any]:
    root: dict[str, Any] = {}
    arrays: set[str] = set()  # the names [[name]] made
    table = root
    for line in text.split("\n"):
        line = line.strip(" \t")
        if not line:
            continue
        if line[0] == "#":
            _comment(line)
        elif line[0] == "[":
            table = _header(line, root, arrays)
        else:
            _pair(line, table)
    return root


def _comment(text: str) -> None:
    if not _CONTROL.isdisjoint(text):
        raise _NotPlain


def _rest(text: str) -> None:
    """What follows a header or a value: nothing, or a comment."""
    text = text.lstrip(" \t")
    if text:
        if text[0] != "#":
            raise _NotPlain
        _comment(text)


def _key(text: str) -> str:
    if not text or not _BARE.issuperset(text):
        raise _NotPlain
    return text


def _header(line: str, root: dict[str, Any], arrays: set[str]) -> dict[str, Any]:
    many = line.startswith("[[")
    close = line.find("]]" if many else "]")
    if close < 0:
        raise _NotPlain
    name = _key(line[2 if many else 1 : close])
    _rest(line[close + (2 if many else 1) :])
    table: dict[str, Any] = {}
    if many and name in arrays:
        root[name].append(table)
    elif name in root:
        raise _NotPlain
    elif many:
        arrays.add(name)
        root[name] = [table]
    else:
        root[name] = table
    return table


def _pair(line: str, table: dict[str, Any]) -> None:
    equals = line.find("=")
    if equals < 0:
        raise _NotPlain
    key = _key(line[:equals].rstrip(" \t"))
    if key in table:
        raise _NotPlain
    value, after = _value(line[equals + 1 :].lstrip(" \t"))
    _rest(after)
    table[key] = value


def _value(text: str) -> tuple[Any, str]:
    """The value at the start of `text`, and the text after it."""
    if not text:
        raise _NotPlain
    first = text[0]
    if first == '"' or first == "'":
        if text.startswith(first * 3):
            raise _NotPlain  # a multi-line string
        end = text.find(first, 1)
        if end < 0:
            raise _NotPlain
        value = text[1:end]
        if (first == '"' and "\\" in value) or not _CONTROL.isdisjoint(value):
            raise _NotPlain
        return value, text[end + 1 :]
    if first == "[":
        return _array(text[1:])
    end = 0
    while end < len(text) and text[end] not in _END:
        end += 1
    return _scalar(text[:end]), text[end:]


def _scalar(word: str) -> bool | int | float:
    if word == "true":
        return True
    if word == "false":
        return False
    digits = word[1:] if word[:1] in ("+", "-") else word
    whole, dot, fraction = digits.partition(".")
    if not whole or not _DIGITS.issuperset(whole) or (len(whole) > 1 and whole[0] == "0"):
        raise _NotPlain
    if not dot:
        return int(word)
    if not fraction or not _DIGITS.issuperset(fraction):
        raise _NotPlain
    return float(word)


def _array(text: str) -> tuple[list[Any], str]:
    """The items of a one-line array whose `[` was just read, and what follows its `]`."""
    items: list[Any] = []
    while True:
        text = text.lstrip(" \t")
        if text[:1] == "]":
            return items, text[1:]
        if text[:1] in ("[", "{", "#", ""):
            raise _NotPlain
        item, text = _value(text)
        items.append(item)
        text = text.lstrip(" \t")
        if text[:1] == ",":
            text = text[1:]
        elif text[:1] != "]":
            raise _NotPlain
