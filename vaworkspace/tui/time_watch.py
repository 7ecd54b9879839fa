"""What the app's one-second tick says about time: each message at most once.

Every decision is the service's (`ws.today.nudges()`: the timer's events, the
break reminder, the day's load against the cap, the retainers' use, from the
settings checked when the config was loaded). Here is only the app's memory of
what was already said (which phase was reminded, which day was warned, which
retainer threshold was announced), so a message is never repeated.
"""

from __future__ import annotations


def time_messages(ws, memory: dict) -> list[tuple[str, str]]:
    """(message, severity) pairs to show now."""
    from vaworkspace.domain.time.reports import crossed_thresholds
    from vaworkspace.i18n import _, language
    from vaworkspace.locale_format import decimal_mark, is_french

    found = ws.today.nudges()
    out = [(event, "information") for event in found.events]
    if found.break_reminder and memory.get("reminded") != found.focus_started:
        memory["reminded"] = found.focus_started
        out.append((found.break_reminder, "warning"))
    load = found.load
    if load.over_cap and memory.get("capped") != load.day:
        memory["capped"] = load.day
        out.append((load.message, "warning"))
    seen = memory.setdefault("burns", dict(found.burns))
    for client, (used, bought) in found.burns.items():
        before = seen.get(client, (used, bought))[0]
        for percent in crossed_thresholds(before, used, bought):
            text = _("@{client} has used {share} of its {hours}h retainer").format(
                client=client,
                share=f"{percent}\N{NO-BREAK SPACE}%" if is_french(language()) else f"{percent}%",
                hours=decimal_mark(f"{bought / 60:g}", language()),
            )
            out.append((text, "warning"))
        seen[client] = (used, bought)
    return out
