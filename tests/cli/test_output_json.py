"""`print_json_list` writes, slice by slice, exactly what `print_json` writes whole."""

from __future__ import annotations

import io
import json
import sys
from datetime import date, datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from vaworkspace.cli.output import print_json, print_json_list

ITEM = st.fixed_dictionaries(
    {
        "id": st.integers(-(2**63), 2**63 - 1),
        "title": st.text(),
        "tags": st.lists(st.text(max_size=5), max_size=3),
        "due": st.none() | st.dates() | st.datetimes(timezones=st.just(timezone.utc)),
        "nested": st.dictionaries(st.text(max_size=3), st.integers(0, 99), max_size=2),
    }
)


def written(write) -> bytes:
    """What `write()` puts on standard output's bytes."""
    out = io.TextIOWrapper(io.BytesIO())
    before, sys.stdout = sys.stdout, out
    try:
        write()
    finally:
        sys.stdout = before
    return out.buffer.getvalue()


@settings(max_examples=60, deadline=None)
@given(items=st.lists(ITEM, max_size=12), per_write=st.integers(1, 5))
def test_slices_join_into_the_whole_list(items, per_write) -> None:
    whole = written(lambda: print_json(items))
    sliced = written(lambda: print_json_list(iter(items), per_write))
    assert sliced == whole


def test_a_slice_boundary_and_terminal_controls() -> None:
    items = [
        {"id": n, "title": f"x\x1b[31m\u009b{n}", "due": date(2026, 12, 4)} for n in range(1001)
    ]
    items[500]["at"] = datetime(2026, 12, 4, 9, tzinfo=timezone.utc)
    whole = written(lambda: print_json(items))
    sliced = written(lambda: print_json_list(items))
    assert sliced == whole
    assert b"\\u009b" in sliced and b"\xc2\x9b" not in sliced
    assert json.loads(sliced)[1000]["title"] == "x\x1b[31m\u009b1000"


def test_no_items_is_an_empty_list() -> None:
    assert written(lambda: print_json_list([])) == b"[]\n"
    assert written(lambda: print_json([])) == b"[]\n"
