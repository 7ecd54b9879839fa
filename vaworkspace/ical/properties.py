"""What one component's properties mean to us, property by property.

The reader (`reader.py`) walks components; these helpers turn a property's
value into what a task or event stores (plain text, a priority word, tags from
CATEGORIES) and refuse, before any expansion, rules and date lists no real
calendar needs: a bad property must cost one skipped component, never the file.
"""

from __future__ import annotations

import re
from typing import Any

from vaworkspace.domain.calendar.event import EVENT_STATUSES
from vaworkspace.domain.tasks.recurrence import validate_rrule
from vaworkspace.errors import InputError
from vaworkspace.ical.scan import Block
from vaworkspace.ical.zones import Unusable

MAX_LISTED_DATES = 2000
"""RDATE and EXDATE values one component may list: icalendar takes ~0.2 ms to parse
each, and an agenda would parse them again; real series list a handful."""


def check_listed_dates(block: Block) -> None:
    """Refuse, before parsing, a component listing more dates than any real series."""
    unfolded = re.sub(r"\r?\n[ \t]", "", block.text).splitlines()
    listed = sum(
        line.count(",") + 1
        for line in unfolded
        if line[:6].upper() in ("RDATE:", "RDATE;") or line[:7].upper() in ("EXDATE:", "EXDATE;")
    )
    if listed > MAX_LISTED_DATES:
        raise Unusable(
            f"lists {listed} RDATE/EXDATE dates; at most {MAX_LISTED_DATES} are imported"
        )


def valid_rule(text: str) -> str:
    if re.search(r"FREQ=(MINUTELY|SECONDLY)", text, re.IGNORECASE):
        raise Unusable(f"RRULE {text} repeats every minute or second; not supported")
    try:
        return validate_rrule(text)
    except InputError as error:
        raise Unusable(f"broken RRULE: {str(error).split('; write it like')[0]}") from None


def text_of(component: Any, name: str) -> str:
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return "" if value is None else str(value).strip()


def integer(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def priority_of(value: Any) -> str | None:
    number = integer(value[0] if isinstance(value, list) and value else value)
    if number is None or not 1 <= number <= 9:
        return None  # 0 means undefined (RFC 5545 §3.8.1.9)
    return "high" if number <= 4 else "medium" if number == 5 else "low"


def event_status(status: str) -> str:
    return status if status in EVENT_STATUSES else "confirmed"


def categories_of(component: Any) -> list[str]:
    value = component.get("CATEGORIES")
    found: list[str] = []
    for prop in value if isinstance(value, list) else [value] if value is not None else []:
        for name in getattr(prop, "cats", []):
            text = str(name).strip()
            if text and text not in found:
                found.append(text)
    return found


def tags_of(categories: list[str]) -> list[str]:
    """Categories as tags: lower case, runs of other characters as one "-"."""
    tags = [re.sub(r"\W+", "-", name.lower()).strip("-") for name in categories]
    return list(dict.fromkeys(tag for tag in tags if tag))
