"""The urgency model's promises, as properties over many generated tasks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from vaworkspace.domain.models import Task
from vaworkspace.domain.tasks.facts import facts_of
from vaworkspace.domain.tasks.status import effective_status, is_hidden
from vaworkspace.domain.tasks.urgency import (
    Coefficients,
    UrgencyContext,
    at_risk,
    rank,
    rank_facts,
    slack_of,
    terms,
    urgency,
)
from vaworkspace.errors import InputError

UTC = timezone.utc
TZ = ZoneInfo("America/Montreal")
NOW = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # Tuesday 14:00 in Montreal
WEIGHTS = {"evelyne": 5, "dental": 4, "coach": 3, "bakery": 1}


def ctx(open_uuids: frozenset[str] = frozenset({"blocker"})) -> UrgencyContext:
    return UrgencyContext(NOW, TZ, Coefficients(), WEIGHTS, open_uuids)


def task(**fields) -> Task:
    base = dict(id=1, uuid="u1", title="Book hotel", created=NOW - timedelta(days=3), modified=NOW)
    base.update(fields)
    return Task(**base)


priorities = st.sampled_from([None, "low", "medium", "high"])
clients = st.sampled_from([None, "evelyne", "dental", "coach", "bakery", "unknown"])
tags = st.lists(st.sampled_from(["next", "travel", "mail"]), max_size=3, unique=True)
estimates = st.one_of(st.none(), st.integers(min_value=1, max_value=6000))
ages = st.integers(min_value=0, max_value=2000)


@st.composite
def tasks(draw, due_offsets: st.SearchStrategy[int]) -> Task:
    """A task whose due instant is NOW + offset seconds (or a date when drawn so)."""
    offset = draw(due_offsets)
    due: date | datetime = NOW + timedelta(seconds=offset)
    if draw(st.booleans()):
        due = due.astimezone(TZ).date()
    return task(
        id=draw(st.integers(1, 10_000)),
        due=due,
        priority=draw(priorities),
        client=draw(clients),
        tags=draw(tags),
        estimate_minutes=draw(estimates),
        created=NOW - timedelta(days=draw(ages)),
        status=draw(st.sampled_from(["todo", "inbox", "waiting"])),
        depends=draw(st.sampled_from([[], ["blocker"], ["done-one"]])),
    )


DAY = 86400
overdue_offsets = st.integers(min_value=-400 * DAY, max_value=-2 * DAY)
future_offsets = st.integers(min_value=60, max_value=400 * DAY)
RANK = {None: 0, "low": 1, "medium": 2, "high": 3}


@settings(max_examples=400)
@given(
    late=tasks(overdue_offsets),
    early=st.one_of(
        tasks(future_offsets),
        st.builds(
            lambda p, c, t, e: task(id=2, priority=p, client=c, tags=t, estimate_minutes=e),
            priorities,
            clients,
            tags,
            estimates,
        ),
    ),
)
def test_overdue_outranks_every_task_not_yet_due(late: Task, early: Task) -> None:
    if RANK[early.priority] > RANK[late.priority]:
        early = replace(early, priority=late.priority)
    assert urgency(late, ctx()) > urgency(early, ctx())


@settings(max_examples=300)
@given(t=tasks(st.just(0)))
def test_due_today_outranks_same_task_due_next_month(t: Task) -> None:
    today = NOW.astimezone(TZ).date()
    sooner = replace(t, due=today)
    later = replace(t, due=today + timedelta(days=31))
    assert urgency(sooner, ctx()) > urgency(later, ctx())


@settings(max_examples=300)
@given(t=tasks(st.integers(min_value=-30 * DAY, max_value=60 * DAY)))
def test_waiting_task_hidden_then_ranks_as_if_it_never_waited(t: Task) -> None:
    plain = replace(t, status="todo", wait=None)
    snoozed = replace(t, status="waiting", wait=NOW + timedelta(days=2))
    assert is_hidden(snoozed, NOW, TZ)
    assert not is_hidden(plain, NOW, TZ)
    later = NOW + timedelta(days=2, minutes=1)
    later_ctx = UrgencyContext(later, TZ, Coefficients(), WEIGHTS, frozenset({"blocker"}))
    assert not is_hidden(snoozed, later, TZ)
    assert effective_status(snoozed, later, TZ) == "todo"
    assert urgency(snoozed, later_ctx) == urgency(plain, later_ctx)


def test_wait_date_is_the_start_of_the_local_day() -> None:
    tomorrow = NOW.astimezone(TZ).date() + timedelta(days=1)
    snoozed = task(status="waiting", wait=tomorrow)
    midnight = datetime(2026, 12, 2, 5, 0, tzinfo=UTC)  # 00:00 in Montreal
    assert is_hidden(snoozed, midnight - timedelta(seconds=1), TZ)
    assert not is_hidden(snoozed, midnight, TZ)


def test_due_term_follows_the_slack_in_working_minutes() -> None:
    def due_term(**fields) -> float:
        return next(x.value for x in terms(task(**fields), ctx()) if x.name == "due")

    assert due_term(due=NOW + timedelta(minutes=10), estimate_minutes=30) == 24.0
    assert due_term(due=NOW - timedelta(days=9)) == 24.0
    assert due_term(due=NOW + timedelta(minutes=120)) == pytest.approx(12.0)
    assert due_term(due=NOW + timedelta(minutes=150), estimate_minutes=30) == pytest.approx(12.0)
    assert due_term(due=NOW + timedelta(days=1)) == pytest.approx(24 * 120 / 600)


def test_each_term_has_value_and_reason() -> None:
    t = task(
        due=NOW - timedelta(hours=5),
        priority="high",
        tags=["next"],
        client="evelyne",
        estimate_minutes=120,
        depends=["blocker"],
        status="waiting",
    )
    found = {x.name: x for x in terms(t, ctx())}
    assert set(found) == {
        "due",
        "overdue",
        "priority",
        "next",
        "client",
        "at_risk",
        "waiting",
        "blocked",
        "age",
    }
    assert found["priority"].value == 6.0
    assert found["next"].value == 15.0
    assert found["client"].value == 2.0 and "evelyne" in found["client"].reason
    assert found["blocked"].value == -5.0
    assert found["waiting"].value == -3.0
    assert "overdue by 5 hour" in found["due"].reason
    assert urgency(t, ctx()) == pytest.approx(sum(x.value for x in found.values()))


def test_finished_blocker_does_not_block() -> None:
    t = task(depends=["done-one"])
    assert "blocked" not in {x.name for x in terms(t, ctx())}


def test_slack_counts_working_hours_only() -> None:
    friday_evening = datetime(2026, 12, 4, 23, 0, tzinfo=UTC)  # Fri 18:00 Montreal
    monday_ten = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)  # Mon 10:00 Montreal
    c = UrgencyContext(friday_evening, TZ, Coefficients(), WEIGHTS)
    fits = task(due=monday_ten, estimate_minutes=20)
    tight = task(due=monday_ten, estimate_minutes=180)
    assert slack_of(fits, c) == 40 and not at_risk(fits, c)
    assert slack_of(tight, c) == -120 and at_risk(tight, c)
    risk = next(x for x in terms(tight, c) if x.name == "at_risk")
    assert risk.value == 40.0 and "2h short" in risk.reason
    due = next(x for x in terms(tight, c) if x.name == "due")
    assert "1h of working time left for ~3h of work" in due.reason


def test_rank_breaks_ties_by_deadline_then_id() -> None:
    a = task(id=3, uuid="a", due=NOW + timedelta(days=40))
    b = task(id=2, uuid="b", due=NOW + timedelta(days=50))  # same ramp floor
    c = task(id=1, uuid="c", due=NOW + timedelta(days=40))
    d = task(id=4, uuid="d", due=None, priority="low", created=NOW - timedelta(days=3))
    ranked = [t.id for _, t in rank([a, b, c, d], ctx())]
    assert ranked.index(1) < ranked.index(3) < ranked.index(2)
    assert rank([a, b, c, d], ctx()) == rank([d, c, b, a], ctx())


def test_coefficients_from_config() -> None:
    assert Coefficients.from_config({"due": 10, "next_tag": 2.5}).due == 10.0
    with pytest.raises(InputError, match="unknown urgency coefficient 'dew'"):
        Coefficients.from_config({"dew": 1})
    with pytest.raises(InputError, match="must be a number"):
        Coefficients.from_config({"due": "high"})


@settings(max_examples=300)
@given(t=tasks(st.integers(min_value=-30 * DAY, max_value=60 * DAY)))
def test_score_is_exactly_the_sum_of_the_explained_terms(t: Task) -> None:
    """`va list` scores without writing reasons; `va why` must add up to the same."""
    assert urgency(t, ctx()) == round(sum(x.value for x in terms(t, ctx())), 6)
    assert rank([t], ctx())[0][0] == urgency(t, ctx())


def test_budget_spent_sinks_and_hours_left_with_a_deadline_rise() -> None:
    t = task(client="coach", due=NOW + timedelta(days=3))
    spent = UrgencyContext(NOW, TZ, Coefficients(), WEIGHTS, budgets={"coach": (600, 600)})
    half = UrgencyContext(NOW, TZ, Coefficients(), WEIGHTS, budgets={"coach": (300, 600)})
    none = UrgencyContext(NOW, TZ, Coefficients(), WEIGHTS)
    assert urgency(t, spent) < urgency(t, none) < urgency(t, half)
    [term] = [x for x in terms(t, spent) if x.name == "budget"]
    assert term.value == -3.0 and "retainer is used up" in term.reason
    [term] = [x for x in terms(t, half) if x.name == "budget"]
    assert term.value == 1.5 and "5.0h of 10h left" in term.reason
    undated = replace(t, due=None)
    assert "budget" not in {x.name for x in terms(undated, half)}


@settings(max_examples=300)
@given(late=tasks(overdue_offsets), early=tasks(future_offsets))
def test_overdue_still_outranks_with_any_budget_state(late: Task, early: Task) -> None:
    if RANK[early.priority] > RANK[late.priority]:
        early = replace(early, priority=late.priority)
    burns = {"evelyne": (0, 600), "dental": (900, 600), "coach": (100, 600), "bakery": (5, 60)}
    c = UrgencyContext(NOW, TZ, Coefficients(), WEIGHTS, frozenset({"blocker"}), budgets=burns)
    assert urgency(late, c) > urgency(early, c)


@settings(max_examples=200)
@given(
    many=st.lists(
        tasks(st.sampled_from([-3 * DAY, -DAY, 0, 3600, 5 * DAY, 40 * DAY])),
        max_size=40,
        unique_by=lambda t: t.id,  # ids are unique in a workspace; `rank` relies on it
    )
)
def test_one_context_scores_shared_deadlines_once_and_as_each_task_alone(
    many: list[Task],
) -> None:
    """Tasks share a few deadlines: a context works each out once (`ctx.dues`), and
    ranking with it gives every task exactly the score it gets in a context of its own."""
    shared = ctx()
    ranked = rank(many, shared)
    assert sorted(score for score, _ in ranked) == sorted(urgency(t, ctx()) for t in many)
    assert len(shared.dues) == len({t.due for t in many})


# -- hour-aware deadlines: working minutes left minus the estimate ------------------


def test_slack_is_working_minutes_left_minus_the_estimate() -> None:
    c = ctx()
    assert slack_of(task(due=NOW + timedelta(minutes=90), estimate_minutes=30), c) == 60
    assert slack_of(task(due=NOW + timedelta(minutes=22), estimate_minutes=30), c) == -8
    assert slack_of(task(due=NOW + timedelta(minutes=90)), c) == 90
    assert slack_of(task(due=None, estimate_minutes=30), c) is None
    # Tue 14:00 → Wed 14:00 is one working day (09:00-17:00)
    assert slack_of(task(due=NOW + timedelta(days=1)), c) == 480


def test_the_22_minute_example_ranks_above_a_weighty_client_due_tomorrow() -> None:
    """The issue's example: a 30-minute task due in 22 minutes no longer fits."""
    dentist = task(
        id=1,
        uuid="a",
        title="URGENT: reschedule the dentist's 3 p.m. patients",
        client="dental",
        due=NOW + timedelta(minutes=22),
        estimate_minutes=30,
    )
    tomorrow_nine = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)  # Wed 09:00 Montreal
    hotel = task(id=2, uuid="b", client="evelyne", due=tomorrow_nine, priority="high")
    assert [t.id for _, t in rank([hotel, dentist], ctx())] == [1, 2]
    found = {x.name: x for x in terms(dentist, ctx())}
    assert "no longer fits: 8m short" in found["at_risk"].reason
    assert "22m of working time left for ~30m of work" in found["due"].reason
    assert all("\n" not in x.reason for x in found.values())


def test_a_task_that_fits_is_not_at_risk_and_says_its_slack() -> None:
    t = task(due=NOW + timedelta(days=1), estimate_minutes=60)
    found = {x.name: x for x in terms(t, ctx())}
    assert "at_risk" not in found
    assert "7h of slack" in found["due"].reason
    assert not at_risk(t, ctx())
    assert at_risk(task(due=NOW - timedelta(minutes=1)), ctx())


@settings(max_examples=400)
@given(
    late=tasks(st.integers(min_value=60, max_value=10 * DAY)),
    early=tasks(st.integers(min_value=60, max_value=400 * DAY)),
)
def test_a_task_that_no_longer_fits_outranks_every_task_that_does(late: Task, early: Task) -> None:
    """Whatever their client, retainer, age, tags or status, at equal priority."""
    if RANK[early.priority] > RANK[late.priority]:
        early = replace(early, priority=late.priority)
    late = replace(late, estimate_minutes=max(late.estimate_minutes or 0, 100_000))
    early = replace(early, estimate_minutes=None)
    burns = {"evelyne": (0, 600), "dental": (900, 600), "coach": (100, 600)}
    c = UrgencyContext(NOW, TZ, Coefficients(), WEIGHTS, frozenset({"blocker"}), budgets=burns)
    assume(at_risk(late, c) and not at_risk(early, c))
    assert urgency(late, c) > urgency(early, c)


@settings(max_examples=400)
@given(
    first=tasks(st.just(0)),
    second=tasks(st.just(0)),
    budgets=st.fixed_dictionaries(
        {"evelyne": st.tuples(st.integers(0, 900), st.just(600))},
        optional={"bakery": st.tuples(st.integers(0, 900), st.just(600))},
    ),
)
def test_due_in_30_minutes_outranks_same_priority_due_tomorrow_whatever_the_client(
    first: Task, second: Task, budgets
) -> None:
    """Same priority, tags, status and dependencies; any clients, retainers and ages."""
    soon = replace(first, due=NOW + timedelta(minutes=30), estimate_minutes=None)
    tomorrow = replace(
        second,
        due=NOW + timedelta(days=1, minutes=30),
        estimate_minutes=None,
        priority=first.priority,
        tags=first.tags,
        status=first.status,
        depends=first.depends,
    )
    c = UrgencyContext(NOW, TZ, Coefficients(), WEIGHTS, frozenset({"blocker"}), budgets=budgets)
    assert urgency(soon, c) > urgency(tomorrow, c)


@settings(max_examples=300)
@given(
    t=tasks(st.just(0)),
    a=st.integers(min_value=-30 * DAY, max_value=60 * DAY),
    b=st.integers(min_value=-30 * DAY, max_value=60 * DAY),
)
def test_sooner_ranks_above_later(t: Task, a: int, b: int) -> None:
    """Less slack never scores lower; at equal working time the earlier deadline goes first."""
    assume(a != b)
    a, b = min(a, b), max(a, b)
    sooner = replace(t, id=1, uuid="s", due=NOW + timedelta(seconds=a))
    later = replace(t, id=2, uuid="l", due=NOW + timedelta(seconds=b))
    assert urgency(sooner, ctx()) >= urgency(later, ctx())
    assert next(x.id for _, x in rank([later, sooner], ctx())) == 1


def test_a_config_written_for_the_estimate_term_still_opens() -> None:
    """The estimate now counts through slack; an old `[urgency] estimate = 5` is no error."""
    assert Coefficients.from_config({"estimate": 5.0, "due": 20}) == Coefficients(due=20.0)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        tasks(st.sampled_from([-DAY, 0, 3600, 5 * DAY])),
        max_size=30,
        unique_by=lambda t: t.id,
    ),
    st.integers(min_value=-1, max_value=35),
)
def test_the_first_few_are_the_head_of_the_whole_ranking(many: list[Task], first: int) -> None:
    """`va list` asks for its 25 rows only: they are exactly the whole ranking's first
    25, ties included (a negative count ranks them all, as a slice would)."""
    whole = rank_facts([facts_of(t) for t in many], ctx())
    head = rank_facts([facts_of(t) for t in many], ctx(), first=first)
    assert head == (whole[:first] if first >= 0 else whole)
