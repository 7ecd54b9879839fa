"""Recurring tasks: RRULE checks, descriptions and the next due value.

Rules are RFC 5545 RRULE text without `RRULE:`, so they survive iCalendar round trips.
dateutil does the calendar arithmetic but is imported lazily: `every.parse_every` and
`describe_rrule` run on every `va add` and must not pay for it."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from vaworkspace.errors import InputError
from vaworkspace.i18n import N_, _

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WORKDAYS = "MO,TU,WE,TH,FR"
FREQS = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY")
KEYS = (
    "FREQ",
    "INTERVAL",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYSETPOS",
    "BYHOUR",
    "BYMINUTE",
    "BYSECOND",
    "WKST",
    "COUNT",
    "UNTIL",
)
"""RRULE parts we accept, in the order of the canonical text."""

_BYDAY = re.compile(r"([+-]?[1-9][0-9]?)?(MO|TU|WE|TH|FR|SA|SU)")
_UNTIL = re.compile(r"([0-9]{8})(?:T([0-9]{6})(Z?))?")
_PLAIN_KEYS = frozenset({"FREQ", "INTERVAL", "WKST", "BYHOUR", "BYMINUTE", "BYSECOND"})
_EXAMPLE = N_("write it like FREQ=WEEKLY;BYDAY=MO,TH or use `every monday and thursday`")


def validate_rrule(text: str) -> str:
    """Check RRULE text (with or without `RRULE:`) and return its canonical form.

    Refuses what dateutil rejects, rules firing more than hourly, COUNT with UNTIL
    (forbidden by RFC 5545) and rules that never fire (`BYMONTH=2;BYMONTHDAY=30`).
    """
    parts = _split(text)
    shown = canonical(parts)
    if parts["FREQ"] in ("MINUTELY", "SECONDLY"):
        raise InputError(
            _("recurrence '{rule}' repeats too often for a task; use FREQ=HOURLY or slower").format(
                rule=shown
            )
        )
    if "COUNT" in parts and "UNTIL" in parts:
        raise _invalid(text, _("COUNT and UNTIL cannot be used together; keep one"))
    probe = {k: v for k, v in parts.items() if k not in ("COUNT", "UNTIL")}
    start = datetime(2000, 1, 1)
    try:
        _parse_until(parts.get("UNTIL"), timezone.utc)
        first = _search(probe, start, start, inclusive=True, until=None)
    except ValueError as exc:
        raise _invalid(text, str(exc)) from None
    if first is None:
        raise InputError(
            _(
                "recurrence '{rule}' never happens; "
                "check BYMONTH, BYMONTHDAY and the other BY parts"
            ).format(rule=shown)
        )
    return shown


def _split(text: str) -> dict[str, str]:
    """RRULE text -> {KEY: VALUE}, upper-cased, checked part by part."""
    parts: dict[str, str] = {}
    for chunk in re.sub(r"^\s*RRULE:", "", text.upper()).split(";"):
        key, sep, value = (s.strip() for s in chunk.partition("="))
        if not chunk.strip():
            continue
        if not sep or not value:
            raise _invalid(text, _("'{part}' should be KEY=VALUE").format(part=chunk.strip()))
        if key not in KEYS:
            raise _invalid(text, _("unknown part '{key}'").format(key=key))
        if key in parts:
            raise _invalid(text, _("{key} is given twice").format(key=key))
        parts[key] = value.replace(" ", "")
    if "FREQ" not in parts:
        raise _invalid(text, _("FREQ is missing"))
    _check_parts(parts, text)
    return parts


def _check_parts(parts: dict[str, str], text: str) -> None:
    """Catch what dateutil accepts but loops on or misreads (INTERVAL=0, BYMONTHDAY=0)."""
    if parts["FREQ"] not in FREQS:
        raise _invalid(text, _("FREQ must be one of {values}").format(values=", ".join(FREQS)))
    for key, low, high in (("INTERVAL", 1, 9999), ("COUNT", 1, 99999), ("BYMONTH", 1, 12)):
        for item in parts.get(key, "1").split(","):
            if not (item.isascii() and item.isdigit()) or not low <= int(item) <= high:
                why = _("{key} must be a number from {low} to {high}")
                raise _invalid(text, why.format(key=key, low=low, high=high))
    for item in parts.get("BYMONTHDAY", "1").split(","):
        if not re.fullmatch(r"[+-]?[0-9]{1,2}", item) or not 1 <= abs(int(item)) <= 31:
            raise _invalid(text, _("BYMONTHDAY must be from 1 to 31 (or -1 for the last day)"))
    if "BYDAY" in parts:
        matches = [_BYDAY.fullmatch(d) for d in parts["BYDAY"].split(",")]
        days = [m for m in matches if m is not None]
        if len(days) < len(matches):
            why = _("BYDAY takes MO,TU,WE,TH,FR,SA,SU, maybe numbered (1MO, -1FR)")
            raise _invalid(text, why)
        days.sort(key=lambda m: (WEEKDAY_CODES.index(m.group(2)), int(m.group(1) or 0)))
        parts["BYDAY"] = ",".join(str(int(m.group(1) or 0) or "") + m.group(2) for m in days)
    if "UNTIL" in parts and not _UNTIL.fullmatch(parts["UNTIL"]):
        raise _invalid(text, _("UNTIL must look like 20261231 or 20261231T235959Z"))


def canonical(parts: dict[str, str]) -> str:
    return ";".join(
        f"{k}={parts[k]}" for k in KEYS if k in parts and not (k == "INTERVAL" and parts[k] == "1")
    )


def _invalid(text: str, why: str) -> InputError:
    return InputError(
        _("recurrence '{rule}' is not a valid RRULE: {why}; {example}").format(
            rule=text.strip(), why=why, example=_(_EXAMPLE)
        )
    )


def describe_rrule(text: str) -> str:
    """Plain English for the quick-add echo and `va show`; the raw text when unusual."""
    try:
        parts = _split(text)
        n = int(parts.get("INTERVAL", "1"))
    except (InputError, ValueError):
        return text
    unit = {
        "HOURLY": "hour",
        "DAILY": "day",
        "WEEKLY": "week",
        "MONTHLY": "month",
        "YEARLY": "year",
    }.get(parts["FREQ"])
    if unit is None or set(parts) - {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL"}:
        return canonical(parts)
    byday, monthdays = parts.get("BYDAY"), parts.get("BYMONTHDAY")
    if unit == "week" and n == 1 and byday in (WORKDAYS, "SA,SU") and not monthdays:
        unit, byday = ("weekday" if byday == WORKDAYS else "weekend"), None
    words = ["every", unit if n == 1 else f"{n} {unit}s"]
    if byday:
        words.append("on " + _and([_describe_day(d) for d in byday.split(",")]))
    if monthdays:
        words.append("on the " + _and([_ordinal(int(d)) for d in monthdays.split(",")]))
    if "COUNT" in parts:
        words[-1] += f", {parts['COUNT']} times"
    if "UNTIL" in parts:
        until = parts["UNTIL"]
        words[-1] += f", until {until[:4]}-{until[4:6]}-{until[6:8]}"
    return " ".join(words)


def _describe_day(code: str) -> str:
    match = _BYDAY.fullmatch(code)
    assert match is not None  # the rule was validated before it is described
    name = WEEKDAY_NAMES[WEEKDAY_CODES.index(match.group(2))]
    if not match.group(1):
        return name
    n = int(match.group(1))
    return f"the {_ordinal(n, name)}" if n < 0 else f"the {_ordinal(n)} {name}"


def _ordinal(n: int, noun: str = "day") -> str:
    """1 -> "1st", -1 -> "last day", -2 -> "2nd-to-last day"; the noun only for negatives."""
    if n < 0:
        return f"last {noun}" if n == -1 else f"{_ordinal(-n)}-to-last {noun}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def next_due(
    rrule: str,
    previous_due: date | datetime | None,
    completed: datetime,
    from_completion: bool,
    tz: tzinfo,
) -> date | datetime | None:
    """The due value of the next copy of a recurring task completed at `completed`.

    The first occurrence strictly after both the base (the previous due, or the
    completion when `from_completion`) and the completion: a daily task done three
    days late comes back once, not three times. A `date` stays a `date`; an instant
    stays an aware UTC instant computed on local wall time, so 09:00 in Montreal stays
    09:00 across DST (a wall time DST skips moves an hour later). COUNT counts the
    occurrences left including this one (see `remaining_rule`); month ends: see
    `_month_ends`. None when the series is over.
    """
    parts = _split(rrule)
    if int(parts.pop("COUNT", "2")) <= 1:
        return None
    done = _utc(completed).astimezone(tz).replace(tzinfo=None)
    try:
        until = _parse_until(parts.pop("UNTIL", None), tz)
        if not isinstance(previous_due, datetime):
            base = done.date() if previous_due is None or from_completion else previous_due
            anchor = datetime.combine(base, time())
            after = datetime.combine(max(base, done.date()) + timedelta(days=1), time())
            hit = _search(_month_ends(parts, anchor), anchor, after, inclusive=True, until=until)
            return hit.date() if hit else None
        due = _utc(previous_due).astimezone(tz).replace(tzinfo=None)
        anchor = datetime.combine(done.date(), due.time()) if from_completion else due
        after = max(anchor, done)
        hit = _search(_month_ends(parts, anchor), anchor, after, inclusive=False, until=until)
    except ValueError as exc:
        raise _invalid(rrule, str(exc)) from None
    return hit.replace(tzinfo=tz).astimezone(timezone.utc) if hit else None


def remaining_rule(rrule: str) -> str:
    """The rule to store on the next copy: COUNT one lower, so the series ends in time."""
    parts = _split(rrule)
    if "COUNT" in parts:
        parts["COUNT"] = str(max(1, int(parts["COUNT"]) - 1))
    return canonical(parts)


def _utc(moment: datetime) -> datetime:
    """Aware instants as they are; a naive one is taken as UTC, as the models store."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _parse_until(text: str | None, tz: tzinfo) -> datetime | None:
    """UNTIL as naive local wall time: a date covers its whole day, `Z` is UTC."""
    if text is None:
        return None
    match = _UNTIL.fullmatch(text)
    assert match is not None  # shape checked by _check_parts
    day, clock, utc = match.groups()
    try:
        moment = datetime.strptime(day + (clock or "235959"), "%Y%m%d%H%M%S")
    except ValueError:
        raise ValueError(_("UNTIL={value} is not a real date").format(value=text)) from None
    if utc:
        return moment.replace(tzinfo=timezone.utc).astimezone(tz).replace(tzinfo=None)
    return moment


def _month_ends(parts: dict[str, str], anchor: datetime) -> dict[str, str]:
    """Stop plain monthly/yearly rules from skipping months without the anchor's day.

    Anchored on a month's last day, a plain monthly rule keeps to month ends (Jan 31,
    Feb 28, Mar 31; so Feb 28 -> Mar 31); on the 29th/30th it falls back to a shorter
    month's last day; a yearly rule on Feb 29 falls on Feb 28 in common years.
    """
    if not set(parts) <= _PLAIN_KEYS:
        return parts
    if parts["FREQ"] == "YEARLY" and (anchor.month, anchor.day) == (2, 29):
        return {**parts, "BYMONTH": "2", "BYMONTHDAY": "28,29", "BYSETPOS": "-1"}
    if parts["FREQ"] != "MONTHLY":
        return parts
    if (anchor + timedelta(days=1)).month != anchor.month:
        return {**parts, "BYMONTHDAY": "-1"}
    if anchor.day <= 28:
        return parts
    days = ",".join(str(d) for d in range(28, anchor.day + 1))
    return {**parts, "BYMONTHDAY": days, "BYSETPOS": "-1"}


def _search(
    parts: dict[str, str],
    anchor: datetime,
    after: datetime,
    inclusive: bool,
    until: datetime | None,
) -> datetime | None:
    """First occurrence after `after` (naive wall times), in bounded time.

    For a rule that never matches (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`) dateutil walks
    to year 9999, seconds, and UNTIL does not stop it. The calendar repeats every 400
    years, weekdays included, so shifting by 400k years to land 400-800 years before
    9999 gives the same answer with a bounded walk."""
    from dateutil.rrule import rrule, rrulestr

    shift = 400 * ((9599 - after.year) // 400)
    if anchor.year + shift < 1:
        shift = 0
    rule = rrulestr(canonical(parts), dtstart=_shift(anchor, shift))
    assert isinstance(rule, rrule)  # one RRULE and no `forceset`: never an rruleset
    if until is not None and until.year + shift <= 9999:
        rule = rule.replace(until=_shift(until, shift))
    hit = rule.after(_shift(after, shift), inc=inclusive)
    return _shift(hit, -shift) if hit else None


def _shift(moment: datetime, years: int) -> datetime:
    return moment.replace(year=moment.year + years)
