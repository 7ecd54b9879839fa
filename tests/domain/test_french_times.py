"""Every field that reads a time of day or a length of time reads the French forms
(issue #12): `17h`, `13 h`, `17 h 30`, `9h30`, `midi`, lengths `1 h 30`, `45 min`.

One reader of a time of day (`dates.parse_clock`) and one of a length
(`durations.parse_duration`, with `durations.duration_run` for a length typed
over several words) serve the log form, the entry form, `va log`, `va entry
edit` and the work hours, whatever the UI language.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.date_cases import PROPERTY
from vaworkspace.domain import dates
from vaworkspace.domain.durations import duration_run, parse_duration
from vaworkspace.domain.time.entries import parse_log
from vaworkspace.domain.time.log_fields import on_entry_day, parse_log_fields
from vaworkspace.domain.time.worktime import parse_work_hours
from vaworkspace.errors import InputError

TZ = ZoneInfo("America/Montreal")
NOW = datetime(2026, 12, 1, 23, 0, tzinfo=timezone.utc)  # Tuesday 18:00 in Montreal


def local(hour: int, minute: int = 0, day: int = 1) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=TZ)


def _french_spellings(hour: int, minute: int) -> list[str]:
    """The ways a French VA writes `hour:minute` (Babel writes `17 h 30`)."""
    if minute == 0:
        return [f"{hour}h", f"{hour} h", f"{hour} H", f"{hour}h00", f"{hour} h 00"]
    return [f"{hour}h{minute:02d}", f"{hour} h {minute:02d}", f"{hour}h {minute:02d}"]


@PROPERTY
@given(hour=st.integers(0, 23), minute=st.integers(0, 59), data=st.data())
def test_every_french_spelling_of_a_time_is_that_time(hour: int, minute: int, data) -> None:
    text = data.draw(st.sampled_from(_french_spellings(hour, minute)))
    assert dates.parse_clock(text) == time(hour, minute)
    assert dates.is_time_token(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("midi", time(12)), ("Midi", time(12)), ("minuit", time(0)), ("noon", time(12))],
)
def test_named_times(text: str, expected: time) -> None:
    assert dates.parse_clock(text) == expected


@pytest.mark.parametrize("text", ["13", "13 h 75", "25 h", "13 heures", "h", "13 h 30 demain", ""])
def test_what_is_no_time_of_day(text: str) -> None:
    assert dates.parse_clock(text) is None and not dates.is_time_token(text)


@pytest.mark.parametrize(
    ("start", "end", "first", "last"),
    [
        ("13 h", "14 h 30", (13, 0), (14, 30)),
        ("9h30", "midi", (9, 30), (12, 0)),
        ("9 h", "17h", (9, 0), (17, 0)),
        ("13:00", "14 h", (13, 0), (14, 0)),
    ],
)
def test_the_log_form_reads_a_french_start_and_end(start, end, first, last) -> None:
    request = parse_log_fields({"start": start, "end": end}, NOW, TZ)
    assert (request.start, request.end) == (local(*first), local(*last))


@pytest.mark.parametrize(("duration", "minutes"), [("1 h 30", 90), ("45 min", 45), ("2 h", 120)])
def test_the_log_form_reads_a_french_start_and_length(duration: str, minutes: int) -> None:
    request = parse_log_fields({"start": "13 h", "duration": duration}, NOW, TZ)
    assert (request.start, request.end) == (local(13), local(13) + timedelta(minutes=minutes))


def test_a_french_start_and_end_must_agree_with_the_length() -> None:
    request = parse_log_fields({"start": "13 h", "end": "14 h 30", "duration": "1 h 30"}, NOW, TZ)
    assert request.end - request.start == timedelta(minutes=90)


def test_the_entry_form_reads_a_french_time_on_the_entry_s_own_day() -> None:
    start = local(9)
    assert on_entry_day("13 h", start, NOW, TZ) == local(13)
    assert on_entry_day("9 h 45", start, NOW, TZ) == local(9, 45)
    assert on_entry_day("midi", start, NOW, TZ) == local(12)


@pytest.mark.parametrize("start", ["13 h", "13h", "13 h 00"])
def test_va_log_start_reads_a_french_time(start: str) -> None:
    request = parse_log(["1h", "hier"], NOW, TZ, start)
    assert request.start == datetime(2026, 11, 30, 13, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    ("words", "minutes", "note"),
    [
        (["1", "h", "30", "@acme", "appel"], 90, "appel"),
        (["45", "min", "appel"], 45, "appel"),
        (["1", "h", "30", "min", "appel"], 90, "appel"),
        (["2", "heures"], 120, ""),
        (["45", "2", "factures"], 45, "2 factures"),
        (["1h", "30", "factures"], 60, "30 factures"),  # English: the unit said, 30 is the note's
    ],
)
def test_va_log_reads_a_length_typed_over_several_words(words, minutes, note) -> None:
    request = parse_log(words, NOW, TZ)
    assert (request.end - request.start, request.note) == (timedelta(minutes=minutes), note)


@PROPERTY
@given(hours=st.integers(1, 23), minutes=st.integers(1, 59), data=st.data())
def test_a_french_length_over_words_is_read_whole(hours: int, minutes: int, data) -> None:
    words = data.draw(
        st.sampled_from(
            [
                [str(hours), "h", f"{minutes:02d}"],
                [f"{hours}h", f"{minutes:02d}"],
                [str(hours), "h", f"{minutes:02d}", "min"],
                [str(hours), "heures", f"{minutes:02d}"],
            ]
        )
    )
    tail = ["@acme", "appel"]
    assert duration_run([*words, *tail]) == len(words)
    assert parse_duration(" ".join(words)) == hours * 60 + minutes


@pytest.mark.parametrize(
    ("span", "first", "last"),
    [
        ("09:00-17:00", time(9), time(17)),
        ("9-17", time(9), time(17)),
        ("9h-17h", time(9), time(17)),
        ("9 h - 17 h 30", time(9), time(17, 30)),
        ("8h30–midi", time(8, 30), time(12)),
    ],
)
def test_work_hours_read_french_times(span: str, first: time, last: time) -> None:
    hours = parse_work_hours(span)
    assert (hours.start, hours.end) == (first, last)


@pytest.mark.parametrize("span", ["9-5pm", "9am-5pm", "9h", "9h-17h-18h", "17h-9h", "9h-25h"])
def test_work_hours_stay_on_the_24_hour_clock_and_in_order(span: str) -> None:
    with pytest.raises(InputError):
        parse_work_hours(span)


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("09:00-17:00", "09:00-17:00"),
        ("9-17", "09:00-17:00"),
        ("9h-17h", "09:00-17:00"),
        ("9 h – 17 h 30", "09:00-17:30"),
        ("8h30-midi", "08:30-12:00"),
        ("aucune", None),
        ("none", None),
    ],
)
def test_a_client_s_hours_read_french_times(text: str, stored: str | None) -> None:
    from vaworkspace.domain.clients import parse_client_hours

    assert parse_client_hours(text) == stored
