"""Dates, times, lengths of time and money in the user's language (Babel).

French writes `ven. 11 déc., 17 h`, `17 h 30` (24-hour, as French does), `1 h 30`,
`45,00 $` (fr_CA) and `45,00 €` (fr_FR); English keeps the forms the UI already
shows (`1h30m`, `45.00 CAD`) and writes a day as `Fri Dec 11, 17:00`. `language` is
a locale id as `config.language` resolves it (`fr_CA`, `fr`, `en`).

What the caller may rely on: a date or instant written here reads back through
`dates.parse_when` (at the same `now`, in the same zone) as the same day or
minute. The weekday is always written, so an English `Mar` is never mistaken for
mardi, and the year is written when the day and month alone would read as
another year's.

Babel is imported on first use, never at import: `va list` pays nothing for it.
Presentation, like `formats`: the domain returns values, these write them.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone, tzinfo

from vaworkspace.i18n import N_

TYPE_CHECKING = False
if TYPE_CHECKING:
    from babel import Locale

    from vaworkspace.domain.models import Budget
    from vaworkspace.domain.time.timesheet import CsvStyle


def is_french(language: str) -> bool:
    return language.split("_")[0].lower() == "fr"


def _locale(language: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):  # a region Babel lacks: the language alone
        return Locale.parse(language.split("_")[0])


def format_clock(at: time, language: str) -> str:
    """`17 h`, `17 h 30` in French; `17:00` in English (24-hour in both)."""
    if is_french(language):
        return f"{at.hour} h" if not at.minute else f"{at.hour} h {at.minute:02d}"
    return f"{at.hour:02d}:{at.minute:02d}"


def format_when(value: date | datetime, tz: tzinfo, now: datetime, language: str) -> str:
    """`ven. 11 déc., 17 h` / `Fri Dec 11, 17:00`; a date alone without the time.
    An instant is shown at its wall time in `tz`; `now` decides whether the year
    must be written (`ven. 10 déc. 2027`)."""
    from babel.dates import format_date

    at: time | None = None
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
        local = aware.astimezone(tz)
        day, at = local.date(), local.time()
    else:
        day = value
    today = now.astimezone(tz).date()
    with_year = _next_such_day(day.month, day.day, today) != day
    if is_french(language):
        pattern = "EEE d MMM y" if with_year else "EEE d MMM"
    else:
        pattern = "EEE MMM d, y" if with_year else "EEE MMM d"
    text = format_date(day, pattern, locale=_locale(language))
    return text if at is None else f"{text}, {format_clock(at, language)}"


def _next_such_day(month: int, day: int, today: date) -> date | None:
    """The day `d MMM` reads as (`parse_when`): the first on or after today."""
    for year in range(today.year, today.year + 9):  # Feb 29 waits for a leap year
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found >= today:
            return found
    return None


def format_minutes(minutes: int, language: str) -> str:
    """`1 h 30`, `45 min`, `2 h` in French; `1h30m` in English (as today)."""
    if not is_french(language):
        from vaworkspace.domain.durations import format_duration

        return format_duration(minutes)
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def format_hours_minutes(seconds: int | float, language: str) -> str:
    """A length of time to the minute, rounded down: `1 h 05` in French, `1h05`
    (`formats.hours_minutes`) in English, as the tables and totals show it."""
    if not is_french(language):
        from vaworkspace.formats import hours_minutes

        return hours_minutes(seconds)
    return format_minutes(max(0, int(seconds // 60)), language)


def _date_text(day: date, english: str, pattern: str, language: str) -> str:
    """`day` by `strftime(english)` as the English screens always wrote it, or by
    the Babel (CLDR) `pattern` in French."""
    if not is_french(language):
        return day.strftime(english)
    from babel.dates import format_date

    return format_date(day, pattern, locale=_locale(language))


def format_day_with_year(day: date, language: str) -> str:
    """A day always with its year, for a title: `lun. 30 nov. 2026`, `Mon 30 Nov
    2026` (`format_day_year_if_needed` writes it only where it is needed)."""
    return _date_text(day, "%a %d %b %Y", "EEE d MMM y", language)


def format_day_month(day: date, language: str) -> str:
    """`Mon 07 Dec` / `lun. 7 déc.`: a day named without its year (a plan's days in
    what an undo says)."""
    return _date_text(day, "%a %d %b", "EEE d MMM", language)


def format_weekday(day: date, language: str) -> str:
    """`Tue 01` / `mar. 1`: a day of the week shown, in a week's table."""
    return _date_text(day, "%a %d", "EEE d", language)


def format_span(start: datetime, end: datetime, language: str) -> str:
    """A time entry's local day and hours: `Mon 30 Nov 09:00–10:30`, or in French
    `lun. 30 nov. 9 h–10 h 30` (the instants are already in the user's zone)."""
    if not is_french(language):
        return f"{start:%a %d %b %H:%M}–{end:%H:%M}"
    day = _date_text(start.date(), "", "EEE d MMM", language)
    return f"{day} {format_clock(start.time(), language)}–{format_clock(end.time(), language)}"


def format_month(day: date, language: str) -> str:
    """The month holding `day`: `novembre 2026`, `November 2026`."""
    return _date_text(day, "%B %Y", "LLLL y", language)


def format_percent(share: float, language: str) -> str:
    """`43 %` (a no-break space before the sign, as French writes it) or `43%`."""
    if not is_french(language):
        return f"{share:.0%}"
    return f"{share * 100:.0f}\N{NO-BREAK SPACE}%"


def decimal_mark(number: str, language: str) -> str:
    """`12.50` written with the language's decimal mark: `12,50` in French."""
    return number.replace(".", ",") if is_french(language) else number


def format_amount(cents: int, currency: str, language: str) -> str:
    """`45,00 $` (fr_CA, CAD), `45,00 €` (fr_FR, EUR), `45,00 $CA` (fr_FR, CAD);
    English keeps `45.00 CAD`, plain in every locale."""
    if not is_french(language):
        from vaworkspace.domain.money import format_money

        return format_money(cents, currency)
    from decimal import Decimal

    from babel.numbers import format_currency

    return format_currency(Decimal(cents).scaleb(-2), currency, locale=_locale(language))


def format_budget(budget: Budget | None, language: str, short: bool = False) -> str:
    """A retainer as `parse_budget` reads it back: `10 h/semaine`, `40 h/mois` in
    French; `short` (a table's narrow column) writes `10 h/sem.`. English keeps
    `10h/week` either way; "" when there is none."""
    from vaworkspace.domain.money import format_budget as english

    if budget is None or not is_french(language):
        return english(budget)
    week = "sem." if short else "semaine"
    period = week if budget.period == "week" else "mois"
    return f"{format_minutes(budget.minutes, language)}/{period}"


TIMESHEET_HEADER = (
    N_("date"),
    N_("task"),
    N_("start"),
    N_("end"),
    N_("hours"),
    N_("rate"),
    N_("amount"),
    N_("note"),
)
"""`domain.time.timesheet.CSV_HEADER`, for the extractor: its words in the UI's language."""


def timesheet_style(language: str, excel: bool = False) -> CsvStyle:
    """The timesheet CSV a client's spreadsheet opens cleanly. French: `;` between
    cells, decimal commas, French headings and a UTF-8 BOM (French Excel reads a
    file without one as Latin-1). `excel` (`va report --excel`): the same `;` and
    BOM in any language, the decimal mark the language writes. Otherwise plain CSV,
    exactly as before."""
    from vaworkspace.domain.time.timesheet import CsvStyle
    from vaworkspace.i18n import _

    french = is_french(language)
    if not (french or excel):
        return CsvStyle()
    return CsvStyle(
        delimiter=";",
        decimal_mark="," if french else ".",
        header=tuple(_(word) for word in TIMESHEET_HEADER),
        total=_("TOTAL"),
        bom=True,
    )


def format_day_year_if_needed(day: date, tz: tzinfo, now: datetime, language: str) -> str:
    """A day in a heading or a list: `Tue 01 Dec`, as the English screens and
    commands always wrote it (never a year); French `mar. 1 déc.` (`format_when`'s,
    with the year only when the day and month alone would read as another year's,
    which is why it takes `now`). A title always with its year:
    `format_day_with_year`."""
    if not is_french(language):
        return f"{day:%a %d %b}"
    return format_when(day, tz, now, language)
