"""Time logged by hand in a form (the TUI's Entries screen), read as `va log` reads it.

The fields: client (`acme` or `@acme`), task (`12` or `#12`), day (yesterday,
mon, nov 30, 2026-11-30; today when empty), start and end (`9:00`, `14:30`),
duration (`1h30m`), note and kind of work (`seo`, `#seo`; empty: the task's
kind, as `va log` without `#kind`). Give a duration, or a start and an end; a start
with a duration starts the entry then. The rest are `va log`'s rules, applied by
`parse_log` itself: a day is looked back (`mon` is the latest Monday), without a
start the entry ends now (today) or at 17:00 (a past day), nothing lies in the
future, and an entry lasts at most 24 hours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, tzinfo

from vaworkspace.domain import dates
from vaworkspace.domain.kind_rates import parse_kind
from vaworkspace.domain.time.entries import LogRequest, parse_log
from vaworkspace.errors import InputError
from vaworkspace.i18n import _

KIND_FIELD = "kind"
"""The form's field for the kind of work (a text typed, not a record's kind)."""
FIELDS = ("client", "task", "day", "start", "end", "duration", "note", KIND_FIELD)


def parse_log_fields(fields: Mapping[str, str], now: datetime, tz: tzinfo) -> LogRequest:
    """A manual entry from the form's texts (missing fields are empty)."""
    text = {name: fields.get(name, "").strip() for name in FIELDS}
    day_words = text["day"].split()
    duration, start, end = text["duration"], text["start"], text["end"]
    if end:
        if not start:
            raise InputError(_("an end needs a start: give both (9:00 and 10:30), or a duration"))
        minutes = _minutes_between(start, end, day_words, now, tz)
        if duration and dates.parse_duration(duration) != minutes:
            raise InputError(
                _("{duration} is not the time from {start} to {end}: give one or the other").format(
                    duration=duration, start=start, end=end
                )
            )
        duration = f"{minutes}m"
    if not duration:
        raise InputError(_("give a duration (1h30m), or a start and an end (9:00 and 10:30)"))
    request = parse_log([duration, *day_words], now, tz, start or None)
    if request.note:  # words of the day field that name no day
        raise InputError(
            _("'{text}' is not a day: yesterday, mon, nov 30 or 2026-11-30").format(
                text=text["day"]
            )
        )
    task = text["task"].removeprefix("#")
    if task and not task.isdigit():
        raise InputError(_("'{text}' is not a task number, like 12").format(text=text["task"]))
    return replace(
        request,
        client=text["client"].removeprefix("@") or None,
        task=int(task) if task else None,
        note=text["note"],
        kind=parse_kind(text[KIND_FIELD]) if text[KIND_FIELD] else None,
    )


def _minutes_between(start: str, end: str, day_words: list[str], now: datetime, tz: tzinfo) -> int:
    """Minutes from `start` to `end` on the entry's own day (a DST day counts
    the hours that really passed)."""
    for word in (start, end):
        if not dates.is_time_token(word):
            raise InputError(
                _("'{word}' is not a time of day, like 9:00 or 14:30").format(word=word)
            )
    begin = parse_log(["1m", *day_words], now, tz, start).start
    local_day = begin.astimezone(tz).date()
    finish = dates.parse_when(f"{local_day.isoformat()} {end}", now, tz)
    if not isinstance(finish, datetime) or finish <= begin:
        raise InputError(
            _("the end {end} is not after the start {start}").format(end=end, start=start)
        )
    return int((finish - begin).total_seconds()) // 60


def on_entry_day(text: str, start: datetime, now: datetime, tz: tzinfo) -> date | datetime:
    """A new start or end typed for an entry that starts at `start` (`va entry
    edit`, the entry form): a bare time (`9:45`) is on the entry's own day, never
    the next 9:45 to come (which made a morning entry end the next day);
    anything else is read as every date `va` reads."""
    if dates.is_time_token(text.strip()):
        day = start.astimezone(tz).date().isoformat()
        return dates.parse_when(f"{day} {text.strip()}", now, tz)
    return dates.parse_when(text, now, tz)
