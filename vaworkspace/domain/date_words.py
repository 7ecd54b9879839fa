"""The words a VA types for days, months and units, in English and in French.

`dates.parse_when` looks words up here ("vendredi", "sept", "3 semaines"), and
`date_labels` writes the short names back (`fri`, `ven.`, `5 déc.`), from these
tables so that a label always reads back through the same grammar. Kept apart from the parser
so the vocabulary can grow (another language, another abbreviation) without
touching the rules that turn words into dates.

Every word is looked up folded (`fold`: lowercase, French accents removed), so
the tables hold one unaccented spelling: `decembre` finds `Décembre` and `déc.`.
Both languages are always understood. A word of both vocabularies with two
meanings is in `AMBIGUOUS` and `date_phrases` reads it each way; `sept` is the
month in both languages (Babel abbreviates septembre `sept.`): numbers are
written in digits, and a number word gets a message saying so (`NUMBER_WORDS`).
"""

from __future__ import annotations

from vaworkspace.i18n import N_

ISO_DATE = r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
"""The one word that is a whole date (`2026-12-05`): `-` does not split it."""
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
DAY_FULL_NAMES = (
    *(N_("monday"), N_("tuesday"), N_("wednesday"), N_("thursday")),
    *(N_("friday"), N_("saturday"), N_("sunday")),
)
"""Also the names a message gives a day (`… is a saturday`), translated where shown."""
DAY_LABELS_FR = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
MONTH_LABELS_FR = (
    *("janv.", "févr.", "mars", "avr.", "mai", "juin"),
    *("juil.", "août", "sept.", "oct.", "nov.", "déc."),
)
"""Babel's French abbreviations (`format_when` writes the same): each one is a key of
`WEEKDAYS` or `MONTHS` once folded and its dot dropped; `mar.` after a number is no
weekday, and before a time no month, so a label is never ambiguous."""
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
        "lun": 0,
        "mardi": 1,
        "mercredi": 2,
        "mer": 2,
        "jeudi": 3,
        "jeu": 3,
        "vendredi": 4,
        "ven": 4,
        "samedi": 5,
        "sam": 5,
        "dimanche": 6,
        "dim": 6,
    }
)
# `mar` is March in English and mardi in French: `date_phrases` reads it both ways
# and names the meaning of each reading with these unambiguous words.
AMBIGUOUS = {"mar": (("mardi", "mardi (tue)"), ("march", "march (mars)"))}
MONTHS = {name: i + 1 for i, name in enumerate(MONTH_NAMES) if name not in AMBIGUOUS}
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
        "janv": 1,
        "fevrier": 2,
        "fevr": 2,
        "fev": 2,
        "mars": 3,
        "avril": 4,
        "avr": 4,
        "mai": 5,
        "juin": 6,
        "juillet": 7,
        "juil": 7,
        "juill": 7,
        "aout": 8,
        "septembre": 9,
        "octobre": 10,
        "novembre": 11,
        "decembre": 12,
    }
)
UNITS = {
    **dict.fromkeys(("d", "day", "days", "j", "jour", "jours"), "days"),
    **dict.fromkeys(("w", "week", "weeks", "sem", "semaine", "semaines"), "weeks"),
    **dict.fromkeys(("mo", "month", "months", "mois"), "months"),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "heure", "heures"), "hours"),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), "minutes"),
}

_ENGLISH_NUMBERS = "two three four five six seven eight nine ten eleven twelve"
_FRENCH_NUMBERS = "deux trois quatre cinq six sept huit neuf dix onze douze quinze"
NUMBER_WORDS = frozenset(f"{_ENGLISH_NUMBERS} {_FRENCH_NUMBERS}".split())
"""Counts written in words: refused with a hint to write digits (`dans 7 jours`)."""

_ACCENTS = str.maketrans("àâäáçéèêëíîïóôöúùûüÿ", "aaaaceeeeiiiooouuuuy")


def fold(word: str) -> str:
    """Lowercase without French accents: the one spelling the tables hold."""
    return word.lower().translate(_ACCENTS)
