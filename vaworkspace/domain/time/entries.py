"""Time entries: what `va log` means, which blocks may coexist, which fall in a period.

A `TimeEntry` is a block of real time between two UTC instants; its worked time
is `end - start`. Entries never overlap (touching ends are fine): the same minute
billed twice is the mistake a timesheet must prevent. Periods are local calendar
days, weeks (Monday first) and months turned into UTC instants at local midnight,
so a DST day really lasts 23 or 25 hours. An entry belongs to the period its
start falls in, so adjacent periods add up exactly, without double counting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from vaworkspace.domain import dates
from vaworkspace.domain.models import TimeEntry
from vaworkspace.domain.time.timer import Segment
from vaworkspace.errors import InputError
from vaworkspace.i18n import N_, _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    _T = TypeVar("_T")

MAX_LOG_MINUTES = 24 * 60
PAST_DAY_END = time(17, 0)
"""A past day's entry without `--start` ends here (local): a workday's usual end."""
PERIODS = ("day", "week", "month", "custom")
LOG_EXAMPLE = N_("va log 1h30m @acme task:12 yesterday 'call with supplier'")
_RELATIVE_WORDS = ("next", "this", "in", "dans")


@dataclass(frozen=True, slots=True)
class LogRequest:
    """A manual entry as typed, resolved to instants; `client` is the raw id after `@`
    (the service resolves it), `task` the short task number."""

    start: datetime
    end: datetime
    client: str | None
    task: int | None
    note: str
    kind: str | None = None  # `#seo`: the kind of work, whose rate the entry keeps


def parse_log(words: list[str], now: datetime, tz: tzinfo, start: str | None = None) -> LogRequest:
    """Read `va log 1h30m @acme task:12 yesterday "call with supplier" [--start 14:00]`.

    The first word is the duration (at most 24 hours). Then, in any order: `@client`,
    `task:12`, `#kind` (the kind of work: `#seo`), one day (yesterday, mon, last
    fri, nov 30, 2026-11-30; a weekday or a month-day means the latest one before
    today), and the note (everything else;
    a quoted note is never read as a date). Without `--start` the entry ends now
    (today) or at 17:00 local (a past day); with it, it starts at that local time.
    Nothing may be in the future.
    """
    if not words:
        raise InputError(
            _("va log needs a duration first, like {example}").format(example=_(LOG_EXAMPLE))
        )
    size = _duration_size(words)
    minutes = _log_minutes(" ".join(words[:size]))
    client, task, kind, day, note = _read_words([w for w in words[size:] if w.strip()], now, tz)
    now = now.astimezone(dates.UTC).replace(microsecond=0)
    today = now.astimezone(tz).date()
    span = timedelta(minutes=minutes)
    if start is not None:
        begin = _start_instant(start, day, now, tz)
        end = begin + span
    else:
        on_day = today if day is None else day
        end = now if on_day == today else datetime.combine(on_day, PAST_DAY_END, tz)
        begin = end - span
    _refuse_future(begin, end, now, tz)
    return LogRequest(
        begin.astimezone(dates.UTC), end.astimezone(dates.UTC), client, task, note, kind
    )


def _duration_size(words: list[str]) -> int:
    """How many words the duration takes: one, or French spaced as it types it
    (`1 h 30`, `45 min`: `durations.duration_run`) when the first is a bare
    number. `1h 30 factures` keeps its 30 in the note, as `va log` always did."""
    from vaworkspace.domain.durations import duration_run

    return duration_run(words) if words[0].strip().isdigit() else 1


def _log_minutes(word: str) -> int:
    """The duration word, with a reminder of the syntax when it is something else."""
    try:
        minutes = dates.parse_duration(word)
    except InputError as error:
        raise InputError(
            _("{why}; va log starts with the duration, like {example}").format(
                why=error, example=_(LOG_EXAMPLE)
            )
        ) from None
    if minutes > MAX_LOG_MINUTES:
        raise InputError(
            _("the duration '{text}' is more than 24 hours; log each day separately").format(
                text=word
            )
        )
    return minutes


def _read_words(
    words: list[str], now: datetime, tz: tzinfo
) -> tuple[str | None, int | None, str | None, date | None, str]:
    """(client, task, kind, day, note) from the words after the duration."""
    from vaworkspace.domain.kind_rates import parse_kind

    client: str | None = None
    task: int | None = None
    kind: str | None = None
    day: date | None = None
    note: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word.startswith("@") and _single(word):
            client = _once(
                N_("two clients ({first} and {second}); give one"), client, _client_ref(word), "@"
            )
        elif word.lower().startswith("task:") and _single(word):
            task = _once(
                N_("two tasks ({first} and {second}); give one"), task, _task_ref(word), "task:"
            )
        elif word.startswith("#") and _single(word) and word[1:2].isalpha():
            kind = _once(
                N_("two kinds ({first} and {second}); give one"), kind, parse_kind(word), "#"
            )
        elif (found := _day_at(words, i, now, tz)) is not None:
            day = _once(
                N_("two days ({first} and {second}); give one"),
                day,
                _not_ahead(found[0], words[i : i + found[1]], now, tz),
            )
            i += found[1] - 1
        elif _plain(word) and dates.is_time_token(word):
            raise InputError(
                _(
                    "'{word}' looks like a time: use --start {word} to say when it began, "
                    "or quote the note"
                ).format(word=word)
            )
        else:
            note.append(word)
        i += 1
    return client, task, kind, day, " ".join(note).strip()


def _not_ahead(day: date, typed: list[str], now: datetime, tz: tzinfo) -> date:
    if day > now.astimezone(tz).date():
        raise InputError(
            _(
                "'{text}' is {date}, in the future: log time already worked, or quote the note"
            ).format(text=" ".join(typed), date=day.isoformat())
        )
    return day


def _single(word: str) -> bool:
    """One unquoted word: a quoted note arrives as one word with spaces in it."""
    return bool(word) and not any(c.isspace() for c in word)


def _plain(word: str) -> bool:
    """A single word that may be part of a day or a time (not `@client`, `task:N`)."""
    return _single(word) and word[0] != "@" and not word.lower().startswith("task:")


def _once(message: str, old: object, new: _T, mark: str = "") -> _T:
    """`new`, unless a value was already given: one client, task and day per entry
    (`message`, marked, says which with `{first}` and `{second}`)."""
    if old is not None:
        raise InputError(_(message).format(first=f"{mark}{old}", second=f"{mark}{new}"))
    return new


def _client_ref(word: str) -> str:
    ref = word[1:].strip()
    if not ref:
        raise InputError(_("'@' needs a client id after it, like @acme"))
    return ref


def _task_ref(word: str) -> int:
    number = word[5:].lstrip("#")
    if not number.isascii() or not number.isdigit() or int(number) < 1:
        raise InputError(_("'{word}' is not a task number; write task:12").format(word=word))
    return int(number)


def _day_at(words: list[str], i: int, now: datetime, tz: tzinfo) -> tuple[date, int] | None:
    """The day the words from `i` name (longest reading first) and how many words."""
    for count in (3, 2, 1):
        chunk = words[i : i + count]
        if len(chunk) == count and all(map(_plain, chunk)):
            day = _past_day([w.lower() for w in chunk], now, tz)
            if day is not None:
                return day, count
    return None


def _past_day(chunk: list[str], now: datetime, tz: tzinfo) -> date | None:
    """The day a word group names, looking back: `mon` and `last mon` mean the latest
    Monday before today, `nov 30` the latest Nov 30 so far. None: not a day at all."""
    if len(chunk) == 2 and chunk[0] == "last":
        return _weekday_before(chunk[1], now, tz)
    if len(chunk) == 2 and chunk[1] == "dernier":  # lundi dernier
        return _weekday_before(chunk[0], now, tz)
    if len(chunk) == 1 and (day := _weekday_before(chunk[0], now, tz)) is not None:
        return day
    try:
        found = dates.parse_when(" ".join(chunk), now, tz)
    except InputError:
        return None
    if isinstance(found, datetime):
        return None  # `now`, `tonight`, an ISO instant: a note word, not a day
    if found > now.astimezone(tz).date() and len(chunk) == 2 and not _relative(chunk):
        return _year_before(chunk, found, now, tz)
    return found


def _relative(chunk: list[str]) -> bool:
    """`next mon`, `in 3d`, `lundi prochain`: ahead on purpose, never moved back."""
    return chunk[0] in _RELATIVE_WORDS or chunk[1] == "prochain"


def _year_before(chunk: list[str], found: date, now: datetime, tz: tzinfo) -> date:
    """A month-day (`dec 5`) still ahead this year means last year's (Feb 29 stays)."""
    try:
        earlier = dates.parse_when(f"{chunk[0]} {chunk[1]} {found.year - 1}", now, tz)
    except InputError:
        return found
    return earlier


def _weekday_before(word: str, now: datetime, tz: tzinfo) -> date | None:
    """The latest day named `word` (mon, friday, lundi) strictly before today."""
    try:
        upcoming = dates.parse_when(f"this {word}", now, tz)  # only weekdays read so
    except InputError:
        return None
    return upcoming - timedelta(days=7)


def _start_instant(text: str, day: date | None, now: datetime, tz: tzinfo) -> datetime:
    """`--start 14:00` on the entry's day (today by default), or a full expression
    such as `--start "yesterday 14:00"` when no day word was given."""
    on_day = now.astimezone(tz).date() if day is None else day
    if dates.is_time_token(text.strip()):
        found = dates.parse_when(f"{on_day.isoformat()} {text.strip()}", now, tz)
    else:
        found = dates.parse_when(text, now, tz)
        if isinstance(found, datetime) and day is not None and found.astimezone(tz).date() != day:
            raise InputError(
                _("--start '{text}' is not on {date}; give the day once").format(
                    text=text, date=day.isoformat()
                )
            )
    if not isinstance(found, datetime):
        raise InputError(
            _("--start '{text}' needs a time of day, like 14:00 or 9:30am").format(text=text)
        )
    return found


def _refuse_future(begin: datetime, end: datetime, now: datetime, tz: tzinfo) -> None:
    if begin > now:
        raise InputError(
            _("the entry would start at {when}, in the future; log time already worked").format(
                when=dates.format_local(begin, tz)
            )
        )
    if end > now:
        raise InputError(
            _(
                "the entry would end at {when}, after now; "
                "shorten the duration or choose an earlier --start"
            ).format(when=dates.format_local(end, tz))
        )


def find_overlap(
    entries: list[TimeEntry], start: datetime, end: datetime, ignore_id: int | None = None
) -> TimeEntry | None:
    """The earliest entry sharing time with [start, end); touching ends do not count.
    `ignore_id` skips the entry being edited."""
    for entry in sorted(entries, key=lambda e: (e.start, e.id)):
        if entry.id != ignore_id and entry.start < end and start < entry.end:
            return entry
    return None


def check_no_overlap(
    entries: list[TimeEntry],
    start: datetime,
    end: datetime,
    tz: tzinfo,
    ignore_id: int | None = None,
) -> None:
    """Refuse a block that would overlap another, naming it in local time."""
    other = find_overlap(entries, start, end, ignore_id)
    if other is None:
        return
    first, last = other.start.astimezone(tz), other.end.astimezone(tz)
    when = f"{first:%H:%M}–{last:%H:%M}"
    if first.date() != start.astimezone(tz).date():
        when = f"{first:%Y-%m-%d} {when}"
    client = f" @{other.client}" if other.client else ""
    note = other.note if len(other.note) <= 40 else other.note[:39] + "…"
    quoted = f" '{note}'" if note else ""
    raise InputError(
        _("overlaps entry {id} ({what}); adjust --start or the duration").format(
            id=other.id, what=f"{when}{client}{quoted}"
        )
    )


def entry_from_segment(segment: Segment, entry_id: int, billable_default: bool) -> TimeEntry:
    """The time entry a finished timer stretch becomes.

    It starts when the stretch started; its `end` is the stretch's end moved back
    by the pauses, so `end - start` is the worked time (what reports add up) and
    the block never reaches past the moment work really stopped.
    """
    worked = max(0, segment.worked_seconds)
    return TimeEntry(
        id=entry_id,
        start=segment.start,
        end=segment.start + timedelta(seconds=worked),
        client=segment.client,
        task=segment.task,
        billable=billable_default,
        source="timer",
        kind=segment.kind,
    )


def period_bounds(
    kind: str, now: datetime, tz: tzinfo, start: date | None = None, end: date | None = None
) -> tuple[datetime, datetime]:
    """The UTC instants [first, after) of a local period.

    `day`, `week` (Monday first) and `month` contain `start` (today by default);
    `custom` runs from `start` to `end`, both included. Bounds are local midnights,
    so a DST day is 23 or 25 hours long.
    """
    if kind not in PERIODS:
        raise InputError(
            _("unknown period '{kind}'; choose {choices}").format(
                kind=kind, choices=", ".join(PERIODS)
            )
        )
    if kind == "custom":
        first, after = _custom_days(start, end)
    elif end is not None:
        raise InputError(
            _("an end date only goes with a custom period, not '{kind}'").format(kind=kind)
        )
    else:
        first, after = _calendar_days(kind, start or now.astimezone(tz).date())
    return dates.day_start(first, tz), dates.day_start(after, tz)


def _custom_days(start: date | None, end: date | None) -> tuple[date, date]:
    if start is None or end is None:
        raise InputError(_("a custom period needs both a from and a to date"))
    if end < start:
        raise InputError(
            _("the period ends ({end}) before it starts ({start})").format(end=end, start=start)
        )
    return start, end + timedelta(days=1)


def _calendar_days(kind: str, day: date) -> tuple[date, date]:
    if kind == "day":
        return day, day + timedelta(days=1)
    if kind == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=7)
    first = day.replace(day=1)
    return first, dates.add_months(first, 1)


def entries_in(entries: list[TimeEntry], start: datetime, end: datetime) -> list[TimeEntry]:
    """Entries that start in [start, end), by start: an entry across midnight counts
    whole in the period it started in, never clipped or counted twice."""
    chosen = [entry for entry in entries if start <= entry.start < end]
    return sorted(chosen, key=lambda e: (e.start, e.id))
