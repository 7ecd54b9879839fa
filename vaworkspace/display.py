"""Untrusted text made safe to show: the one function between stored text and a terminal.

Titles, notes, tags, client names, UIDs and categories come from .ics files,
subscriptions, Taskwarrior exports and the config: text anybody can write. A
terminal obeys the control characters inside it: ESC starts sequences that clear
the screen, set the window title or write the clipboard (OSC 52); C1 bytes such
as U+009B (CSI) do the same on some terminals; BS and CR overwrite what was
shown; bidi overrides reorder what the VA reads. So every path from stored text
to a terminal, in the CLI and the TUI, goes through `safe`, and the stored text
stays as it came (`va export` and `--json` must give it back exactly).

What `safe` guarantees, whatever the input:
- no C0 control (U+0000-U+001F), DEL (U+007F), C1 control (U+0080-U+009F),
  bidi embedding, override or isolate (U+202A-U+202E, U+2066-U+2069), line or
  paragraph separator (U+2028, U+2029) or lone surrogate is left in the result,
  except newline and tab when `multiline` is true;
- each one is replaced by one visible character of one cell, so the VA sees that
  something was there: C0 by its control picture (ESC -> "␛"), DEL by "␡", the
  line and paragraph separators by "⏎", the others by "�"; in a one-line field a
  tab becomes a space and a newline "⏎", so one field is one character for one
  (an edit field's cursor stays right); in a multi-line field CR LF becomes LF;
- text without any of them is returned as it is (the same object), cheaply: the
  check is one C-level regex scan, and the table is built once, on first need.

The implicit direction marks (LRM, RLM, ALM) are kept: they cannot move strong
letters around, and right-to-left names need them to show their punctuation.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

# What a terminal (or a line splitter) may act on; a one-line field also loses its
# newlines and tabs. Built on first need: most commands never meet such a character.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_FINDERS: dict[bool, tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = {}

LINE_BREAK = "⏎"
REPLACEMENT = "\ufffd"


def safe(text: str, multiline: bool = False) -> str:
    """`text` with every character a terminal would obey replaced by a harmless one.

    `multiline` keeps newlines and tabs (notes); one-line fields (titles, names,
    tags, cells of a table) get "⏎" and a space for them, so a row stays one row.
    """
    if text.isprintable():  # C: no control, format, separator or surrogate at all
        return text
    finder = _FINDERS.get(multiline) or _finder(multiline)
    found, replace = finder
    if found.search(text) is None:  # printable after all: accents with NBSP, emoji ZWJ…
        return text
    if multiline and "\r" in text:
        text = text.replace("\r\n", "\n")
    return found.sub(replace, text)


def _finder(multiline: bool) -> tuple[re.Pattern[str], Callable[[re.Match[str]], str]]:
    """The pattern of the characters to replace and the function giving each stand-in."""
    table = {chr(code): chr(0x2400 + code) for code in range(0x20)}  # "␀".."␟"
    table["\x7f"] = "\u2421"  # "␡"
    for code in (*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[chr(code)] = REPLACEMENT
    for code in range(0xD800, 0xE000):  # a lone surrogate could not even be encoded
        table[chr(code)] = REPLACEMENT
    table["\u2028"] = table["\u2029"] = LINE_BREAK
    if multiline:
        pattern = f"[{_UNSAFE}]"
    else:
        table["\n"], table["\t"] = LINE_BREAK, " "
        pattern = f"[\\t\\n{_UNSAFE}]"

    def replace(match: re.Match[str]) -> str:
        return table[match.group()]

    _FINDERS[multiline] = (re.compile(pattern), replace)
    return _FINDERS[multiline]


# The same characters as UTF-8 bytes, for JSON: orjson escapes C0 as \u00XX but
# writes DEL, C1, the separators and the bidi controls raw. Each search starts
# with one literal byte, which `re` scans for at memchr speed. Compiled on first
# need (`_json_patterns`): only `--json` output asks, every command imports this.
_JSON_DEL = b"\x7f"
_JSON_C1 = rb"\xc2[\x80-\x9f]"
_JSON_FORMAT = rb"\xe2(?:\x80[\xa8-\xae]|\x81[\xa6-\xa9])"
_JSON_PATTERNS: list[re.Pattern[bytes]] = []


def _json_patterns() -> list[re.Pattern[bytes]]:
    """C1 controls, the format characters, and either or DEL, compiled."""
    if not _JSON_PATTERNS:
        either = b"|".join((re.escape(_JSON_DEL), _JSON_C1, _JSON_FORMAT))
        _JSON_PATTERNS.extend(map(re.compile, (_JSON_C1, _JSON_FORMAT, either)))
    return _JSON_PATTERNS


def safe_json(data: bytes) -> bytes:
    r"""Serialised JSON with the characters above escaped (`\u009b`): the same value
    once parsed, so scripts get the stored text exactly, and nothing a terminal obeys.

    Those byte sequences only ever encode those characters in UTF-8, and JSON
    keeps non-ASCII text inside strings, where an escape means the same.
    """
    if _JSON_DEL not in data and data.isascii():
        return data
    c1, formats, either = _json_patterns()
    if _JSON_DEL not in data and c1.search(data) is None and formats.search(data) is None:
        return data
    return either.sub(_escape, data)


def _escape(match: re.Match[bytes]) -> bytes:
    return b"\\u%04x" % ord(match.group().decode())
