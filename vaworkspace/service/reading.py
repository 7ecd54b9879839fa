"""The inbox: open tasks ranked by urgency, explanations, counts and retainer use.

The urgency rules are imported by the methods that rank: a task's status
(`status_of`, the echo of `va add`) needs only `domain.tasks.status`; the echo
asks `risk_of` only for a task with a deadline.

`Inbox` never locks and never writes; it reads the context's cached snapshot
(`context.py`) and keeps each ranking for the minute (see `ranked`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from vaworkspace.domain.by_client import NO_CLIENT, count_by_client
from vaworkspace.domain.models import Task
from vaworkspace.domain.tasks.status import effective_status, is_hidden, is_overdue
from vaworkspace.service.context import Context, Service
from vaworkspace.service.snapshot import Snapshot

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from datetime import tzinfo
    from typing import Any

    from vaworkspace.domain.tasks.facts import TaskFacts
    from vaworkspace.domain.tasks.urgency import UrgencyContext
    from vaworkspace.domain.time.worktime import WorkHours
    from vaworkspace.service.clients import ClientService
    from vaworkspace.service.results import Why


ROW_SCORES = ("urgency", "at_risk", "slack_minutes")
"""What `top_rows` adds to each task's values, in this order (`va list --json`)."""


class OpenUuids:
    """`uuid in` the snapshot's open tasks, gathered on the first question: only a
    task with dependencies asks (is its blocker still open?), and most workspaces
    have none, so ranking does not walk every record for them up front."""

    __slots__ = ("_snapshot",)

    def __init__(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot

    def __contains__(self, uuid: object) -> bool:
        return uuid in self._snapshot.open_uuids()


class Inbox(Service):
    """`ws.inbox`: what to do next, and why."""

    def __init__(self, ctx: Context, clients: ClientService) -> None:
        super().__init__(ctx)
        self.clients = clients
        self._scores: tuple[tuple[object, ...], dict[int, tuple[object, float]]] | None = None

    def context(
        self, snapshot: Snapshot | None = None, now: datetime | None = None
    ) -> UrgencyContext:
        """Urgency is computed as of the current whole minute (the TUI's rule): the CLI,
        the TUI and `why` agree, and scores are reused until the minute turns."""
        from vaworkspace.domain.tasks.urgency import UrgencyContext

        snapshot = snapshot or self.snapshot()
        return UrgencyContext(
            now=now or self.now().replace(second=0, microsecond=0),
            tz=self.tz,
            coefficients=self.config.coefficients,
            client_weights={c.id: c.weight for c in snapshot.clients.values()},
            open_uuids=OpenUuids(snapshot),
            work=self.config.work,
            budgets=self.budget_burns(snapshot),
            client_hours=self.client_hours(snapshot),
        )

    def client_hours(self, snapshot: Snapshot | None = None) -> dict[str, tuple[WorkHours, tzinfo]]:
        """Each client with business hours (`va client edit --hours`): the hours
        and the zone they are read in (the client's, else the VA's). Urgency
        counts a task's slack inside them; the planner places work inside them."""
        snapshot = snapshot or self.snapshot()
        with_hours = [(c, c.hours) for c in snapshot.clients.values() if c.hours]
        if not with_hours:
            return {}
        from vaworkspace.config import load_zone
        from vaworkspace.domain.time.worktime import parse_work_hours

        return {
            c.id: (parse_work_hours(hours), load_zone(c.timezone) if c.timezone else self.tz)
            for c, hours in with_hours
        }

    def budget_burns(self, snapshot: Snapshot | None = None) -> dict[str, tuple[int, int]]:
        """(used, bought) minutes of each client's retainer in its current week or
        month; computed once per snapshot and minute (urgency and the sidebar ask)."""
        snapshot = snapshot or self.snapshot()
        with_budget = [c for c in snapshot.clients.values() if c.budget and not c.archived]
        if not with_budget:
            return {}
        now = self.now()
        minute = int(now.timestamp() // 60)
        if snapshot.burns is None or snapshot.burns[0] != minute:
            from vaworkspace.domain.time.reports import budget_burn
            from vaworkspace.store.table_reads import entries_since

            # Only this month's and this week's entries can count: skip the rest unparsed.
            recent = entries_since(self.file.read()["entries"], now - timedelta(days=40))
            burns = {}
            for client in with_budget:
                burn = budget_burn(
                    client, [e for e in recent if e.client == client.id], now, self.tz
                )
                if burn is not None:
                    burns[client.id] = burn
            snapshot.burns = (minute, burns)
        return snapshot.burns[1]

    def ranked(
        self,
        client: str | None = None,
        tag: str | None = None,
        status: str | None = None,
        include_all: bool = False,
        limit: int | None = None,
        text: str | None = None,
    ) -> list[tuple[float, Task]]:
        """Tasks most urgent first (as of this minute, see `context`); by default the
        open ones that are not snoozed. `top` says how many there are, and builds
        only the first few."""
        return self.top(limit, client, tag, status, include_all, text)[1]

    def top(
        self,
        limit: int | None,
        client: str | None = None,
        tag: str | None = None,
        status: str | None = None,
        include_all: bool = False,
        text: str | None = None,
    ) -> tuple[int, list[tuple[float, Task]]]:
        """How many tasks the filters keep, and the first `limit` of them (all if
        None) most urgent first: tasks are ranked from what urgency reads of
        their records (`TaskTable.facts`), and only the rows returned are built.

        Each filter's ranking is kept with the snapshot for the minute: asking again
        (the TUI after a keystroke) costs a list copy, not a pass over 10k tasks.
        """
        # every row is built anyway when limit is None: build first, rank from the tasks
        found = self._top_ids(limit, client, tag, status, include_all, text, limit is None)
        count, shown, _ctx = found
        snapshot = self.snapshot()
        task = snapshot.task
        snapshot.table.build([task_id for _, task_id in shown])  # in one pass over the file
        return count, [(score, task(task_id)) for score, task_id in shown]

    def top_rows(
        self,
        limit: int | None,
        client: str | None = None,
        tag: str | None = None,
        status: str | None = None,
        include_all: bool = False,
        text: str | None = None,
    ) -> tuple[int, Iterator[dict[str, Any]]]:
        """`top` for a JSON writer, with no `Task` built (`va list --all --json`
        prints 10k): each task as its values by field name (`TaskTable.rows`),
        its status as of now, then `urgency` (its score), `at_risk` and
        `slack_minutes` (its fit, see `fits`), read on the ranking's own
        context, where each deadline was worked out once. The rows are made as
        the caller reads them: write each as it comes, keep none."""
        count, shown, ctx = self._top_ids(limit, client, tag, status, include_all, text)
        found = self.snapshot().table.rows([task_id for _, task_id in shown], ROW_SCORES)
        return count, self._scored(shown, found, ctx)

    def _scored(
        self,
        shown: list[tuple[float, int]],
        found: Iterator[tuple[dict[str, Any], TaskFacts]],
        ctx: UrgencyContext,
    ) -> Iterator[dict[str, Any]]:
        from vaworkspace.domain.tasks.urgency import fit

        now, tz = self.now(), self.tz
        for (score, _id), (row, facts) in zip(shown, found, strict=True):
            if facts.status == "waiting":  # the only status that changes with time
                row["status"] = effective_status(facts, now, tz)
            row["urgency"] = score
            if facts.due is not None:  # else not at risk, no slack
                row["at_risk"], row["slack_minutes"] = fit(facts, ctx)
            else:
                row["at_risk"] = False
            yield row

    def _top_ids(
        self,
        limit: int | None,
        client: str | None,
        tag: str | None,
        status: str | None,
        include_all: bool,
        text: str | None,
        build_first: bool = False,
    ) -> tuple[int, list[tuple[float, int]], UrgencyContext]:
        """How many tasks the filters keep, the first `limit` (score, task id)
        most urgent first, and the context they were ranked in; `build_first`:
        the tasks ranked are built before (then ranked from the `Task`s)."""
        snapshot = self.snapshot()
        ctx = self.context(snapshot)
        # None: every client; NO_CLIENT: the tasks without one; else a typed ref.
        client_id = client if client in (None, NO_CLIENT) else self.clients.get(client).id
        needle = text.casefold() if text else None
        moment = (ctx.now, ctx.coefficients, ctx.work)
        if snapshot.rankings is None or snapshot.rankings[0] != moment:
            snapshot.rankings = (moment, {})
        kept = snapshot.rankings[1]
        wanted = (client_id, tag, status, include_all, needle)
        found = kept.get(wanted)
        # (how many match, the first rows ranked, whether those are all of them)
        if found is None or not (found[2] or (limit is not None and limit <= len(found[1]))):
            if len(kept) >= 8:  # a search typed letter by letter: keep the latest few
                del kept[next(iter(kept))]
            if build_first:
                snapshot.tasks(open_only=not (include_all or status))
            found = kept[wanted] = self._rank(snapshot, ctx, *wanted, first=limit)
        count, ranked, _ = found
        return count, ranked if limit is None else ranked[:limit], ctx

    def _rank(
        self,
        snapshot: Snapshot,
        ctx: UrgencyContext,
        client_id: str | None,
        tag: str | None,
        status: str | None,
        include_all: bool,
        needle: str | None,
        first: int | None = None,
    ) -> tuple[int, list[tuple[float, int]], bool]:
        """How many tasks the filters keep, the `first` of them ranked (all if
        None), and whether those are all."""
        now, tz = ctx.now, self.tz
        open_only = not (include_all or status)
        if needle:  # every title is read: build the tasks from the table at once
            snapshot.tasks(open_only)
        every = snapshot.table.facts(open_only)
        if client_id is None and tag is None and status is None and not needle:
            # The inbox as it opens (`va list`): only a waiting task can be hidden.
            chosen = every
            if not include_all:
                chosen = [f for f in every if f.status != "waiting" or not is_hidden(f, now, tz)]
        else:
            chosen = []
            for facts in every:
                if client_id is not None and (facts.client or NO_CLIENT) != client_id:
                    continue
                if tag is not None and tag not in facts.tags:
                    continue
                if status is not None:
                    if effective_status(facts, now, tz) != status:
                        continue
                elif not include_all and is_hidden(facts, now, tz):
                    continue
                if needle:
                    task = snapshot.task(facts.id)
                    if needle not in task.title.casefold() and needle not in task.notes.casefold():
                        continue
                chosen.append(facts)
        from vaworkspace.domain.tasks.urgency import rank_facts

        ranked = rank_facts(chosen, ctx, self._score_cache(ctx), first=first)
        return len(chosen), ranked, len(ranked) == len(chosen)

    def _score_cache(self, ctx: UrgencyContext) -> dict[int, tuple[object, float]]:
        """Scores by task id, valid while the moment and the settings are the same."""
        key = (ctx.now, tuple(sorted(ctx.client_weights.items())), ctx.coefficients, ctx.work)
        if self._scores is None or self._scores[0] != key:
            self._scores = (key, {})
        return self._scores[1]

    def why(self, task_id: int) -> Why:
        """The task's urgency terms (name, value, reason) and its total."""
        from vaworkspace.service.results import Why

        snapshot = self.snapshot()
        task = snapshot.task(task_id)
        from vaworkspace.domain.tasks.urgency import terms

        found = terms(task, self.context(snapshot))
        return Why(task, tuple(found), round(sum(t.value for t in found), 6))

    def at_risk_test(self) -> Callable[[Task], bool]:
        """Whether a task no longer fits before its deadline (or is past it), as
        of this minute: `va list`'s `!`. One context for every task asked, so
        the inbox asks only for the rows it draws, each deadline counted once."""
        from vaworkspace.domain.tasks.urgency import at_risk

        ctx = self.context()
        return lambda task: at_risk(task, ctx)

    def risk_of(self, task: Task) -> str | None:
        """Why `task` is at risk as of this minute (`va why`'s reason, "no longer
        fits: 8m short"), or None when it still fits or has no deadline."""
        if task.due is None or not task.is_open:
            return None
        if not task.estimate_minutes:  # no work to fit: only a passed deadline is a risk,
            # and that needs no working-hours clock (`va add` imports none)
            if not is_overdue(task.due, self.now(), self.tz):
                return None
            from vaworkspace.domain.tasks.urgency_reasons import passed

            return passed()
        from vaworkspace.domain.tasks.urgency import at_risk, risk_reason

        ctx = self.context()
        return risk_reason(task, ctx) if at_risk(task, ctx) else None

    def fits(self, tasks: list[Task]) -> dict[int, tuple[bool, int | None]]:
        """Task id → (at risk, slack): whether each task no longer fits before its
        deadline, and its working minutes left minus its estimate (None: no
        deadline), as of this minute (`context`). One context for all: each
        deadline is counted once."""
        from vaworkspace.domain.tasks.urgency import at_risk, slack_of

        ctx = self.context()
        return {task.id: (at_risk(task, ctx), slack_of(task, ctx)) for task in tasks}

    def status_of(self, task: Task, now: datetime | None = None) -> str:
        return effective_status(task, now or self.now(), self.tz)

    def hidden(self, task: Task) -> bool:
        return is_hidden(task, self.now(), self.tz)

    def triage_queue(self) -> list[Task]:
        """Open tasks still to sort (`domain.tasks.triage.needs_triage`), most urgent first."""
        from vaworkspace.domain.tasks.triage import needs_triage

        return [task for _, task in self.ranked() if needs_triage(task)]

    def open_counts(self) -> dict[str, int]:
        """Open, visible tasks per client id (`NO_CLIENT` for tasks without a client).

        Kept per snapshot for a minute (a wait date may pass): the TUI's sidebar
        asks on every keystroke of a search.
        """
        snapshot = self.snapshot()
        now = self.now()
        minute = int(now.timestamp() // 60)
        if snapshot.counts is None or snapshot.counts[0] != minute:
            facts = snapshot.table.facts(open_only=True)
            visible = (f for f in facts if not is_hidden(f, now, self.tz))
            snapshot.counts = (minute, count_by_client(visible))
        return snapshot.counts[1]
