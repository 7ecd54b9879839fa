"""The words a VA types for days, months and units, in English and in French.

`dates.parse_when` looks words up here ("vendredi", "sept", "3 semaines"), and
`humanize_due` writes the short English names back. Kept apart from the parser
so the vocabulary can grow (another language, another abbreviation) without
touching the rules that turn words into dates.
"""

from __future__ import annotations

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAYS = {name: i for i, name in enumerate(DAY_NAMES)}
WEEKDAYS.update(
    {
        "monday": 0,
        "tuesday": 1,
        "tues": 1,
        "wednesday": 2,
        "thursday": 3,
        "thur": 3,
        "thurs": 3,
        "friday": 4,
        "saturday": 5,
        "sunday": 6,
        "lundi": 0,
        "mardi": 1,
        "mercredi": 2,
        "jeudi": 3,
        "vendredi": 4,
        "samedi": 5,
        "dimanche": 6,
    }
)
MONTHS = {name: i + 1 for i, name in enumerate(MONTH_NAMES)}
MONTHS.update(
    {
        "january": 1,
        "february": 2,
        "march": 3,
        "april": 4,
        "june": 6,
        "july": 7,
        "august": 8,
        "sept": 9,
        "september": 9,
        "october": 10,
        "november": 11,
        "december": 12,
        "janvier": 1,
        "fevrier": 2,
        "février": 2,
        "mars": 3,
        "avril": 4,
        "mai": 5,
        "juin": 6,
        "juillet": 7,
        "aout": 8,
        "août": 8,
        "septembre": 9,
        "octobre": 10,
        "novembre": 11,
        "decembre": 12,
        "décembre": 12,
    }
)
UNITS = {
    **dict.fromkeys(("d", "day", "days", "jour", "jours"), "days"),
    **dict.fromkeys(("w", "week", "weeks", "semaine", "semaines"), "weeks"),
    **dict.fromkeys(("mo", "month", "months", "mois"), "months"),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "heure", "heures"), "hours"),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), "minutes"),
}
