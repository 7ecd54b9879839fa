"""The one codec for stored dates and instants: round trips, the file's exact text,
and what older or hand-edited files may hold, read the same on 3.10 and 3.11+."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vaworkspace.store import instants
from vaworkspace.store.instants import (
    DecodedDates,
    decode_instant,
    decode_value,
    encode_instant,
    encode_value,
)

UTC = timezone.utc
STORED_INSTANT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")

offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
zones = st.one_of(st.just(UTC), offsets)
# Far enough from year 1 and 9999 that a zone's offset cannot leave datetime's range.
aware = st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31), timezones=zones)
days = st.dates(date(1, 1, 1), date(9999, 12, 31))


@pytest.fixture(params=[True, False], ids=["3.11-reader", "3.10-reader"])
def both_readers(request, monkeypatch) -> None:
    """Run a test with each way of reading "Z" (3.10's fromisoformat has none)."""
    monkeypatch.setattr(instants, "_READS_Z", request.param)


@given(aware)
def test_an_instant_is_stored_in_utc_to_the_second(moment: datetime) -> None:
    text = encode_instant(moment)
    assert STORED_INSTANT.fullmatch(text)
    assert decode_instant(text) == moment.replace(microsecond=0)
    assert decode_instant(text).tzinfo is UTC


@pytest.mark.usefixtures("both_readers")
@given(aware.map(lambda d: d.replace(microsecond=0)))
def test_a_stored_instant_reads_back_exactly(moment: datetime) -> None:
    text = encode_instant(moment)
    assert decode_value(text) == decode_instant(text) == moment
    assert encode_instant(decode_instant(text)) == text


@given(days)
def test_a_day_is_stored_as_its_date(day: date) -> None:
    assert encode_value(day) == day.isoformat()
    assert decode_value(day.isoformat()) == day
    assert type(decode_value(day.isoformat())) is date


def test_none_stays_none() -> None:
    assert encode_value(None) is None


def test_the_file_text() -> None:
    paris = timezone(timedelta(hours=1))
    assert encode_instant(datetime(2026, 12, 4, 17, 0, tzinfo=paris)) == "2026-12-04T16:00:00Z"
    assert encode_instant(datetime(2026, 12, 4, 16, 0, 0, 999999, UTC)) == "2026-12-04T16:00:00Z"
    assert encode_instant(datetime(999, 1, 2, 3, 4, 5, tzinfo=UTC)) == "0999-01-02T03:04:05Z"
    assert encode_value(date(2026, 12, 4)) == "2026-12-04"


def test_a_naive_instant_is_utc_never_the_machines_zone() -> None:
    assert encode_instant(datetime(2026, 12, 4, 16)) == "2026-12-04T16:00:00Z"


@pytest.mark.usefixtures("both_readers")
@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("2026-12-04T17:00:00+01:00", datetime(2026, 12, 4, 16, tzinfo=UTC)),
        ("2026-12-04T10:00:00-05:30", datetime(2026, 12, 4, 15, 30, tzinfo=UTC)),
        ("2026-12-04T16:00:00", datetime(2026, 12, 4, 16, tzinfo=UTC)),
        ("2026-12-04T16:00:00.5Z", datetime(2026, 12, 4, 16, 0, 0, 500000, UTC)),
        ("2026-12-04", datetime(2026, 12, 4, tzinfo=UTC)),
    ],
)
def test_older_or_hand_edited_text_is_read_as_utc(text: str, meaning: datetime) -> None:
    assert decode_instant(text) == meaning
    assert decode_instant(text).tzinfo is UTC


@pytest.mark.usefixtures("both_readers")
@pytest.mark.parametrize(
    "text", ["", "soon", "2026-13-01T00:00:00Z", "2026-12-04T25:00:00Z", "2026-02-30"]
)
def test_text_that_is_no_date_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        decode_value(text)


def test_decoded_dates_share_one_value_per_text() -> None:
    dates = DecodedDates()
    first, again = dates["2026-12-04T16:00:00Z"], dates["2026-12-04T16:00:00Z"]
    assert first is again
    assert first == datetime(2026, 12, 4, 16, tzinfo=UTC)
    assert dates["2026-12-04"] == date(2026, 12, 4)
    assert len(dates) == 2
    with pytest.raises(ValueError):
        dates["soon"]
    assert "soon" not in dates


@given(st.lists(st.one_of(aware, aware.map(lambda d: d.astimezone(UTC).replace(microsecond=0)))))
def test_many_instants_are_stored_as_one_at_a_time(moments: list[datetime]) -> None:
    """The bulk codec of imports writes what `encode_instant` writes, whether the
    instants are all UTC to the second (its fast path) or not."""
    assert instants.encode_instants(moments) == list(map(encode_instant, moments))


def test_many_utc_instants_before_year_1000_keep_four_digits() -> None:
    moments = [datetime(999, 1, 2, 3, 4, 5, tzinfo=UTC), datetime(2026, 12, 4, tzinfo=UTC)]
    assert instants.encode_instants(moments) == ["0999-01-02T03:04:05Z", "2026-12-04T00:00:00Z"]
