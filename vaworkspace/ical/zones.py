"""Time zones and times of imported components, resolved per file, as we store them.

A TZID in the wild is an IANA name (`Europe/Paris`), a Windows name from Outlook
(`W. Europe Standard Time`), a vendor-prefixed name
(`/freeassociation.sourceforge.net/Europe/Paris`) or a private name that only the
file's own VTIMEZONE defines (Outlook's `Customized Time Zone`, which means a
different zone in each file). icalendar caches private VTIMEZONEs process-wide by
TZID, so a second file reusing such a name would silently be read with the first
file's rules. We therefore resolve every TZID ourselves, per file, re-attach each
written wall-clock time to that zone, and rewrite the TZID parameters so that the
stored raw text means the same thing when it is parsed again later: IANA names where
one exists, otherwise a name made unique by the definition's digest, shipped with
its VTIMEZONE.

Every import of icalendar stays inside the functions: `va list` never pays for it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any

UTC = timezone.utc


class Unusable(Exception):
    """A component cannot be imported; the message says why (the reader skips it)."""


ZONED_PROPERTIES = ("DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE")
"""Properties whose values may carry a TZID parameter (RFC 5545 §3.2.19)."""


@lru_cache(maxsize=1024)
def _known(name: str) -> bool:
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):  # not found, or not even a valid key
        return False
    return True


def iana_name(tzid: str) -> str | None:
    """The IANA zone a TZID names without help from the file, or None.

    Tries the name itself, the Windows-to-IANA table icalendar ships (Outlook), an
    Outlook display name (`(UTC-05:00) Eastern Time (US & Canada)`, see
    `windows_display.py`), then the trailing IANA part of a vendor-prefixed
    "globally unique" TZID.
    """
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    from vaworkspace.ical.windows_display import windows_key

    cleaned = tzid.strip().strip('"').strip("/")
    if not cleaned:
        return None
    display = windows_key(cleaned)
    candidates = [cleaned, WINDOWS_TO_OLSON.get(cleaned), WINDOWS_TO_OLSON.get(display or "")]
    if tzid.strip().startswith("/"):
        parts = cleaned.split("/")
        candidates += ["/".join(parts[i:]) for i in range(1, len(parts))]
    return next((c for c in candidates if c and _known(c)), None)


@dataclass(frozen=True, slots=True)
class Zone:
    """A resolved TZID: the zone, the TZID to write, and its VTIMEZONE if private."""

    tz: tzinfo
    tzid: str
    vtimezone: str | None = None  # component text, TZID renamed to `tzid`


class FileZones:
    """The zones one file can name: IANA/Windows names, or its own VTIMEZONEs."""

    def __init__(self, vtimezones: dict[str, Any]) -> None:
        self._components = vtimezones  # TZID as written -> icalendar Timezone
        self._resolved: dict[str, Zone | None] = {}

    def resolve(self, tzid: str) -> Zone | None:
        """The zone a TZID means in this file; None when nothing defines it."""
        if tzid not in self._resolved:
            self._resolved[tzid] = self._lookup(tzid)
        return self._resolved[tzid]

    def _lookup(self, tzid: str) -> Zone | None:
        from zoneinfo import ZoneInfo

        name = iana_name(tzid)
        if name is not None:
            return Zone(ZoneInfo(name), name)
        component = self._components.get(tzid)
        if component is None:
            return None
        from icalendar import vText
        from icalendar.timezone import tzp

        base = re.sub(r" ~[0-9a-f]{8}$", "", tzid)  # our own raw text, read again
        written = component["TZID"]
        try:
            tz = tzp.create_timezone(component)  # built for us alone, never cached
            component["TZID"] = vText(base)
            digest = hashlib.sha1(component.to_ical(), usedforsecurity=False).hexdigest()
            unique = f"{base} ~{digest[:8]}"
            component["TZID"] = vText(unique)
            renamed = component.to_ical().decode()
        except Exception:  # a VTIMEZONE too broken to build: the TZID stays unknown
            return None
        finally:
            component["TZID"] = written
        return Zone(tz, unique, renamed)


def localize_component(
    component: Any, zones: FileZones, fallback: tzinfo
) -> tuple[list[str], list[Zone]]:
    """Re-attach every TZID-qualified time to this file's zone, rewriting the TZIDs.

    Returns the TZIDs nothing defines (their times are read as `fallback`, the
    caller warns) and the private zones used (their VTIMEZONEs go with the raw text).
    UTC and floating values are left alone.
    """
    unknown: list[str] = []
    private: list[Zone] = []
    for name in ZONED_PROPERTIES:
        values = component.get(name)
        for prop in values if isinstance(values, list) else [values]:
            written = getattr(prop, "params", {}).get("TZID") if prop is not None else None
            if not written:
                continue
            zone = zones.resolve(str(written))
            if zone is None:
                if written not in unknown:
                    unknown.append(str(written))
                tz, tzid = fallback, getattr(fallback, "key", None)
            else:
                tz, tzid = zone.tz, zone.tzid
                if zone.vtimezone and zone not in private:
                    private.append(zone)
            _reattach(prop, tz)
            if tzid:
                prop.params["TZID"] = tzid
            else:  # a fallback zone without a name: the text stays floating
                del prop.params["TZID"]
    return unknown, private


def _reattach(prop: Any, tz: tzinfo) -> None:
    """Give the written wall-clock time(s) of one property the zone `tz`."""
    for item in getattr(prop, "dts", None) or [prop]:
        value = item.dt
        if isinstance(value, tuple):  # an RDATE period: (start, end or duration)
            item.dt = tuple(_wall(v, tz) for v in value)
        else:
            item.dt = _wall(value, tz)
        if "TZID" in getattr(item, "params", {}):
            item.params["TZID"] = prop.params["TZID"]


def _wall(value: Any, tz: tzinfo) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).replace(tzinfo=tz)
    return value


def standardize(component: Any, zone: tzinfo) -> Any:
    """Google's UTC and floating times as wall-clock times in the feed's X-WR-TIMEZONE.

    Through x-wr-timezone, so a weekly 9:00 meeting written as 14:00Z in winter
    still recurs at 9:00 local after the DST change (its raw text says so too).
    """
    import x_wr_timezone
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add_component(component)
    return x_wr_timezone.to_standard(calendar, timezone=zone).subcomponents[0]


def stored(value: date | datetime, floating: tzinfo) -> date | datetime:
    """A date as is; a time as an aware UTC instant (a floating time is in `floating`)."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=floating)
        return aware.astimezone(UTC)
    return value


def add_duration(start: date | datetime, duration: timedelta) -> date | datetime:
    """DTSTART + DURATION, RFC 5545 §3.3.6: days are nominal (wall clock), the rest exact.

    So a one-day event across a DST change still ends at the same clock time.
    """
    if not isinstance(start, datetime):
        return start + timedelta(days=max(duration.days, 1))
    nominal = start + timedelta(days=duration.days)  # same tzinfo: wall-clock arithmetic
    exact = timedelta(seconds=duration.seconds, microseconds=duration.microseconds)
    if nominal.tzinfo is None:
        return nominal + exact
    return (nominal.astimezone(UTC) + exact).astimezone(nominal.tzinfo)


def recurrence_id_text(value: date | datetime, floating: tzinfo) -> str:
    """The canonical text of a RECURRENCE-ID, the identity of an overridden instance.

    A date is `YYYYMMDD`; a time is the UTC instant `YYYYMMDDTHHMMSSZ`, whatever
    zone it was written in (a floating one is read in `floating`). Expansion must
    format an occurrence's original start the same way to find its override.
    """
    if isinstance(value, datetime):
        return stored(value, floating).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def zone_name(prop: Any) -> str | None:
    """The TZID a localized DTSTART was written in; None for dates, UTC and floating."""
    value = getattr(prop, "dt", None)
    if not isinstance(value, datetime) or value.tzinfo is None:
        return None
    written = prop.params.get("TZID")
    if written:
        return str(written)
    key = getattr(value.tzinfo, "key", None)
    return None if key in (None, "UTC", "Etc/UTC") else key


def instant(prop: Any) -> datetime | None:
    """A UTC-only property (DTSTAMP, LAST-MODIFIED, COMPLETED) as an aware instant.

    RFC 5545 requires UTC there; a floating value is taken as UTC rather than
    guessed, a date as its midnight UTC.
    """
    value = getattr(prop, "dt", None)
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    return None


def one(component: Any, name: str) -> Any:
    """The property, None if absent; a property given twice is not guessed between."""
    value = component.get(name)
    if isinstance(value, list):
        raise Unusable(f"{name} appears {len(value)} times")
    return value


def when(prop: Any, name: str) -> date | datetime:
    value = getattr(prop, "dt", None)
    if not isinstance(value, date):
        raise Unusable(f"{name} is not a date or date-time")
    return value


def end_of(component: Any, start: date | datetime) -> date | datetime:
    """DTEND, else DTSTART + DURATION, else one day (a date) or no time at all (RFC 5545)."""
    end_prop = one(component, "DTEND")
    if end_prop is not None:
        end = when(end_prop, "DTEND")
        if isinstance(end, datetime) != isinstance(start, datetime):
            raise Unusable("DTSTART and DTEND mix a date and a date-time")
        return end
    duration = one(component, "DURATION")
    if duration is not None:
        if not isinstance(duration.dt, timedelta):
            raise Unusable("DURATION is not a duration")
        if duration.dt < timedelta(0):
            raise Unusable("negative DURATION")
        return add_duration(start, duration.dt)
    return start if isinstance(start, datetime) else start + timedelta(days=1)


def last_modified(component: Any) -> datetime | None:
    """LAST-MODIFIED, else DTSTAMP: what orders two versions of one component."""
    return instant(component.get("LAST-MODIFIED")) or instant(component.get("DTSTAMP"))
