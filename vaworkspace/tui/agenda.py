"""Agenda: the day's events, work blocks and free slots; the week at a glance.

`ws.agenda.days` sorts each local day into all-day items, timed items, tasks due,
free slots and clashes (the rules are in `domain/calendar/agenda.py`); this module only
places them (drawn by `agenda_layout.py`). Enter books a task into the chosen
free slot through `ws.agenda.schedule_block`, which refuses a clash.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from vaworkspace.display import safe
from vaworkspace.domain.calendar.agenda import block_minutes, clock
from vaworkspace.domain.dates import day_start
from vaworkspace.errors import VaError
from vaworkspace.formats import fit
from vaworkspace.i18n import N_, _, ngettext
from vaworkspace.tui.agenda_layout import CHOSEN, CLASH, MUTED, Canvas, DayLayout, WeekLayout
from vaworkspace.tui.agenda_plan import PLAN_BINDINGS, PlanningScreen
from vaworkspace.tui.agenda_words import (
    block_length,
    block_when,
    free_time,
    short_day,
    slot_label,
    title_day,
    week_day,
)
from vaworkspace.tui.block_prompt import BlockPrompt
from vaworkspace.tui.key_footer import KeyFooter
from vaworkspace.tui.number_prompt import NumberPrompt
from vaworkspace.tui.widgets import TopBar

BLOCK_DAYS = 14
"""How far ahead `m` and `x` offer booked blocks."""
BLOCK_KEYS = Binding.Group(N_("Block"))
"""`⏎ m x Block` in the footer: one label for book, move and unbook, so the
keys fit 80 columns."""
MOVE_KEYS = Binding.Group(N_("Move"))
"""`h l Move` in the footer: a day (a week) back or on, under one label."""


class BookSlot(NumberPrompt):
    """Which task goes into a free slot: a task id, with the tasks that fit as a hint.
    A refusal (a clash, no such task) stays in the prompt, to fix and retry."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", N_("Cancel"), tooltip=N_("Close without booking"))
    ]
    INPUT_ID = "task-id"
    PLACEHOLDER = N_("task id, then enter (esc: cancel)")
    RESTRICT = r"#?[0-9]*"
    EMPTY = N_("type the id of a task, like one of those above")

    def __init__(self, ws, slot: tuple[datetime, datetime]) -> None:
        super().__init__()
        self.ws, self.slot = ws, slot
        self.fits = ws.agenda.slot_tasks(slot)  # read in the key's action: see FormScreen.load

    def heading(self) -> str:
        tz, day = self.ws.tz, self.slot[0].astimezone(self.ws.tz).date()
        when = short_day(day, self.ws.now(), tz)
        return _("Book free {slot} on {day}").format(slot=slot_label(self.slot, tz), day=when)

    def hint(self) -> list:
        fits = self.fits
        hint: list = [
            (_("Tasks that fit, most urgent first:") if fits else _("No task fits."), MUTED)
        ]
        for task in fits:
            who = f"@{safe(task.client)}" if task.client else ""
            title = safe(task.title)
            hint += ["\n", (f"#{task.id:<4}", "bold"), f"{fit(title, 29, pad=True)} "]
            hint.append(f"{fit(who, 13, pad=True)} ")
            hint.append((block_length(block_minutes(task)), MUTED))
        return hint

    def act(self, number: int) -> object:
        return self.ws.agenda.schedule_block(number, self.slot[0])


class AgendaScreen(PlanningScreen):
    """Today by default: h and l move, v switches day and week, enter books a slot,
    P plans the day (`agenda_plan.py`)."""

    HELP_TITLE = N_("Agenda")
    # French at 80 columns: away from today, the title says `T : aujourd'hui`.
    TRANSLATED_FOOTER_OMITS = ("move(0)",)
    BINDINGS = [
        Binding(
            "h",
            "move(-1)",
            N_("Prev"),
            tooltip=N_("The previous day (week view: week)"),
            group=MOVE_KEYS,
        ),
        Binding(
            "l",
            "move(1)",
            N_("Next"),
            tooltip=N_("The next day (week view: week)"),
            group=MOVE_KEYS,
        ),
        Binding("v", "toggle_view", N_("View"), tooltip=N_("Switch between the day and the week")),
        Binding("T", "move(0)", N_("Today"), tooltip=N_("Back to today")),
        Binding(
            "j,down", "select(1)", N_("Slot"), show=False, tooltip=N_("Select the next free slot")
        ),
        Binding(
            "k,up", "select(-1)", N_("Slot"), show=False, tooltip=N_("Select the previous slot")
        ),
        Binding(
            "enter",
            "book",
            N_("Book"),
            tooltip=N_("Book a task into the selected free slot"),
            group=BLOCK_KEYS,
        ),
        Binding(
            "m",
            "move_block",
            N_("Move"),
            tooltip=N_("Move a booked block into the selected free slot"),
            group=BLOCK_KEYS,
        ),
        Binding(
            "x",
            "remove_block",
            N_("Unbook"),
            tooltip=N_("Remove a booked work block"),
            group=BLOCK_KEYS,
        ),
        Binding("I", "app.import_file", N_("Import"), tooltip=N_("Import .ics or Taskwarrior")),
        *PLAN_BINDINGS,
    ]
    DEFAULT_CSS = """
    AgendaScreen #title, AgendaScreen #allday { height: 1; padding: 0 1; text-wrap: nowrap;
        text-overflow: ellipsis; }
    AgendaScreen #body { height: 1fr; }
    AgendaScreen #day { width: 1fr; height: 1fr; padding-left: 1; }
    AgendaScreen #side { width: 28; height: 1fr; padding: 0 1; border-left: solid $panel;
        text-wrap: nowrap; text-overflow: ellipsis; }
    AgendaScreen.-narrow #side { width: 22; }
    AgendaScreen #week { height: 1fr; padding: 0 1; display: none; }
    AgendaScreen.-week #body { display: none; }
    AgendaScreen.-week #week { display: block; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.kind = "day"
        # The day shown (a day of the week shown); None: today. Not `anchor`: that
        # name is a Textual Widget method.
        self.shown_day: date | None = None
        self.selected = 0
        self.plans: list = []
        self.colours: dict[str, str] = {}
        self._loaded: tuple = ()  # (today, quarter hour) when the free slots were computed
        self._warned: set[str] = set()

    @property
    def free(self) -> list:
        return self.plans[0].free if self.kind == "day" and self.plans else []

    def compose(self) -> ComposeResult:
        yield TopBar()
        yield Static("", id="title")
        yield Static("", id="allday")
        with Horizontal(id="body"):
            yield Canvas(id="day")
            yield Static("", id="side")
        yield Canvas(id="week")
        yield KeyFooter(compact=True)

    def refresh_bar(self) -> None:
        """The app's one-second tick: the top bar, and the agenda again once a
        quarter hour has passed (free slots start from now)."""
        self.query_one(TopBar).show(self.ws, "Agenda")
        if self._loaded != (self.today, int(self.ws.now().timestamp()) // 900):
            self.reload()

    def reload(self) -> None:
        self._loaded = (self.today, int(self.ws.now().timestamp()) // 900)
        self.query_one(TopBar).show(self.ws, "Agenda")
        day = self.shown_day or self.today
        if self.kind == "week":
            day -= timedelta(days=day.weekday())
        try:
            self.plans, warnings = self.ws.agenda.days(day, 7 if self.kind == "week" else 1)
        except VaError as problem:
            self.app.notify(str(problem), severity="error", markup=False)
            return
        for warning in sorted(set(warnings) - self._warned):  # once each, not every second
            self.app.notify(warning, severity="warning", markup=False)
        self._warned |= set(warnings)
        self.colours = {
            c.id: c.color for c in self.ws.clients.all(include_archived=True) if c.color
        }
        self.selected = min(self.selected, max(0, len(self.free) - 1))
        self.set_class(self.kind == "week", "-week")
        self.query_one("#title", Static).update(self._title())
        self.query_one("#allday").display = self.kind == "day" and bool(self.plans[0].all_day)
        if self.proposal is not None:
            if self.proposal.result.first != day or self.kind != "day":
                self.proposal = None  # not the day shown: gone
            else:
                self.plans = [self.proposal.agenda]
                self.action_plan()  # the workspace may have changed: propose afresh
        if self.kind == "week":
            week = self.query_one("#week", Canvas)
            week.paint = WeekLayout(self.plans, self.ws.tz, self.today, self.colours)
            week.refresh()
        else:
            self.repaint_day()
        self.refresh_bindings()

    def repaint_day(self) -> None:
        plan, ws = self.plans[0], self.ws
        allday = self.query_one("#allday", Static)
        parts: list = [(_("all day") + " ", MUTED)]
        for item in plan.all_day:
            colour = self.colours.get(item.client) or "$accent"
            parts += [("▌", colour), safe(item.title), "  "]
        allday.update(Content.assemble(*parts))
        grid = self.query_one("#day", Canvas)
        grid.paint = DayLayout(
            plan, ws.tz, ws.config.work, self.colours, self.selected, ws.now(), self.proposed_uids()
        )
        grid.refresh()
        self.query_one("#title", Static).update(self._title())
        self.query_one("#side", Static).update(self.plan_side() or self._side(plan))

    def _title(self) -> Content:
        """`Tue 01 Dec 2026  today · 5 events · 2h30 free · ⚠ 2 in conflict`. The
        `today` (`T: today`) goes first when the line would be cut: the top bar
        says the date, the footer T (French is longer)."""
        first, now, tz = self.plans[0].day, self.ws.now(), self.ws.tz
        here = first <= self.today <= self.plans[-1].day
        if self.kind == "week":
            name, back = _("Week of {day}").format(day=week_day(first, now, tz)), _("this week")
        else:
            name, back = title_day(first, now, tz), _("today")
        events = sum(len(plan.timed) + len(plan.all_day) for plan in self.plans)
        clashes = sum(len(plan.conflicts) for plan in self.plans)
        counted = ngettext("{count} event", "{count} events", events).format(count=events)
        parts: list = [(" · ", MUTED), counted]
        parts += [(" · ", MUTED), free_time(sum(plan.free_minutes for plan in self.plans))]
        if clashes:
            clash = ngettext("⚠ {count} in conflict", "⚠ {count} in conflict", clashes)
            parts += [(" · ", MUTED), (clash.format(count=clashes), CLASH)]
        if self.proposal is not None:
            parts += [(" · ", MUTED), (_("proposal"), CHOSEN)]
        where = "  " + (back if here else _("T: {back}").format(back=back))
        title = Content.assemble((name, "bold"), (where, MUTED), *parts)
        if title.cell_length > self.app.size.width - 2:  # the #title's padding
            return Content.assemble((name, "bold"), *parts)
        return title

    def _side(self, plan) -> Content:
        """Tasks due that day, the free slots (the chosen one marked), the clashes."""
        tz = self.ws.tz
        lines = [Content.styled(_("Due today") if plan.day == self.today else _("Due"), "bold")]
        for item in plan.tasks:
            ident = f"#{item.task_id} " if item.task_id else ""
            lines.append(Content.assemble((ident, MUTED), safe(item.title)))
        if not plan.tasks:
            lines.append(Content.styled(_("nothing due"), MUTED))
        slots = ngettext("Free  {count} slot", "Free  {count} slots", len(plan.free))
        lines += [Content(""), Content.styled(slots.format(count=len(plan.free)), "bold")]
        for index, slot in enumerate(plan.free):
            mark, style = ("▶ ", CHOSEN) if index == self.selected else ("  ", "")
            lines.append(Content.styled(mark + slot_label(slot, tz), style))
        reason = _("day off") if not plan.working else _("none left in work hours")
        lines.append(Content.styled(_("j k · enter books") if plan.free else reason, MUTED))
        clashing = [item for item in plan.timed if item.uid in plan.conflicts]
        if clashing:
            lines += [Content(""), Content.styled(_("⚠ conflict"), CLASH)]
            lines += [Content(f"{clock(i.start, tz)} {safe(i.title)}") for i in clashing]
        return Content("\n").join(lines)

    # -- actions ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Slots are picked and booked in the day view only (greyed when none);
        a proposed plan leaves its own keys only (`plan_allows`)."""
        allowed = self.plan_allows(action)
        if not allowed:
            return allowed
        if action in ("select", "book", "move_block"):
            return None if self.kind == "day" and not self.free else self.kind == "day"
        return True

    def action_move(self, step: int) -> None:
        """h and l: a day (a week) back or on; T (step 0): today."""
        days = step * (7 if self.kind == "week" else 1)
        self.shown_day = (self.shown_day or self.today) + timedelta(days=days) if step else None
        self.selected = 0
        self.reload()

    def action_toggle_view(self) -> None:
        self.kind = "week" if self.kind == "day" else "day"
        self.selected = 0
        self.reload()

    def action_select(self, step: int) -> None:
        if self.free:
            self.selected = min(len(self.free) - 1, max(0, self.selected + step))
            self.repaint_day()

    def action_book(self) -> None:
        if not self.free:
            return
        self.app.push_screen(BookSlot(self.ws, self.free[self.selected]), self._booked)

    def _booked(self, block) -> None:
        if block is not None:  # None: the prompt was closed with esc
            text = _("Booked #{task} {title} {when}")
            when = self._when(block)
            self.app.notify(
                text.format(task=block.task, title=block.summary, when=when), markup=False
            )
            self.reload()

    def action_move_block(self) -> None:
        """m: a block (of the coming two weeks) into the selected free slot."""
        if not self.free:
            return
        slot = self.free[self.selected]
        day = short_day(slot[0].astimezone(self.ws.tz).date(), self.ws.now(), self.ws.tz)
        heading = _("Move a block to free {slot} on {day}").format(
            slot=slot_label(slot, self.ws.tz), day=day
        )
        prompt = BlockPrompt(
            self.ws, heading, self._blocks(), lambda i: self.ws.agenda.move_block(i, slot[0])
        )
        moved = N_("Moved the block of {title} {when} — u undoes")
        self.app.push_screen(prompt, lambda block: self._changed(block, moved))

    def action_remove_block(self) -> None:
        """x: remove a block (of the two weeks from the day shown)."""
        prompt = BlockPrompt(
            self.ws, _("Remove a work block"), self._blocks(), self.ws.agenda.remove_block
        )
        removed = N_("Removed the block of {title} {when} — u undoes")
        self.app.push_screen(prompt, lambda block: self._changed(block, removed))

    def _blocks(self) -> list:
        """The blocks offered: two weeks from the first day shown (read in the key's
        action, under the app's error boundary)."""
        first = self.plans[0].day if self.plans else self.today
        start = day_start(first, self.ws.tz)
        return self.ws.agenda.blocks(start, start + timedelta(days=BLOCK_DAYS))

    def _changed(self, block, done: str) -> None:
        """`done`: the notice's message (`N_`), with the block's title and when."""
        if block is not None:  # None: the prompt was closed with esc
            text = _(done).format(title=block.summary, when=self._when(block))
            self.app.notify(text, markup=False)
            self.reread()

    def _when(self, block) -> str:
        """`tomorrow 09:00–09:45`: the block's day and hours, as the inbox says dates
        (`demain, 9 h–9 h 45`)."""
        return block_when(block.start, block.end, self.ws.now(), self.ws.tz)
