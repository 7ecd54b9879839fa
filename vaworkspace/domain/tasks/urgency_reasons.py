"""Why an urgency term counts, in the VA's words and the UI's language: the reasons
`va why` lists beside each term (`due in 2 hour(s): 1h30 of working time left,
45m of slack`; `échéance dans 2 heures : 1 h 30 de temps de travail restant, 45 min
de marge`), and the one `va list` and `va show` give a task at risk.

Only written when asked (`urgency._evaluate` with `out`): formatting reasons for
every task of a `va list` would double its time. English reads exactly as it
always has, `day(s)` included; French counts with `ngettext` (0 and 1 singular,
and 1,5 jour as French writes it).
"""

from __future__ import annotations

from vaworkspace.i18n import _, language, ngettext

DAY = 86400.0


def due_reason(seconds_overdue: float, left: int, estimate: int | None) -> str:
    """`due in 3 hour(s): 2h of working time left for ~45m of work, 1h15 of slack`."""
    days = seconds_overdue / DAY
    if days > 0:
        when = _("overdue by {span}").format(span=_span(days))
    else:
        when = _("due in {span}").format(span=_span(-days))
    if left <= 0:
        if estimate:
            return _("{when}: no working time left for ~{work} of work").format(
                when=when, work=working_time(estimate)
            )
        return _("{when}: no working time left").format(when=when)
    slack = left - (estimate or 0)
    text = _("{when}: {left} of working time left").format(when=when, left=working_time(left))
    if estimate:
        text += _(" for ~{work} of work").format(work=working_time(estimate))
    if slack >= 0:
        text += _(", {slack} of slack").format(slack=working_time(slack))
    return text


def risk_reason(seconds_overdue: float, slack: int) -> str:
    """`the deadline has passed`, or `no longer fits: 8m short` (what `va show`
    says after `at risk:`)."""
    if seconds_overdue > 0:
        return passed()
    return _("no longer fits: {short} short").format(short=working_time(-slack))


def passed() -> str:
    return _("the deadline has passed")


def at_risk(reason: str) -> str:
    """The `at_risk` term's reason: `at risk: no longer fits: 8m short`."""
    return _("at risk: {reason}").format(reason=reason)


def business_hours(client: str) -> str:
    return _(" (inside @{client}'s business hours)").format(client=client)


def priority(level: str) -> str:
    return _("priority {level}").format(level=_(level))


def tagged_next() -> str:
    return _("tagged next")


def weighs(client: str, weight: int) -> str:
    return _("@{client} weighs {weight}/5").format(client=client, weight=weight)


def retainer_used_up(client: str, bought_minutes: int) -> str:
    return _("@{client}'s {bought}h retainer is used up this period").format(
        client=client, bought=_decimal(f"{bought_minutes / 60:g}")
    )


def retainer_left(client: str, left_minutes: int, bought_minutes: int) -> str:
    return _("@{client} has {left}h of {bought}h left this period").format(
        client=client,
        left=_decimal(f"{left_minutes / 60:.1f}"),
        bought=_decimal(f"{bought_minutes / 60:g}"),
    )


def waiting() -> str:
    return _("waiting on someone, no date to follow up")


def blocked(count: int) -> str:
    return ngettext(
        "waits for {count} open task(s)", "waits for {count} open task(s)", count
    ).format(count=count)


def age(days: float) -> str:
    shown = f"{days:.0f}"
    return ngettext("created {days} days ago", "created {days} days ago", int(shown)).format(
        days=shown
    )


def working_time(minutes: int) -> str:
    """`45m`, `7h`, `2h05`: working time as a VA reads it (`45 min`, `7 h`, `2 h 05`)."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("{minutes}m").format(minutes=rest)
    if not rest:
        return _("{hours}h").format(hours=hours)
    return _("{hours}h{minutes}").format(hours=hours, minutes=f"{rest:02d}")


def _span(days: float) -> str:
    if days >= 1:
        if days < 2 or days >= 1.95:
            count = f"{days:.0f}"
            return ngettext("{count} day(s)", "{count} day(s)", int(count)).format(count=count)
        return _("{count} days").format(count=_decimal(f"{days:.1f}"))
    hours = days * 24
    if hours >= 1:
        count = f"{hours:.0f}"
        return ngettext("{count} hour(s)", "{count} hour(s)", int(count)).format(count=count)
    count = f"{hours * 60:.0f}"
    return ngettext("{count} minute(s)", "{count} minute(s)", int(count)).format(count=count)


def _decimal(number: str) -> str:
    """`1.5` with the decimal mark of the UI's language (`1,5` in French)."""
    return number.replace(".", ",") if language().startswith("fr") else number
