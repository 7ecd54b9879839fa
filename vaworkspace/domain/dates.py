"""Dates as a VA types them: the grammar of `parse_when`, and day arithmetic.

A due, wait or scheduled value is either a `date` (all day, in the user's zone) or
an aware `datetime` in UTC (an instant). How they are stored is the store's
business (`store/instants.py`, the one codec of the file); people use
`parse_when` ("fri 17:00", "in 3 days", "dec 5", "ven 17h", "fin du mois"), and
`parse_iso` reads an ISO date or instant typed as such ($VAWORKSPACE_NOW).
French phrasing, accents and ambiguous words are `date_phrases`' business; how
dates read back (`humanize_due`, `format_local`) is `date_labels`', and lengths
of time (`parse_duration`) are `durations`': this module re-exports those for
its many callers.

Pure: the current moment is always passed in as `now` and the zone as a `tzinfo`,
so every function is deterministic and testable across DST changes. Local wall
times are turned into instants with `datetime.combine(..., tzinfo=tz)`: a time
skipped by a spring-forward change lands one hour later, and a time repeated in
autumn means its first occurrence (zoneinfo's `fold=0`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from vaworkspace.domain.clock_times import is_time_token as is_time_token
from vaworkspace.domain.clock_times import parse_clock as parse_clock
from vaworkspace.domain.clock_times import parse_time_word as _parse_time
from vaworkspace.domain.date_labels import format_local as format_local
from vaworkspace.domain.date_labels import humanize_due as humanize_due
from vaworkspace.domain.date_words import DAY_FULL_NAMES, MONTHS, NUMBER_WORDS, UNITS, WEEKDAYS
from vaworkspace.domain.date_words import ISO_DATE as _ISO_DATE
from vaworkspace.domain.durations import MAX_DURATION as MAX_DURATION
from vaworkspace.domain.durations import format_duration as format_duration
from vaworkspace.domain.durations import parse_duration as parse_duration
from vaworkspace.errors import InputError
from vaworkspace.i18n import N_, _, language

UTC = timezone.utc

# Patterns stay strings: `re` compiles and caches them on first use, keeping the
# import cheap for commands that never parse a date.
_ISO_DATETIME = (
    r"(?i)([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2})"
    r"(?::([0-9]{2})(?:\.([0-9]{1,6})[0-9]*)?)?\s*(Z|[+-][0-9]{2}:?[0-9]{2})?"
)
_AMOUNT = r"([0-9]{1,5})([a-z]+)"
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

WHEN_EXAMPLES = N_(
    "try today, tomorrow, fri, next monday, in 3 days, eow, eom, 2026-12-05, dec 5, "
    "optionally with a time like 17:00 or 5pm"
)
"""The hint after a date no reading understood (marked: translate it where shown)."""


def day_start(d: date, tz: tzinfo) -> datetime:
    """The UTC instant of local midnight starting `d` (DST-safe, no 24 h arithmetic)."""
    return datetime.combine(d, time(0), tz).astimezone(UTC)


def day_end(d: date, tz: tzinfo) -> datetime:
    """The UTC instant the next local day starts: a date is due until then (exclusive)."""
    return day_start(d + timedelta(days=1), tz)


def to_instant(value: date | datetime, tz: tzinfo, end: bool = False) -> datetime:
    """Compare dates and instants: a date becomes the start (or end) of its local day."""
    if isinstance(value, datetime):
        return _as_utc(value)
    return day_end(value, tz) if end else day_start(value, tz)


def parse_iso(text: str) -> date | datetime:
    """An ISO date or instant as typed: `Z`, an offset or none (UTC), any case.

    Own regex rather than `fromisoformat`, which refuses the `Z` on Python 3.10.
    """
    raw = str(text).strip()
    try:
        if match := re.fullmatch(_ISO_DATE, raw):
            return date(*map(int, match.groups()))
        if match := re.fullmatch(_ISO_DATETIME, raw):
            return _iso_datetime(match)
    except (ValueError, OverflowError):
        pass
    raise InputError(
        _("'{text}' is not an ISO date such as 2026-12-05 or 2026-12-05T16:00:00Z").format(
            text=text
        )
    )


def _iso_datetime(match: re.Match[str], tz: tzinfo = UTC) -> datetime:
    """Build the instant a datetime match means; `tz` applies when there is no offset."""
    year, month, day, hour, minute, second, frac, offset = match.groups()
    micro = int((frac or "0").ljust(6, "0"))
    if offset and offset.upper() != "Z":
        delta = timedelta(hours=int(offset[1:3]), minutes=int(offset[-2:]))
        tz = timezone(-delta if offset[0] == "-" else delta)
    elif offset:
        tz = UTC
    wall = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    return wall.replace(microsecond=micro, tzinfo=tz).astimezone(UTC)


def _as_utc(value: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken to be UTC already."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def parse_when(text: str, now: datetime, tz: tzinfo) -> date | datetime:
    """The date or instant a user's expression means, relative to `now` in zone `tz`.

    Date-only expressions give a `date`; with a time of day (or `now`, `tonight`,
    `in 2h`) they give a UTC instant of that local wall time. English and French
    are both read (`date_phrases`). A word with two meanings (`mar`: mardi or
    March) is read each way: when only one reading makes sense it is taken (`mar
    17h`, `5 mar`); when two do (`mar 5`: March 5, or mardi 5?) the phrase is
    refused as ambiguous, naming the words that say each meaning. Raises
    `InputError` quoting the text and saying what to write instead.
    """
    from vaworkspace.domain.date_phrases import readings  # only commands that read dates

    raw = " ".join(str(text).split())
    if match := re.fullmatch(_ISO_DATETIME, raw):
        try:
            return _iso_datetime(match, tz)
        except (ValueError, OverflowError):
            pass
    sensible: list[tuple[str, date | datetime | _Unclear]] = []
    for label, words in readings(raw):
        result: date | datetime | _Unclear | None
        try:
            result = _parse_words(words, now, tz)
        except _Unclear as unclear:
            result = unclear
        except (ValueError, OverflowError):
            result = None
        if result is not None:
            sensible.append((label, result))
    if len(sensible) > 1:
        meanings = _(" or ").join(label for label, _reading in sensible)
        why = _("it is ambiguous, {meanings}? write the word you mean").format(meanings=meanings)
        raise AmbiguousDate(_unreadable(text, why))
    if sensible:
        found = sensible[0][1]
        if isinstance(found, _Unclear):
            raise InputError(_unreadable(text, str(found)))
        return found
    raise InputError(_unreadable(text, _why_not(raw)))


def _unreadable(text: str, why: str) -> str:
    return _("can't read the date '{text}': {why}").format(text=text, why=why)


class AmbiguousDate(InputError):
    """Two readings of a phrase make sense (`mar 5`): a caller trying shorter runs
    of words (quick add) stops here instead of settling for a shorter date."""


class _Unclear(ValueError):
    """A phrase a person could mean that does not name one day (`fri 17`), or names
    a day that contradicts its weekday (`fri dec 12` in 2026, a Saturday)."""


def _why_not(raw: str) -> str:
    """The hint for a phrase that no reading understood."""
    from vaworkspace.domain.date_phrases import readings

    if "/" in raw:
        return _("12/05 is ambiguous, write dec 5 or 5 dec")
    numbers = [word for _l, words in readings(raw) for word in words if word in NUMBER_WORDS]
    if numbers:
        return _("write the number in digits ('{word}'), e.g. in 7 days, dans 7 jours").format(
            word=numbers[0]
        )
    return _(WHEN_EXAMPLES)


def _parse_words(words: list[str], now: datetime, tz: tzinfo) -> date | datetime | None:
    """The grammar on a phrase's words (as `date_phrases` gives them), or None."""
    if not words:
        return None
    today = now.astimezone(tz).date()
    day = _parse_day(words, today, now, tz)
    if day is not None:
        return day
    if (at := _parse_time(words[-1])) is None:
        return None
    rest = words[:-2] if len(words) >= 2 and words[-2] in ("at", "a") else words[:-1]
    if not rest:
        moment = datetime.combine(today, at, tz)
        if moment <= now:
            moment = datetime.combine(today + timedelta(days=1), at, tz)
        return moment.astimezone(UTC)
    day = _parse_day(rest, today, now, tz)
    if day is None or isinstance(day, datetime):
        return None
    return datetime.combine(day, at, tz).astimezone(UTC)


def _parse_day(words: list[str], today: date, now: datetime, tz: tzinfo) -> date | datetime | None:
    """The day (or instant) a list of words without a trailing time names, or None."""
    if words[0] in ("next", "this") and len(words) == 2:
        wanted = WEEKDAYS.get(words[1])
        if wanted is None:
            return None
        if words[0] == "this" and today.weekday() == wanted:
            return today
        return _next_weekday(today, wanted)
    if words[0] == "in" and len(words) in (2, 3):
        return _relative(words[1:], today, now)
    if len(words) == 1:
        return _single(words[0], today, now, tz)
    if words[0] in WEEKDAYS:
        return _dated_weekday(words, today)
    return _month_day(words, today)


def _dated_weekday(words: list[str], today: date) -> date | None:
    """`ven 11 déc`, `fri dec 11 2027`: the date, which must fall on the weekday
    named first. A number alone after a weekday (`fri 17`) is a question, not a day."""
    wanted, rest = WEEKDAYS[words[0]], words[1:]
    if (match := re.fullmatch(r"([0-9]{1,2})(st|nd|rd|th|er)?", rest[0])) and (
        len(rest) == 1 or rest[1] not in MONTHS
    ):
        number, name = int(match[1]), words[0]
        nth = f"{number}{_ordinal_suffix(number)}"
        if number < 24 and not match[2]:
            raise _Unclear(
                _(
                    "the {nth} or {number}:00? write {name} {number}:00 or {name} {number}h "
                    "for the hour, or add the month for the day: {name} {number} dec"
                ).format(nth=nth, number=number, name=name)
            )
        raise _Unclear(
            _("the {nth} of which month? add it: {name} {number} dec").format(
                nth=nth, number=number, name=name
            )
        )
    day = _month_day(rest, today)
    if day is not None and day.weekday() != wanted:
        named = DAY_FULL_NAMES[day.weekday()], DAY_FULL_NAMES[wanted]
        raise _Unclear(
            _("{date} is a {weekday}, not a {named}").format(
                date=day.isoformat(), weekday=_(named[0]), named=_(named[1])
            )
        )
    return day


def _ordinal_suffix(number: int) -> str:
    """`st`, `nd`, `rd`, `th`; in French `er` for the 1st and nothing after the others
    (`le 1er`, `le 5`)."""
    if language().startswith("fr"):
        return "er" if number == 1 else ""
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _single(word: str, today: date, now: datetime, tz: tzinfo) -> date | datetime | None:
    """A one-word expression: keywords, weekdays, ISO dates and `3d`/`2w` shorthand."""
    named = {
        "today": 0,
        "tod": 0,
        "eod": 0,
        "tomorrow": 1,
        "tmr": 1,
        "tmrw": 1,
        "overmorrow": 2,
        "yesterday": -1,
    }
    if word in named:
        return today + timedelta(days=named[word])
    if word in WEEKDAYS:
        return _next_weekday(today, WEEKDAYS[word])
    if word == "now":
        return now.astimezone(UTC).replace(microsecond=0)
    if word == "tonight":
        return datetime.combine(today, time(20), tz).astimezone(UTC)
    if word in ("eow", "weekend", "sow", "eom", "som", "eoy"):
        return _period_edge(word, today)
    if match := re.fullmatch(_ISO_DATE, word):
        return date(*map(int, match.groups()))
    if (match := re.fullmatch(_AMOUNT, word)) and match[2] in ("d", "w", "j", "sem"):
        return _relative([match[1], match[2]], today, now)
    return None


def _period_edge(word: str, today: date) -> date:
    """eow: Friday of this work week (next one at the weekend); weekend: its
    Saturday (today on a Saturday, the next one on a Sunday, as eow at the
    weekend); eom/eoy: last day; sow/som: the first day of the next week/month (a
    start in the past is no use)."""
    if word in ("eow", "weekend"):
        wanted = 4 if word == "eow" else 5
        return today if today.weekday() == wanted else _next_weekday(today, wanted)
    if word == "sow":
        return _next_weekday(today, 0)
    if word == "eoy":
        return date(today.year, 12, 31)
    first_next = add_months(today.replace(day=1), 1)
    return first_next if word == "som" else first_next - timedelta(days=1)


def _relative(words: list[str], today: date, now: datetime) -> date | datetime | None:
    """`3 days`, `2 weeks`, `1 month`, `2 hours`, `30m`: after today (or now, for hours)."""
    if len(words) == 1:
        match = re.fullmatch(_AMOUNT, words[0])
        if match is None:
            return None
        words = [match[1], match[2]]
    count_word, unit_word = words
    count = 1 if count_word in ("a", "an", "un", "une") else None
    if count is None and re.fullmatch(r"[0-9]{1,5}", count_word):
        count = int(count_word)
    unit = UNITS.get(unit_word)
    if count is None or unit is None:
        return None
    if unit == "months":
        return add_months(today, count)
    if unit in ("days", "weeks"):
        return today + timedelta(**{unit: count})
    return (now.astimezone(UTC) + timedelta(**{unit: count})).replace(microsecond=0)


def _month_day(words: list[str], today: date) -> date | None:
    """`dec 5`, `5 dec`, `december 5th`, with an optional year; a passed day means next year."""
    if len(words) not in (2, 3):
        return None
    if words[0] in MONTHS:
        month, day_word = MONTHS[words[0]], words[1]
    elif words[1] in MONTHS:
        month, day_word = MONTHS[words[1]], words[0]
    else:
        return None
    match = re.fullmatch(r"([0-9]{1,2})(?:st|nd|rd|th|er)?", day_word)
    if match is None:
        return None
    day = int(match[1])
    if len(words) == 3:
        return date(int(words[2]), month, day) if re.fullmatch(r"[0-9]{4}", words[2]) else None
    for year in range(today.year, today.year + 9):  # Feb 29 waits for a leap year
        if (month, day) != (2, 29) or _is_leap(year):
            found = date(year, month, day)  # ValueError (Feb 30) → not a date
            if found >= today:
                return found
    return None


def _is_leap(year: int) -> bool:
    """Gregorian leap year (the `calendar` module costs more to import than this)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _next_weekday(today: date, wanted: int) -> date:
    """The next day with weekday `wanted` strictly after today (today Friday → next Friday)."""
    return today + timedelta(days=(wanted - today.weekday() - 1) % 7 + 1)


def add_months(d: date, months: int) -> date:
    """Calendar month arithmetic clamped to the month's end (Jan 31 + 1 month = Feb 28/29)."""
    year, month = divmod(d.year * 12 + d.month - 1 + months, 12)
    last = 29 if month == 1 and _is_leap(year) else _DAYS_IN_MONTH[month]
    return date(year, month + 1, min(d.day, last))
