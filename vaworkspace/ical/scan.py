"""From the bytes of a would-be .ics file to its top-level components, with line numbers.

Done by hand, before icalendar sees anything, for two reasons: a VA must be told
plainly when a "calendar" is really a login page or a PDF, and one broken
component must not cost the whole file. icalendar parses a file all or nothing
and forgets line numbers; this scanner survives a missing END, a bare VEVENT, a
BOM or LF-only lines, and hands each component over with the line it starts on.
Pure Python: no icalendar import here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vaworkspace.errors import ImportFileError
from vaworkspace.i18n import N_, _

_MAGIC = (
    (b"%PDF", N_("a PDF document")),
    (b"PK\x03\x04", N_("a ZIP archive (unzip it first?)")),
    (b"\x1f\x8b", N_("a gzip archive (unpack it first?)")),
    (b"\x89PNG", N_("a PNG image")),
    (b"\xff\xd8\xff", N_("a JPEG image")),
    (b"GIF8", N_("a GIF image")),
    (b"\xd0\xcf\x11\xe0", N_("an Outlook .msg or old Office file (save the calendar as .ics)")),
)
_NAME = re.compile(r"[A-Za-z0-9-]+")
"""A property name (RFC 5545 §3.1: iana-token or x-name)."""
_TOP_LEVEL = frozenset({"VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE", "VCALENDAR"})
"""Components that cannot sit inside another one: seeing one closes an open block."""


@dataclass(slots=True)
class Block:
    """One top-level component: its name, first line (1-based) and text."""

    name: str
    line: int
    lines: list[str] = field(default_factory=list)
    problem: str | None = None  # set when its structure is already known to be broken

    @property
    def text(self) -> str:
        return "\r\n".join(self.lines) + "\r\n"

    def peek(self, name: str) -> str:
        """A property's value found by eye, for naming a component that will not parse."""
        pattern = rf"^{name}(?:;[^:\r\n]*)?:(.*)$"
        found = re.search(pattern, self.text, re.MULTILINE | re.IGNORECASE)
        return found.group(1).strip() if found else ""

    def who(self, uid: str | None, summary: str | None) -> str:
        """'line 42, UID abc ("Board call")': where the VA can find the component."""
        who = f"line {self.line}, " + (f"UID {uid}" if uid else f"{self.name} without UID")
        return f'{who} ("{summary}")' if summary else who


@dataclass(slots=True)
class Layout:
    """The calendar's own property lines (unfolded), its components, and notes."""

    header: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cut_short: bool = False  # ends inside a component or before END:VCALENDAR


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Text of the file, or `ImportFileError` when it is plainly not a calendar.

    UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; anything else
    as Windows-1252 (latin-1 for its five holes), with a warning to check accents.
    """
    if not data.strip():
        raise ImportFileError(_("{source} is empty, not a calendar").format(source=source))
    for magic, what in _MAGIC:
        if data.startswith(magic):
            said = _("{source} looks like {what}, not a calendar")
            raise ImportFileError(said.format(source=source, what=_(what)))
    notes: list[str] = []
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "Windows-1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
            # English: a warning of the import summary, which `--json` gives as it is
            notes.append(f"{source} is not UTF-8; read it as {encoding}: check accented letters")
    _sniff(text, source)
    return text, notes


def _sniff(text: str, source: str) -> None:
    head = text.lstrip()[:2048].lower()
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    what = None
    if "\x00" in sample[:1024] or controls * 50 > len(sample):
        what = N_("a binary file")
    elif head.startswith(("<!doctype html", "<html")) or (head.startswith("<") and "<html" in head):
        what = N_("an HTML page (a login page?)")
    elif head.startswith("<"):
        what = N_("XML")
    elif head.startswith(("{", "[")):
        what = N_("JSON (an API response?)")
    elif head.startswith("begin:vcard"):
        what = N_("a contact card (vCard)")
    if what is not None:
        said = _("{source} looks like {what}, not a calendar")
        raise ImportFileError(said.format(source=source, what=_(what)))


def header_properties(lines: list[str]) -> dict[str, str]:
    """METHOD, X-WR-CALNAME and X-WR-TIMEZONE of the calendar (the first of each), unescaped.

    Read by hand rather than by icalendar, which refuses a whole calendar header
    for one bad line; these three are plain text.
    """
    found: dict[str, str] = {}
    for line in lines:
        head, colon, value = _split_line(line)
        name = head.split(";", 1)[0].strip().upper()
        if colon and name in ("METHOD", "X-WR-CALNAME", "X-WR-TIMEZONE"):
            found.setdefault(name, _unescape(value).strip())
    return found


def _split_line(line: str) -> tuple[str, str, str]:
    """NAME;PARAMS and value, at the first colon outside a quoted parameter value."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:index], ":", line[index + 1 :]
    return line, "", ""


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def scan(text: str, source: str) -> Layout:
    """Split the text into components; `ImportFileError` if it holds none at all."""
    scanner = _Scanner()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    number, logical = 0, ""  # the logical (unfolded) line being gathered
    physical: list[str] = []
    for index, line in enumerate(lines, 1):
        if line[:1] in (" ", "\t") and physical:  # RFC 5545 folding: a continuation
            logical += line[1:]
            physical.append(line)
            continue
        if physical:
            scanner.feed(number, logical, physical)
        number, logical, physical = index, line, [line]
    if physical:
        scanner.feed(number, logical, physical)
    layout = scanner.finish(source)
    if not layout.blocks and not scanner.calendars:
        said = _("{source} has no BEGIN:VCALENDAR line: it does not look like an iCalendar file")
        raise ImportFileError(said.format(source=source))
    return layout


class _Scanner:
    """A line-by-line state machine: outside, in the calendar, or in a component."""

    def __init__(self) -> None:
        self.layout = Layout()
        self.calendars = 0
        self.open = False  # inside BEGIN:VCALENDAR
        self.bare = False  # saw a component outside any calendar
        self.outside = 0  # other non-blank lines outside any calendar
        self.garbage: list[int] = []  # lines in the calendar that are no property
        self.block: Block | None = None
        self.stack: list[str] = []

    def feed(self, number: int, line: str, physical: list[str]) -> None:
        if not line.strip():
            return
        word, _, value = line.partition(":")
        word, name = word.strip().upper(), value.strip().upper()
        kind = word if word in ("BEGIN", "END") else ""
        if self.block is not None and self._in_block(kind, name, number, physical):
            return
        if kind == "BEGIN" and name == "VCALENDAR":
            self.calendars += 1
            self.open = True
        elif kind == "END" and name == "VCALENDAR":
            self.open = False
        elif kind == "BEGIN":
            self.bare = self.bare or not self.open
            self.block = Block(name, number, list(physical))
            self.stack = [name]
        elif self.open and kind != "END":
            head, colon, _ = _split_line(line)
            if colon and _NAME.fullmatch(head.split(";", 1)[0].strip()):
                self.layout.header.append(line)
            else:
                self.garbage.append(number)
        elif not self.open:
            self.outside += 1

    def _in_block(self, kind: str, name: str, number: int, physical: list[str]) -> bool:
        """Add a line to the open component; False if the line belongs outside it."""
        block = self.block
        assert block is not None
        if (kind == "BEGIN" and name in _TOP_LEVEL) or (kind == "END" and name == "VCALENDAR"):
            self._close(f"no END:{block.name} before line {number}")
            return False
        block.lines.extend(physical)
        if kind == "BEGIN":
            self.stack.append(name)
        elif kind == "END":
            if name == self.stack[-1]:
                self.stack.pop()
            elif name in self.stack:
                block.problem = block.problem or f"END:{name} comes before END:{self.stack[-1]}"
                del self.stack[self.stack.index(name) :]
            else:
                block.problem = block.problem or f"END:{name} without BEGIN:{name}"
            if not self.stack:
                self._close(None)
        return True

    def _close(self, problem: str | None) -> None:
        assert self.block is not None
        self.block.problem = self.block.problem or problem
        self.layout.blocks.append(self.block)
        self.block, self.stack = None, []

    def finish(self, source: str) -> Layout:
        notes = self.layout.warnings
        self.layout.cut_short = self.open or self.block is not None
        if self.block is not None:
            self._close(f"no END:{self.block.name}: the file ends inside it (cut short?)")
        if self.open:
            notes.append(f"{source} has no END:VCALENDAR (cut short?); read what was there")
        if self.bare:
            notes.append(f"{source} has components outside BEGIN:VCALENDAR; read them anyway")
        if self.calendars > 1:
            notes.append(f"{source} holds {self.calendars} calendars; read them all")
        if self.garbage:
            where = ", ".join(str(n) for n in self.garbage[:5])
            more = f" and {len(self.garbage) - 5} more" if len(self.garbage) > 5 else ""
            notes.append(
                f"{source}: ignored {len(self.garbage)} line(s) that are not iCalendar "
                f"properties (line {where}{more})"
            )
        if self.outside and (self.calendars or self.layout.blocks):
            notes.append(f"{source}: ignored {self.outside} line(s) outside the calendar")
        return self.layout


_SWALLOWED = re.compile(
    r'^(?P<head>[A-Za-z0-9-]+(?:;[^:"]*(?:"[^"]*")?)*?;TZID=)'
    r'"(?P<zone>[^":]+):(?P<value>[0-9]{8}(?:T[0-9]{6}Z?)?(?:,[0-9]{8}(?:T[0-9]{6}Z?)?)*)"$',
    re.IGNORECASE,
)
"""A line whose quoted TZID swallowed its value: `DTSTART;TZID="Zone:20200609T090000"`
(a producer closed the quote after the time), and no colon left to start the value."""


def recover_values(text: str) -> tuple[str, list[str]]:
    """The component's text with each swallowed TZID value put back after the
    parameter, unfolded; and the names of the properties repaired.

    Only a line with no value at all is touched (its one colon is inside the
    quotes), so a well-formed line never changes.
    """
    if '"' not in text:  # no quoted parameter at all: the usual case, and cheap
        return text, []
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    repaired: list[str] = []
    lines = unfolded.split("\r\n") if "\r\n" in unfolded else unfolded.split("\n")
    for index, line in enumerate(lines):
        if 'TZID="' not in line.upper() or _split_line(line)[1]:
            continue
        found = _SWALLOWED.match(line)
        if found:
            lines[index] = f'{found["head"]}"{found["zone"]}":{found["value"]}'
            repaired.append(line.split(";", 1)[0].upper())
    if not repaired:
        return text, []
    return "\r\n".join(lines), repaired
