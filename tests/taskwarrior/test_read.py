"""Reading a `task export` file: its forms (array, JSON lines, BOM), what is not
one, and bytes of any kind (a clear `ImportFileError`, never a crash)."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.taskwarrior.sample import FIXTURES, NOW, PARIS, UUID, error_of, items_of
from vaworkspace.errors import ImportFileError
from vaworkspace.taskwarrior.convert import TaskwarriorImport, convert
from vaworkspace.taskwarrior.export import looks_like_taskwarrior, read_export


@pytest.fixture(scope="module")
def raw() -> bytes:
    return (FIXTURES / "export-2.6.2.json").read_bytes()


@pytest.fixture(scope="module")
def items(raw) -> list[dict]:
    return items_of(raw)


def test_real_export_parses(items):
    assert len(items) == 18
    assert all(isinstance(item, dict) for item in items)


def test_json_lines_export_gives_the_same_tasks(items):
    lines = items_of((FIXTURES / "export-2.6.2-lines.json").read_bytes())
    assert [(i["uuid"], i["description"]) for i in lines] == [
        (i["uuid"], i["description"]) for i in items
    ]


def test_bom_whitespace_and_str_input(raw, items):
    assert items_of(b"\xef\xbb\xbf\n  " + raw + b"\n\n") == items
    assert items_of("\ufeff" + raw.decode()) == items


def test_json_lines_with_trailing_commas():
    text = '{"uuid": "%s", "description": "a"},\n\n{"uuid": "%s", "description": "b"}\n'
    parsed = items_of(text % (UUID, UUID.replace("0b", "0c")))
    assert [i["description"] for i in parsed] == ["a", "b"]
    assert items_of(b" [] ") == []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"hello world", "not a Taskwarrior export: expected a JSON array of tasks"),
        (b"<!DOCTYPE html><html><body>Login</body></html>", "it starts with '<!DOCTYPE html>"),
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b'[\n{"uuid": "x",\n  "description" "a"}]', "JSON error at line 3 column 17"),
        (b'{"a": 1}\n{"b": ', "JSON error at line 2 column"),
        (b'"just a string"', "it starts with"),
        (b"\xff\xfe[]", "not UTF-8 text at byte 0"),
        (b"[" * 100_000, "JSON nested too deeply"),
        (b"[" + b"1" * 5000 + b"]", "digits"),
    ],
)
def test_not_an_export(data, expected):
    message = error_of(data)
    assert message.startswith("not a Taskwarrior export: expected a JSON array of tasks (")
    assert expected in message


def test_looks_like_taskwarrior(raw):
    assert looks_like_taskwarrior(raw)
    assert looks_like_taskwarrior((FIXTURES / "export-2.6.2-lines.json").read_bytes())
    assert looks_like_taskwarrior(b"\xef\xbb\xbf  " + raw)
    assert not looks_like_taskwarrior(b"BEGIN:VCALENDAR\r\nUID:x\r\n")
    assert not looks_like_taskwarrior(b"uuid,description\n1,2\n")
    assert not looks_like_taskwarrior(b'<html>"uuid" "description"</html>')
    assert not looks_like_taskwarrior(b"")


# Fields of any kind, nested: what a file that is almost an export may hold.
FIELDS = ["uuid", "description", "status", "due", "wait", "entry", "project", "tags"]
FIELDS += ["annotations", "depends", "recur", "parent", "until", "priority", "end"]
WORDS = [UUID, "20261204T170000Z", "20261203T230000Z", "20261305T000000Z", "pending"]
WORDS += ["waiting", "recurring", "completed", "H", "weekly", "2weeks", "Acme.Web", ".", "☕", ""]
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
ATOMS = st.sampled_from(WORDS) | SCALARS
KEYS = st.sampled_from(FIELDS) | st.text(max_size=4)
JSONISH = st.recursive(
    ATOMS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=6)
)
ITEMS = st.fixed_dictionaries(
    {"uuid": st.sampled_from([UUID, UUID.replace("0b", "0f")]), "description": st.text(min_size=1)},
    optional={name: JSONISH for name in FIELDS[2:]},
)


def _as_bytes(value, bom: bool, lines: bool) -> bytes:
    lines = lines and isinstance(value, list)
    text = "\n".join(json.dumps(v) for v in value) if lines else json.dumps(value)
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode()


@settings(max_examples=300, deadline=None)
@given(st.lists(ITEMS, max_size=3) | JSONISH, st.booleans(), st.booleans(), st.binary(max_size=3))
def test_jsonish_bytes_parse_or_raise_import_file_error(value, bom, lines, noise):
    for data in (_as_bytes(value, bom, lines), _as_bytes(value, bom, lines)[:-1] + noise):
        try:
            columns = read_export(data)
        except ImportFileError:
            continue
        # Whatever read_export accepts, convert must handle without crashing.
        assert isinstance(convert(columns, NOW, PARIS), TaskwarriorImport)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=64))
def test_arbitrary_bytes_parse_or_raise_import_fileerror_of(data):
    with contextlib.suppress(ImportFileError):
        assert isinstance(items_of(data), list)
