"""Quick add in French (issue #12): `échéance:`, `attente:`, `chaque …`, `tous les …`,
`~45 min`, `!haute`; both languages understood in one line, accents optional."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.date_cases import INSTANTS, MTL, NOW, PROPERTY, UTC
from tests.domain.test_date_pairs import DAY_PAIRS, TIME_PAIRS
from vaworkspace.domain.tasks.every import parse_every
from vaworkspace.domain.tasks.quickadd import QuickAdd, parse_quick_add
from vaworkspace.errors import InputError


def qa(text: str) -> QuickAdd:
    return parse_quick_add(text, NOW, MTL)


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=MTL).astimezone(UTC)


def rule(*words: str) -> str:
    found = parse_every(list(words))
    assert found is not None
    return found[0]


def test_the_full_french_example() -> None:
    q = qa("Facture T4 @evelyne #compta !haute échéance:ven 17h ~1h30 chaque mois")
    assert (q.title, q.client, q.tags, q.priority) == ("Facture T4", "evelyne", ["compta"], "high")
    assert (q.due, q.estimate_minutes, q.recurrence) == (at(2026, 12, 4, 17), 90, rule("month"))
    assert ("due", "ven 17h") in q.parsed and ("recurrence", "chaque mois") in q.parsed


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("x échéance:demain", "due", date(2026, 12, 2)),
        ("x echeance:demain", "due", date(2026, 12, 2)),
        ("x ÉCHÉANCE:demain", "due", date(2026, 12, 2)),
        ("x éch:demain", "due", date(2026, 12, 2)),
        ("x ech:apres-demain", "due", date(2026, 12, 3)),
        ("x éch:ven. 11 déc., 17 h 30", "due", at(2026, 12, 11, 17, 30)),
        ("x éch:fin du mois", "due", date(2026, 12, 31)),
        ("x éch:le 3 janvier à 9h", "due", at(2027, 1, 3, 9)),
        ("x éch:1er mars", "due", date(2027, 3, 1)),
        ("x éch:dans 2 h", "due", at(2026, 12, 1, 11)),
        ('x échéance:"lundi prochain 9h"', "due", at(2026, 12, 7, 9)),
        ("x attente:lundi prochain", "wait", date(2026, 12, 7)),
        ("x Attente:ce vendredi", "wait", date(2026, 12, 4)),
        ("x éch:aucune", "due", None),
        ("x due:demain 17h", "due", at(2026, 12, 2, 17)),
        ("x échéance:fri 5pm", "due", at(2026, 12, 4, 17)),
    ],
)
def test_french_date_fields(text: str, field: str, expected: object) -> None:
    q = qa(text)
    assert getattr(q, field) == expected and field in q.given
    assert q.title == "x"


def test_a_date_run_stops_at_the_next_token_and_keeps_title_words() -> None:
    q = qa("Appeler éch:demain 9h le client #tel")
    assert q.due == at(2026, 12, 2, 9) and q.title == "Appeler le client" and q.tags == ["tel"]


def test_due_and_echeance_together_is_given_twice() -> None:
    with pytest.raises(InputError, match="due given twice"):
        qa("x due:demain éch:ven")


@pytest.mark.parametrize(
    ("text", "priority"),
    [("x !haute", "high"), ("x !HAUTE", "high"), ("x !moyenne", "medium"), ("x !basse", "low")],
)
def test_french_priorities(text: str, priority: str) -> None:
    assert qa(text).priority == priority


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("x ~1h30", 90),
        ("x ~45 min", 45),
        ("x ~45min", 45),
        ("x ~1 h 30", 90),
        ("x ~2 h", 120),
        ("x ~1 heure", 60),
        ("x ~2heures", 120),
        ("x ~90 minutes", 90),
    ],
)
def test_french_estimates(text: str, minutes: int) -> None:
    q = qa(text)
    assert (q.estimate_minutes, q.title) == (minutes, "x")


def test_an_estimate_never_swallows_a_following_number() -> None:
    q = qa("x ~45 2 factures")
    assert (q.estimate_minutes, q.title) == (45, "x 2 factures")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Point chaque lundi", ("monday",)),
        ("Point chaque lun", ("monday",)),
        ("Caisse tous les jours", ("day",)),
        ("Caisse Tous Les Jours", ("day",)),
        ("Paie toutes les 2 semaines", ("2", "weeks")),
        ("Bilan chaque mois", ("month",)),
        ("Courriel chaque jour ouvrable", ("weekday",)),
        ("Courriel tous les jours ouvrables", ("weekday",)),
        ("Courriel tous les jours ouvrés", ("weekday",)),
        ("Point tous les lundis et jeudis", ("monday", "and", "thursday")),
        ("Loyer chaque mois le 1er", ("month", "on", "the", "1st")),
        ("Sauvegarde tous les 3 jours", ("3", "days")),
    ],
)
def test_french_recurrence(text: str, words: tuple[str, ...]) -> None:
    q = qa(text)
    assert q.recurrence == rule(*words) and not q.recur_from_completion
    assert q.title == text.split()[0]


def test_chaque_bang_counts_from_completion() -> None:
    q = qa("Arroser chaque! 2 semaines")
    assert q.recurrence == rule("2", "weeks") and q.recur_from_completion


@pytest.mark.parametrize(
    "text", ["Relire tous les dossiers", "Tous les chemins", "Chaque fois", "Appeler tous"]
)
def test_chaque_and_tous_les_without_a_rule_stay_in_the_title(text: str) -> None:
    q = qa(text)
    assert q.title == text and q.recurrence is None


def test_chaque_mar_is_ambiguous() -> None:
    """`every mar`: Tuesdays in French, March in English; never guessed."""
    with pytest.raises(InputError, match="ambiguous"):
        qa("Réunion chaque mar")
    with pytest.raises(InputError, match="ambiguous"):
        qa("Meeting every mar")


def test_mar_before_a_number_is_ambiguous_in_quick_add() -> None:
    with pytest.raises(InputError, match="ambiguous"):
        qa("Réunion éch:mar 5")
    assert qa("Réunion éch:mar 17h").due == at(2026, 12, 8, 17)
    assert qa("Réunion due:5 mar").due == date(2027, 3, 5)


def test_both_languages_in_one_line() -> None:
    q = qa("Call Léon due:fri 17:00 ~45 min tous les lundis !basse")
    assert (q.due, q.estimate_minutes, q.recurrence, q.priority) == (
        at(2026, 12, 4, 17),
        45,
        rule("monday"),
        "low",
    )
    assert q.title == "Call Léon"


@PROPERTY
@given(
    field=st.sampled_from(["due:", "éch:", "échéance:", "attente:", "wait:", "sched:"]),
    spelling=st.sampled_from(["mar", "Mar.", "MAR"]),
    day=st.integers(1, 31),
    tail=st.sampled_from(["", " 17h", " à 9h30", " 2027", " réunion", " #client"]),
    now=INSTANTS,
)
def test_mar_before_a_number_is_always_refused_in_quick_add(field, spelling, day, tail, now):
    with pytest.raises(InputError, match="ambiguous"):
        parse_quick_add(f"Point {field}{spelling} {day}{tail}", now, MTL)


@PROPERTY
@given(
    day=st.sampled_from(DAY_PAIRS),
    at_time=st.one_of(st.none(), st.sampled_from(TIME_PAIRS)),
    field=st.sampled_from([("due:", "échéance:"), ("due:", "éch:"), ("wait:", "attente:")]),
    now=INSTANTS,
)
def test_a_french_date_field_sets_what_the_english_one_does(day, at_time, field, now) -> None:
    english, french = day
    if at_time is not None:
        english, french = f"{english} {at_time[0]}", f"{french} {at_time[1]}"
    results = []
    for prefix, expr in ((field[0], english), (field[1], french)):
        try:
            q = parse_quick_add(f"Envoyer {prefix}{expr} #x", now, MTL)
            results.append((q.due, q.wait, q.title, q.tags))
        except InputError:
            results.append(None)
    assert results[0] == results[1]


NO_VALUE = ["aucune", "aucun", "Aucune", "AUCUN"]
"""`none` in French: either gender, any case (a user's `@aucun`, `~aucune`)."""
CLEARING = {  # the English token that empties a field -> the French token, {} for `none`
    "@none": ["@{}"],
    "!none": ["!{}"],
    "~none": ["~{}"],
    "due:none": ["échéance:{}", "éch:{}", "due:{}"],
    "wait:none": ["attente:{}", "wait:{}"],
    "every:none": ["chaque:{}", "every:{}"],
}


def _fields(q: QuickAdd) -> tuple:
    cleared = (q.client, q.priority, q.due, q.wait, q.estimate_minutes, q.recurrence)
    return (q.title, cleared, q.recur_from_completion, sorted(q.given))


@PROPERTY
@given(
    pair=st.sampled_from([(en, fr) for en, frs in CLEARING.items() for fr in frs]),
    word=st.sampled_from(NO_VALUE),
    before=st.sampled_from(["Relancer", "Relancer le devis", "Point #compta"]),
    after=st.sampled_from(["", " #suivi", " la clinique"]),
)
def test_french_none_empties_a_field_as_english_none_does(pair, word, before, after) -> None:
    english, french = pair
    q = qa(f"{before} {french.format(word)}{after}")
    assert _fields(q) == _fields(qa(f"{before} {english}{after}"))
    assert q.title == f"{before}{after}".replace(" #compta", "").replace(" #suivi", "")


def test_every_french_none_clears_what_a_line_set() -> None:
    q = qa("Relancer @aucun !aucune ~aucune échéance:aucune attente:aucun chaque:aucun")
    assert q.title == "Relancer"
    assert {"client", "priority", "estimate_minutes", "due", "wait", "recurrence"} <= q.given
    assert (q.client, q.priority, q.estimate_minutes, q.due, q.wait, q.recurrence) == (None,) * 6


def test_chaque_field_takes_a_quoted_rule_like_every() -> None:
    assert qa('Paie chaque:"2 semaines"').recurrence == qa('Paie every:"2 weeks"').recurrence
