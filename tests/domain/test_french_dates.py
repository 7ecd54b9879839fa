"""`parse_when` in French (issue #12): each phrase of the French grammar at a frozen
instant, accents optional, any case, and the words the two languages share read
the same way whatever the UI language."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from tests.domain.date_cases import MTL, NOW, PARIS
from vaworkspace.domain import dates
from vaworkspace.errors import InputError

# NOW is Tuesday 2026-12-01, 09:00 in Montreal; expected values are Montreal wall
# dates ("2026-12-04") or wall times ("2026-12-04 17:00") as `format_local` shows them.
FRENCH = {
    # days
    "aujourd'hui": "2026-12-01",
    "aujourd’hui": "2026-12-01",
    "Aujourd'hui": "2026-12-01",
    "demain": "2026-12-02",
    "DEMAIN": "2026-12-02",
    "après-demain": "2026-12-03",
    "apres-demain": "2026-12-03",
    "après demain": "2026-12-03",
    "hier": "2026-11-30",
    "ce soir": "2026-12-01 20:00",
    "maintenant": "2026-12-01 09:00",
    # weekdays: full names and abbreviations, strictly after today (a Tuesday)
    "lundi": "2026-12-07",
    "lun": "2026-12-07",
    "lun.": "2026-12-07",
    "mardi": "2026-12-08",
    "mar": "2026-12-08",
    "mercredi": "2026-12-02",
    "mer": "2026-12-02",
    "jeudi": "2026-12-03",
    "jeu": "2026-12-03",
    "vendredi": "2026-12-04",
    "ven": "2026-12-04",
    "Ven.": "2026-12-04",
    "samedi": "2026-12-05",
    "sam": "2026-12-05",
    "dimanche": "2026-12-06",
    "dim": "2026-12-06",
    "lundi prochain": "2026-12-07",
    "mardi prochain": "2026-12-08",
    "mar prochain": "2026-12-08",
    "ce vendredi": "2026-12-04",
    "ce mardi": "2026-12-01",
    "ce mar": "2026-12-01",
    # relative
    "dans 3 jours": "2026-12-04",
    "dans 1 jour": "2026-12-02",
    "dans 2 semaines": "2026-12-15",
    "dans une semaine": "2026-12-08",
    "dans 1 mois": "2027-01-01",
    "dans 2 h": "2026-12-01 11:00",
    "dans 2h": "2026-12-01 11:00",
    "dans 2 heures": "2026-12-01 11:00",
    "dans une heure": "2026-12-01 10:00",
    "dans 30 min": "2026-12-01 09:30",
    "dans 30 minutes": "2026-12-01 09:30",
    "3j": "2026-12-04",
    "2sem": "2026-12-15",
    # period ends (`fin de semaine` is the region's: test_fin_de_semaine.py)
    "fin de la semaine": "2026-12-04",
    "week-end": "2026-12-05",
    "fin du mois": "2026-12-31",
    "fin de mois": "2026-12-31",
    "fin de l'année": "2026-12-31",
    "fin d'année": "2026-12-31",
    "fin d'annee": "2026-12-31",
    "fin de journée": "2026-12-01",
    "début de la semaine prochaine": "2026-12-07",
    "début du mois prochain": "2027-01-01",
    # a day of a month; a passed one is next year's
    "24 déc": "2026-12-24",
    "24 déc.": "2026-12-24",
    "24 dec": "2026-12-24",
    "24 décembre": "2026-12-24",
    "24 DÉCEMBRE": "2026-12-24",
    "le 3 janvier": "2027-01-03",
    "le 3 janv.": "2027-01-03",
    "1er mars": "2027-03-01",
    "1er déc": "2026-12-01",
    "30 nov": "2027-11-30",
    "29 févr.": "2028-02-29",
    "29 fevrier": "2028-02-29",
    "14 juil": "2027-07-14",
    "15 août": "2027-08-15",
    "15 aout": "2027-08-15",
    "5 sept": "2027-09-05",
    "5 déc 2027": "2027-12-05",
    "le 5 décembre 2027": "2027-12-05",
    # a weekday before the date checks it (the form French writes and Babel formats)
    "ven. 11 déc.": "2026-12-11",
    "vendredi 11 décembre": "2026-12-11",
    "ven. 11 déc. 2026": "2026-12-11",
    "mar 8 déc": "2026-12-08",
    "fri dec 11": "2026-12-11",
    # times of day: today while still ahead (it is 09:00), else tomorrow
    "17h": "2026-12-01 17:00",
    "17 h": "2026-12-01 17:00",
    "17 h 30": "2026-12-01 17:30",
    "17h30": "2026-12-01 17:30",
    "9h30": "2026-12-01 09:30",
    "9h": "2026-12-02 09:00",
    "midi": "2026-12-01 12:00",
    "minuit": "2026-12-02 00:00",
    "à 17h": "2026-12-01 17:00",
    "a 17h": "2026-12-01 17:00",
    # a day and a time
    "demain 17h": "2026-12-02 17:00",
    "demain à 17 h 30": "2026-12-02 17:30",
    "demain a 9h": "2026-12-02 09:00",
    "après-demain midi": "2026-12-03 12:00",
    "ven 17h": "2026-12-04 17:00",
    "jeudi 14h": "2026-12-03 14:00",
    "mar 17h": "2026-12-08 17:00",
    "lundi prochain 9h": "2026-12-07 09:00",
    "ce vendredi à 16h": "2026-12-04 16:00",
    "dans 3 jours 9h": "2026-12-04 09:00",
    "fin de la semaine 17h": "2026-12-04 17:00",
    "week-end 10h": "2026-12-05 10:00",
    "fin du mois 17 h": "2026-12-31 17:00",
    "24 déc 9h": "2026-12-24 09:00",
    "le 24 déc à 9h": "2026-12-24 09:00",
    "1er mars midi": "2027-03-01 12:00",
    "ven. 11 déc., 17 h": "2026-12-11 17:00",
    "ven.\xa011\xa0déc., 17\u202fh\xa030": "2026-12-11 17:30",
    "lundi prochain 0h": "2026-12-07 00:00",
}


@pytest.mark.parametrize(("text", "expected"), FRENCH.items())
def test_french_phrases(text: str, expected: str) -> None:
    value = dates.parse_when(text, NOW, MTL)
    assert dates.format_local(value, MTL) == expected
    assert isinstance(value, datetime) == (" " in expected)


@pytest.mark.parametrize(
    "text",
    [
        "mar 5",
        "MAR 5",
        "Mar. 5",
        "mar 5 17h",
        "mar 5 2027",
        "due mar 5",
        "mar 31 à 9h",
    ],
)
def test_mar_before_a_day_number_is_ambiguous(text: str) -> None:
    """`mar 5`: March 5 in English, Tuesday the 5th in French; never guessed."""
    with pytest.raises(InputError) as caught:
        dates.parse_when(text, NOW, MTL)
    message = str(caught.value)
    if text.startswith("due"):
        assert "ambiguous" not in message  # not a date in any reading
        return
    assert f"'{text}'" in message and "ambiguous" in message
    assert "mardi" in message and "march" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("5 mar", "2027-03-05"), ("march 5", "2027-03-05"), ("mars 5", "2027-03-05")],
)
def test_mar_where_only_a_month_fits_is_march(text: str, expected: str) -> None:
    assert dates.format_local(dates.parse_when(text, NOW, MTL), MTL) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("ven 12 déc", "2026-12-12 is a saturday, not a friday"),
        ("fri dec 12 17:00", "2026-12-12 is a saturday, not a friday"),
        ("ven 17", "the 17th or 17:00"),
        ("fri 17", "the 17th or 17:00"),
        ("vendredi 11", "the 11th or 11:00"),
    ],
)
def test_a_weekday_before_a_number_is_checked_or_questioned(text: str, why: str) -> None:
    with pytest.raises(InputError, match=re.escape(why)) as caught:
        dates.parse_when(text, NOW, MTL)
    assert f"'{text}'" in str(caught.value)


@pytest.mark.parametrize(
    "text", ["dans sept jours", "dans deux semaines", "in two days", "dans trois heures"]
)
def test_numbers_in_words_ask_for_digits(text: str) -> None:
    """`sept` is September in both languages; seven is written 7 (no silent guess)."""
    with pytest.raises(InputError, match="write the number in digits") as caught:
        dates.parse_when(text, NOW, MTL)
    assert f"'{text}'" in str(caught.value)


def test_french_phrases_in_another_zone() -> None:
    """Paris is 15:00 at NOW: 9h30 has passed there, so it is tomorrow's."""
    assert dates.format_local(dates.parse_when("9h30", NOW, PARIS), PARIS) == "2026-12-02 09:30"
    assert dates.format_local(dates.parse_when("ce soir", NOW, PARIS), PARIS) == "2026-12-01 20:00"


@pytest.mark.parametrize("text", ["fin", "fin de", "fin du siècle", "dans", "le", "ce", "après"])
def test_half_phrases_are_refused_with_examples(text: str) -> None:
    with pytest.raises(InputError, match=re.escape(f"'{text}': try today")):
        dates.parse_when(text, NOW, MTL)
