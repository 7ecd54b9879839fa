"""What the app's one-second tick says about time: each message at most once.

The timer's own events (a focus block or a break ended) come from the service's
catch-up; the reminders are decided here from the service's figures and a
small memory owned by the app (which phase was reminded, which day was warned,
which retainer threshold was announced), so a message is never repeated.
"""

from __future__ import annotations

DEFAULT_BREAK_AFTER = 90  # minutes of focus in a row
DEFAULT_DAILY_CAP = 8.0  # hours


def time_messages(ws, memory: dict) -> list[tuple[str, str]]:
    """(message, severity) pairs to show now."""
    from vaworkspace.domain.time.reports import crossed_thresholds
    from vaworkspace.domain.time.timer import break_reminder

    state, events = ws.time.timer()
    out = [(event, "information") for event in events]
    settings = ws.config.raw
    after = int(settings.get("break_reminder_minutes", DEFAULT_BREAK_AFTER))
    reminder = break_reminder(state, ws.now(), after)
    if reminder and memory.get("reminded") != state.phase_started:
        memory["reminded"] = state.phase_started
        out.append((reminder, "warning"))
    cap = float(settings.get("daily_cap_hours", DEFAULT_DAILY_CAP))
    today = ws.now().astimezone(ws.tz).date()
    planned = _planned_today(ws, today)
    if ws.time.logged_today() + planned > cap * 3600 and memory.get("capped") != today:
        memory["capped"] = today
        out.append((
            f"Today's logged and planned work passes your {cap:g}h cap: "
            "move something to tomorrow", "warning",
        ))  # fmt: skip
    burns = ws.inbox.budget_burns()
    seen = memory.setdefault("burns", dict(burns))
    for client, (used, bought) in burns.items():
        before = seen.get(client, (used, bought))[0]
        for percent in crossed_thresholds(before, used, bought):
            out.append(
                (f"@{client} has used {percent}% of its {bought / 60:g}h retainer", "warning")
            )
        seen[client] = (used, bought)
    return out


def _planned_today(ws, today) -> int:
    """Seconds of estimates on open tasks due today (what is still planned)."""
    total = 0
    for _, task in ws.inbox.ranked():
        due = task.due
        if due is None or not task.estimate_minutes:
            continue
        day = due if not hasattr(due, "astimezone") else due.astimezone(ws.tz).date()
        if day == today:
            total += task.estimate_minutes * 60
    return total
