"""The column-at-a-time Taskwarrior import against the item-at-a-time one it replaced.

Reading: the column checks must accept exactly what the item-by-item walk
accepts, and a refused file must name its first bad item as the walk does.
Converting: the records must be the former `Task`s encoded by `store.records`,
key order included (so the file is byte for byte what it was).
"""

from __future__ import annotations

import copy
import json
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.taskwarrior.taskwarrior_before import convert_before
from vaworkspace.errors import ImportFileError
from vaworkspace.store.records import encode_value, task_from_record, task_to_record
from vaworkspace.taskwarrior import export as taskwarrior_export
from vaworkspace.taskwarrior.columns import Columns, _dates_pass, _uuids_pass, columns_pass
from vaworkspace.taskwarrior.convert import convert
from vaworkspace.taskwarrior.dates import instant_texts
from vaworkspace.taskwarrior.export import (
    _UUID,
    _check_items,
    parse_export,
    read_export,
    tw_date,
)

UTC = timezone.utc
PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 12, 1, 14, 0, 7, tzinfo=UTC)
SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def tw_text(moment: datetime) -> str:
    """Taskwarrior's form, zero-padded for any year (strftime's %Y is not)."""
    m = moment.astimezone(UTC)
    return f"{m.year:04d}{m.month:02d}{m.day:02d}T{m.hour:02d}{m.minute:02d}{m.second:02d}Z"


_any_instant = st.datetimes(datetime(2, 1, 2), datetime(9998, 12, 30), timezones=st.just(UTC))
_near_now = st.datetimes(datetime(2026, 11, 1), datetime(2027, 2, 1), timezones=st.just(UTC))
_midnights = st.dates(date(1900, 1, 1), date(2200, 1, 1)).flatmap(
    lambda day: st.sampled_from([datetime.combine(day, time(), tz) for tz in (PARIS, UTC)])
)
TW_DATES = st.one_of(_any_instant, _near_now, _midnights).map(
    lambda moment: tw_text(moment.replace(microsecond=0))
)
WORDS = st.sampled_from(["next", "web", "travel", "", "Zoë", "a b", "listings-q1"])
PROJECTS = st.sampled_from(
    ["Acme", "Acme.Web", "acme.Web Site", "Realtor.Listings.Q1", "", ".", "☕", "☕.x", " Acme "]
)


@st.composite
def exports(draw) -> list[dict]:
    """Exports `parse_export` accepts, with every field a converter cares about."""
    uuids = draw(st.lists(st.uuids(), max_size=10, unique=True))
    texts = [str(u).upper() if draw(st.booleans()) else str(u) for u in uuids]
    items = []
    for text in texts:
        item = {"uuid": text, "description": draw(st.text(min_size=1).filter(str.strip))}
        optional = {
            "status": st.sampled_from(["pending", "waiting", "completed", "deleted", "recurring"]),
            "priority": st.sampled_from([None, "", "H", "M", "L"]),
            "project": PROJECTS,
            "tags": st.lists(WORDS, max_size=3) | st.just("next, web,,travel"),
            "depends": st.lists(st.sampled_from(texts), max_size=2).map(lambda d: d or ", "),
            "annotations": st.lists(
                st.fixed_dictionaries({"entry": TW_DATES, "description": st.text(max_size=5)}),
                max_size=2,
            ),
            "recur": st.sampled_from(["weekly", "2weeks", "daily", "P1M", "3h", "whenever", ""]),
            "parent": st.sampled_from(texts),
            "estimate": st.integers(),  # a UDA
            "urgency": st.floats(allow_nan=False),
            **dict.fromkeys(taskwarrior_export.DATE_FIELDS, TW_DATES),
        }
        for name, values in optional.items():
            if draw(st.integers(0, 3)) == 0:
                item[name] = draw(values)
        items.append(item)
    return items


def as_records(tasks) -> list[list[tuple]]:
    return [list(task_to_record(task).items()) for task in tasks]


def assert_converts_as_before(items: list[dict], tz):
    """The new records are the former tasks encoded; clients and messages the same."""
    before, after = convert_before(items, NOW, tz), convert(items, NOW, tz)
    assert [list(record.items()) for record in after.records] == as_records(before.tasks)
    assert (after.clients, after.warnings, after.skipped) == (
        before.clients,
        before.warnings,
        before.skipped,
    )
    return after


@SETTINGS
@given(exports(), st.sampled_from([UTC, PARIS, ZoneInfo("Pacific/Chatham")]))
def test_records_are_the_former_tasks_encoded(export, tz) -> None:
    data = json.dumps(export)
    after = assert_converts_as_before(parse_export(data), tz)
    assert convert(read_export(data), NOW, tz) == after  # the columns the check read


@SETTINGS
@given(exports())
def test_records_read_back_and_encode_unchanged(export) -> None:
    for record in convert(parse_export(json.dumps(export)), NOW, PARIS).records:
        assert list(task_to_record(task_from_record(1, record)).items()) == list(record.items())


def test_the_real_export_converts_as_before() -> None:
    from tests.taskwarrior.test_convert import FIXTURES

    items = parse_export((FIXTURES / "export-2.6.2.json").read_bytes())
    for tz in (PARIS, UTC):
        assert_converts_as_before(items, tz)


# -- the check: the columns agree with the walk, on valid and broken files ------------

ODD = st.one_of(
    st.none(), st.booleans(), st.integers(), st.just(10**30), st.floats(),
    st.text(max_size=6), st.lists(st.integers(), max_size=2), st.just([]), st.just({}),
    st.sampled_from(["20240229T000000Z", "20230229T120000Z", "20261305T000000Z",
                     "20261204T170000Z\n20261204T170000Z", "00011204T170000Z", "2026-12-04",
                     "ACME", "pending", "zombie", "H", "X", "a,b", [{"description": "x"}],
                     [{"entry": "20261204T170000Z", "description": 3}]]),
)  # fmt: skip
FIELDS = st.sampled_from(
    ["uuid", "description", "status", "priority", "project", "recur", "parent", "tags",
     "depends", "annotations", *taskwarrior_export.DATE_FIELDS]
)  # fmt: skip


def odd(draw):
    """A fresh copy of an odd value: `st.just({})` hands out one shared object, and
    storing it inside itself would make the export circular."""
    return copy.deepcopy(draw(ODD))


@st.composite
def broken(draw) -> list:
    items: list = draw(exports())
    for _ in range(draw(st.integers(0, 3))):
        if not items:
            break
        k = draw(st.integers(0, len(items) - 1))
        change = draw(st.integers(0, 9))
        if change == 0:
            items[k] = odd(draw)  # not an object
        elif change == 1:
            other = draw(st.sampled_from(items))
            if isinstance(other, dict) and isinstance(items[k], dict) and "uuid" in other:
                items[k]["uuid"] = str(other["uuid"]).swapcase()  # a repeated uuid
        elif change == 2 and isinstance(items[k], dict):
            items[k].pop(draw(FIELDS), None)
        elif isinstance(items[k], dict):
            items[k][draw(FIELDS)] = odd(draw)
    return items


def walk(items: list) -> str | None:
    try:
        _check_items(items)
    except ImportFileError as error:
        return str(error)
    return None


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken())
def test_column_checks_accept_exactly_what_the_walk_accepts(items) -> None:
    data = json.dumps(items)
    items = json.loads(data)
    expected = walk(items)
    fast = set(map(type, items)) <= {dict} and columns_pass(Columns(items))
    assert fast == (expected is None)
    if expected is None:  # the same import (orjson reads integers beyond 64 bits as
        # floats, but only where the import looks at none: every checked field is text)
        assert convert(parse_export(data), NOW, UTC) == convert(items, NOW, UTC)
    else:
        with pytest.raises(ImportFileError) as info:
            parse_export(data)
        assert str(info.value) == expected


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"due": "20261305T000000Z"}, "item 3 (uuid {u}, description 'Three'): bad date due"),
        ({"entry": "20230229T120000Z"}, "item 3 (uuid {u}, description 'Three'): bad date entry"),
        ({"tags": ["ok", 1]}, "item 3 (uuid {u}, description 'Three'): tags must be a list"),
        ({"priority": 10**30}, "bad priority 1000000000000000000000000000000 (expected"),
        ({"uuid": "0B82F4DF-9428-4D74-9DCC-07E763BE5ABA"}, "the same uuid appears twice"),
        ({"wait": "20261204T170000Z\n20261204T170000Z"}, "bad date wait '20261204T170000Z\\n"),
    ],
)
def test_the_first_bad_item_is_named(change, message) -> None:
    uuids = ["0b82f4df-9428-4d74-9dcc-07e763be5aba", "0c82f4df-9428-4d74-9dcc-07e763be5aba",
             "0d82f4df-9428-4d74-9dcc-07e763be5aba"]  # fmt: skip
    items = [
        {"uuid": u, "description": d} for u, d in zip(uuids, ["One", "Two", "Three"], strict=True)
    ]
    items[2].update(change)
    items.append({"uuid": "not-a-uuid", "description": "Four"})  # later: not the one named
    with pytest.raises(ImportFileError) as info:
        parse_export(json.dumps(items))
    assert message.format(u=items[2]["uuid"]) in str(info.value)
    assert str(info.value).startswith("item 3 (")


def test_leap_days_pass_the_column_check() -> None:
    item = {"uuid": "0b82f4df-9428-4d74-9dcc-07e763be5aba", "description": "Leap"}
    items = [dict(item, due="20240229T230000Z", entry="20000229T000000Z")]
    assert columns_pass(Columns(items))
    assert parse_export(json.dumps(items)) == items


def test_the_date_pattern_is_exactly_tw_date() -> None:
    years = [0, 1, 2, 3, 4, 99, 100, 400, 1900, 1996, 2000, 2023, 2024, 2100, 9996, 9998, 9999]
    for year in years:
        for month in range(14):
            for day in range(33):
                for clock in ("000000", "235959", "240000", "006000", "000060"):
                    value = f"{year:04d}{month:02d}{day:02d}T{clock}Z"
                    assert _dates_pass([value]) == (tw_date(value) is not None), value
    good = "20261204T170000Z"
    assert _dates_pass([good, "20261204T170001Z"]) and _dates_pass([])
    assert not _dates_pass([f"{good}\n{good}"])  # one value holding two
    assert not _dates_pass([good[:-1], "Z" + good])  # 15 + 17 characters
    assert not _dates_pass([good + " "]) and not _dates_pass(["２０２６1204T170000Z"])


def _one_changed(uuid, at: int, char: str) -> str:
    text = str(uuid).upper() if at % 2 else str(uuid)
    return text[:at] + char + text[at + 1 :]


UUID_LIKE = st.text(
    alphabet="0123456789abcdefABCDEFxX-g_ \n٣", min_size=34, max_size=38
) | st.builds(_one_changed, st.uuids(), st.integers(0, 36), st.sampled_from([*"0aFfx-g \n٣X", ""]))


@given(UUID_LIKE)
def test_the_uuid_check_is_exactly_the_uuid_pattern(text) -> None:
    a = "0b82f4df-9428-4d74-9dcc-07e763be5aba"
    assert uuids_pass([a, text]) == bool(_UUID.fullmatch(text))


def uuids_pass(uuids: list) -> bool:
    return _uuids_pass(Columns([{"uuid": uuid} for uuid in uuids]))


def test_the_uuid_check_takes_one_uuid_per_value() -> None:
    a, b = "0b82f4df-9428-4d74-9dcc-07e763be5aba", "0C82F4DF-9428-4D74-9DCC-07E763BE5ABA"
    assert uuids_pass([a, b]) and uuids_pass([])
    assert not uuids_pass([a[:-1], a[-1] + b])  # 35 + 37 characters
    assert not uuids_pass([f"{a}\n{b}"])  # one value holding two
    assert not uuids_pass([a.replace("a", "x")]) and not uuids_pass([a.replace("-", "_")])
    for shape in ("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxx-"):
        assert uuids_pass([shape.replace("x", "7")]) == (shape[-1] == "x")


@given(st.lists(TW_DATES, max_size=30))
def test_instant_texts_are_what_records_store(values) -> None:
    assert instant_texts(values) == [encode_value(tw_date(value)) for value in values]
