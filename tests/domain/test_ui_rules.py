"""Rules the CLI and the TUI used to hold each: client filters and counts, triage,
today's load against the cap, the timer key, when a task is overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vaworkspace.domain.by_client import NO_CLIENT, count_by_client, of_client
from vaworkspace.domain.dates import humanize_due
from vaworkspace.domain.models import Task
from vaworkspace.domain.tasks.status import is_overdue
from vaworkspace.domain.tasks.triage import needs_triage, triage_missing
from vaworkspace.domain.time.day_load import cap_message, over_daily_cap, planned_seconds
from vaworkspace.domain.time.toggle import START, STOP, SWITCH, toggle_action

MONTREAL = ZoneInfo("America/Montreal")


@dataclass
class Entry:
    client: str | None


def test_no_client_is_a_filter_of_its_own() -> None:
    items = [Entry("acme"), Entry(None), Entry(""), Entry("acme-2"), Entry("acme")]
    assert of_client(items, None) == items
    assert of_client(items, NO_CLIENT) == [items[1], items[2]]
    assert of_client(items, "acme") == [items[0], items[4]]  # never a prefix match


def test_counts_put_the_clientless_under_no_client() -> None:
    items = [Entry("acme"), Entry(None), Entry(""), Entry("bakery"), Entry("acme")]
    assert count_by_client(items) == {"acme": 2, NO_CLIENT: 2, "bakery": 1}
    assert count_by_client([]) == {}


CREATED = datetime(2026, 11, 1, tzinfo=timezone.utc)


def _task(**fields) -> Task:
    return Task(id=1, uuid="u-1", title="Call", created=CREATED, modified=CREATED, **fields)


@pytest.mark.parametrize(
    ("fields", "missing", "needs"),
    [
        ({"client": "acme", "estimate_minutes": 30}, (), False),
        ({"client": "acme", "estimate_minutes": 30, "status": "inbox"}, (), True),
        ({"estimate_minutes": 30}, ("client",), True),
        ({"client": "acme"}, ("estimate",), True),
        ({}, ("client", "estimate"), True),
    ],
)
def test_triage_names_what_is_missing(fields, missing, needs) -> None:
    task = _task(**fields)
    assert triage_missing(task) == missing
    assert needs_triage(task) is needs


def test_planned_counts_estimates_due_on_the_local_day() -> None:
    day = date(2026, 12, 1)
    tasks = [
        _task(due=day, estimate_minutes=30),
        # 01:00 UTC on the 2nd is 20:00 on the 1st in Montreal
        _task(due=datetime(2026, 12, 2, 1, 0, tzinfo=timezone.utc), estimate_minutes=60),
        _task(due=datetime(2026, 12, 2, 6, 0, tzinfo=timezone.utc), estimate_minutes=45),
        _task(due=day),  # no estimate: plans nothing
        _task(estimate_minutes=90),  # no due date
        _task(due=date(2026, 11, 30), estimate_minutes=15),
    ]
    assert planned_seconds(tasks, day, MONTREAL) == 90 * 60


def test_the_cap_is_passed_only_beyond_it() -> None:
    assert not over_daily_cap(7 * 3600, 3600, 8)
    assert over_daily_cap(7 * 3600, 3601, 8)
    assert over_daily_cap(0, 5401, 1.5)
    assert "7.5h cap" in cap_message(7.5)


def test_the_timer_key_starts_stops_or_switches() -> None:
    assert toggle_action(False, None, 4) == START
    assert toggle_action(False, 4, 4) == START  # a stored but stopped timer
    assert toggle_action(True, 4, 4) == STOP
    assert toggle_action(True, 7, 4) == SWITCH
    assert toggle_action(True, None, 4) == SWITCH  # on a client alone


def test_a_client_form_changes_only_what_was_touched() -> None:
    from vaworkspace.domain.client_edits import CLEARABLE_FIELDS, form_changes

    shown = {"name": "Acme", "rate_cents": "45.00", "timezone": "Europe/Paris", "notes": "x"}
    typed = {"name": " Acme ", "rate_cents": "", "timezone": "", "notes": "y", "color": ""}
    assert form_changes(shown, typed) == {"timezone": "", "notes": "y"}
    assert {"timezone", "color", "notes", "kind_rates"} == CLEARABLE_FIELDS  # no kinds: none
    assert form_changes(shown, {"rate_cents": "50"}) == {"rate_cents": "50"}


NOW = datetime(2026, 12, 1, 19, 0, tzinfo=timezone.utc)  # Tuesday 14:00 in Montreal


def test_overdue_is_a_past_instant_or_a_day_that_is_over() -> None:
    assert is_overdue(datetime(2026, 12, 1, 18, 59, tzinfo=timezone.utc), NOW, MONTREAL)
    assert not is_overdue(NOW, NOW, MONTREAL)
    assert not is_overdue(date(2026, 12, 1), NOW, MONTREAL)  # due today: not late yet
    assert is_overdue(date(2026, 11, 30), NOW, MONTREAL)
    # 02:00 UTC on 2 December is still 1 December in Montreal.
    assert not is_overdue(
        date(2026, 12, 1), datetime(2026, 12, 2, 2, tzinfo=timezone.utc), MONTREAL
    )
    assert is_overdue(datetime(2026, 12, 1, 18, 0), NOW, MONTREAL)  # naive: UTC


@given(
    st.one_of(
        st.dates(date(2026, 10, 1), date(2027, 2, 1)),
        st.datetimes(datetime(2026, 10, 1), datetime(2027, 2, 1), timezones=st.just(timezone.utc)),
    )
)
def test_the_colour_and_the_due_text_agree_on_overdue(due: date | datetime) -> None:
    assert is_overdue(due, NOW, MONTREAL) == humanize_due(due, NOW, MONTREAL).endswith("overdue")
