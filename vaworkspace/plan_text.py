"""How a plan reads in the UI's language: why a task is at risk (`va plan`, the
agenda's `P`), the days an import or a sync planned again, a plan refused because
its day changed.

The domain says why in English (`AtRisk.reason`, as `va plan --json` gives it)
and gives the figures beside it; English shows that reason byte for byte, French
words the same figures: `échue depuis le mer. 25 nov.`, `il faut 2 h, 1 h 15 de
libre avant 15 h`. A deadline at midnight is a date's end of day, said as that
date (as `due:2026-11-25` was typed).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from vaworkspace.errors import PlanOutdated
from vaworkspace.i18n import _, language
from vaworkspace.locale_format import (
    format_clock,
    format_day_month,
    format_minutes,
    format_when,
    is_french,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from vaworkspace.domain.calendar.plan import AtRisk


def risk_reason(risk: AtRisk, tz: tzinfo, now: datetime) -> str:
    """Why `risk` could not be planned, in the UI's language."""
    lang = language()
    if not is_french(lang) or risk.due is None:
        return risk.reason
    local = risk.due.astimezone(tz)
    end_of_day = local.hour == local.minute == 0
    if not risk.needs:
        if risk.same_day and not end_of_day:
            return _("overdue since {time}").format(time=format_clock(local.time(), lang))
        day = local.date() - timedelta(days=1) if end_of_day else risk.due
        return _("overdue since {day}").format(day=format_when(day, tz, now, lang))
    if end_of_day:
        by = _("by the end of the day")
    else:
        by = _("before {time}").format(time=format_clock(local.time(), lang))
    return _("needs {needs}, {room} free {by}").format(
        needs=format_minutes(risk.needs, lang), room=format_minutes(risk.room, lang), by=by
    )


def replanned_line(day: date, dry_run: bool = False) -> str:
    """An import's or a sync's note that a planned day was planned again:
    `  planned again: Tue 01 Dec (its events changed)`; French `mar. 1 déc.`."""
    said = format_day_month(day, language())
    if dry_run:
        return _("  would plan again: {day} (its events changed)").format(day=said)
    return _("  planned again: {day} (its events changed)").format(day=said)


def summary_lines(summary: Any) -> list[str]:
    """An import's or a sync's summary (`lines()`), then a line per planned day it
    planned again (`replanned`)."""
    dry_run = getattr(summary, "dry_run", False)
    replanned = getattr(summary, "replanned", ())
    return [*summary.lines(), *(replanned_line(day, dry_run) for day in replanned)]


def outdated(refused: PlanOutdated) -> PlanOutdated:
    """The service's refusal of a plan whose day changed, with the day in words."""
    return PlanOutdated(refused.day, format_day_month(refused.day, language()))
