"""What the top bar says, as plain text: shared by `widgets.TopBar` and the first
frame painted before Textual is imported (`first_frame`), so it imports neither."""

from __future__ import annotations

from vaworkspace.display import safe
from vaworkspace.formats import clock
from vaworkspace.i18n import _, language
from vaworkspace.locale_format import format_hours_minutes


def clock_text(ws) -> str:
    """The date and time after the screen's name: `  Tue 01 Dec 14:00`, in French
    `  mar. 1 déc., 14 h`."""
    now = ws.now().astimezone(ws.tz)
    if language() != "en":
        from vaworkspace.locale_format import format_when

        return "  " + format_when(now, ws.tz, now, language())
    return f"  {now:%a %d %b %H:%M}"


def status_text(ws) -> str:
    """The right-hand side: the running timer and the time logged today
    (`⏵ #2 17:47 · today 3h25`, French `· aujourd'hui 3 h 25`)."""
    return _("{timer} · today {logged}").format(timer=timer_text(ws), logged=logged_text(ws))


def timer_text(ws) -> str:
    """The running focus timer as the top bar shows it on every screen."""
    if not ws.time.has_timer():
        return _("no timer")
    status = ws.time.timer_now()
    if not status.running:
        return _("no timer")
    who = f"#{status.task}" if status.task is not None else f"@{safe(status.client or '')}"
    shown = status.shown_seconds
    phase = {"focus": "⏵", "break": "☕", "long_break": "☕"}[status.phase or "focus"]
    if status.paused:
        phase = "⏸"
    return f"{phase} {who} {clock(shown)}"


def logged_text(ws) -> str:
    """Today's logged time: `3h25` in English, `3 h 25` (`45 min`) in French."""
    return format_hours_minutes(ws.time.logged_today(), language())
