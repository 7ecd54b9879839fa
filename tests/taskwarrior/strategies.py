"""Hypothesis strategies for Taskwarrior exports: valid ones, and broken ones."""

from __future__ import annotations

import copy
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from vaworkspace.taskwarrior.columns import DATE_FIELDS

UTC = timezone.utc
PARIS = ZoneInfo("Europe/Paris")


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
RECURS = ["weekly", "2weeks", "daily", "P1M", "3h", "whenever", ""]


@st.composite
def exports(draw) -> list[dict]:
    """Exports `read_export` accepts, with every field a converter cares about."""
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
            "recur": st.sampled_from(RECURS),
            "parent": st.sampled_from(texts),
            "estimate": st.integers(),  # a UDA
            "urgency": st.floats(allow_nan=False),
            **dict.fromkeys(DATE_FIELDS, TW_DATES),
        }
        for name, values in optional.items():
            if draw(st.integers(0, 3)) == 0:
                item[name] = draw(values)
        items.append(item)
    return items


_ODD_TEXTS = [
    *("20240229T000000Z", "20230229T120000Z", "20261305T000000Z", "00011204T170000Z"),
    *("20261204T170000Z\n20261204T170000Z", "2026-12-04", "a,b"),
    *("ACME", "pending", "zombie", "H", "X"),
]
_ODD_LISTS = [[{"description": "x"}], [{"entry": "20261204T170000Z", "description": 3}]]
ODD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.just(10**30),
    st.floats(),
    st.text(max_size=6),
    st.lists(st.integers(), max_size=2),
    st.just([]),
    st.just({}),
    st.sampled_from([*_ODD_TEXTS, *_ODD_LISTS]),
)
CHECKED = ["uuid", "description", "status", "priority", "project", "recur", "parent", "tags"]
CHECKED_FIELDS = st.sampled_from([*CHECKED, "depends", "annotations", *DATE_FIELDS])


def odd(draw) -> object:
    """A fresh copy of an odd value: `st.just({})` hands out one shared object, and
    storing it inside itself would make the export circular."""
    return copy.deepcopy(draw(ODD))


@st.composite
def broken(draw) -> list:
    """An export with up to three flaws: an item that is no object, a repeated
    uuid, a field removed or given an odd value."""
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
            items[k].pop(draw(CHECKED_FIELDS), None)
        elif isinstance(items[k], dict):
            items[k][draw(CHECKED_FIELDS)] = odd(draw)
    return items
