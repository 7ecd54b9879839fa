"""Taskwarrior's recurring tasks as workspace recurrence rules.

Taskwarrior keeps a `recurring` template and makes pending instances of it (as
many as `recurrence.limit`); the workspace keeps one task that carries an RRULE
and makes the next one when it is done. So the template is skipped, and its rule
goes on its newest pending instance (the one due last): the older ones stay
one-off tasks.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import compress

from vaworkspace.errors import InputError
from vaworkspace.taskwarrior.columns import Columns
from vaworkspace.taskwarrior.dates import DateValues

ONE_OFF = "cannot convert recurrence %r; imported as a one-off task"
NO_INSTANCE = "no pending instance in the file, its rule was not imported"

# Taskwarrior's named periods (see `task help`, "recur") as RRULE text.
NAMED_RECUR = {
    "daily": "FREQ=DAILY",
    "day": "FREQ=DAILY",
    "weekdays": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "weekly": "FREQ=WEEKLY",
    "week": "FREQ=WEEKLY",
    "sennight": "FREQ=WEEKLY",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2",
    "fortnight": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "FREQ=MONTHLY",
    "month": "FREQ=MONTHLY",
    "bimonthly": "FREQ=MONTHLY;INTERVAL=2",
    "quarterly": "FREQ=MONTHLY;INTERVAL=3",
    "semiannual": "FREQ=MONTHLY;INTERVAL=6",
    "yearly": "FREQ=YEARLY",
    "annual": "FREQ=YEARLY",
    "year": "FREQ=YEARLY",
    "biannual": "FREQ=YEARLY;INTERVAL=2",
    "biyearly": "FREQ=YEARLY;INTERVAL=2",
}
_PERIODS = {  # unit as Taskwarrior spells it -> (FREQ, months per unit)
    **dict.fromkeys(("d", "day", "days"), ("DAILY", 1)),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), ("WEEKLY", 1)),
    **dict.fromkeys(("mo", "mos", "mth", "mths", "month", "months"), ("MONTHLY", 1)),
    **dict.fromkeys(("q", "qtr", "qtrs", "quarter", "quarters"), ("MONTHLY", 3)),
    **dict.fromkeys(("y", "yr", "yrs", "year", "years"), ("YEARLY", 1)),
}
_COUNT_UNIT = re.compile(r"p?([0-9]+) *([a-z]+)")


def recur_to_rrule(recur: str) -> str | None:
    """Taskwarrior's `recur` ("weekly", "2weeks", "3d", "P1M"...) as RRULE text, or None.

    Hour- and minute-based periods have no place in a VA's day list: None.
    """
    text = recur.strip().lower()
    if text in NAMED_RECUR:
        return NAMED_RECUR[text]
    text = re.sub(r"^p([0-9]+)m$", r"\1mo", text)  # ISO 8601 "P1M" is a month
    match = _COUNT_UNIT.fullmatch(text)
    if not match or match.group(2) not in _PERIODS or int(match.group(1)) < 1:
        return None
    freq, factor = _PERIODS[match.group(2)]
    interval = int(match.group(1)) * factor
    return f"FREQ={freq}" + (f";INTERVAL={interval}" if interval > 1 else "")


def recurrence_rules(
    columns: Columns, templates: list[dict], dates: DateValues, warnings: list[str]
) -> dict[str, str]:
    """Map the uuid of each template's newest pending instance to its RRULE text;
    what cannot be carried over is said in `warnings`."""
    if not templates and "parent" not in columns.present:
        return {}
    by_uuid = {template["uuid"].lower(): template for template in templates}
    children: dict[str, list[dict]] = {}
    parents = columns("parent")
    rows = zip(columns.items, columns("status", "pending"), parents, strict=True)
    for item, status, parent in compress(rows, parents):
        if status in ("pending", "waiting"):
            children.setdefault(parent.lower(), []).append(item)
    rules = {}
    for parent in sorted(set(by_uuid) | set(children)):
        source = by_uuid.get(parent)
        if not children.get(parent):  # then it is a template's uuid: `source` is set
            if source is not None:
                warnings.append(f"recurring {label_short(source)}: {NO_INSTANCE}")
            continue
        child = max(children[parent], key=lambda c: (c.get("due", ""), c["uuid"]))
        rule = _rule_for(source or child, child, dates, warnings)
        if rule:
            rules[child["uuid"].lower()] = rule
    return rules


def _rule_for(source: dict, child: dict, dates: DateValues, warnings: list[str]) -> str | None:
    from vaworkspace.domain.tasks.recurrence import validate_rrule

    recur = source.get("recur") or child.get("recur") or ""
    rule = recur_to_rrule(recur)
    if rule is None:
        warnings.append(f"{label_short(child)}: {ONE_OFF % recur}")
        return None
    until = source.get("until") or child.get("until")
    if until:
        due = child.get("due")
        all_day = due is not None and type(dates.local[due]) is date  # not an instant
        # RFC 5545 wants UNTIL as a date when the series is all-day, else UTC,
        # which is how Taskwarrior writes it.
        rule += f";UNTIL={dates.days[until].replace('-', '') if all_day else until}"
    try:
        return validate_rrule(rule)
    except InputError as exc:
        warnings.append(f"{label_short(child)}: {exc}; imported as a one-off task")
        return None


def label_short(item: dict) -> str:
    """How a warning names a task: its description and uuid."""
    return f"{item['description']!r} (uuid {item['uuid']})"
