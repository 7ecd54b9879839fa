"""Property tests: the French grammar is equivalent to the English one (issue #12).

Every English date phrase the test suite uses (`test_parse_when.CASES` and its
edges) has a French counterpart here (`fin de semaine`, whose meaning is the
region's, is paired in `test_fin_de_semaine.py`); hypothesis combines them with times of
day, instants and zones and checks that both read the same instant, or are both
refused. And the one ambiguous word (`mar` before a day number) is always refused.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain import test_parse_when
from tests.domain.date_cases import INSTANTS, MTL, NOW, PROPERTY, ZONES
from vaworkspace.domain import dates
from vaworkspace.errors import InputError

# English phrase -> French counterparts (several spellings where French has them).
DAYS = {
    "today": ["aujourd'hui", "aujourdhui"],
    "tod": ["aujourd'hui"],
    "eod": ["fin de journée", "fin de la journee"],
    "tomorrow": ["demain", "Demain"],
    "tmr": ["demain"],
    "yesterday": ["hier"],
    "mon": ["lun", "lundi"],
    "monday": ["lundi"],
    "tue": ["mardi", "mar"],
    "tuesday": ["mardi"],
    "wed": ["mer", "mercredi"],
    "thu": ["jeu", "jeudi"],
    "fri": ["ven", "ven.", "vendredi"],
    "friday": ["vendredi"],
    "sat": ["sam", "samedi"],
    "sun": ["dim", "dimanche"],
    "next monday": ["lundi prochain", "lun prochain", "lundi-prochain"],
    "next friday": ["vendredi prochain"],
    "next tuesday": ["mardi prochain", "mar prochain"],
    "this friday": ["ce vendredi", "ce ven"],
    "this tuesday": ["ce mardi"],
    "eow": ["fin de la semaine"],
    "weekend": ["week-end", "week end"],
    "eom": ["fin du mois", "fin de mois"],
    "eoy": ["fin de l'année", "fin d'annee"],
    "sow": ["début de la semaine prochaine", "debut de semaine prochaine"],
    "som": ["début du mois prochain"],
    "in 3 days": ["dans 3 jours", "dans-3-jours"],
    "in-3-days": ["dans 3 jours"],
    "in 1 day": ["dans 1 jour", "dans un jour"],
    "in 2 weeks": ["dans 2 semaines"],
    "in a week": ["dans une semaine", "dans 1 semaine"],
    "in 1 month": ["dans 1 mois", "dans un mois"],
    "in 3 months": ["dans 3 mois"],
    "in 13 months": ["dans 13 mois"],
    "3d": ["3j"],
    "2w": ["2sem"],
    "dec 5": ["5 déc", "5 déc.", "5 dec"],
    "5 dec": ["5 décembre"],
    "december 5": ["5 décembre", "le 5 décembre"],
    "december 5th": ["le 5 décembre"],
    "dec 1": ["1er déc", "1er décembre"],
    "dec 30": ["30 déc"],
    "dec 31": ["31 déc", "le 31 décembre"],
    "nov 30": ["30 nov", "30 novembre"],
    "jan 1": ["1er janv", "1er janvier"],
    "jan 2": ["2 janv.", "le 2 janvier"],
    "dec 5 2027": ["5 déc 2027", "le 5 décembre 2027"],
    "dec 5, 2027": ["5 déc. 2027"],
    "5 dec 2027": ["5 déc 2027"],
    "feb 29": ["29 févr.", "29 février", "29 fev"],
    "2026-12-05": ["2026-12-05"],
}
# Phrases that are already an instant (no time may follow).
INSTANT_PHRASES = {
    "tonight": ["ce soir"],
    "now": ["maintenant"],
    "in 2 hours": ["dans 2 heures", "dans 2 h"],
    "in 30 minutes": ["dans 30 minutes", "dans 30 min"],
    "in 2h": ["dans 2h", "dans 2 h"],
    "in 30m": ["dans 30 min"],
    "in an hour": ["dans une heure", "dans 1 h"],
}
TIMES = {
    "17:00": ["17h", "17 h", "17h00", "à 17h"],
    "17h": ["17 h"],
    "17h30": ["17 h 30"],
    "5pm": ["17h", "17 h"],
    "at 5pm": ["à 17h", "a 17 h"],
    "5:30pm": ["17h30", "17 h 30"],
    "9:30": ["9h30", "9 h 30"],
    "9:00": ["9h", "9 h"],
    "9am": ["9h"],
    "8am": ["8h"],
    "12am": ["0h", "minuit"],
    "12pm": ["12h", "midi"],
    "noon": ["midi"],
    "midnight": ["minuit"],
    "1:30": ["1h30"],
    "2:30": ["2h30"],
    "23:59": ["23h59", "23 h 59"],
}


def _english_phrases() -> set[str]:
    """The English date phrases of the parse_when tests (French ones left out)."""
    found = set(test_parse_when.CASES)
    for cases in test_parse_when.EDGES.values():
        found.update(cases)
    french_words = ("demain", "aujourd", "lundi", "dimanche", "décembre", "dans")
    return {text for text in found if not any(word in text for word in french_words)}


def _split_known(text: str) -> tuple[str, str] | None:
    """(day, time) for a phrase built of this table's parts, else None."""
    if text in DAYS or text in INSTANT_PHRASES or text in TIMES:
        return (text, "")
    for day in sorted(DAYS, key=len, reverse=True):
        rest = text.removeprefix(day + " ")
        if rest != text and rest in TIMES:
            return (day, rest)
    return None


def test_every_english_phrase_of_the_suite_has_a_french_counterpart() -> None:
    missing = []
    for text in sorted(_english_phrases()):
        variants = {text, text.lower(), text.replace("-", " "), text.replace("_", " ")}
        iso = text[:4].isdigit()  # ISO dates and instants are the same in French
        if not iso and not any(_split_known(v) for v in variants):
            missing.append(text)
    assert not missing, f"no French counterpart in the table for: {missing}"


def _read(text: str, now: datetime, tz) -> object:
    try:
        return dates.parse_when(text, now, tz)
    except InputError:
        return InputError


def _check_pair(english: str, french: str, now: datetime, tz) -> None:
    assert _read(english, now, tz) == _read(french, now, tz), (english, french)


DAY_PAIRS = [(en, fr) for en, frs in DAYS.items() for fr in frs]
TIME_PAIRS = [(en, fr) for en, frs in TIMES.items() for fr in frs]
INSTANT_PAIRS = [(en, fr) for en, frs in INSTANT_PHRASES.items() for fr in frs]


@pytest.mark.parametrize(("english", "french"), DAY_PAIRS + TIME_PAIRS + INSTANT_PAIRS)
def test_each_pair_at_the_frozen_instant(english: str, french: str) -> None:
    assert _read(english, NOW, MTL) is not InputError
    _check_pair(english, french, NOW, MTL)


@PROPERTY
@given(
    day=st.sampled_from(DAY_PAIRS),
    at=st.one_of(st.none(), st.sampled_from(TIME_PAIRS)),
    now=INSTANTS,
    tz=ZONES,
)
def test_a_day_with_or_without_a_time_reads_the_same_in_french(day, at, now, tz) -> None:
    english, french = day
    if at is not None:
        english, french = f"{english} {at[0]}", f"{french} {at[1]}"
    _check_pair(english, french, now, tz)


@PROPERTY
@given(pair=st.sampled_from(INSTANT_PAIRS + TIME_PAIRS), now=INSTANTS, tz=ZONES)
def test_instants_and_times_alone_read_the_same_in_french(pair, now, tz) -> None:
    _check_pair(*pair, now, tz)


@PROPERTY
@given(
    spelling=st.sampled_from(["mar", "MAR", "Mar", "mar."]),
    day=st.integers(1, 31),
    tail=st.sampled_from(["", " 17h", " à 9h30", " 2027", " 5pm", " 17 h 30"]),
    now=INSTANTS,
    tz=ZONES,
)
def test_mar_before_a_number_is_always_refused_as_ambiguous(spelling, day, tail, now, tz) -> None:
    text = f"{spelling} {day}{tail}"
    with pytest.raises(InputError, match="ambiguous") as caught:
        dates.parse_when(text, now, tz)
    assert f"'{text}'" in str(caught.value)
