"""`every …` in a quick-add line: the words people type, read into RRULE text.

`every monday and thursday`, `every 2 weeks`, `every weekday`, `every month on
the 15th`, `every quarter`… and French after `chaque` / `tous les` (`lundi`,
`jours`, `2 semaines`, `mois le 1er`, `jour ouvrable`), without case or accents.
The result is the canonical RRULE text `domain.recurrence` validates, describes
and advances. `mar` (mardi, or March?) is refused as ambiguous, as in dates.
"""

from __future__ import annotations

import re

from vaworkspace.domain.date_words import AMBIGUOUS, fold
from vaworkspace.domain.tasks.recurrence import WEEKDAY_CODES, WEEKDAY_NAMES, WORKDAYS, canonical
from vaworkspace.errors import InputError
from vaworkspace.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    _T = TypeVar("_T")


def _table(rows: dict[str, _T]) -> dict[str, _T]:
    """{"day days": x} -> {"day": x, "days": x}: keeps the vocabulary readable."""
    return {word: value for words, value in rows.items() for word in words.split()}


_DAY_WORDS = _table(
    {
        "monday mon lundi lun": "MO",
        "tuesday tue tues mardi": "TU",
        "wednesday wed mercredi mer": "WE",
        "thursday thu thur thurs jeudi jeu": "TH",
        "friday fri vendredi ven": "FR",
        "saturday sat samedi sam": "SA",
        "sunday sun dimanche dim": "SU",
    }
)
_UNITS = _table(
    {  # word -> (FREQ, interval multiplier)
        "day days jour jours": ("DAILY", 1),
        "week weeks semaine semaines": ("WEEKLY", 1),
        "fortnight fortnights": ("WEEKLY", 2),
        "month months mois": ("MONTHLY", 1),
        "quarter quarters trimestre trimestres": ("MONTHLY", 3),
        "year years an ans année années annee annees": ("YEARLY", 1),
    }
)
_ADVERBS = _table(
    {  # only without a number: "every daily" yes, "every 2 daily" no
        "daily": ("DAILY", 1),
        "weekly": ("WEEKLY", 1),
        "monthly": ("MONTHLY", 1),
        "quarterly": ("MONTHLY", 3),
        "yearly annually": ("YEARLY", 1),
    }
)
_DAY_SETS = _table({"weekday weekdays workday workdays": WORKDAYS, "weekend weekends": "SA,SU"})
_WORKING = frozenset({"ouvrable", "ouvrables", "ouvre", "ouvres"})  # jour ouvrable: a weekday
_AND = frozenset({"and", "&", "et"})
_ORDINAL = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th|er|e)?")


def parse_every(words: list[str]) -> tuple[str, int] | None:
    """Read a recurrence from the words after `every`; None keeps `every` a title word.

    Returns (canonical RRULE text, number of words consumed). A word is consumed
    whole or not at all, so `every day-to-day` is not a recurrence.
    """
    tokens = [
        (part, index)
        for index, word in enumerate(words)
        for part in _word_parts(fold(word).rstrip(".;:!?"))
    ]
    parsed = _parse_tokens([part for part, _ in tokens])
    if parsed is None:
        return None
    parts, used = parsed
    last_word = tokens[used - 1][1]
    if used < len(tokens) and tokens[used][1] == last_word:
        return None
    return canonical(parts), last_word + 1


def _word_parts(word: str) -> list[str]:
    """Split `2-weeks` and `mon,thu`; expand a day range like `mon-fri` or `fri-sun`."""
    parts = [part for part in re.split(r"[-,]+", word) if part]
    ends = [_day_code(part) for part in parts] if "-" in word and len(parts) == 2 else []
    if len(ends) == 2 and all(ends):
        start, span = WEEKDAY_CODES.index(ends[0]), WEEKDAY_CODES.index(ends[1])
        return [WEEKDAY_NAMES[(start + i) % 7].lower() for i in range((span - start) % 7 + 1)]
    return parts


def _parse_tokens(toks: list[str]) -> tuple[dict[str, str], int] | None:
    """The grammar: [N | other] (weekday list | unit [on …] | ordinal)."""
    p, n, counted = 0, 1, False
    if toks and toks[0].isascii() and toks[0].isdigit():
        p, n, counted = 1, int(toks[0]), True
    elif toks and toks[0] in ("other", "autre"):
        p, n = 1, 2
    if not 1 <= n <= 999 or p >= len(toks):
        return None
    days, q = _day_list(toks, p)
    if days:
        return {"FREQ": "WEEKLY", "INTERVAL": str(n), "BYDAY": days}, q
    if n == 1 and not counted:
        monthdays, q = _monthday_list(toks, p, bare=False)
        if monthdays:
            return {"FREQ": "MONTHLY", "BYMONTHDAY": monthdays}, q
    word = toks[p]
    if word == "week" and p + 1 < len(toks) and toks[p + 1] in ("end", "ends"):
        word, p = "weekend", p + 1
    elif word in ("jour", "jours") and p + 1 < len(toks) and toks[p + 1] in _WORKING:
        word, p = "weekday", p + 1
    p += 1
    if word in _DAY_SETS and (n == 1 or _DAY_SETS[word] != WORKDAYS):  # not "2 weekdays"
        return {"FREQ": "WEEKLY", "INTERVAL": str(n), "BYDAY": _DAY_SETS[word]}, p
    if word in _ADVERBS and not counted and n == 1:
        freq, mult = _ADVERBS[word]
    elif word in _UNITS:
        freq, mult = _UNITS[word]
    else:
        return None
    return _parse_tail(toks, p, {"FREQ": freq, "INTERVAL": str(n * mult)})


def _parse_tail(toks: list[str], p: int, rule: dict[str, str]) -> tuple[dict[str, str], int]:
    """Optional `on friday` after a week unit, `on the 15th` after a month unit."""
    has_on = p < len(toks) and toks[p] in ("on", "le")
    if rule["FREQ"] == "WEEKLY" and has_on:
        days, q = _day_list(toks, p + 1)
        if days:
            return {**rule, "BYDAY": days}, q
    if rule["FREQ"] == "MONTHLY":
        q = p + has_on
        has_the = q < len(toks) and toks[q] == "the"
        monthdays, r = _monthday_list(toks, q + has_the, bare=has_on or has_the)
        if monthdays:
            return {**rule, "BYMONTHDAY": monthdays}, r
    return rule, p


def _day_list(toks: list[str], p: int) -> tuple[str, int]:
    """`mon`, `monday and thursday`, `mon,thu` (commas already split) -> "MO,TH"."""
    found: list[str] = []
    while p < len(toks):
        code = _day_code(toks[p])
        if code is None:
            break
        found.append(code)
        p += 1
        if p + 1 < len(toks) and toks[p] in _AND and _day_code(toks[p + 1]):
            p += 1
    return ",".join(c for c in WEEKDAY_CODES if c in found), p


def _day_code(word: str) -> str | None:
    """A weekday name, abbreviation or plural ("mondays"); `mar` is an error."""
    if word in AMBIGUOUS:
        meanings = _(" or ").join(why for _word, why in AMBIGUOUS[word])
        raise InputError(
            _("'{word}' is ambiguous in a repetition: {meanings}? write the word you mean").format(
                word=word, meanings=meanings
            )
        )
    return _DAY_WORDS.get(word) or (_DAY_WORDS.get(word[:-1]) if word.endswith("s") else None)


def _monthday_list(toks: list[str], p: int, bare: bool) -> tuple[str, int]:
    """`15th`, `1st and 15th`, `last [day]` -> "1,15" / "-1"; bare numbers only after on/the."""
    found: list[int] = []
    while p < len(toks):
        day = _monthday(toks, p, bare)
        if day is None:
            break
        found.append(day)
        p += 2 if day == -1 else 1  # "last day" is two words
        if p + 1 < len(toks) and toks[p] in _AND and _monthday(toks, p + 1, bare) is not None:
            p += 1
    return ",".join(str(d) for d in sorted(set(found), key=lambda d: (d < 0, d))), p


def _monthday(toks: list[str], p: int, bare: bool) -> int | None:
    """One day of the month; `last` only as `last day` (`last friday` is not ours)."""
    if toks[p] == "last":
        return -1 if p + 1 < len(toks) and toks[p + 1] == "day" else None
    match = _ORDINAL.fullmatch(toks[p])
    if not match or (toks[p].isascii() and toks[p].isdigit() and not bare):
        return None
    day = int(match.group(1))
    return day if 1 <= day <= 31 else None
