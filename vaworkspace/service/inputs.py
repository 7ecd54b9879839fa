"""Reading a file or standard input that someone else gave us, within a size limit.

`va import` and `va sync` read files they did not write: a calendar on a synced
folder, a `task export`, a path typed by hand. Whatever it is, the size is
checked before anything is read, at most `limit + 1` bytes are ever read (so a
file that grows, or an endless stream, costs no more), and a FIFO, a device or a
folder is refused at once: opened without blocking, judged by `fstat`, closed.
Every refusal is an `UnreadableInput` whose text is the reason alone, so the
caller adds what it means ("nothing imported", "nothing changed").
"""

from __future__ import annotations

import os
import stat
import sys

from vaworkspace.errors import ImportFileError
from vaworkspace.i18n import N_, _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO

MB = 1024 * 1024
IMPORT_MAX_BYTES = 32 * MB
"""Largest import: a Taskwarrior export of about 100,000 tasks. Calendars have
their own, smaller limit (`ical.reader.MAX_BYTES`)."""

CALENDAR_NAMES = (".ics", ".ical", ".ifb", ".icalendar")


def looks_like_calendar(data: bytes, name: str) -> bool:
    """Which importer a file goes to: an iCalendar name (`.ics`, `.ical`), or text
    that starts like iCalendar (`BEGIN:V…`, after a BOM or blank lines); anything
    else is offered to the Taskwarrior importer, whose reader judges the rest."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    return name.lower().endswith((".ics", ".ical")) or head.startswith(b"BEGIN:V")


class UnreadableInput(ImportFileError):
    """The input was refused before (or instead of) being read; nothing was written."""


def kind_of(mode: int) -> str | None:
    """What a non-file is, in the user's words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


_NOT_A_FILE = {
    "a folder": N_("{path} is a folder, not a file"),
    "a FIFO": N_("{path} is a FIFO, not a file"),
    "a device": N_("{path} is a device, not a file"),
    "a socket": N_("{path} is a socket, not a file"),
    "not a regular file": N_("{path} is not a regular file, not a file"),
}


def not_a_file(path: str, kind: str) -> str:
    """`{path} is a folder, not a file` for what `kind_of` says, in the UI's language."""
    return _(_NOT_A_FILE[kind]).format(path=path)


def too_large(source: str, size: int, limit: int, what: str) -> str:
    """`what` (marked: `an import`, `one calendar file`) is translated here."""
    return _("{source} is {size} MB; the limit is {limit} MB for {what}").format(
        source=source, size=f"{size / MB:.1f}", limit=limit // MB, what=_(what)
    )


AN_IMPORT, ONE_CALENDAR = N_("an import"), N_("one calendar file")


def read_capped(path: str, limit: int, what: str = AN_IMPORT) -> bytes:
    """The bytes of the regular file at `path`, refused if over `limit`."""
    try:
        # O_NONBLOCK: opening a FIFO with no writer returns at once instead of
        # waiting forever; it changes nothing for a regular file's reads.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise UnreadableInput(_cannot_read(path, error)) from None
    try:
        info = os.fstat(fd)
        kind = kind_of(info.st_mode)
        if kind is not None:
            raise UnreadableInput(not_a_file(path, kind))
        if info.st_size > limit:
            raise UnreadableInput(too_large(path, info.st_size, limit, what))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise UnreadableInput(_cannot_read(path, error)) from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while we looked
        raise UnreadableInput(too_large(path, len(data), limit, what))
    return data


def _cannot_read(path: str, error: OSError) -> str:
    return _("cannot read {path}: {error}").format(path=path, error=error.strerror)


def read_stream(stream: BinaryIO, source: str, limit: int) -> bytes:
    """At most `limit + 1` bytes of a pipe or terminal; refused when there are more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise UnreadableInput(
            _("{source} is over {limit} MB, the limit for an import").format(
                source=source, limit=limit // MB
            )
        )
    return data


def read_import(path: str) -> tuple[bytes, str]:
    """`va import`'s input (a path, or "-" for standard input) and its name.

    A calendar's name gets the calendar limit at once, anything else the import
    limit (the content decides the format afterwards, and the calendar reader
    checks its own limit again).
    """
    try:
        if path == "-":
            stdin = _("standard input")
            return read_stream(sys.stdin.buffer, stdin, IMPORT_MAX_BYTES), stdin
        if path.lower().endswith(CALENDAR_NAMES):
            # Imported here: the iCalendar reader is not for a Taskwarrior export.
            from vaworkspace.ical.reader import MAX_BYTES

            data = read_capped(path, MAX_BYTES, ONE_CALENDAR)
        else:
            data = read_capped(path, IMPORT_MAX_BYTES)
    except UnreadableInput as error:
        raise UnreadableInput(_("{error}; nothing imported").format(error=error)) from None
    return data, path
