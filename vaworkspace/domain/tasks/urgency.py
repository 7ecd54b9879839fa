"""Client-aware urgency: which task should the VA do next, and why.

In the spirit of Taskwarrior's urgency (a sum of weighted terms, each explainable),
but a VA's day is made of same-day deadlines, so the deadline terms count by the
minute what matters: the *slack*, the working minutes left before the deadline
(in the VA's work hours, `WorkClock`; for a client with business hours, only
those inside both, `SharedClock`) minus the work still to do (the estimate).
Other terms no task manager has: the client's importance and the client's
retainer (hours bought for the week or month): used up, their tasks sink; with
hours left, their deadlines rise.

Guarantees with the default coefficients (tested as properties):
- an overdue task ranks above every task that is not yet due, whatever their
  priority, client, age, estimate or tags: `overdue` outweighs all the other
  terms a not-yet-due task can collect together;
- a task that no longer fits before its deadline (negative slack) is *at risk*
  and ranks above every task that still fits, at equal priority, whatever
  their client, retainer, age, tags or status: `at_risk` outweighs them;
- among tasks that fit, less slack scores higher (`due`); a task due in 30
  working minutes outranks the same-priority task due a working day later,
  whatever the clients' weights and retainers;
- the same task never ranks lower the sooner it is due;
- a waiting task is hidden until its wait date, then has no waiting term at all,
  so it ranks exactly as if it had never waited.
Ties are broken by the earlier deadline (no deadline last), then the smaller id.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date, datetime, tzinfo
from itertools import compress, repeat
from operator import ge, itemgetter

from vaworkspace.domain.dates import to_instant
from vaworkspace.domain.models import Task
from vaworkspace.domain.tasks.coefficients import Coefficients as Coefficients
from vaworkspace.domain.tasks.facts import TaskFacts, facts_of
from vaworkspace.domain.time.worktime import SharedClock, WorkClock, WorkHours

TYPE_CHECKING = False
if TYPE_CHECKING:  # `collections.abc` only for mypy: the runtime never needs it
    from collections.abc import Container, Iterable

DAY = 86400.0
# Slack at which the `due` term is worth half its coefficient: it halves again
# by the time the slack is three times as long (2h → 6h of working time).
HALF_SLACK_MINUTES = 120.0


if TYPE_CHECKING:
    from typing import NamedTuple

    class Term(NamedTuple):
        """One line of `va why`: a named contribution and the reason it applies."""

        name: str
        value: float
        reason: str

else:
    Term = namedtuple("Term", "name value reason")


class UrgencyContext:
    """What scoring needs besides the task: the moment, the zone and the workspace."""

    __slots__ = (
        "budgets",
        "client_hours",
        "client_weights",
        "clock",
        "clocks",
        "coefficients",
        "dues",
        "now",
        "open_uuids",
        "tz",
        "work",
    )

    def __init__(
        self,
        now: datetime,
        tz: tzinfo,
        coefficients: Coefficients,
        client_weights: dict[str, int],
        open_uuids: Container[str] = frozenset(),
        work: WorkHours | None = None,
        dues: dict[object, tuple[datetime, float, int]] | None = None,
        clock: WorkClock | None = None,
        budgets: dict[str, tuple[int, int]] | None = None,
        client_hours: dict[str, tuple[WorkHours, tzinfo]] | None = None,
        clocks: dict[str, SharedClock] | None = None,
    ) -> None:
        self.now, self.tz = now, tz
        self.coefficients = coefficients
        self.client_weights = client_weights
        # uuids of the open tasks: a dependency on one of them blocks. Only tasks with
        # dependencies ask, so it may be a container that gathers them on first use.
        self.open_uuids = open_uuids
        self.work = WorkHours() if work is None else work
        # due value → (the instant it is late, seconds late at `now`, working minutes
        # left before it, negative once past): a workspace has a few hundred deadlines
        # for thousands of tasks; each is worked out once per context, not once per
        # task (see `_deadline`), on a clock built once per context.
        self.dues = {} if dues is None else dues
        self.clock = clock
        # client → (used, bought) minutes this period
        self.budgets = {} if budgets is None else budgets
        # client → (business hours, zone): their tasks' slack counts only the working
        # minutes inside both those hours and the VA's (`SharedClock`); their
        # deadlines are remembered in `dues` under (due value, client).
        self.client_hours = {} if client_hours is None else client_hours
        self.clocks = {} if clocks is None else clocks


def _due_weight(slack: int) -> float:
    """1.0 with no slack left, halving at `HALF_SLACK_MINUTES` and falling towards 0
    as the slack grows: every working minute counts, the first hours most."""
    if slack <= 0:
        return 1.0
    return HALF_SLACK_MINUTES / (HALF_SLACK_MINUTES + slack)


def slack_of(task: Task | TaskFacts, ctx: UrgencyContext) -> int | None:
    """Working minutes left before the deadline minus the estimate (None: no deadline)."""
    if task.due is None:
        return None
    left = _due_facts(task.due, task.client, ctx)[2]
    return left - (task.estimate_minutes or 0)


def at_risk(task: Task | TaskFacts, ctx: UrgencyContext) -> bool:
    """Past its deadline, or no longer fits before it: `va list` marks it."""
    if task.due is None:
        return False
    _due, late, left = _due_facts(task.due, task.client, ctx)
    return late > 0 or left < (task.estimate_minutes or 0)


def fit(task: Task | TaskFacts, ctx: UrgencyContext) -> tuple[bool, int | None]:
    """(`at_risk`, `slack_of`) of a task, reading its deadline once."""
    if task.due is None:
        return (False, None)
    _due, late, left = _due_facts(task.due, task.client, ctx)
    slack = left - (task.estimate_minutes or 0)
    return (late > 0 or slack < 0, slack)


def risk_reason(task: Task | TaskFacts, ctx: UrgencyContext) -> str:
    """Why a task `at_risk` says is at risk: `the deadline has passed`, or `no
    longer fits: 8m short` (`va show`, after `at risk:`)."""
    assert task.due is not None  # at_risk said so
    _due, late, left = _due_facts(task.due, task.client, ctx)
    from vaworkspace.domain.tasks import urgency_reasons as why

    return why.risk_reason(late, left - (task.estimate_minutes or 0))


def terms(task: Task, ctx: UrgencyContext) -> list[Term]:
    """Every non-zero term for the task, in a fixed order, with its reason."""
    out: list[Term] = []
    _evaluate(facts_of(task), ctx, out)
    return out


def urgency(task: Task, ctx: UrgencyContext) -> float:
    """The task's score: the sum of its terms, rounded so ties are stable."""
    return round(_evaluate(facts_of(task), ctx, None), 6)


def _evaluate(task: TaskFacts, ctx: UrgencyContext, out: list[Term] | None) -> float:
    """The one definition of the score. Reasons are only written when `out` is
    given (`va why`): formatting them for 10,000 tasks would double a `va list`.

    Hot: runs for every open task of a `va list`, so the facts are unpacked once
    into locals and the cheap, common terms come first."""
    if out is not None:  # the words, only for `va why` (a `va list` never imports them)
        from vaworkspace.domain.tasks import urgency_reasons as why
    _id, due_value, priority, tags, client, estimate, status, wait, depends, created = task
    c = ctx.coefficients
    total = 0.0
    due = None
    if due_value is not None:
        if client in ctx.client_hours:
            due, late, left = _due_facts(due_value, client, ctx)
        else:
            due, late, left = ctx.dues.get(due_value) or _deadline(due_value, ctx)
        slack = left - (estimate or 0)
        # `_due_weight(slack)`, inlined: this line runs for most open tasks
        value = c.due * (1.0 if slack <= 0 else HALF_SLACK_MINUTES / (HALF_SLACK_MINUTES + slack))
        total += value
        if out is not None:
            reason = why.due_reason(late, left, estimate)
            if client in ctx.client_hours and late <= 0:
                reason += why.business_hours(client)
            out.append(Term("due", value, reason))
        if late > 0 or slack < 0:
            total += c.at_risk
            if out is not None:
                risk = why.at_risk(why.risk_reason(late, slack))
                out.append(Term("at_risk", c.at_risk, risk))
        if late > 0:
            total += c.overdue
            if out is not None:
                out.append(Term("overdue", c.overdue, why.passed()))
    if priority is not None:
        value = (
            c.priority_high
            if priority == "high"
            else c.priority_medium
            if priority == "medium"
            else c.priority_low
        )
        total += value
        if out is not None:
            out.append(Term("priority", value, why.priority(priority)))
    if tags and "next" in tags:
        total += c.next_tag
        if out is not None:
            out.append(Term("next", c.next_tag, why.tagged_next()))
    if client:
        weight = ctx.client_weights.get(client, 3)
        if weight != 3:
            value = c.client_weight * (weight - 3)
            total += value
            if out is not None:
                out.append(Term("client", value, why.weighs(client, weight)))
        burn = ctx.budgets.get(client)
        if burn is not None and burn[1] > 0:
            used, bought = burn
            if used >= bought:
                total -= c.budget
                if out is not None:
                    out.append(Term("budget", -c.budget, why.retainer_used_up(client, bought)))
            elif due is not None:
                value = c.budget * (bought - used) / bought
                total += value
                if out is not None:
                    reason = why.retainer_left(client, bought - used, bought)
                    out.append(Term("budget", value, reason))
    if wait is None and status == "waiting":
        total += c.waiting
        if out is not None:
            out.append(Term("waiting", c.waiting, why.waiting()))
    if depends:
        blockers = [uuid for uuid in depends if uuid in ctx.open_uuids]
        if blockers:
            total += c.blocked
            if out is not None:
                out.append(Term("blocked", c.blocked, why.blocked(len(blockers))))
    age_days = (ctx.now - created).total_seconds() / DAY
    if age_days > 0:
        years = age_days / 365.0
        value = c.age * (years if years < 1.0 else 1.0)  # at most a year counts
        total += value
        if out is not None:
            out.append(Term("age", value, why.age(age_days)))
    return total


def _deadline(value: date | datetime, ctx: UrgencyContext) -> tuple[datetime, float, int]:
    """When a due value is late (a date: at the end of that local day), how late it
    is at `ctx.now` in seconds, and the working minutes left before it (negative
    once past); remembered in `ctx.dues`."""
    due = value if isinstance(value, datetime) else to_instant(value, ctx.tz, end=True)
    late = (ctx.now - due).total_seconds()
    if ctx.clock is None:
        ctx.clock = WorkClock(ctx.tz, ctx.work)
    found = ctx.dues[value] = (due, late, ctx.clock.between(ctx.now, due))
    return found


def _due_facts(
    value: date | datetime, client: str | None, ctx: UrgencyContext
) -> tuple[datetime, float, int]:
    """`_deadline` for a task of `client`: with business hours, the working
    minutes left count only those inside both their hours and the VA's."""
    if client is None or client not in ctx.client_hours:
        return ctx.dues.get(value) or _deadline(value, ctx)
    key = (value, client)
    found = ctx.dues.get(key)
    if found is None:
        due, late, _left = ctx.dues.get(value) or _deadline(value, ctx)
        clock = ctx.clocks.get(client)
        if clock is None:
            hours, zone = ctx.client_hours[client]
            clock = ctx.clocks[client] = SharedClock(ctx.tz, ctx.work, zone, hours)
        found = ctx.dues[key] = (due, late, clock.between(ctx.now, due))
    return found


def rank(
    tasks: list[Task], ctx: UrgencyContext, cache: dict[int, tuple[object, float]] | None = None
) -> list[tuple[float, Task]]:
    """Tasks with their scores, most urgent first, ties broken deterministically
    (see `rank_facts`; here a task object that is still the cached one keeps its score)."""
    by_id = {task.id: task for task in tasks}
    ranked = rank_facts([facts_of(task) for task in tasks], ctx, cache, tasks)
    return [(score, by_id[task_id]) for score, task_id in ranked]


def rank_facts(
    facts: list[TaskFacts],
    ctx: UrgencyContext,
    cache: dict[int, tuple[object, float]] | None = None,
    sources: list[Task] | list[TaskFacts] | None = None,
    first: int | None = None,
) -> list[tuple[float, int]]:
    """(score, task id) of each task, most urgent first, ties broken by the
    earlier deadline (none last), then the smaller id; only the `first` ones
    if given (`va list` shows 25 of thousands: they are picked, not sorted out).

    `cache` (task id → (source, score)) must belong to this very context; a
    task whose source (`sources[i]`, the facts themselves by default: a `Task`,
    or the facts the store keeps for a record that did not change) is still the
    cached object keeps its score. Tasks with dependencies are always rescored:
    whether their blockers are still open can change.
    """
    scores = _scores(facts, ctx, cache, sources)
    picked: Iterable[int] = range(len(facts))
    cut = None  # every task, ranked
    if first is not None and 0 <= first < len(facts):
        if not first:
            return []
        # Only the tasks scoring at least the `first`-th highest score can be
        # among the first: found by sorting the bare scores (floats sort in C),
        # and only those are keyed by deadline and sorted.
        lowest = sorted(scores)[-first]
        picked = compress(range(len(scores)), map(ge, scores, repeat(lowest)))
        cut = first
    far = datetime.max.replace(tzinfo=ctx.now.tzinfo)
    dues = ctx.dues
    keyed: list[tuple[float, datetime, int]] = []
    for at in picked:
        task_id, due_value = facts[at][0], facts[at][1]
        due = far if due_value is None else (dues.get(due_value) or _deadline(due_value, ctx))[0]
        keyed.append((-scores[at], due, task_id))
    keyed.sort()
    return [(-item[0], item[2]) for item in keyed[:cut]]


def _scores(
    facts: list[TaskFacts],
    ctx: UrgencyContext,
    cache: dict[int, tuple[object, float]] | None,
    sources: list[Task] | list[TaskFacts] | None,
) -> list[float]:
    """Each task's score, in order, through `cache` (see `rank_facts`)."""
    evaluate = _evaluate
    if cache is not None and not cache and sources is None:
        # Nothing kept yet (a command ranks once): score every task, then keep
        # every score at once rather than one at a time.
        scores = [round(evaluate(task, ctx, None), 6) for task in facts]
        cache.update(zip(map(itemgetter(0), facts), zip(facts, scores, strict=True), strict=True))
        return scores
    scores = []
    append = scores.append
    for at, task in enumerate(facts):
        if cache is None:
            score = round(evaluate(task, ctx, None), 6)
        else:
            task_id = task[0]
            source = task if sources is None else sources[at]
            hit = None if task.depends else cache.get(task_id)
            if hit is not None and hit[0] is source:
                score = hit[1]
            else:
                score = round(evaluate(task, ctx, None), 6)
                cache[task_id] = (source, score)
        append(score)
    return scores
