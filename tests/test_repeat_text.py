"""A repetition as the task form shows it reads back as the same rule, in English
and in French (`repeat_text`): saving the form unchanged never changes the task.
The rules the quick-add words make are said in words (`chaque lundi et jeudi`,
`tous les jours`), never as RRULE text."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vaworkspace.domain.models import Task
from vaworkspace.domain.tasks.fields import parse_fields
from vaworkspace.domain.tasks.recurrence import WEEKDAY_CODES, canonical, validate_rrule
from vaworkspace.i18n import use_language
from vaworkspace.repeat_text import english_repeat, french_repeat

NOW = datetime(2026, 12, 1, 19, 0, tzinfo=timezone.utc)
MTL = ZoneInfo("America/Montreal")
TASK = Task(id=1, uuid="u", title="Paie", created=NOW, modified=NOW, due=date(2026, 12, 4))
SAYS = {"en": english_repeat, "fr": french_repeat}

intervals = st.one_of(st.just(1), st.integers(2, 999))
weekdays = st.sets(st.sampled_from(WEEKDAY_CODES), min_size=1).map(
    lambda days: ",".join(code for code in WEEKDAY_CODES if code in days)
)
monthdays = st.sets(st.integers(1, 31), min_size=1, max_size=4).map(
    lambda days: ",".join(str(day) for day in sorted(days))
)


@st.composite
def spoken_rules(draw) -> str:
    """The rules quick add's words make (`domain.tasks.every`): every N days, weeks
    (on some weekdays), months (on some days of the month), years."""
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]))
    parts = {"FREQ": freq, "INTERVAL": str(draw(intervals))}
    if freq == "WEEKLY" and draw(st.booleans()):
        parts["BYDAY"] = draw(weekdays)
    if freq == "MONTHLY" and draw(st.booleans()):
        parts["BYMONTHDAY"] = draw(monthdays)
    return canonical(parts)


other_rules = st.sampled_from(
    [
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=MONTHLY;BYMONTHDAY=-2",
        "FREQ=MONTHLY;BYDAY=1MO",
        "FREQ=WEEKLY;COUNT=3",
        "FREQ=DAILY;UNTIL=20270101",
        "FREQ=HOURLY;INTERVAL=4",
        "FREQ=YEARLY;BYMONTH=3",
    ]
).map(validate_rrule)


def read_back(text: str) -> tuple[str | None, bool]:
    found = parse_fields({"recurrence": text}, TASK, NOW, MTL)
    return found.recurrence, found.recur_from_completion


@settings(max_examples=300)
@given(rule=st.one_of(spoken_rules(), other_rules), from_completion=st.booleans())
def test_the_form_reads_back_the_rule_it_shows_in_both_languages(rule, from_completion) -> None:
    for language, says in SAYS.items():
        use_language("fr_CA" if language == "fr" else "en")
        shown = says(rule, from_completion)
        assert read_back(shown) == (rule, from_completion), (language, shown)
    use_language("en")


@settings(max_examples=300)
@given(rule=spoken_rules(), from_completion=st.booleans())
def test_the_rules_of_the_quick_add_words_are_said_in_words(rule, from_completion) -> None:
    assert "=" not in english_repeat(rule, from_completion)
    assert "=" not in french_repeat(rule, from_completion)


@pytest.mark.parametrize(
    ("rule", "from_completion", "french"),
    [
        ("FREQ=WEEKLY;BYDAY=MO", False, "chaque lundi"),
        ("FREQ=DAILY", False, "tous les jours"),
        ("FREQ=WEEKLY;INTERVAL=2", False, "toutes les 2 semaines"),
        ("FREQ=MONTHLY", False, "chaque mois"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", False, "chaque jour ouvrable"),
        ("FREQ=WEEKLY;BYDAY=MO,TH", False, "chaque lundi et jeudi"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", False, "toutes les 2 semaines le lundi"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,15", False, "chaque mois le 1er et 15"),
        ("FREQ=MONTHLY;INTERVAL=3", False, "tous les 3 mois"),
        ("FREQ=YEARLY", False, "chaque année"),
        ("FREQ=YEARLY;INTERVAL=2", True, "chaque! 2 ans"),
        ("FREQ=MONTHLY", True, "chaque! mois"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", False, "chaque FREQ=MONTHLY;BYMONTHDAY=-1"),
    ],
)
def test_french_words(rule, from_completion, french) -> None:
    assert french_repeat(rule, from_completion) == french


def test_va_show_says_the_repetition_in_french(monkeypatch, capsys) -> None:
    from vaworkspace.cli import main

    monkeypatch.setenv("VAWORKSPACE_NOW", "2026-12-01T19:00:00Z")
    assert main(["add", "Paie éch:2026-12-04 toutes les 2 semaines le vendredi"]) == 0
    assert main(["show", "1"]) == 0
    assert "repeats:   every 2 weeks on Friday\n" in capsys.readouterr().out
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert main(["show", "1"]) == 0
    assert "toutes les 2 semaines le vendredi\n" in capsys.readouterr().out
