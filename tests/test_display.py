"""`display.safe` and `display.safe_json`: nothing a terminal obeys gets through, and
nothing else changes (the guarantees listed in the module's docstring)."""

from __future__ import annotations

import json

import orjson
from hypothesis import given
from hypothesis import strategies as st

from tests.hostile import ATTACK, FORBIDDEN, hostile_text, leaks
from vaworkspace.display import safe, safe_json


@given(hostile_text(surrogates=True))
def test_one_line_leaves_no_control_and_keeps_one_character_for_each(text: str) -> None:
    shown = safe(text)
    assert leaks(shown, allow="") == []
    assert len(shown) == len(text)  # an edit field's cursor stays on the right character
    for before, after in zip(text, shown, strict=True):
        assert after == before or before in FORBIDDEN or before in "\n\t"


@given(hostile_text(surrogates=True))
def test_multiline_keeps_newlines_and_tabs_only(text: str) -> None:
    shown = safe(text, multiline=True)
    assert leaks(shown) == []
    assert shown.count("\n") == text.replace("\r\n", "\n").count("\n")
    assert shown.count("\t") == text.count("\t")


@given(st.text(st.characters(exclude_characters=sorted(FORBIDDEN | {"\n", "\t"}))))
def test_clean_text_is_returned_as_it_is(text: str) -> None:
    assert safe(text) is text
    assert safe(text, multiline=True) is text


def test_each_control_gets_a_visible_stand_in() -> None:
    assert safe("a\x1b[2Jb") == "a␛[2Jb"
    assert safe("bell\x07 bs\x08 nul\x00 del\x7f") == "bell␇ bs␈ nul␀ del␡"
    assert safe("csi\x9b2J rlo\u202eexe.pdf") == "csi\ufffd2J rlo\ufffdexe.pdf"
    assert safe("two\nlines\tand\u2028more") == "two⏎lines and⏎more"
    assert safe("two\r\nlines\tand\u2028more", multiline=True) == "two\nlines\tand⏎more"
    assert safe("lone \ud800") == "lone \ufffd"
    assert leaks(safe(ATTACK), allow="") == []
    # Right-to-left names keep their implicit marks; accents and emoji stay.
    assert safe("שלום\u200f!") == "שלום\u200f!"
    assert safe("Évelyne 👩\u200d💻") == "Évelyne 👩\u200d💻"


values = st.recursive(
    st.none() | st.integers(-(2**53), 2**53) | hostile_text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(hostile_text(), children, max_size=4)
    ),
    max_leaves=12,
)


@given(values)
def test_json_parses_back_to_the_same_value_and_shows_no_control(value) -> None:
    data = safe_json(orjson.dumps(value, option=orjson.OPT_INDENT_2))
    assert json.loads(data) == value
    assert leaks(data.decode()) == []


def test_json_escapes_c1_del_and_bidi_which_orjson_writes_raw() -> None:
    raw = orjson.dumps({"title": "a\x9b2J\x7f\u202eb…’é"})
    assert b"\xc2\x9b" in raw  # what a terminal would have received before
    escaped = b'{"title":"a\\u009b2J\\u007f\\u202eb\xe2\x80\xa6\xe2\x80\x99\xc3\xa9"}'
    assert safe_json(raw) == escaped
    plain = orjson.dumps({"title": "Réunion – café…"})
    assert safe_json(plain) is plain
