"""Stored dates and instants as text: the one codec for every record of the file.

Every path that writes or reads a date of the workspace file comes through here
(tasks, time entries, events, the running timer, the agenda's expanded series), so
the file holds one format and `va` reads back exactly what it wrote:

- an instant (an aware `datetime`) is stored in UTC to the second,
  "2026-12-04T16:00:00Z"; fractions of a second are dropped on the way in;
- an all-day value (a `date`) is stored as "2026-12-04".

A naive `datetime` is taken to be UTC on both sides, never the machine's zone:
the file must mean the same on every machine that opens it. Reading is lenient
with what older files or hand edits may hold: an offset ("+01:00") is converted
to UTC, no zone means UTC, and a fraction of a second is kept.

What people type ("fri 17:00", "in 3 days") is the domain's business
(`domain.dates.parse_when`); this module only knows the file's text.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timezone
from itertools import repeat
from operator import attrgetter, is_

UTC = timezone.utc
_tzinfo = attrgetter("tzinfo")
_microsecond = attrgetter("microsecond")
_fields = attrgetter("year", "month", "day", "hour", "minute", "second")
_INSTANT = "%04d-%02d-%02dT%02d:%02d:%02dZ"
"""`encode_instant`'s text of a UTC instant to the second, from its fields."""

_from_text = datetime.fromisoformat
_date_from_text = date.fromisoformat
# 3.10's `fromisoformat` refuses the "Z" the file is full of; 3.11's reads it,
# and hands back the `timezone.utc` singleton, so a stored instant costs one call.
_READS_Z = sys.version_info >= (3, 11)


def encode_instant(moment: datetime) -> str:
    """Stored text of an instant: UTC, whole seconds, "2026-12-04T16:00:00Z"."""
    if moment.tzinfo is UTC and not moment.microsecond:  # the usual case: no conversion
        return moment.isoformat()[:-6] + "Z"
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def encode_value(value: date | datetime | None) -> str | None:
    """Stored text of a date ("2026-12-04") or an instant (see `encode_instant`)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return encode_instant(value)
    return value.isoformat()


def encode_instants(moments: list[datetime]) -> list[str]:
    """`encode_instant` of each instant, in order: what an import of thousands of
    tasks encodes. In the usual case (UTC instants to the second, as imports
    read them) without a Python call per instant: each instant's fields are read
    by one `attrgetter` and formatted by `%`, which also costs less than
    `isoformat` on an aware datetime."""
    if set(map(_tzinfo, moments)) <= {UTC} and not any(map(_microsecond, moments)):
        return list(map(_INSTANT.__mod__, map(_fields, moments)))
    return list(map(encode_instant, moments))


def decode_instant(text: str) -> datetime:
    """The aware UTC instant stored text means; a stored date means its UTC midnight.

    Hot: runs two or three times for every task a command reads.
    """
    if _READS_Z:
        moment = _from_text(text)
        if moment.tzinfo is UTC:
            return moment
    elif text.endswith("Z"):
        return _from_text(text[:-1]).replace(tzinfo=UTC)
    else:
        moment = _from_text(text)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def decode_instants(texts: list[str]) -> list[datetime]:
    """`decode_instant` of each text, in order: what reading thousands of tasks
    decodes (their creation instants). In the usual case (UTC text, as the
    writer writes it, on 3.11) without a Python call per instant."""
    if _READS_Z:
        moments = list(map(_from_text, texts))
        if all(map(is_, map(_tzinfo, moments), repeat(UTC))):
            return moments
    return list(map(decode_instant, texts))


def decode_value(text: str) -> date | datetime:
    """A stored due, wait, scheduled or event time: a `date` for "2026-12-04", else
    the instant (`decode_instant`). The inverse of `encode_value`."""
    if len(text) == 10:
        return _date_from_text(text)
    return decode_instant(text)


class DecodedDates(dict[str, "date | datetime"]):
    """Stored due, wait and scheduled texts, each decoded once for one read of the file.

    Thousands of tasks share a few hundred deadlines, so equal texts give one shared
    value (dates are immutable): decoding costs a lookup, and the value is a cheap
    dictionary key afterwards (a `datetime` computes its hash once), which ranking
    uses to work each deadline out once (`urgency.UrgencyContext.dues`). It lives
    with the snapshot that filled it, so it never outlives the file it was read from.
    """

    def __missing__(self, text: str) -> date | datetime:
        value = self[text] = decode_value(text)
        return value
