"""`fin de semaine`: the weekend in Québec, the end of the working week in France
(issue #12). The locale decides: fr_CA reads it as `weekend` (Saturday), fr and
fr_FR as `eow` (Friday); in an English UI neither is guessed, the phrase is refused
naming both readings. `fin de la semaine` is the end of the week everywhere, and
`week-end` the weekend everywhere."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.date_cases import INSTANTS, MTL, NOW, PARIS, PROPERTY, ZONES
from tests.domain.test_date_pairs import TIME_PAIRS
from vaworkspace.domain import dates
from vaworkspace.domain.tasks.quickadd import parse_quick_add
from vaworkspace.errors import InputError
from vaworkspace.i18n import use_language

FRIDAY, SATURDAY = "2026-12-04", "2026-12-05"  # NOW is Tuesday 2026-12-01
READS_AS = {"fr_CA": "weekend", "fr": "eow", "fr_FR": "eow", "fr_BE": "eow"}


def _read(text: str, now=NOW, tz=MTL) -> str:
    return dates.format_local(dates.parse_when(text, now, tz), tz)


@pytest.mark.parametrize(("language", "expected"), [("fr_CA", SATURDAY), ("fr_FR", FRIDAY)])
def test_the_region_decides(language: str, expected: str) -> None:
    use_language(language)
    assert _read("fin de semaine") == expected
    assert _read("Fin de semaine 17 h") == f"{expected} 17:00"


def test_plain_french_is_france_s_end_of_the_week() -> None:
    use_language("fr")
    assert _read("fin de semaine") == FRIDAY


@pytest.mark.parametrize("language", ["en", "en_US"])
def test_an_english_ui_reports_both_readings(language: str) -> None:
    use_language(language)
    with pytest.raises(dates.AmbiguousDate) as caught:
        dates.parse_when("fin de semaine", NOW, MTL)
    message = str(caught.value)
    assert "'fin de semaine'" in message and "ambiguous" in message
    assert "fin de la semaine (eow)" in message and "week-end (weekend)" in message


@pytest.mark.parametrize("language", ["en", "fr", "fr_CA", "fr_FR"])
def test_the_unambiguous_phrases_read_alike_everywhere(language: str) -> None:
    use_language(language)
    assert _read("fin de la semaine") == _read("eow") == FRIDAY
    assert _read("week-end") == _read("weekend") == _read("Week-End") == SATURDAY


@pytest.mark.parametrize(
    ("now", "weekend"),
    [
        ("2026-12-04 12:00", "2026-12-05"),  # Friday: tomorrow
        ("2026-12-05 12:00", "2026-12-05"),  # Saturday: today, as eow on a Friday
        ("2026-12-06 12:00", "2026-12-12"),  # Sunday: the next one, as eow at the weekend
    ],
)
def test_the_weekend_is_this_week_s_saturday(now: str, weekend: str) -> None:
    moment = dates.parse_when(now, NOW, PARIS)
    assert _read("weekend", moment, PARIS) == weekend


def test_quick_add_reads_it_by_region_and_refuses_it_in_english() -> None:
    line = "Inventaire éch:fin de semaine #stock"
    with pytest.raises(InputError, match="ambiguous"):
        parse_quick_add(line, NOW, MTL)
    use_language("fr_CA")
    assert str(parse_quick_add(line, NOW, MTL).due) == SATURDAY
    use_language("fr_FR")
    assert str(parse_quick_add(line, NOW, MTL).due) == FRIDAY


@PROPERTY
@given(
    language=st.sampled_from(sorted(READS_AS)),
    at=st.one_of(st.none(), st.sampled_from(TIME_PAIRS)),
    now=INSTANTS,
    tz=ZONES,
)
def test_fin_de_semaine_is_the_region_s_english_word(language, at, now, tz) -> None:
    use_language(language)
    english, french = READS_AS[language], "fin de semaine"
    if at is not None:
        english, french = f"{english} {at[0]}", f"{french} {at[1]}"
    assert dates.parse_when(french, now, tz) == dates.parse_when(english, now, tz)


@PROPERTY
@given(at=st.one_of(st.none(), st.sampled_from(TIME_PAIRS)), now=INSTANTS, tz=ZONES)
def test_fin_de_semaine_is_never_guessed_in_english(at, now, tz) -> None:
    use_language("en")
    text = "fin de semaine" if at is None else f"fin de semaine {at[1]}"
    with pytest.raises(dates.AmbiguousDate):
        dates.parse_when(text, now, tz)
