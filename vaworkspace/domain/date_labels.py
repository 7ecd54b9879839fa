"""How dates read back: a few characters for the inbox column (`fri 17:00`,
`5 dec`, `3d overdue`; in French `ven. 17 h`, `5 déc.`, `retard 3 j`) and the
unambiguous local form of an echo (`2026-12-04 17:00`).

What the caller may rely on: a label that names a day or a moment (every label
but `… overdue` and the `in 25m` of the next three hours, which count from now)
reads back through `dates.parse_when`, at the same `now` and in the same zone, as
that day or minute, in either language. So a day of the month is written day
first (`5 mar`, `5 mars`): `mar 5` is refused by the grammar as ambiguous (mardi
5, or March 5?). The language is `i18n.language()`: the words are the grammar's
own (`date_words`), the phrases around them (`today`, `in {span}`) the catalog's.
Pure: `now` and the zone are passed in.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo

from vaworkspace.domain.date_words import DAY_LABELS_FR, DAY_NAMES, MONTH_LABELS_FR, MONTH_NAMES
from vaworkspace.i18n import _, language


def _as_utc(value: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken to be UTC already."""
    utc = timezone.utc
    return value.replace(tzinfo=utc) if value.tzinfo is None else value.astimezone(utc)


def format_local(value: date | datetime, tz: tzinfo) -> str:
    """Unambiguous local text: `2026-12-04` or `2026-12-04 17:00` in the user's zone."""
    if isinstance(value, datetime):
        local = _as_utc(value).astimezone(tz).replace(tzinfo=None)
        return local.isoformat(sep=" ", timespec="minutes")
    return value.isoformat()


DUE_WIDTH = 14
"""The most cells a due label takes (the inbox column's width)."""


def humanize_due(value: date | datetime, now: datetime, tz: tzinfo) -> str:
    """A few characters (at most `DUE_WIDTH`) for the inbox column: `in 25m`,
    `fri 17:00`, `5 dec`, `3d overdue`."""
    return _humanize(value, now, tz, _("{span} overdue"))


def humanize_ago(value: date | datetime, now: datetime, tz: tzinfo) -> str:
    """As `humanize_due`, for a date whose passing is no lateness (a wait, a
    schedule): `2d ago`."""
    return _humanize(value, now, tz, _("{span} ago"))


def _humanize(value: date | datetime, now: datetime, tz: tzinfo, past: str) -> str:
    today = now.astimezone(tz).date()
    if not isinstance(value, datetime):
        if value < today:
            return past.format(span=_("{days}d").format(days=(today - value).days))
        return _day_label(value, today)
    instant = _as_utc(value)
    seconds = (instant - now).total_seconds()
    if seconds < 0:
        return past.format(span=_span(-seconds))
    if seconds < 60:
        return _("now")
    if seconds < 3 * 3600:
        return _("in {span}").format(span=_span(seconds))
    local = instant.astimezone(tz)
    if local.date().year != today.year and local.date() - today > timedelta(days=6):
        return local.date().isoformat()  # written whole and alone: the column has no room
    label = _day_and_time(local.date(), today, _clock(local.time()))
    if len(label) > DUE_WIDTH:  # `30 sept. 10 h 30`: French also writes 10h30
        label = _day_and_time(local.date(), today, _clock(local.time()).replace(" ", ""))
    return label


def humanize_span(start: datetime, end: datetime, now: datetime, tz: tzinfo) -> str:
    """A block or a slot with its day as `humanize_due` names it: `today 14:00–14:45`,
    `thu 09:00–10:00`, `18 dec 09:00–10:00` (the hours alone would read as today's)."""
    local = _as_utc(start).astimezone(tz)
    until = _as_utc(end).astimezone(tz).time()
    hours = f"{_clock(local.time())}–{_clock(until)}"
    return _day_and_time(local.date(), now.astimezone(tz).date(), hours)


def _day_and_time(day: date, today: date, time: str) -> str:
    """`fri 17:00`, `today 17:00`; French writes today's time alone (`17 h 30`, which
    reads back as today's), as `aujourd'hui 17 h 30` would not fit the column."""
    if day == today:
        return _("today {time}").format(time=time)
    return f"{_day_label(day, today)} {time}"


def _french() -> bool:
    return language().split("_")[0].lower() == "fr"


def _clock(at: time) -> str:
    """`17:00`; in French `17 h`, `17 h 30` (as `locale_format.format_clock` writes it)."""
    if _french():
        return f"{at.hour} h" if not at.minute else f"{at.hour} h {at.minute:02d}"
    return f"{at.hour:02d}:{at.minute:02d}"


def _span(seconds: float) -> str:
    """Whole minutes, hours or days (rounded down, at least one minute)."""
    minutes = max(1, int(seconds // 60))
    if minutes < 60:
        return _("{minutes}m").format(minutes=minutes)
    if minutes < 24 * 60:
        return _("{hours}h").format(hours=minutes // 60)
    return _("{days}d").format(days=minutes // (24 * 60))


def _day_label(day: date, today: date) -> str:
    """today, tomorrow, a weekday within 6 days, `5 dec` this year, else the ISO date."""
    ahead = (day - today).days
    if ahead == 0:
        return _("today")
    if ahead == 1:
        return _("tomorrow")
    french = _french()
    if 1 < ahead <= 6:
        return (DAY_LABELS_FR if french else DAY_NAMES)[day.weekday()]
    if day.year == today.year:
        return f"{day.day} {(MONTH_LABELS_FR if french else MONTH_NAMES)[day.month - 1]}"
    return day.isoformat()
