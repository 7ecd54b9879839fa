"""Files in and out from the TUI: import an .ics or a Taskwarrior export, export a
calendar, write a client's timesheet CSV.

Each is a form (a path and what `va import`, `va export` and `va report --csv`
take as options) whose work runs in a thread worker: a large calendar or a
10,000-task export is read, converted and written while the screen keeps
answering keys, with a progress bar and the step under way. The work is the
CLI's: the same service calls (`ws.import_file`, `ws.calendar.export`,
`ws.time.timesheet`) and the same readers and writers (`service.inputs`,
`service.files`), so a missing or unreadable file, a bad date or an unknown
client is the CLI's one-line message, shown under the fields with the text
still there, and the workspace file is left as it was.

The worker belongs to the app, not the form: esc closes the form, the work goes
on, and its result still arrives as a notice.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from textual.app import ComposeResult
from textual.widgets import ProgressBar, Static

from vaworkspace.display import safe
from vaworkspace.errors import InputError, VaError
from vaworkspace.i18n import N_, _
from vaworkspace.tui.form import FormScreen
from vaworkspace.tui.typed_app import va_app

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App

    from vaworkspace.service import Workspace
    from vaworkspace.tui.app import VaApp

    Step = Callable[[str], None]
    """Says which step the work reached (called from the worker thread)."""
    _App = App[None]  # what the mixin is mixed into, for the type checker
else:
    _App = object

NOTICE_LINES = 8
"""An import summary longer than this (many warnings) is cut, with a count of the rest."""


@dataclass(frozen=True)
class Done:
    """What a job ended with: its notice, or the refusal (the CLI's one line) to show."""

    notice: str = ""
    problem: str | None = None


class FileJobForm(FormScreen):
    """A form whose Save starts `work(texts, step)` in a thread worker.

    `STEPS` is how many times the work calls `step`; the bar advances once per
    call and the text beside it says what is being done."""

    STEPS = 2
    DEFAULT_CSS = """
    FileJobForm #progress { height: auto; display: none; }
    FileJobForm.-running #progress { display: block; }
    FileJobForm #step { height: 1; color: $text-muted; }
    """

    running = False

    def values(self) -> dict[str, str]:
        return {}

    def extra(self) -> ComposeResult:
        from textual.containers import Vertical

        with Vertical(id="progress"):
            yield ProgressBar(total=self.STEPS, show_eta=False)
            yield Static("", id="step", markup=False)

    def work(self, ws: Workspace, texts: dict[str, str], step: Step) -> str:
        """The job, in the worker thread; returns the notice to show."""
        raise NotImplementedError

    async def action_save(self) -> None:
        if self.running:
            return  # one job per form: a second Enter waits for the first
        self.running = True
        self.add_class("-running")
        self.show_problem(None)
        self.query_one(ProgressBar).update(progress=0)
        texts, app = self.texts(), va_app(self)

        def step(what: str) -> None:
            app.call_from_thread(self._show_step, what)

        def run() -> None:  # in the worker thread
            try:
                outcome = Done(notice=self.work(app.ws, texts, step))
            except VaError as refusal:
                outcome = Done(problem=str(refusal))
            except Exception as error:  # a bug: said, and the form usable again
                failed = _("{job} failed: {error}").format(job=self.title_text(), error=repr(error))
                outcome = Done(problem=failed)
            app.call_from_thread(self._finished, app, outcome)

        app.run_worker(run, name=type(self).__name__, group="files", thread=True)

    def _show_step(self, what: str) -> None:
        if self.is_attached:
            self.query_one(ProgressBar).advance(1)
            self.query_one("#step", Static).update(safe(what))

    def _finished(self, app: VaApp, outcome: Done) -> None:
        """Back on the event loop: the notice, or the refusal beside the fields
        (as a notice if esc closed the form meanwhile)."""
        from vaworkspace.tui.screen_base import WorkspaceScreen

        self.running = False
        if outcome.problem is not None:
            if self.is_attached:
                self.remove_class("-running")
                self.show_problem(outcome.problem)
            else:
                app.notify(outcome.problem, severity="error", markup=False)
            return
        app.notify(outcome.notice, markup=False, timeout=8)
        if self.is_attached:
            self.dismiss(True)  # the screen beneath reloads when it is shown again
        elif isinstance(app.screen, WorkspaceScreen):
            app.screen.reread()

    def action_cancel(self) -> None:
        if self.running:
            self.app.notify(_("Still working: the result will come as a notice"), markup=False)
        self.dismiss(False)


class ImportForm(FileJobForm):
    """`va import FILE [--client C]`: a calendar or a Taskwarrior export, by content."""

    FIELDS = (
        ("path", N_("File"), N_("agenda.ics, or tasks.json from `task export`")),
        ("client", N_("Client"), N_("calendars: whose events they are (optional)")),
    )

    def title_text(self) -> str:
        return _("Import an .ics calendar or a Taskwarrior export")

    def work(self, ws: Workspace, texts: dict[str, str], step: Step) -> str:
        from vaworkspace.service.inputs import read_import

        path = _path(texts["path"], _("type the path of the file to import"))
        step(_("Reading {path}…").format(path=path))
        data, name = read_import(path)
        step(_("Importing {size} bytes…").format(size=_size(len(data))))
        summary = ws.import_file(data, name, texts["client"].strip() or None)
        from vaworkspace.plan_text import summary_lines

        return cut_notice(summary_lines(summary), "va import --verbose")


class ExportForm(FileJobForm):
    """`va export [--client C] [--from D --to D] -o FILE`: tasks, events and time."""

    FIELDS = (
        ("path", N_("File"), N_("where to write the .ics")),
        ("client", N_("Client"), N_("only this client's (optional)")),
        ("first", N_("From"), N_("first day (optional): mon, 2026-12-01")),
        ("last", N_("To"), N_("last day, included (optional)")),
    )

    def values(self) -> dict[str, str]:
        return {"path": os.path.join(os.getcwd(), "vaworkspace.ics")}

    def title_text(self) -> str:
        return _("Export a calendar (.ics): tasks, events and logged time")

    def work(self, ws: Workspace, texts: dict[str, str], step: Step) -> str:
        from vaworkspace.service.files import write_private_file

        path = _path(texts["path"], _("type the path of the .ics file to write"))
        first, last = _day(ws, texts["first"]), _day(ws, texts["last"])
        start = end = None
        if first or last:
            start, end = ws.time.period("custom", first or last, last or first)
        step(_("Building the calendar…"))
        data = ws.calendar.export(texts["client"].strip() or None, start=start, end=end)
        step(_("Writing {path}…").format(path=path))
        write_private_file(path, data)  # 0600, atomic, as `va export -o`
        wrote = _("Wrote {path} ({size} bytes)")
        return wrote.format(path=os.path.abspath(path), size=_size(len(data)))


TIMESHEET_FILE = N_("timesheet-{client}-{first}.csv")
"""The file a timesheet goes to when none is typed, in the UI's language
(`timesheet-acme-2026-11-30.csv`, `releve-heures-acme-2026-11-30.csv`); the
form's placeholder names it from the same words."""


class TimesheetForm(FileJobForm):
    """`va report --csv --client C --from D --to D`, written to a file."""

    FIELDS = (
        ("client", N_("Client"), N_("whose timesheet (id or prefix)")),
        ("first", N_("From"), N_("first day: mon, 2026-12-01")),
        ("last", N_("To"), N_("last day, included")),
    )

    def fields(self) -> tuple[tuple[str, str, str], ...]:
        """The fields, and the file's: its placeholder is the default name with
        CLIENT and FROM in it, built where shown (the form translates it again,
        which leaves text that is no message as it is)."""
        name = _(TIMESHEET_FILE).format(client=_("CLIENT"), first=_("FROM"))
        return (*self.FIELDS, ("path", N_("File"), _("default: {file} here").format(file=name)))

    def __init__(self, first: date, last: date) -> None:
        super().__init__()
        self.period = (first, last)

    def values(self) -> dict[str, str]:
        return {"first": self.period[0].isoformat(), "last": self.period[1].isoformat()}

    def title_text(self) -> str:
        return _("A client's timesheet (CSV) for a period")

    def work(self, ws: Workspace, texts: dict[str, str], step: Step) -> str:
        from vaworkspace.service.files import write_private_file

        if not texts["client"].strip():
            raise InputError(_("a timesheet is for one client: type its id"))
        client = ws.clients.get(texts["client"].strip())
        first = _day(ws, texts["first"]) or self.period[0]
        last = _day(ws, texts["last"]) or first
        default = _(TIMESHEET_FILE).format(client=client.id, first=first.isoformat())
        path = texts["path"].strip() or default
        path = _path(path, _("type the path of the CSV file to write"))
        step(_("Adding up {name}'s time…").format(name=client.name))
        start, end = ws.time.period("custom", first, last)
        from vaworkspace.i18n import language
        from vaworkspace.locale_format import timesheet_style

        data = ws.time.timesheet(client.id, start, end, timesheet_style(language())).encode()
        step(_("Writing {path}…").format(path=path))
        write_private_file(path, data)
        wrote = _("Wrote {name}'s timesheet to {path} ({size} bytes)")
        return wrote.format(name=client.name, path=os.path.abspath(path), size=_size(len(data)))


def _path(text: str, missing: str) -> str:
    """A typed path with `~` expanded; an empty one is refused with `missing`,
    which names what the path is for."""
    text = text.strip()
    if not text:
        raise InputError(missing)
    return os.path.expanduser(text)


def _size(count: int) -> str:
    """`12,345` bytes; French `12 345` (a no-break space groups the thousands)."""
    from vaworkspace.i18n import language
    from vaworkspace.locale_format import is_french

    text = f"{count:,}"
    return text.replace(",", "\N{NO-BREAK SPACE}") if is_french(language()) else text


def _day(ws: Workspace, text: str) -> date | None:
    """The local day typed (`mon`, `2026-12-01`, `yesterday`), as `va --from` reads it."""
    if not text.strip():
        return None
    from vaworkspace.domain.dates import parse_when

    value = parse_when(text.strip(), ws.now(), ws.tz)
    return value.astimezone(ws.tz).date() if isinstance(value, datetime) else value


def cut_notice(lines: list[str], command: str) -> str:
    """At most `NOTICE_LINES` of a summary, the last saying how many more `command` shows."""
    if len(lines) <= NOTICE_LINES:
        return "\n".join(lines)
    rest = len(lines) - NOTICE_LINES + 1
    more = _("  … and {count} more ({command} shows all)").format(count=rest, command=command)
    return "\n".join([*lines[: NOTICE_LINES - 1], more])


FILE_COMMANDS = (  # the palette's (title, help, action of `FileActions`)
    (N_("Import"), N_("An .ics calendar or a Taskwarrior export (I)"), "action_import_file"),
    (
        N_("Export calendar"),
        N_("Tasks, events and logged time as .ics (E)"),
        "action_export_calendar",
    ),
    (N_("Timesheet"), N_("A client's timesheet CSV for a period (S)"), "action_export_timesheet"),
)


class FileActions(_App):
    """Mixed into `VaApp` (a Textual `App` with a `ws`): the keys (I, E, S) and
    palette entries that open the forms."""

    ws: Workspace

    def action_import_file(self) -> None:
        self.push_screen(ImportForm().load())

    def action_export_calendar(self) -> None:
        self.push_screen(ExportForm().load())

    def action_export_timesheet(self) -> None:
        """The period shown on Reports (5), else this week."""
        ws, screen = self.ws, self.screen
        kind, day = getattr(screen, "kind", "week"), getattr(screen, "shown_day", None)
        start, end = ws.time.period(kind, day or ws.now().astimezone(ws.tz).date())
        first = start.astimezone(ws.tz).date()
        last = end.astimezone(ws.tz).date() - timedelta(days=1)  # the period's end is excluded
        self.push_screen(TimesheetForm(first, last).load())
