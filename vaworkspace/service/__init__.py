"""The one application API: every use case of the CLI and the TUI, once.

`Workspace` is composed of small sub-services that share one `Context` (the
file, the settings, the zone, the clock and the cached snapshot):

    ws = Workspace.open(path, config)
    ws.tasks          add, edit, update, complete, wait, remove, get, import_taskwarrior
    ws.inbox          ranked open tasks, why, triage queue, counts, retainer use
    ws.clients        all, get, add, edit, archive
    ws.time           the focus timer, time entries, reports, timesheets
    ws.calendar       iCalendar import and export, stored events
    ws.agenda         days with their free slots, work blocks
    ws.plan           the ranked inbox placed into free time (`va plan`)
    ws.subscriptions  followed calendars and `va sync`
    ws.accounts       CalDAV accounts, their collections and which client each is for
    ws.dav            two-way sync with those collections (`va sync`)
    ws.publishing     the `[[publish]]` files
    ws.preferences    small values kept in the file (the theme)
    ws.undo           the last change, undone (and redone)

A sub-service that needs another is given it when built (the time service
resolves clients through `ws.clients`), never by calling into a sibling's
private methods. Each is built on first use, so a command imports only the
modules of the use cases it runs.

Reads go through the cached snapshot (no lock: a reader sees either the old
file or the new one, never half of one, because writes are atomic renames);
changes happen only inside `WorkspaceFile.transaction()`, which locks,
re-reads if needed and writes exactly once. Rules live in `domain/`.
"""

from __future__ import annotations

from functools import cached_property

from vaworkspace.config import Config
from vaworkspace.service.context import Clock, Context, Service
from vaworkspace.service.snapshot import Added, Completion, Snapshot, new_uuid, utcnow

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.domain.tasks.imports import ImportSummary
    from vaworkspace.service.accounts import AccountService
    from vaworkspace.service.agenda import AgendaService
    from vaworkspace.service.calendar import CalendarImport, CalendarService
    from vaworkspace.service.clients import ClientService
    from vaworkspace.service.dav_sync import DavSync
    from vaworkspace.service.plan import PlanService
    from vaworkspace.service.preferences import Preferences
    from vaworkspace.service.publishing import PublishService
    from vaworkspace.service.reading import Inbox
    from vaworkspace.service.subscriptions import SubscriptionService
    from vaworkspace.service.tasks import TaskService
    from vaworkspace.service.time import TimeService
    from vaworkspace.service.today import Today
    from vaworkspace.service.undo import UndoService

__all__ = ["Added", "Completion", "Context", "Snapshot", "Workspace", "new_uuid", "utcnow"]


class Workspace(Service):
    """A workspace file plus the user's settings and a clock (injectable for tests).

    It is a `Service` over the context its sub-services share, so `ws.file`,
    `ws.tz`, `ws.now()` and `ws.snapshot()` mean what they mean inside each of them.
    """

    def __init__(self, path: str, config: Config | None = None, clock: Clock | None = None):
        super().__init__(Context(path, config, clock))
        if self.config.publish:
            _ = self.publishing  # notes every change from the first one on

    @classmethod
    def open(cls, path: str, config: Config | None = None, clock: Clock | None = None) -> Workspace:
        """The workspace at `path` (created on the first change if missing)."""
        return cls(path, config, clock)

    def fill_demo(self) -> None:
        """Write the demo week into an empty workspace (`va --demo`): clients, tasks,
        this week's time, then the clients' calendars and a work block."""
        from vaworkspace.service.demo import fill_demo
        from vaworkspace.service.demo_calendar import fill_demo_calendar

        fill_demo(self.ctx)
        fill_demo_calendar(self, self.tz)

    # -- the sub-services, each built on first use ------------------------------------

    @cached_property
    def clients(self) -> ClientService:
        from vaworkspace.service.clients import ClientService

        return ClientService(self.ctx)

    @cached_property
    def tasks(self) -> TaskService:
        from vaworkspace.service.tasks import TaskService

        return TaskService(self.ctx, planner=lambda: self.plan)

    @cached_property
    def inbox(self) -> Inbox:
        from vaworkspace.service.reading import Inbox

        return Inbox(self.ctx, self.clients)

    @cached_property
    def time(self) -> TimeService:
        from vaworkspace.service.time import TimeService

        return TimeService(self.ctx, self.clients)

    @cached_property
    def today(self) -> Today:
        from vaworkspace.service.today import Today

        return Today(self.ctx, self.time, self.inbox)

    def import_file(
        self,
        data: bytes,
        name: str,
        client: str | None = None,
        dry_run: bool = False,
        theirs: bool = False,
    ) -> CalendarImport | ImportSummary:
        """An import file as its content says (`inputs.looks_like_calendar`): an
        iCalendar file into the calendar, anything else as a Taskwarrior export."""
        from vaworkspace.service.inputs import looks_like_calendar

        if looks_like_calendar(data, name):
            return self.calendar.import_file(data, name, client, dry_run, theirs)
        return self.tasks.import_taskwarrior(data, name, dry_run=dry_run)

    @cached_property
    def calendar(self) -> CalendarService:
        from vaworkspace.service.calendar import CalendarService

        return CalendarService(self.ctx, self.clients, self.time, planner=lambda: self.plan)

    @cached_property
    def agenda(self) -> AgendaService:
        from vaworkspace.service.agenda import AgendaService

        return AgendaService(self.ctx, self.clients, self.inbox)

    @cached_property
    def plan(self) -> PlanService:
        from vaworkspace.service.plan import PlanService

        return PlanService(self.ctx, self.inbox, self.agenda)

    @cached_property
    def subscriptions(self) -> SubscriptionService:
        from vaworkspace.service.subscriptions import SubscriptionService

        return SubscriptionService(self.ctx, self.calendar)

    @cached_property
    def accounts(self) -> AccountService:
        from vaworkspace.service.accounts import AccountService

        return AccountService(self.ctx)

    @cached_property
    def dav(self) -> DavSync:
        from vaworkspace.service.dav_sync import DavSync

        return DavSync(self.ctx, self.accounts, planner=lambda: self.plan)

    @cached_property
    def publishing(self) -> PublishService:
        from vaworkspace.service.publishing import PublishService

        return PublishService(self.ctx)

    @cached_property
    def preferences(self) -> Preferences:
        from vaworkspace.service.preferences import Preferences

        return Preferences(self.ctx)

    @cached_property
    def undo(self) -> UndoService:
        from vaworkspace.service.undo import UndoService

        return UndoService(self.ctx)
