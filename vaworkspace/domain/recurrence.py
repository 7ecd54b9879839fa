"""Recurring tasks: quick-add phrases, RRULE checks and the next due value.

Rules are RFC 5545 RRULE text without `RRULE:`, so they survive iCalendar round trips.
dateutil does the calendar arithmetic but is imported lazily: `parse_every` and
`describe_rrule` run on every `va add` and must not pay for it."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from vaworkspace.errors import InputError

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
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

_WORKDAYS = "MO,TU,WE,TH,FR"


def _table(rows: dict[str, object]) -> dict[str, object]:
    """{"day days": x} -> {"day": x, "days": x}: keeps the vocabulary readable."""
    return {word: value for words, value in rows.items() for word in words.split()}


_DAY_WORDS = _table(
    {
        "monday mon lundi": "MO",
        "tuesday tue tues mardi": "TU",
        "wednesday wed mercredi": "WE",
        "thursday thu thur thurs jeudi": "TH",
        "friday fri vendredi": "FR",
        "saturday sat samedi": "SA",
        "sunday sun dimanche": "SU",
    }
)
_UNITS = _table(
    {  # word -> (FREQ, interval multiplier)
        "day days jour jours": ("DAILY", 1),
        "week weeks semaine semaines": ("WEEKLY", 1),
        "fortnight fortnights": ("WEEKLY", 2),
        "month months mois": ("MONTHLY", 1),
        "quarter quarters trimestre trimestres": ("MONTHLY", 3),
        "year years an ans année années annee annees": ("YEARLY", 1),
    }
)
_ADVERBS = _table(
    {  # only without a number: "every daily" yes, "every 2 daily" no
        "daily": ("DAILY", 1),
        "weekly": ("WEEKLY", 1),
        "monthly": ("MONTHLY", 1),
        "quarterly": ("MONTHLY", 3),
        "yearly annually": ("YEARLY", 1),
    }
)
_DAY_SETS = _table({"weekday weekdays workday workdays": _WORKDAYS, "weekend weekends": "SA,SU"})
_AND = frozenset({"and", "&", "et"})
_ORDINAL = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th|er|e)?")
_BYDAY = re.compile(r"([+-]?[1-9][0-9]?)?(MO|TU|WE|TH|FR|SA|SU)")
_UNTIL = re.compile(r"([0-9]{8})(?:T([0-9]{6})(Z?))?")
_PLAIN_KEYS = frozenset({"FREQ", "INTERVAL", "WKST", "BYHOUR", "BYMINUTE", "BYSECOND"})
_EXAMPLE = "write it like FREQ=WEEKLY;BYDAY=MO,TH or use `every monday and thursday`"


def parse_every(words: list[str]) -> tuple[str, int] | None:
    """Read a recurrence from the words after `every`; None keeps `every` a title word.

    Returns (canonical RRULE text, number of words consumed). A word is consumed
    whole or not at all, so `every day-to-day` is not a recurrence.
    """
    tokens = [
        (part, index)
        for index, word in enumerate(words)
        for part in _word_parts(word.lower().rstrip(".;:!?"))
    ]
    parsed = _parse_tokens([part for part, _ in tokens])
    if parsed is None:
        return None
    parts, used = parsed
    last_word = tokens[used - 1][1]
    if used < len(tokens) and tokens[used][1] == last_word:
        return None
    return _canonical(parts), last_word + 1


def _word_parts(word: str) -> list[str]:
    """Split `2-weeks` and `mon,thu`; expand a day range like `mon-fri` or `fri-sun`."""
    parts = [part for part in re.split(r"[-,]+", word) if part]
    ends = [_day_code(part) for part in parts] if "-" in word and len(parts) == 2 else []
    if len(ends) == 2 and all(ends):
        start, span = WEEKDAY_CODES.index(ends[0]), WEEKDAY_CODES.index(ends[1])
        return [WEEKDAY_NAMES[(start + i) % 7].lower() for i in range((span - start) % 7 + 1)]
    return parts


def _parse_tokens(toks: list[str]) -> tuple[dict[str, str], int] | None:
    """The grammar: [N | other] (weekday list | unit [on …] | ordinal)."""
    p, n, counted = 0, 1, False
    if toks and toks[0].isascii() and toks[0].isdigit():
        p, n, counted = 1, int(toks[0]), True
    elif toks and toks[0] in ("other", "autre"):
        p, n = 1, 2
    if not 1 <= n <= 999 or p >= len(toks):
        return None
    days, q = _day_list(toks, p)
    if days:
        return {"FREQ": "WEEKLY", "INTERVAL": str(n), "BYDAY": days}, q
    if n == 1 and not counted:
        monthdays, q = _monthday_list(toks, p, bare=False)
        if monthdays:
            return {"FREQ": "MONTHLY", "BYMONTHDAY": monthdays}, q
    word = toks[p]
    if word == "week" and p + 1 < len(toks) and toks[p + 1] in ("end", "ends"):
        word, p = "weekend", p + 1
    p += 1
    if word in _DAY_SETS and (n == 1 or _DAY_SETS[word] != _WORKDAYS):  # not "2 weekdays"
        return {"FREQ": "WEEKLY", "INTERVAL": str(n), "BYDAY": _DAY_SETS[word]}, p
    if word in _ADVERBS and not counted and n == 1:
        freq, mult = _ADVERBS[word]
    elif word in _UNITS:
        freq, mult = _UNITS[word]
    else:
        return None
    return _parse_tail(toks, p, {"FREQ": freq, "INTERVAL": str(n * mult)})


def _parse_tail(toks: list[str], p: int, rule: dict[str, str]) -> tuple[dict[str, str], int]:
    """Optional `on friday` after a week unit, `on the 15th` after a month unit."""
    has_on = p < len(toks) and toks[p] in ("on", "le")
    if rule["FREQ"] == "WEEKLY" and has_on:
        days, q = _day_list(toks, p + 1)
        if days:
            return {**rule, "BYDAY": days}, q
    if rule["FREQ"] == "MONTHLY":
        q = p + has_on
        has_the = q < len(toks) and toks[q] == "the"
        monthdays, r = _monthday_list(toks, q + has_the, bare=has_on or has_the)
        if monthdays:
            return {**rule, "BYMONTHDAY": monthdays}, r
    return rule, p


def _day_list(toks: list[str], p: int) -> tuple[str, int]:
    """`mon`, `monday and thursday`, `mon,thu` (commas already split) -> "MO,TH"."""
    found: list[str] = []
    while p < len(toks):
        code = _day_code(toks[p])
        if code is None:
            break
        found.append(code)
        p += 1
        if p + 1 < len(toks) and toks[p] in _AND and _day_code(toks[p + 1]):
            p += 1
    return ",".join(c for c in WEEKDAY_CODES if c in found), p


def _day_code(word: str) -> str | None:
    """A weekday name, abbreviation or plural ("mondays")."""
    return _DAY_WORDS.get(word) or (_DAY_WORDS.get(word[:-1]) if word.endswith("s") else None)


def _monthday_list(toks: list[str], p: int, bare: bool) -> tuple[str, int]:
    """`15th`, `1st and 15th`, `last [day]` -> "1,15" / "-1"; bare numbers only after on/the."""
    found: list[int] = []
    while p < len(toks):
        day = _monthday(toks, p, bare)
        if day is None:
            break
        found.append(day)
        p += 2 if day == -1 else 1  # "last day" is two words
        if p + 1 < len(toks) and toks[p] in _AND and _monthday(toks, p + 1, bare) is not None:
            p += 1
    return ",".join(str(d) for d in sorted(set(found), key=lambda d: (d < 0, d))), p


def _monthday(toks: list[str], p: int, bare: bool) -> int | None:
    """One day of the month; `last` only as `last day` (`last friday` is not ours)."""
    if toks[p] == "last":
        return -1 if p + 1 < len(toks) and toks[p + 1] == "day" else None
    match = _ORDINAL.fullmatch(toks[p])
    if not match or (toks[p].isascii() and toks[p].isdigit() and not bare):
        return None
    day = int(match.group(1))
    return day if 1 <= day <= 31 else None


def validate_rrule(text: str) -> str:
    """Check RRULE text (with or without `RRULE:`) and return its canonical form.

    Refuses what dateutil rejects, rules firing more than hourly, COUNT with UNTIL
    (forbidden by RFC 5545) and rules that never fire (`BYMONTH=2;BYMONTHDAY=30`).
    """
    parts = _split(text)
    shown = _canonical(parts)
    if parts["FREQ"] in ("MINUTELY", "SECONDLY"):
        raise InputError(
            f"recurrence '{shown}' repeats too often for a task; use FREQ=HOURLY or slower"
        )
    if "COUNT" in parts and "UNTIL" in parts:
        raise _invalid(text, "COUNT and UNTIL cannot be used together; keep one")
    probe = {k: v for k, v in parts.items() if k not in ("COUNT", "UNTIL")}
    start = datetime(2000, 1, 1)
    try:
        _parse_until(parts.get("UNTIL"), timezone.utc)
        first = _search(probe, start, start, inclusive=True, until=None)
    except ValueError as exc:
        raise _invalid(text, str(exc)) from None
    if first is None:
        raise InputError(
            f"recurrence '{shown}' never happens; check BYMONTH, BYMONTHDAY and the other BY parts"
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
            raise _invalid(text, f"'{chunk.strip()}' should be KEY=VALUE")
        if key not in KEYS:
            raise _invalid(text, f"unknown part '{key}'")
        if key in parts:
            raise _invalid(text, f"{key} is given twice")
        parts[key] = value.replace(" ", "")
    if "FREQ" not in parts:
        raise _invalid(text, "FREQ is missing")
    _check_parts(parts, text)
    return parts


def _check_parts(parts: dict[str, str], text: str) -> None:
    """Catch what dateutil accepts but loops on or misreads (INTERVAL=0, BYMONTHDAY=0)."""
    if parts["FREQ"] not in FREQS:
        raise _invalid(text, f"FREQ must be one of {', '.join(FREQS)}")
    for key, low, high in (("INTERVAL", 1, 9999), ("COUNT", 1, 99999), ("BYMONTH", 1, 12)):
        for item in parts.get(key, "1").split(","):
            if not (item.isascii() and item.isdigit()) or not low <= int(item) <= high:
                raise _invalid(text, f"{key} must be a number from {low} to {high}")
    for item in parts.get("BYMONTHDAY", "1").split(","):
        if not re.fullmatch(r"[+-]?[0-9]{1,2}", item) or not 1 <= abs(int(item)) <= 31:
            raise _invalid(text, "BYMONTHDAY must be from 1 to 31 (or -1 for the last day)")
    if "BYDAY" in parts:
        days = [_BYDAY.fullmatch(d) for d in parts["BYDAY"].split(",")]
        if not all(days):
            raise _invalid(text, "BYDAY takes MO,TU,WE,TH,FR,SA,SU, maybe numbered (1MO, -1FR)")
        days.sort(key=lambda m: (WEEKDAY_CODES.index(m.group(2)), int(m.group(1) or 0)))
        parts["BYDAY"] = ",".join(str(int(m.group(1) or 0) or "") + m.group(2) for m in days)
    if "UNTIL" in parts and not _UNTIL.fullmatch(parts["UNTIL"]):
        raise _invalid(text, "UNTIL must look like 20261231 or 20261231T235959Z")


def _canonical(parts: dict[str, str]) -> str:
    return ";".join(
        f"{k}={parts[k]}" for k in KEYS if k in parts and not (k == "INTERVAL" and parts[k] == "1")
    )


def _invalid(text: str, why: str) -> InputError:
    return InputError(f"recurrence '{text.strip()}' is not a valid RRULE: {why}; {_EXAMPLE}")


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
        return _canonical(parts)
    byday, monthdays = parts.get("BYDAY"), parts.get("BYMONTHDAY")
    if unit == "week" and n == 1 and byday in (_WORKDAYS, "SA,SU") and not monthdays:
        unit, byday = ("weekday" if byday == _WORKDAYS else "weekend"), None
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
    return _canonical(parts)


def _utc(moment: datetime) -> datetime:
    """Aware instants as they are; a naive one is taken as UTC, as the models store."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _parse_until(text: str | None, tz: tzinfo) -> datetime | None:
    """UNTIL as naive local wall time: a date covers its whole day, `Z` is UTC."""
    if text is None:
        return None
    day, clock, utc = _UNTIL.fullmatch(text).groups()  # shape checked by _check_parts
    try:
        moment = datetime.strptime(day + (clock or "235959"), "%Y%m%d%H%M%S")
    except ValueError:
        raise ValueError(f"UNTIL={text} is not a real date") from None
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
    from dateutil.rrule import rrulestr

    shift = 400 * ((9599 - after.year) // 400)
    if anchor.year + shift < 1:
        shift = 0
    rule = rrulestr(_canonical(parts), dtstart=_shift(anchor, shift))
    if until is not None and until.year + shift <= 9999:
        rule = rule.replace(until=_shift(until, shift))
    hit = rule.after(_shift(after, shift), inc=inclusive)
    return _shift(hit, -shift) if hit else None


def _shift(moment: datetime, years: int) -> datetime:
    return moment.replace(year=moment.year + years)
