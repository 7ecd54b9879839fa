"""How dates read back: a few characters for the inbox column (`fri 17:00`,
`dec 5`, `3d overdue`) and the unambiguous local form of an echo (`2026-12-04 17:00`).

English, as the UI is today; the French forms are `locale_format`'s (Babel).
Pure: `now` and the zone are passed in.
"""

from __future__ import annotations

from datetime import date, datetime, timezone, tzinfo

from vaworkspace.domain.date_words import DAY_NAMES, MONTH_NAMES


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


def humanize_due(value: date | datetime, now: datetime, tz: tzinfo) -> str:
    """A few characters for the inbox column: `in 25m`, `fri 17:00`, `dec 5`, `3d overdue`."""
    today = now.astimezone(tz).date()
    if not isinstance(value, datetime):
        if value < today:
            return f"{(today - value).days}d overdue"
        return _day_label(value, today)
    instant = _as_utc(value)
    seconds = (instant - now).total_seconds()
    if seconds < 0:
        return f"{_span(-seconds)} overdue"
    if seconds < 60:
        return "now"
    if seconds < 3 * 3600:
        return f"in {_span(seconds)}"
    local = instant.astimezone(tz)
    label = _day_label(local.date(), today)
    return label if label[0].isdigit() else f"{label} {local:%H:%M}"


def humanize_span(start: datetime, end: datetime, now: datetime, tz: tzinfo) -> str:
    """A block or a slot with its day as `humanize_due` names it: `today 14:00–14:45`,
    `thu 09:00–10:00`, `dec 18 09:00–10:00` (the hours alone would read as today's)."""
    local = _as_utc(start).astimezone(tz)
    day = _day_label(local.date(), now.astimezone(tz).date())
    return f"{day} {local:%H:%M}–{_as_utc(end).astimezone(tz):%H:%M}"


def _span(seconds: float) -> str:
    """Whole minutes, hours or days (rounded down, at least one minute)."""
    minutes = max(1, int(seconds // 60))
    if minutes < 60:
        return f"{minutes}m"
    if minutes < 24 * 60:
        return f"{minutes // 60}h"
    return f"{minutes // (24 * 60)}d"


def _day_label(day: date, today: date) -> str:
    """today, tomorrow, a weekday within 6 days, `dec 5` this year, else the ISO date."""
    ahead = (day - today).days
    if ahead in (0, 1):
        return ("today", "tomorrow")[ahead]
    if 1 < ahead <= 6:
        return DAY_NAMES[day.weekday()]
    if day.year == today.year:
        return f"{MONTH_NAMES[day.month - 1]} {day.day}"
    return day.isoformat()
