"""`config/plain_toml.py` reads what it reads exactly as tomllib does, and leaves
everything else (other TOML, and every mistake) to tomllib."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vaworkspace.config import load_config
from vaworkspace.config.plain_toml import plain_table
from vaworkspace.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

TYPICAL = """\
# my settings
timezone = "America/Montreal"
currency = 'CAD'
language = "fr_CA"   # Québec
target_rate = 45
daily_cap_hours = 7.5
notify_command = ["notify-send", "--urgency=low"]

[work]
hours = "09:00-17:00"
days = ["mon", "tue", "wed", "thu", "fri"]

[urgency]
due = 12.0
blocked = -5

[[publish]]
client = "acme"
path = "~/Calendars/acme.ics"

[[publish]]
path = '/srv/www/all.ics'
"""


def test_a_typical_config_is_read_without_tomllib_as_tomllib_reads_it():
    assert repr(plain_table(TYPICAL.encode())) == repr(tomllib.loads(TYPICAL))
    crlf = TYPICAL.replace("\n", "\r\n").encode()
    assert plain_table(crlf) == tomllib.loads(TYPICAL)


@pytest.mark.parametrize(
    "text",
    [
        'a = "tab\\there"',  # an escape
        "a = 1979-05-27",  # a date
        "a.b = 1",  # a dotted key
        '"a" = 1',  # a quoted key
        "a = { b = 1 }",  # an inline table
        'a = """\nx"""',  # a multi-line string
        "a = [\n1]",  # a multi-line array
        "a = [[1], [2]]",  # nested arrays
        "a = 1_000",
        "a = 0x1f",
        "a = 1e3",
        "a = inf",
        "[ work ]",
        "[a.b]",
    ],
)
def test_other_toml_is_left_to_tomllib(text):
    tomllib.loads(text)  # valid TOML
    assert plain_table(text.encode()) is None


@pytest.mark.parametrize(
    "text",
    [
        "a = 1\na = 2",
        "[a]\n[a]",
        "a = 1\n[a]",
        "[a]\n[[a]]",
        "[[a]]\n[a]",
        "a = [1]\n[[a]]",
        "a = 01",
        "a = 1.",
        "a = .5",
        "a = +",
        "a = ",
        "a = tru",
        'a = "x',
        "a = 'x' 'y'",
        "a = [1 2]",
        "a = [,]",
        "a = 1 b = 2",
        "a\n= 1",
        "a b = 1",
        "[a",
        "[[a]",
        "[]",
        "[a]]",
        "a = 1\r",
        "a = 'bell\x07'",
        "# bell \x07",
        "\ufeffa = 1",
        "a = 1 # ok\x7f",
    ],
)
def test_a_mistake_is_left_to_tomllib(text):
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads(text)
    assert plain_table(text.encode()) is None


def test_bytes_that_are_not_utf8_are_left_to_tomllib():
    assert plain_table(b'a = "\xff"') is None


def test_a_bad_file_gets_tomllib_s_message(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('currency = "EUR"\ncurrency = "CAD"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(str(path), {})
    assert str(caught.value) == (
        f"config file {path} is not valid TOML: Cannot overwrite a value (at line 2, column 17)"
    )


KEYS = st.sampled_from(["a", "b", "publish", "work", "x-1", "9", "a b", "a.b", '"a"', ""])
SCALARS = st.sampled_from(
    [
        "1",
        "-0",
        "+7",
        "01",
        "1.5",
        "-0.25",
        "1.",
        ".5",
        "1e3",
        "1_0",
        "true",
        "false",
        "tru",
        '"s"',
        '""',
        "'lit\\eral'",
        "''",
        '"a#b"',
        '"tab\there"',
        '"esc\\n"',
        "'''x'''",
        '"unclosed',
        "'ctl\x01'",
        "1979-05-27",
        "inf",
        "nan",
        "{}",
        "x",
    ]
)
ARRAYS = st.lists(SCALARS, max_size=3).map(lambda items: "[" + ", ".join(items) + "]")
SEP = st.sampled_from([" = ", "=", " =  ", "\t=\t", " "])
TAIL = st.sampled_from(["", " # note", "#x", " \t", " junk", "\x7f", "]", ","])
LINES = st.one_of(
    st.tuples(KEYS, SEP, st.one_of(SCALARS, ARRAYS), TAIL).map("".join),
    st.tuples(
        st.sampled_from(["[", "[[", "[ "]), KEYS, st.sampled_from(["]", "]]", " ]"]), TAIL
    ).map("".join),
    st.sampled_from(["", "# comment", "  ", "#\x01", "\t# indented"]),
)
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(LINES, NEWLINES), max_size=8))
def test_whatever_it_reads_it_reads_as_tomllib(lines):
    text = "".join(line + newline for line, newline in lines)
    found = plain_table(text.encode())
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert found is None
    else:
        assert found is None or repr(found) == repr(expected)  # types too: 1 == True


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_read_as_tomllib_or_left_to_it(text):
    found = plain_table(text.encode("utf-8", "surrogatepass"))
    try:
        expected = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeEncodeError):
        assert found is None
    else:
        assert found is None or repr(found) == repr(expected)  # types too: 1 == True
