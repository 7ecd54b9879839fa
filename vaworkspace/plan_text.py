"""How a plan reads in the UI's language: why a task is at risk (`va plan`, the
agenda's `P`).

The domain says why in English (`AtRisk.reason`, as `va plan --json` gives it)
and gives the figures beside it; English shows that reason byte for byte, French
words the same figures: `échue depuis le mer. 25 nov.`, `il faut 2 h, 1 h 15 de
libre avant 15 h`. A deadline at midnight is a date's end of day, said as that
date (as `due:2026-11-25` was typed).
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from vaworkspace.i18n import _, language
from vaworkspace.locale_format import format_clock, format_minutes, format_when, is_french

TYPE_CHECKING = False
if TYPE_CHECKING:
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
