"""The agenda's days, hours and lengths of time in the UI's language.

English keeps the domain's forms byte for byte (`1h30`, `free 10:30–12:00 (1h30)`,
`Tue 01 Dec`, `today 14:00–14:45`); French writes lengths as `1 h 30` and `45 min`,
days as `mar. 1 déc.` and the hours of a notice as `14 h–14 h 45`
(`locale_format`). Clock times in the day grid, the week columns and the lists
stay `14:30` in both languages: a fixed-width column French reads as well.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from vaworkspace.domain.calendar.agenda import clock, span_text
from vaworkspace.i18n import _, language, ngettext
from vaworkspace.locale_format import (
    format_clock,
    format_day_year_if_needed,
    format_minutes,
    format_when,
    is_french,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.domain.calendar.agenda import Interval


def french() -> bool:
    return is_french(language())


def span(minutes: int) -> str:
    """`1h30`, `0h45` in English; `1 h 30`, `45 min` in French."""
    return format_minutes(minutes, language()) if french() else span_text(minutes)


def block_length(minutes: int) -> str:
    """A task's block: `45m`, `90m` in English; `45 min`, `1 h 30` in French."""
    return format_minutes(minutes, language()) if french() else f"{minutes}m"


def free_time(minutes: int, text: str | None = None) -> str:
    """`1h30 free` / `1 h 30 libre`, `8 h libres` (French agrees with the hours,
    or with the minutes under an hour); `text` is the length as written (`""`:
    the word alone, with a space)."""
    count = minutes // 60 if minutes >= 60 else minutes
    length = span(minutes) if text is None else text
    return ngettext("{span} free", "{span} free", count).format(span=length)


def slot_label(slot: Interval, tz: tzinfo) -> str:
    """`10:30–12:00 (1h30)` / `10:30–12:00 (1 h 30)`."""
    minutes = int((slot[1] - slot[0]).total_seconds()) // 60
    return f"{clock(slot[0], tz)}–{clock(slot[1], tz)} ({span(minutes)})"


def free_slot(slot: Interval, tz: tzinfo, mark: str = "", width: int = 0) -> str:
    """`▶ free 10:30–12:00 (1h30)` / `▶ libre 10:30–12:00 (1 h 30)`. French, longer,
    drops the length when the text is wider than `width` (the hours say it);
    English keeps its one form, cut by the caller as it always was."""
    text = mark + _("free {slot}").format(slot=slot_label(slot, tz))
    if french() and width and len(text) > width:
        return text[: text.rindex(" (")]
    return text


def short_day(day: date, now: datetime, tz: tzinfo) -> str:
    """`Tue 01 Dec` / `mar. 1 déc.` (French adds the year when it is not the
    year the day and month alone would read as)."""
    return format_day_year_if_needed(day, tz, now, language())


def title_day(day: date, now: datetime, tz: tzinfo) -> str:
    """The agenda's title: `Tue 01 Dec 2026` / `mar. 1 déc.`."""
    return f"{day:%a %d %b %Y}" if not french() else short_day(day, now, tz)


def week_day(day: date, now: datetime, tz: tzinfo) -> str:
    """The Monday a week title names: `Mon 30 Nov 2026` / `30 nov.` (the weekday
    goes without saying in French: `Semaine du 30 nov.`)."""
    if not french():
        return f"{day:%a %d %b %Y}"
    from babel.dates import format_date

    pattern = "d MMM" if day.year == now.astimezone(tz).year else "d MMM y"
    return format_date(day, pattern, locale=_babel_locale())


def column_day(day: date) -> str:
    """A week column's head: `Mon 30` / `lun. 30`."""
    if not french():
        return f"{day:%a} {day.day:02d}"
    from babel.dates import format_date

    return format_date(day, "EEE d", locale=_babel_locale())


def weekday(moment: datetime, tz: tzinfo) -> str:
    """`Tue` / `mar.`: an instant's local weekday."""
    local = moment.astimezone(tz)
    if not french():
        return f"{local:%a}"
    from babel.dates import format_date

    return format_date(local.date(), "EEE", locale=_babel_locale())


def block_when(start: datetime, end: datetime, now: datetime, tz: tzinfo) -> str:
    """A block's day and hours in a notice: `today 14:00–14:45` (as the inbox says
    dates) / `aujourd'hui, 14 h–14 h 45`, `jeu. 3 déc., 9 h–10 h`."""
    if not french():
        from vaworkspace.domain.date_labels import humanize_span

        return humanize_span(start, end, now, tz)
    local = start.astimezone(tz)
    ahead = (local.date() - now.astimezone(tz).date()).days
    if ahead in (0, 1):
        day = (_("today"), _("tomorrow"))[ahead]
    else:
        day = format_when(local.date(), tz, now, language())
    hours = f"{format_clock(local.time(), language())}–"
    hours += format_clock(end.astimezone(tz).time(), language())
    return f"{day}, {hours}"


def _babel_locale():
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language())
    except (UnknownLocaleError, ValueError):
        return Locale.parse(language().split("_")[0])
