"""The quick-add grammar under random input: title words are never lost, and a
token either means what it says or is a clear InputError."""

from __future__ import annotations

import contextlib

from hypothesis import given
from hypothesis import strategies as st

from tests.domain.date_cases import MTL, NOW, PARIS, PROPERTY
from vaworkspace.domain.dates import parse_when
from vaworkspace.domain.tasks.every import parse_every
from vaworkspace.domain.tasks.quickadd import QuickAdd, parse_quick_add
from vaworkspace.errors import InputError


def qa(text: str, tz=MTL) -> QuickAdd:
    return parse_quick_add(text, NOW, tz)


SPECIAL_START = tuple("@#!~+\\")
DATEISH = {
    "every",
    "every!",
    "at",
    "a",
    "an",
    "un",
    "une",
    "next",
    "this",
    "in",
    "dans",
    "other",
    "autre",
    "on",
    "the",
    "and",
    "et",
    # French: `tous les jours ouvrables` goes on over these words
    "tous",
    "toutes",
    "les",
    "chaque",
    "ouvrable",
    "ouvrables",
    "ouvre",
    "ouvres",
    # and `~1 h 30 min` over its minutes unit
    "m",
    "min",
    "mins",
}


def _is_rule(words: list[str]) -> bool:
    try:
        return parse_every(words) is not None
    except ValueError:  # see test_every_with_odd_digits_is_a_title_word
        return True
    except InputError:  # `mar`, refused as ambiguous after `every`: no plain word
        return True


def is_plain(word: str) -> bool:
    """A word the grammar must leave in the title wherever it stands."""
    if not word or word.startswith(SPECIAL_START) or word.startswith("-#") or ":" in word:
        return False
    if word.lower() in DATEISH or _is_rule([word]):
        return False
    for probe in (word, f"fri {word}", f"dec {word}", f"in {word}", f"dec 5 {word}"):
        try:
            parse_when(probe, NOW, MTL)
        except InputError:
            continue
        return False
    return True


plain_words = st.text(
    st.characters(blacklist_categories=("Cs", "Z", "Cc")), min_size=1, max_size=10
).filter(is_plain)
letter_words = st.text(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéà'.,-?", min_size=1, max_size=8
).filter(is_plain)
TOKENS = [
    "@evelyne",
    "@none",
    "#billing",
    "-#old",
    "!h",
    "!none",
    "~30m",
    "~none",
    "due:fri",
    "due:fri 17:00",
    'due:"next monday"',
    "due:next-monday",
    "due:in 3 days",
    "wait:mon",
    "sched:tomorrow 9am",
    "due:none",
    "every monday",
    "every! 2 weeks",
    "every:none",
    "\\#1",
    "+travel",
    "+#urgent",
    "due:dec 5",
    "éch:ven 17h",
    "échéance:demain",
    "attente:lundi prochain",
    "éch:ven. 11 déc., 17 h 30",
    "chaque lundi",
    "tous les jours",
    "~45 min",
    "~1 h 30",
    "!haute",
]
tokens = st.sampled_from(TOKENS)


@PROPERTY
@given(text=st.text(max_size=60), tz=st.sampled_from([MTL, PARIS]))
def test_any_text_returns_or_raises_input_error(text: str, tz) -> None:
    try:
        q = parse_quick_add(text, NOW, tz)
    except InputError:
        return
    assert isinstance(q.title, str)
    assert q.title == " ".join(q.title.split())


@PROPERTY
@given(
    parts=st.lists(st.one_of(tokens, plain_words, st.text(max_size=8)), max_size=10),
    tz=st.sampled_from([MTL, PARIS]),
)
def test_token_salad_returns_or_raises_input_error(parts: list[str], tz) -> None:
    with contextlib.suppress(InputError):
        parse_quick_add(" ".join(parts), NOW, tz)


@PROPERTY
@given(
    parts=st.lists(
        st.one_of(st.tuples(st.just("plain"), letter_words), st.tuples(st.just("token"), tokens)),
        max_size=10,
    ),
    tz=st.sampled_from([MTL, PARIS]),
)
def test_no_title_word_is_eaten(parts: list[tuple[str, str]], tz) -> None:
    text = " ".join(word for _, word in parts)
    try:
        q = parse_quick_add(text, NOW, tz)
    except InputError as error:
        assert "twice" in str(error)  # the only error these tokens can cause
        return
    title = q.title.split()
    escaped = {"\\#1": "#1"}  # the one token that is itself a title word
    assert title == [
        word if kind == "plain" else escaped[word]
        for kind, word in parts
        if kind == "plain" or word in escaped
    ]


@PROPERTY
@given(words=st.lists(plain_words, min_size=1, max_size=12))
def test_plain_titles_round_trip(words: list[str]) -> None:
    q = qa(" ".join(words))
    assert q.title == " ".join(words)
    assert q.given == {"title"}
    assert q.parsed == []


@PROPERTY
@given(
    tag=st.text("abcdefghijklmnopqrstuvwxyzé", min_size=1, max_size=6),
    rest=st.text("abc0123456789-_", max_size=6),
    hash_too=st.booleans(),
)
def test_plus_a_letter_is_a_tag_and_plus_anything_else_a_title_word(
    tag: str, rest: str, hash_too: bool
) -> None:
    word = f"+{'#' if hash_too else ''}{tag}{rest}"
    q = qa(f"Plan {word}")
    assert (q.title, q.tags) == ("Plan", [tag + rest])
    number = "+" + (rest.lstrip("abc") or "33")  # a + before no letter: `+33`, `+-1`
    assert qa(f"Call {number}").title == f"Call {number}"
