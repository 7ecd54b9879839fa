"""The rules an export's items must follow: a file is refused whole, at its
first bad item, named with the first rule it breaks."""

from __future__ import annotations

import json
import re
import string
from datetime import datetime

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.taskwarrior.sample import FIXTURES, NOW, UTC, UUID, error_of
from tests.taskwarrior.strategies import TW_DATES, broken, exports
from vaworkspace.errors import ImportFileError
from vaworkspace.taskwarrior.check import check
from vaworkspace.taskwarrior.columns import DATE_FIELDS
from vaworkspace.taskwarrior.convert import convert
from vaworkspace.taskwarrior.export import read_export


@pytest.fixture(scope="module")
def raw() -> bytes:
    return (FIXTURES / "export-2.6.2.json").read_bytes()


def item(**fields) -> dict:
    return {"uuid": UUID, "description": "Call Zoë", "status": "pending", **fields}


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        (item(due="20261305T000000Z"), "bad date due '20261305T000000Z'"),
        (item(entry="2026-12-04"), "bad date entry '2026-12-04'"),
        (item(status="zombie"), "unknown status 'zombie'"),
        (item(priority="X"), "bad priority 'X' (expected H, M or L)"),
        (item(tags=[1, 2]), "tags must be a list of text"),
        (item(annotations=[{"description": "x"}]), "annotations must be a list"),
        (item(project=3), "project must be text"),
        (item(uuid="not-a-uuid"), "bad uuid 'not-a-uuid'"),
    ],
)
def test_bad_item_is_named_with_uuid_and_description(bad, expected):
    good = item(uuid=UUID.replace("0b", "0d"))
    message = error_of(json.dumps([good, bad]))
    assert message.startswith("item 2 (")
    assert "description 'Call Zoë'" in message
    assert expected in message


def test_missing_fields():
    assert error_of(json.dumps([{"uuid": UUID}])) == f"item 1 (uuid {UUID}): missing description"
    assert error_of(json.dumps([{"description": "x"}])) == "item 1 (description 'x'): missing uuid"
    assert "missing description" in error_of(json.dumps([item(description="  ")]))


def test_a_bad_uuid_is_named_on_one_line():
    """Found by `test_a_refused_file_names_its_first_bad_item`: the label quoted
    the uuid as it came, line breaks and all."""
    message = error_of(json.dumps([{"uuid": "one\ntwo", "description": "x"}]))
    assert message.startswith("item 1 (uuid 'one\\ntwo', description 'x'): bad uuid")


def test_item_not_an_object_or_repeated():
    assert (
        error_of(json.dumps([item(), [1, 2]])) == "item 2: expected a JSON object, found an array"
    )
    assert "found a number" in error_of(b"[3]")
    assert "found null" in error_of(b"[null]")
    assert "the same uuid appears twice" in error_of(json.dumps([item(), item()]))


def test_one_bad_item_rejects_the_whole_real_file(raw):
    data = json.loads(raw)
    data[-1]["due"] = "20261305T000000Z"
    message = error_of(json.dumps(data))
    assert message.startswith(f"item {len(data)} (uuid ")
    assert "20261305T000000Z" in message


FIRST_BAD = [
    ({"due": "20261305T000000Z"}, "item 3 (uuid {u}, description 'Three'): bad date due"),
    ({"entry": "20230229T120000Z"}, "item 3 (uuid {u}, description 'Three'): bad date entry"),
    ({"tags": ["ok", 1]}, "item 3 (uuid {u}, description 'Three'): tags must be a list"),
    ({"priority": 10**30}, "bad priority 1000000000000000000000000000000 (expected"),
    ({"uuid": "0B82F4DF-9428-4D74-9DCC-07E763BE5ABA"}, "the same uuid appears twice"),
    ({"wait": "20261204T170000Z\n20261204T170000Z"}, "bad date wait '20261204T170000Z\\n"),
    ({"due": [], "description": " "}, "item 3 (uuid {u}, description ' '): missing description"),
    ({"annotations": [3, {"entry": "x", "description": "y"}]}, "annotations must be a list"),
]


@pytest.mark.parametrize(("change", "message"), FIRST_BAD)
def test_the_first_bad_item_is_named(change, message) -> None:
    uuids = [UUID, UUID.replace("0b", "0c"), UUID.replace("0b", "0d")]
    items = [
        {"uuid": u, "description": d} for u, d in zip(uuids, ["One", "Two", "Three"], strict=True)
    ]
    items[2].update(change)
    items.append({"uuid": "not-a-uuid", "description": "Four"})  # later: not the one named
    assert message.format(u=items[2]["uuid"]) in error_of(json.dumps(items))
    assert error_of(json.dumps(items)).startswith("item 3 (")


def beyond_64_bits_as_floats(value: object) -> object:
    """`value` as orjson reads it back: an integer beyond 64 bits becomes a float.

    `read_export` reads an accepted file with orjson, so such a number survives only
    in a field the import ignores (a UDA such as `estimate`, `urgency`); in a field
    it checks, the check refuses it and the message is worded from `json`'s exact
    numbers instead."""
    if type(value) is int and not -(2**63) <= value < 2**64:
        return float(value)
    if isinstance(value, list):
        return [beyond_64_bits_as_floats(v) for v in value]
    if isinstance(value, dict):
        return {k: beyond_64_bits_as_floats(v) for k, v in value.items()}
    return value


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken())
@example([{"uuid": UUID, "description": "x", "estimate": -(2**63) - 1}, {"uuid": "bad"}])
def test_a_refused_file_names_its_first_bad_item(items) -> None:
    """The items before the one named pass; with it, the file fails as a whole."""
    data = json.dumps(items)
    try:
        columns = read_export(data)
    except ImportFileError as error:
        message = str(error)
        named = int(re.match(r"item ([0-9]+)", message).group(1))
        passed = items[: named - 1]
        assert read_export(json.dumps(passed)).items == beyond_64_bits_as_floats(passed)
        assert error_of(json.dumps(items[:named])) == message
        return
    assert all(isinstance(item, dict) for item in items)  # accepted: converts
    assert len(convert(columns, NOW, UTC).tasks) <= len(items)


def stdlib_date(value: str) -> datetime | None:
    """A Taskwarrior date as the standard library reads it, or None."""
    if not re.fullmatch(r"[0-9]{8}T[0-9]{6}Z", value, re.ASCII) or value[:4] in ("0001", "9999"):
        return None  # 1 < year < 9999: room to shift the instant to any zone
    try:
        return datetime.strptime(value, "%Y%m%dT%H%M%SZ")
    except ValueError:
        return None


def accepts_date(value: str) -> bool:
    try:
        check([{"uuid": UUID, "description": "x", "due": value}])
    except ImportFileError:
        return False
    return True


def test_dates_are_calendar_dates() -> None:
    years = [0, 1, 2, 3, 4, 99, 100, 400, 1900, 1996, 2000, 2023, 2024, 2100, 9996, 9998, 9999]
    values = [
        f"{year:04d}{month:02d}{day:02d}T{clock}Z"
        for year in years
        for month in range(14)
        for day in range(33)
        for clock in ("000000", "235959", "240000", "006000", "000060")
    ]
    accepted = read_each([{"uuid": UUID, "description": "x", "due": value} for value in values])
    assert accepted == [stdlib_date(value) is not None for value in values]
    good = "20261204T170000Z"
    assert not accepts_date(f"{good}\n{good}")  # one value holding two
    assert not accepts_date(good + " ") and not accepts_date("２０２６1204T170000Z")


def read_each(items: list[dict]) -> list[bool]:
    """Whether each item alone passes the check."""
    return [accepts_date(item["due"]) for item in items]


@given(st.lists(TW_DATES, max_size=30))
def test_generated_dates_pass(values) -> None:
    items = [{"uuid": UUID, "description": "x", "due": value} for value in values]
    assert all(read_each(items))


def _one_changed(uuid, at: int, char: str) -> str:
    text = str(uuid).upper() if at % 2 else str(uuid)
    return text[:at] + char + text[at + 1 :]


UUID_LIKE = st.text(alphabet="0123456789abcdefABCDEFxX-g_ \n٣", min_size=34, max_size=38)
UUID_LIKE |= st.builds(
    _one_changed, st.uuids(), st.integers(0, 36), st.sampled_from([*"0aFfx-g \n٣X", ""])
)


def is_uuid_text(text: str) -> bool:
    """8-4-4-4-12 hexadecimal digits (ASCII), as Taskwarrior writes a uuid."""
    groups = text.split("-")
    return [len(group) for group in groups] == [8, 4, 4, 4, 12] and all(
        char in string.hexdigits for char in "".join(groups)
    )


@given(UUID_LIKE)
def test_a_uuid_is_8_4_4_4_12_hex_digits(text) -> None:
    items = [{"uuid": UUID, "description": "a"}, {"uuid": text, "description": "b"}]
    try:
        check(items)
    except ImportFileError as error:
        assert not is_uuid_text(text) or "the same uuid" in str(error)
    else:
        assert is_uuid_text(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exports())
def test_the_dates_the_check_judged_are_every_date_of_the_file(items) -> None:
    """The conversion reads the dates the check gathered: every value of every
    date field and annotation entry, each once."""
    columns = read_export(json.dumps(items))
    expected = {item[name] for item in items for name in DATE_FIELDS if name in item}
    expected |= {note["entry"] for item in items for note in item.get("annotations", [])}
    assert columns.dates() == expected
