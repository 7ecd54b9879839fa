"""`ical/lines.py` writes our components exactly as the icalendar-based writer does."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar.parser import Contentline

from vaworkspace.domain.calendar.event import Event
from vaworkspace.domain.models import Client, Task, TimeEntry
from vaworkspace.ical import lines, writer
from vaworkspace.ical.components import used_tzids, zone_form
from vaworkspace.ical.lines import block_parts, entry_parts, fold, todo_parts

UTC = timezone.utc
STAMP = datetime(2026, 3, 1, 12, 30, 5, tzinfo=UTC)
ZONES = [ZoneInfo(n) for n in ("America/Montreal", "UTC", "Asia/Kolkata", "Pacific/Chatham")]

# Text that stresses escaping and folding: separators, backslashes, line breaks,
# multi-byte characters that straddle the 75-octet fold, control characters.
text = st.lists(
    st.sampled_from([*"ab ,;:\\\n\r\t^\"'NéЖ漢😀\x00\x07", "\\N", "\r\n", "x" * 30]),
    max_size=40,
).map("".join)
titles = st.one_of(text, st.text(max_size=120))
# From year 200: icalendar writes four-digit years where strftime("%Y") writes three.
instants = st.datetimes(
    min_value=datetime(200, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)
)
days = st.dates(min_value=date(200, 1, 1), max_value=date(2090, 1, 1))
moments = st.one_of(st.none(), instants, days)
client_ids = st.one_of(st.none(), st.sampled_from(["acme", "évelyne", "a,b", "x;y"]))


def rendered(component) -> str:
    return component.to_ical(sorted=False).decode()


def joined(parts) -> str:
    return lines.utc_text(STAMP).join(parts)


@st.composite
def tasks(draw) -> Task:
    return Task(
        id=draw(st.integers(1, 10**6)),
        uuid=draw(st.one_of(st.uuids().map(str), text)),
        title=draw(titles),
        created=draw(instants),
        modified=draw(instants) + timedelta(microseconds=draw(st.integers(0, 999999))),
        client=draw(client_ids),
        tags=draw(st.lists(st.one_of(text, st.sampled_from(["acme", "billing"])), max_size=4)),
        priority=draw(st.sampled_from([None, "high", "medium", "low", "odd"])),
        status=draw(st.sampled_from(["inbox", "todo", "waiting", "done", "cancelled"])),
        due=draw(moments),
        scheduled=draw(moments),
        notes=draw(st.one_of(st.just(""), text)),
        completed=draw(st.one_of(st.none(), instants)),
    )


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(task=tasks(), tz=st.sampled_from(ZONES))
def test_todo_is_the_writers(task, tz) -> None:
    form = zone_form(tz)
    parts, zoned = todo_parts(task, tz, form)
    expected = writer._todo(task, tz, writer._utc(STAMP))
    assert joined(parts) == rendered(expected)
    assert (list(form.uses) if zoned else []) == used_tzids(expected)


@SETTINGS
@given(
    entry_id=st.integers(1, 10**6),
    start=instants,
    minutes=st.integers(1, 600),
    client=client_ids,
    note=st.one_of(st.just(""), text),
    billable=st.booleans(),
    task=st.one_of(st.none(), tasks()),
    names=st.one_of(st.none(), titles),
    tz=st.sampled_from(ZONES),
)
def test_entry_is_the_writers(entry_id, start, minutes, client, note, billable, task, names, tz):
    entry = TimeEntry(
        entry_id,
        start,
        start + timedelta(minutes=minutes),
        client,
        task.id if task else None,
        billable,
        note,
    )
    clients = {client: Client(id=client, name=names)} if client and names is not None else {}
    known = {task.id: task} if task else {}
    parts = entry_parts(entry, tz, zone_form(tz), clients, known)
    expected = writer._entry_event(entry, tz, writer._utc(STAMP), clients, known)
    assert joined(parts) == rendered(expected)


@SETTINGS
@given(
    start=st.one_of(instants, days),
    minutes=st.integers(1, 600),
    summary=titles,
    kind=st.sampled_from(["block", "event"]),
    status=st.sampled_from(["confirmed", "x"]),
    location=st.one_of(st.just(""), text),
    description=st.one_of(st.just(""), text),
    client=client_ids,
    sequence=st.integers(0, 3),
    modified=st.one_of(st.none(), instants),
    task=st.one_of(st.none(), tasks()),
    uid=st.one_of(st.just(""), text),
    tz=st.sampled_from(ZONES),
)
def test_block_is_the_writers(
    start,
    minutes,
    summary,
    kind,
    status,
    location,
    description,
    client,
    sequence,
    modified,
    task,
    uid,
    tz,
) -> None:
    end = start + timedelta(minutes=minutes) if isinstance(start, datetime) else start
    event = Event(
        7,
        uid,
        summary,
        start,
        end,
        sequence=sequence,
        status=status,
        client=client,
        location=location,
        description=description,
        last_modified=modified,
        kind=kind,
        task=task.id if task else None,
    )
    known = {task.id: task} if task else {}
    form = zone_form(tz)
    parts, zoned = block_parts(event, tz, form, known)
    expected = writer._block_event(event, tz, writer._utc(STAMP), known)
    assert joined(parts) == rendered(expected)
    assert (list(form.uses) if zoned else []) == used_tzids(expected)


def test_what_icalendar_normalises_is_left_to_it() -> None:
    tz = ZONES[0]
    form = zone_form(tz)
    task = Task(1, "u", "t", STAMP, STAMP, recurrence="FREQ=WEEKLY")
    assert todo_parts(task, tz, form) is None
    event = Event(1, "u", "s", STAMP, STAMP, rrule="FREQ=DAILY")
    assert block_parts(event, tz, form, {}) is None
    assert block_parts(Event(1, "u", "s", STAMP, STAMP, raw="BEGIN:VEVENT"), tz, form, {}) is None


def test_fold_never_splits_an_escape_and_keeps_lines_short() -> None:
    line = "DESCRIPTION:" + "a" * 61 + "\\;" + "é" * 50
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert "\\\r\n" not in folded
    assert folded.replace("\r\n ", "") == line


@given(st.text(alphabet=st.sampled_from("ab;,\\^ é"), max_size=400))
def test_folding_slices_as_icalendar_does(line) -> None:
    """Our fold (with its ASCII fast path) against icalendar's own, the one
    every export used before: the same bytes for any line."""
    assert fold(line) == Contentline(line).to_ical().decode()
