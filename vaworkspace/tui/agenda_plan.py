"""The agenda's `P`: plan the day shown, see the proposal, accept, plan again or clear.

`P` asks the service for a proposal (`ws.plan.preview`: the whole inbox is
ranked and the day planned) in a thread worker, so the screen keeps answering
keys while it is made; the day view then shows the proposed blocks (◇) in
place of the day's planned ones, and the side panel lists them with the tasks
at risk and why. While a proposal is shown the footer holds its keys only:
`a` writes it as proposed (`ws.plan.accept_preview`, refused if the day changed
since), `P` plans again, `X` clears the day's planned blocks, esc goes back.
Blocks booked by hand are never moved: the service plans around them.

The writes are key actions, so a refusal (a busy file, a day that changed)
goes through the app's one error boundary (`VaApp.run_action`); the worker only
reads, and hands a refusal to the same notice (`show_problem`). A proposal
shown while the workspace changes (an import in another terminal, a task done)
is made again, so what `a` writes is never older than what is on screen.
"""

from __future__ import annotations

from datetime import date

from textual.binding import Binding
from textual.content import Content

from vaworkspace.display import safe
from vaworkspace.domain.calendar.agenda import clock
from vaworkspace.errors import PlanOutdated, VaError, WorkspaceBusy
from vaworkspace.i18n import N_, _, ngettext
from vaworkspace.plan_text import outdated
from vaworkspace.service.plan import PlanPreview, proposed_uid
from vaworkspace.tui.agenda_layout import CLASH, MUTED
from vaworkspace.tui.agenda_words import french, short_day, span
from vaworkspace.tui.screen_base import WorkspaceScreen
from vaworkspace.tui.typed_app import va_app

SIDE_WIDTH = 25
"""The side panel's text width (`#side`) before its first layout."""
PLAN_BINDINGS = [
    Binding(
        "P", "plan", N_("Plan"), tooltip=N_("Plan the day shown (again): a proposal to accept")
    ),
    Binding("a", "accept_plan", N_("Accept"), tooltip=N_("Write the proposed plan (u undoes)")),
    Binding("X", "clear_plan", N_("Clear"), tooltip=N_("Remove the day's planned blocks")),
    Binding("escape", "drop_plan", N_("Back"), tooltip=N_("Leave the proposal, write nothing")),
]


class PlanningScreen(WorkspaceScreen):
    """The base of `AgendaScreen`: `proposal`, the `P` worker and the plan keys
    (their bindings are `PLAN_BINDINGS`, placed by the agenda in its footer)."""

    kind: str  # "day" or "week"
    shown_day: date | None
    plans: list
    proposal: PlanPreview | None = None
    planning: date | None = None  # the day a worker is planning, if any
    _round = 0  # the latest request: an older worker's answer is dropped

    @property
    def today(self) -> date:
        return self.ws.now().astimezone(self.ws.tz).date()

    def repaint_day(self) -> None:
        """Paint the day view from `plans` (no reload)."""
        raise NotImplementedError

    def plan_allows(self, action: str) -> bool | None:
        """`check_action` for the plan: a proposal hides every other key (False);
        P plans the day view only (greyed in the week view)."""
        shown = self.proposal is not None
        if action in ("accept_plan", "clear_plan", "drop_plan"):
            return shown
        if action == "plan":
            return None if self.kind != "day" else True
        return not shown

    def action_plan(self) -> None:
        """P: propose a plan of the day shown, made in a worker thread."""
        if self.kind != "day":
            return
        day = self.shown_day or self.today
        self._round += 1
        self.planning = day
        self._paint_plan_side()
        ws, app, round_ = self.ws, va_app(self), self._round

        def run() -> None:  # in the worker thread: reads only
            outcome: object
            try:
                outcome = ws.plan.preview(day)
            except VaError as refusal:
                outcome = refusal
            except Exception as error:  # a bug: said, and the agenda usable again
                outcome = VaError(_("planning failed: {error}").format(error=repr(error)))
            app.call_from_thread(self._proposed, round_, day, outcome)

        self.run_worker(run, name="plan", group="plan", thread=True, exit_on_error=False)

    def _proposed(self, round_: int, day: date, outcome: object) -> None:
        """Back on the event loop: show the proposal (unless a newer P, a move
        to another day or esc made it moot)."""
        if round_ != self._round or self.planning != day:
            return
        self.planning = None
        if isinstance(outcome, VaError):
            va_app(self).show_problem(outcome)
            self._paint_plan_side()
            return
        assert isinstance(outcome, PlanPreview)
        self.proposal = outcome
        self.show_proposal()

    def show_proposal(self) -> None:
        """The proposal's day in the day view, its blocks and risks beside it."""
        assert self.proposal is not None
        self.plans = [self.proposal.agenda]
        self.repaint_day()
        self.refresh_bindings()

    def action_accept_plan(self) -> None:
        """a: write the proposal as shown; a day changed since is refused (the
        boundary says so) and planned again."""
        if self.proposal is None:
            return
        proposal = self.proposal
        try:
            result = self.ws.plan.accept_preview(proposal)
        except WorkspaceBusy:
            raise  # the day did not change: the app waits for the lock and tries again
        except PlanOutdated as refused:
            self.action_plan()  # what the refusal says: plan it again
            raise outdated(refused) from None
        except VaError:
            self.action_plan()
            raise
        self.proposal = None
        count, day = len(result.blocks), short_day(result.first, self.ws.now(), self.ws.tz)
        text = ngettext(
            "Planned {count} block on {day} — u undoes",
            "Planned {count} blocks on {day} — u undoes",
            count,
        )
        self.app.notify(text.format(count=count, day=day), markup=False)
        self.reread()

    def action_clear_plan(self) -> None:
        """X: remove the planned blocks of the day shown (booked ones stay)."""
        day = self.proposal.result.first if self.proposal else None
        gone = self.ws.plan.clear(day)
        self.proposal = None
        self.planning = None
        text = ngettext(
            "Removed {count} planned block — u undoes",
            "Removed {count} planned blocks — u undoes",
            gone,
        )
        self.app.notify(text.format(count=gone), markup=False)
        self.reread()

    def action_drop_plan(self) -> None:
        """esc: back to the day as stored, nothing written."""
        self.proposal = None
        self.planning = None
        self._round += 1
        self.reread()

    def proposed_uids(self) -> frozenset[str]:
        """The uids the day view draws as proposed (◇)."""
        if self.proposal is None:
            return frozenset()
        return frozenset(proposed_uid(n) for n in range(len(self.proposal.result.blocks)))

    def plan_side(self) -> Content | None:
        """The side panel while planning or proposing; None: the usual one."""
        if self.planning is not None and self.proposal is None:
            return Content.styled(_("Planning…"), MUTED)
        if self.proposal is None:
            return None
        tz, result = self.ws.tz, self.proposal.result
        minutes = sum(block.minutes for block in result.blocks)
        count = len(result.blocks)
        heading = ngettext("Plan  {count} block · {span}", "Plan  {count} blocks · {span}", count)
        lines = [Content.styled(heading.format(count=count, span=span(minutes)), "bold")]
        for block in result.blocks:
            title = safe(result.titles.get(block.task, ""))
            lines.append(
                Content.assemble(
                    f"{clock(block.start, tz)}–{clock(block.end, tz)} ",
                    (f"#{block.task} ", MUTED),
                    title,
                )
            )
        if not result.blocks:
            lines.append(Content.styled(_("no open task fits"), MUTED))
        if result.at_risk:
            lines += [Content(""), Content.styled(_("⚠ at risk"), CLASH)]
            for risk in result.at_risk:
                lines += self._risk_lines(risk)
        keys = _("a accept · P again · esc").splitlines()  # French needs two lines
        lines += [Content(""), *(Content.styled(line, MUTED) for line in keys)]
        return Content("\n").join(lines)

    def _risk_lines(self, risk) -> list[Content]:
        """`#1 overdue since Thu 26 Nov 00:00`, cut to the panel in English as it
        always was; French, longer, goes on over the next lines."""
        from vaworkspace.plan_text import risk_reason

        reason = safe(risk_reason(risk, self.ws.tz, self.ws.now()))
        head = f"#{risk.task} "
        width = self.query_one("#side").content_size.width or SIDE_WIDTH
        if not french() or len(head) + len(reason) <= width:
            return [Content.assemble((head, MUTED), reason)]
        import textwrap

        wrapped = textwrap.wrap(
            reason, width, initial_indent=" " * len(head), subsequent_indent="  "
        )
        first = Content.assemble((head, MUTED), wrapped[0][len(head) :])
        return [first, *(Content(line) for line in wrapped[1:])]

    def _paint_plan_side(self) -> None:
        """Say "Planning…" (or the usual panel back) without a reload."""
        if self.kind == "day" and self.plans:
            self.repaint_day()
