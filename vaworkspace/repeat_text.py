"""A repetition in the words a VA types, in the UI's language, that read back as the
same rule: what the task form shows in its field (and reads back when saved),
and what the quick-add echo and `va show` say in French.

English: `every monday and thursday`, `every 2 weeks`, `every weekday`, `every!
month on the 15th` (`domain.tasks.recurrence.describe_rrule`'s words). French:
`chaque lundi et jeudi`, `tous les jours`, `toutes les 2 semaines le lundi`,
`chaque mois le 1er et 15`, `chaque jour ouvrable`, `chaque! mois` (from the
completion, as quick add writes it). Words are given only when `parse_every`
reads them back as the very rule; any other rule (a count, an end date, the
last day of the month, hourly) is the rule itself after `every`/`chaque`, which
the form and quick add read too. So what is shown, saved unchanged, never
changes the task (a property test holds it in both languages).
"""

from __future__ import annotations

from vaworkspace.domain.tasks.recurrence import WORKDAYS
from vaworkspace.i18n import language
from vaworkspace.locale_format import is_french

FRENCH_UNITS = {  # FREQ: (one, several, `tous` or `toutes`)
    "DAILY": ("jour", "jours", "tous"),
    "WEEKLY": ("semaine", "semaines", "toutes"),
    "MONTHLY": ("mois", "mois", "tous"),
    "YEARLY": ("année", "ans", "tous"),
}
FRENCH_DAYS = {
    **{"MO": "lundi", "TU": "mardi", "WE": "mercredi", "TH": "jeudi"},
    **{"FR": "vendredi", "SA": "samedi", "SU": "dimanche"},
}


def repeat_text(rule: str, from_completion: bool) -> str:
    """`rule` (canonical RRULE text) as the form shows it in the UI's language."""
    if is_french(language()):
        return french_repeat(rule, from_completion)
    return english_repeat(rule, from_completion)


def english_repeat(rule: str, from_completion: bool) -> str:
    """`every monday`, `every! 2 weeks`; else `every FREQ=…`."""
    from vaworkspace.domain.tasks.every import parse_every
    from vaworkspace.domain.tasks.recurrence import describe_rrule

    every = "every! " if from_completion else "every "
    words = describe_rrule(rule).split()
    if words[0] == "every" and parse_every(words[1:]) == (rule, len(words) - 1):
        return every + " ".join(words[1:])
    return every + rule


def french_repeat(rule: str, from_completion: bool) -> str:
    """`chaque lundi`, `tous les jours`, `toutes les 2 semaines`, `chaque! mois`;
    else `chaque FREQ=…`."""
    from vaworkspace.domain.tasks.every import parse_every

    parts = dict(part.split("=", 1) for part in rule.split(";") if "=" in part)
    words = _french_words(parts)
    if words is None or parse_every(words.split()) != (rule, len(words.split())):
        return ("chaque! " if from_completion else "chaque ") + rule
    if from_completion:
        return "chaque! " + words
    interval = parts.get("INTERVAL", "1")
    if interval != "1" or words == "jour":  # `tous les jours`, as a French VA says it
        all_of = FRENCH_UNITS[parts["FREQ"]][2]
        return f"{all_of} les {words if interval != '1' else 'jours'}"
    return "chaque " + words


def _french_words(parts: dict[str, str]) -> str | None:
    """The words after `chaque` (`lundi et jeudi`, `2 semaines le lundi`, `mois le
    1er et 15`, `jour ouvrable`), or None when French has none for the rule."""
    freq = parts.get("FREQ", "")
    if freq not in FRENCH_UNITS or set(parts) - {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY"}:
        return None
    one, several, _all_of = FRENCH_UNITS[freq]
    interval = parts.get("INTERVAL", "1")
    byday, monthdays = parts.get("BYDAY"), parts.get("BYMONTHDAY")
    if byday is not None and any(code not in FRENCH_DAYS for code in byday.split(",")):
        return None  # `1MO`, the first monday: not said in French words
    days = " et ".join(FRENCH_DAYS[code] for code in byday.split(",")) if byday else ""
    if freq == "WEEKLY" and interval == "1" and not monthdays:
        if byday == WORKDAYS:
            return "jour ouvrable"
        if days:
            return days
    words = one if interval == "1" else f"{interval} {several}"
    if days:
        words += " le " + days
    if monthdays:
        if any(day.startswith("-") for day in monthdays.split(",")):
            return None  # the last day: no French words read it back
        words += " le " + " et ".join("1er" if d == "1" else d for d in monthdays.split(","))
    return words
