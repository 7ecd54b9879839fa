"""From the text a VA types to the words `dates.parse_when`'s grammar reads.

One grammar reads both languages: this module turns French phrasing into its
words (`après-demain` → `overmorrow`, `fin du mois` → `eom`, `lundi prochain` →
`next lundi`, `dans` → `in`, `le 3 janvier` → `3 janvier`), folds case and
accents (`Déc.` → `dec`), drops the dots of abbreviations (`ven.`), and joins a
time written with spaces (`17 h 30` → `17h30`, as Babel and French typography
write it). What it cannot tell apart it does not choose: `readings` gives one
list of words per meaning of an ambiguous word, and the parser refuses the
phrase when more than one of them makes sense (see `dates.parse_when`).

One phrase means what the VA's region says: `fin de semaine` is the weekend in
Québec (`fr_CA`: Saturday, as `week-end`) and the end of the working week in
France (`fr`, `fr_FR`: Friday, as `fin de la semaine`). A UI in another
language cannot tell which the VA means, so it gets both readings, refused
together as any ambiguous word is.
"""

from __future__ import annotations

import re
from itertools import product

from vaworkspace.domain.date_words import AMBIGUOUS, ISO_DATE, WEEKDAYS, fold
from vaworkspace.i18n import language

_DAY_NUMBER = r"[0-9]{1,2}(?:st|nd|rd|th|er)?"

# French (and a few English) phrases -> the grammar's word. Folded, as typed
# after `fold`: `l'annee` keeps its apostrophe, `aujourd'hui` is one word.
_PHRASES = {
    "aujourd'hui": "today",
    "aujourdhui": "today",
    "aujourd hui": "today",
    "demain": "tomorrow",
    "apres demain": "overmorrow",
    "day after tomorrow": "overmorrow",
    "hier": "yesterday",
    "maintenant": "now",
    "ce soir": "tonight",
    "dans": "in",
    "fin de journee": "eod",
    "fin de la journee": "eod",
    "fin de la semaine": "eow",
    "week end": "weekend",
    "fin du mois": "eom",
    "fin de mois": "eom",
    "fin d'annee": "eoy",
    "fin de l'annee": "eoy",
    "fin de l annee": "eoy",
    "debut de la semaine prochaine": "sow",
    "debut de semaine prochaine": "sow",
    "debut du mois prochain": "som",
}
_LONGEST = max(len(phrase.split()) for phrase in _PHRASES)
_REGIONAL = "fin de semaine"
_REGION_READS = {"fr_CA": "weekend", "fr": "eow"}
"""`fin de semaine` by region: Québec's weekend, else (France, Belgium...) the
end of the working week."""
_BOTH_READINGS = (("eow", "fin de la semaine (eow)"), ("weekend", "week-end (weekend)"))
_THIS = frozenset({"ce", "cet", "cette"})
_NEXT = frozenset({"prochain", "prochaine"})


def tokens(raw: str) -> list[str]:
    """Folded words; `-`, `_` and `,` separate words (except in an ISO date), a
    trailing `.` is an abbreviation's, and `17 h 30` is the one word `17h30`."""
    words: list[str] = []
    for word in fold(raw.replace("’", "'")).split():
        if re.fullmatch(ISO_DATE, word):
            words.append(word)
        else:
            words.extend(part.rstrip(".") for part in re.split(r"[-_,]+", word))
    return _join_spaced_times([word for word in words if word])


def _join_spaced_times(words: list[str]) -> list[str]:
    """`17 h` → `17h`, `17 h 30` and `17h 30` → `17h30` (hours 0-23, minutes 00-59)."""
    joined: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if re.fullmatch(r"[0-9]{1,2}", word) and i + 1 < len(words) and words[i + 1] == "h":
            word, i = word + "h", i + 1
        minutes = words[i + 1] if i + 1 < len(words) else ""
        if re.fullmatch(r"[0-9]{1,2}h", word) and re.fullmatch(r"[0-5][0-9]", minutes):
            word, i = word + minutes, i + 1
        joined.append(word)
        i += 1
    return joined


def readings(raw: str) -> list[tuple[str, list[str]]]:
    """The grammar's words for `raw`, once per meaning of each ambiguous word, with
    a label naming the meanings taken ("" when no word was ambiguous)."""
    words = _regional_phrase(tokens(raw))
    regional = _regional_readings(language())
    choices = [  # each: (word, label)
        regional if word == _REGIONAL else AMBIGUOUS.get(word, ((word, ""),)) for word in words
    ]
    found: list[tuple[str, list[str]]] = []
    for picked in product(*choices):
        label = ", ".join(f"'{words[i]}' = {why}" for i, (_, why) in enumerate(picked) if why)
        found.append((label, _french([word for word, _ in picked])))
    return found


def _regional_phrase(words: list[str]) -> list[str]:
    """`fin de semaine` as one word, which `readings` reads as the region says."""
    size = len(_REGIONAL.split())
    for i in range(len(words) - size + 1):
        if " ".join(words[i : i + size]) == _REGIONAL:
            return [*words[:i], _REGIONAL, *_regional_phrase(words[i + size :])]
    return words


def _regional_readings(speaks: str) -> tuple[tuple[str, str], ...]:
    """What `fin de semaine` means in the language `speaks` (`fr_CA`, `fr`, `en`):
    one reading in French, the region's (or the French one's); both elsewhere."""
    base = speaks.split("_")[0]
    if base != "fr":
        return _BOTH_READINGS
    return ((_REGION_READS.get(speaks, _REGION_READS["fr"]), ""),)


def _french(words: list[str]) -> list[str]:
    """French phrasing rewritten into the grammar's words (see the module docstring)."""
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            if phrase in _PHRASES:
                out.append(_PHRASES[phrase])
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return _word_order(out)


def _word_order(words: list[str]) -> list[str]:
    """`lundi prochain` → `next lundi`, `ce vendredi` → `this vendredi`, and the
    article of `le 3 janvier` dropped."""
    out: list[str] = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if word in WEEKDAYS and following in _NEXT:
            out.append("next")
        elif word in _NEXT and out[-2:-1] == ["next"]:
            continue
        elif word in _THIS and following in WEEKDAYS:
            word = "this"
        elif word == "le" and re.fullmatch(_DAY_NUMBER, following):
            continue
        out.append(word)
    return out
