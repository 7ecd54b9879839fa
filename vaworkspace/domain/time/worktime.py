"""Working time between two instants, in the VA's own working hours.

The urgency model asks "does this estimate still fit before the deadline?", which
is a question about working minutes, not wall-clock minutes: a 3-hour task due
Monday 10:00 does not fit if it is Friday 18:00.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from vaworkspace.errors import InputError
from vaworkspace.i18n import _

TYPE_CHECKING = False

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


if TYPE_CHECKING:
    from typing import NamedTuple

    class WorkHours(NamedTuple):
        """The hours of each working day (local wall time) and the working weekdays."""

        start: time = time(9, 0)
        end: time = time(17, 0)
        days: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday is 0

else:  # the same value without a dataclass's compiled methods: `va list` and `va add` build it
    WorkHours = namedtuple(
        "WorkHours", "start end days", defaults=(time(9, 0), time(17, 0), frozenset(range(5)))
    )


def parse_work_hours(span: str, days: list[str] | None = None) -> WorkHours:
    """Read `"09:00-17:00"` (or `9-17`, `9h-17h`, `9 h – 17 h 30`: each end is
    read as every time field reads one) and `["mon", …]` from the config file."""
    import re

    ends = re.split(r"\s*[-–]\s*", span.strip())
    start, end = (_hour(part) for part in ends) if len(ends) == 2 else (None, None)
    if start is None or end is None:
        raise InputError(_("work hours '{span}' must look like 09:00-17:00").format(span=span))
    if end <= start:
        raise InputError(_("work hours '{span}' end before they start").format(span=span))
    if days is None:
        return WorkHours(start, end)
    try:
        numbers = frozenset(WEEKDAYS.index(day.strip().lower()[:3]) for day in days)
    except ValueError:
        raise InputError(
            _("work days {days} must be names such as mon, tue, … sun").format(days=repr(days))
        ) from None
    return WorkHours(start, end, numbers)


def _hour(text: str) -> time | None:
    """One end of the work hours: an hour alone (`9`), an ISO time (`09:00:00`),
    or a time of day as every time field reads it (`dates.parse_clock`: `9h`,
    `17 h 30`, `midi`); None if none. Work hours are on the 24-hour clock, as
    they always were: `5pm` is refused (`9-5pm` would read 9 as what?)."""
    from vaworkspace.domain.dates import parse_clock

    if text.isdigit() and len(text) <= 2:
        return time(int(text)) if int(text) < 24 else None
    try:
        return time.fromisoformat(text)
    except ValueError:
        pass
    return None if text.lower().endswith(("am", "pm")) else parse_clock(text)


def working_minutes(start: datetime, end: datetime, tz: tzinfo, hours: WorkHours, cap: int) -> int:
    """Working minutes between two aware instants, counting at most `cap`.

    Stops as soon as `cap` minutes are reached, so a deadline months away costs a
    couple of loop turns, not one per day. Days are local days in `tz`, so a DST
    change is handled by the wall-clock arithmetic of zoneinfo.
    """
    if end <= start or cap <= 0 or not hours.days:
        return 0
    local_start = start.astimezone(tz)
    local_end = end.astimezone(tz)
    day: date = local_start.date()
    last_day: date = local_end.date()
    total = 0
    while day <= last_day and total < cap:
        if day.weekday() in hours.days:
            open_at = datetime.combine(day, hours.start, tz)
            close_at = datetime.combine(day, hours.end, tz)
            lo = max(open_at, local_start)
            hi = min(close_at, local_end)
            if hi > lo:
                total += int(
                    (hi.astimezone(timezone.utc) - lo.astimezone(timezone.utc)).total_seconds()
                    // 60
                )
        day += timedelta(days=1)
    return min(total, cap)


class WorkClock:
    """Working minutes as a position on one line, so that the working time between
    two instants is a subtraction: `between(now, deadline)`.

    Built once per command (urgency asks for every deadline of the inbox): the
    week's pattern is summed here, and each instant then costs one conversion to
    the local zone and a little arithmetic, however far it lies. Hours are local
    wall-clock hours, so a DST change outside them changes nothing (hours that
    span one count wall-clock minutes); minutes are whole (seconds are dropped).
    """

    __slots__ = ("_before", "_close", "_open", "_tz", "_week")

    def __init__(self, tz: tzinfo, hours: WorkHours) -> None:
        self._tz = tz
        self._open = hours.start.hour * 60 + hours.start.minute
        self._close = hours.end.hour * 60 + hours.end.minute
        length = self._close - self._open
        # working minutes in the week before each weekday (Monday first), then the week's
        self._before = [0] * 8
        for day in range(7):
            self._before[day + 1] = self._before[day] + (length if day in hours.days else 0)
        self._week = self._before[7]

    def position(self, instant: datetime) -> int:
        """Working minutes from an arbitrary origin (a Monday long ago) to `instant`."""
        local = instant.astimezone(self._tz)
        weeks, weekday = divmod(local.toordinal() - 1, 7)  # ordinal 1 is a Monday
        minute = local.hour * 60 + local.minute
        done = self._before[weekday]
        if self._before[weekday + 1] > done:  # a working day: count its hours so far
            done += min(max(minute, self._open), self._close) - self._open
        return weeks * self._week + done

    def between(self, start: datetime, end: datetime) -> int:
        """Working minutes from `start` to `end`; negative when `end` comes first."""
        return self.position(end) - self.position(start)


class SharedClock:
    """Working minutes inside both the VA's hours (in `tz`) and a client's
    business hours (in the client's `zone`): when a task for that client can be
    done (a call, an e-mail they answer). Montreal 09:00–17:00 and Paris
    09:00–17:00 share 09:00–11:00 in Montreal.

    The two zones may change their clocks on different dates, so there is no one
    weekly pattern: each day is counted, for `DAYS_COUNTED` days; a deadline
    further away adds the last counted week's rate for the rest (a due that far
    weighs almost nothing in urgency). Before `start` (a deadline passed) the
    VA's own clock says by how much.
    """

    DAYS_COUNTED = 62

    __slots__ = ("_hours", "_mine", "_theirs", "_tz", "_zone")

    def __init__(self, tz: tzinfo, hours: WorkHours, zone: tzinfo, theirs: WorkHours) -> None:
        self._tz, self._hours, self._zone, self._theirs = tz, hours, zone, theirs
        self._mine = WorkClock(tz, hours)

    def between(self, start: datetime, end: datetime) -> int:
        """Shared working minutes from `start` to `end`; negative (the VA's own
        working minutes) when `end` comes first."""
        if end <= start:
            return self._mine.between(start, end)
        day, last = start.astimezone(self._tz).date(), end.astimezone(self._tz).date()
        total, week = 0, [0] * 7
        for counted in range((last - day).days + 1):
            if counted == self.DAYS_COUNTED:
                return total + sum(week) * ((last - day).days + 1) // 7
            minutes = self._day(day, start, end)
            total, week[counted % 7] = total + minutes, minutes
            day += timedelta(days=1)
        return total

    def _day(self, day: date, start: datetime, end: datetime) -> int:
        hours, theirs = self._hours, self._theirs
        if day.weekday() not in hours.days:
            return 0
        lo = max(datetime.combine(day, hours.start, self._tz), start)
        hi = min(datetime.combine(day, hours.end, self._tz), end)
        minutes = 0
        for offset in (-1, 0, 1):  # the client's dates that can reach this local day
            their_day = day + timedelta(days=offset)
            if hi <= lo or their_day.weekday() not in theirs.days:
                continue
            opens = max(lo, datetime.combine(their_day, theirs.start, self._zone))
            closes = min(hi, datetime.combine(their_day, theirs.end, self._zone))
            if closes > opens:
                minutes += int((closes - opens).total_seconds()) // 60
        return minutes
