"""Time commands: `va timer …`, `va log`, `va entries`, `va entry …`, `va report`."""

from __future__ import annotations

import sys

from vaworkspace.cli import open_workspace
from vaworkspace.cli.entry_text import entry_json, length, owner, span, target
from vaworkspace.cli.output import print_json, table, terminal_width, write_data
from vaworkspace.display import safe
from vaworkspace.errors import InputError
from vaworkspace.formats import clock
from vaworkspace.i18n import N_, _, language, ngettext
from vaworkspace.locale_format import format_hours_minutes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.service.results import Logged, Period


PERIOD_HELP = {
    "day": N_("this day (or the day containing --from)"),
    "week": N_("this week (or the week containing --from)"),
    "month": N_("this month (or the month containing --from)"),
}
MODES = {"pomodoro": N_("pomodoro"), "countdown": N_("countdown"), "stopwatch": N_("stopwatch")}
PHASES = {"focus": N_("focus"), "break": N_("break"), "long_break": N_("long_break")}
"""The timer's modes and phases as `va timer status` names them (English: as stored)."""
STARTED = {
    "pomodoro": N_("Started a pomodoro timer on {what}"),
    "countdown": N_("Started a countdown timer on {what}"),
    "stopwatch": N_("Started a stopwatch timer on {what}"),
}
CHANGED = {"pause": N_("Paused"), "resume": N_("Resumed"), "skip": N_("Break skipped")}


def _period_options(parser, default: str) -> None:
    group = parser.add_mutually_exclusive_group()
    for kind in ("day", "week", "month"):
        group.add_argument(
            f"--{kind}",
            dest="period",
            action="store_const",
            const=kind,
            help=_(PERIOD_HELP[kind]),
        )
    parser.set_defaults(period=default)
    parser.add_argument(
        "--from", dest="first", metavar="DATE", help=_("first day (2026-11-02, mon)")
    )
    parser.add_argument("--to", dest="last", metavar="DATE", help=_("last day, included"))


def _timer_parser(commands) -> None:
    timer = commands.add_parser("timer", help=_("focus timer: start, pause, resume, stop, status"))
    sub = timer.add_subparsers(dest="timer_command", metavar="ACTION", required=True)
    start = sub.add_parser("start", help=_("start on a task (12) or a client alone (@acme)"))
    start.add_argument("target", metavar="ID|@CLIENT")
    start.add_argument("kind", nargs="?", metavar="#KIND", help=_("kind of work, e.g. '#seo'"))
    mode = start.add_mutually_exclusive_group()
    mode.add_argument(
        "--pomodoro",
        dest="mode",
        action="store_const",
        const="pomodoro",
        help=_("25 min focus / 5 min break, long break every 4 (default)"),
    )
    mode.add_argument("--for", dest="duration", metavar="DURATION", help=_("a countdown: 45m, 1h"))
    mode.add_argument(
        "--stopwatch",
        dest="mode",
        action="store_const",
        const="stopwatch",
        help=_("count up until you stop"),
    )
    start.set_defaults(handler=timer_start, mode="pomodoro")
    for name, text in (
        ("pause", N_("pause the running timer")),
        ("resume", N_("resume it")),
        ("stop", N_("stop it; the focus time becomes an entry")),
        ("skip", N_("skip the current break")),
    ):
        sub.add_parser(name, help=_(text)).set_defaults(handler=timer_change, change=name)
    switch = sub.add_parser("switch", help=_("log the current stretch, go on with another task"))
    switch.add_argument("target", metavar="ID|@CLIENT")
    switch.add_argument("kind", nargs="?", metavar="#KIND", help=_("kind of work, e.g. '#seo'"))
    switch.set_defaults(handler=timer_switch)
    status = sub.add_parser("status", help=_("what runs, elapsed and remaining time"))
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=timer_status)


def _log_parser(commands) -> None:
    log = commands.add_parser(
        "log",
        help=_("log time by hand"),
        description=_(
            "Log time: va log 1h30m @acme task:12 '#seo' yesterday \"call with supplier\" "
            "(quote #kind in a shell, where # starts a comment)"
        ),
    )
    log.add_argument(
        "words", nargs="+", help=_("DURATION [@client] [task:N] [#kind] [DATE] [NOTE…]")
    )
    log.add_argument("--start", metavar="TIME", help=_("when it started, e.g. 14:00"))
    log.set_defaults(handler=log_time)


def _entries_parser(commands) -> None:
    entries = commands.add_parser("entries", help=_("time entries of a period"))
    _period_options(entries, "week")
    entries.add_argument("--client", "-c")
    entries.add_argument("--json", action="store_true")
    entries.set_defaults(handler=list_entries)


def _entry_parser(commands) -> None:
    entry = commands.add_parser("entry", help=_("edit or remove a time entry"))
    esub = entry.add_subparsers(dest="entry_command", metavar="ACTION", required=True)
    edit = esub.add_parser("edit", help=_("change an entry"))
    edit.add_argument("id", type=int)
    for name, text in (
        ("start", N_("new start, e.g. 14:00 or 'yesterday 9:30'")),
        ("end", N_("new end")),
        ("duration", N_("new length from the start: 45m")),
        ("note", N_("new note")),
        ("client", N_("client id")),
        ("task", N_("task id")),
        ("billable", N_("yes or no")),
        ("kind", N_("kind of work, e.g. seo; '' for the task's")),
    ):
        edit.add_argument(f"--{name}", help=_(text))
    edit.set_defaults(handler=edit_entry)
    rm = esub.add_parser("rm", help=_("delete entries (all or none)"))
    rm.add_argument("ids", type=int, nargs="+", metavar="ID")
    rm.add_argument("--yes", "-y", action="store_true")
    rm.set_defaults(handler=remove_entry)


def _report_parser(commands) -> None:
    report = commands.add_parser(
        "report",
        help=_("hours, amounts and budgets per client"),
        description=_(
            "Per client: hours, billable hours, amount, budget used. Amounts use each "
            "client's rounding (va client edit --rounding 15 --round-per entry|total)."
        ),
    )
    _period_options(report, "week")
    report.add_argument("--client", "-c")
    report.add_argument("--tasks", action="store_true", help=_("break each client down by task"))
    report.add_argument(
        "--summary",
        nargs="?",
        const="",
        metavar="PERIOD",
        help=_("what you really earn per hour (day, week, month): billed / every hour worked"),
    )
    fmt = report.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--csv", action="store_true", help=_("a timesheet for one --client"))
    fmt.add_argument(
        "--excel",
        action="store_true",
        help=_("a timesheet CSV for Excel: ; between cells, a BOM"),
    )
    report.set_defaults(handler=show_report)


PARSERS = {
    "timer": _timer_parser,
    "log": _log_parser,
    "entries": _entries_parser,
    "entry": _entry_parser,
    "report": _report_parser,
}
"""The parser of each command this module runs: `va CMD` builds only its own."""


def _bell_and_events(events: tuple[str, ...]) -> None:
    """Our own bell on a terminal; the event's text (it may name a task) made safe."""
    for event in events:
        print(f"\a{safe(event)}" if sys.stdout.isatty() else safe(event))


def timer_start(args) -> int:
    ws = open_workspace(args)
    from vaworkspace.domain.dates import parse_duration
    from vaworkspace.domain.time.timer_text import parse_target

    mode = "countdown" if args.duration else args.mode
    minutes = parse_duration(args.duration) if args.duration else None
    task_id, client = parse_target(args.target)
    started = ws.time.start_timer(
        task_id=task_id, client=client, mode=mode, minutes=minutes, kind=args.kind
    )
    _bell_and_events(started.events)
    print(_(STARTED[mode]).format(what=target(started.task, started.client)))
    return 0


def timer_change(args) -> int:
    ws = open_workspace(args)
    if args.change == "stop":
        logged = ws.time.stop_timer()
        print(_("Stopped the timer"))
        for entry in logged.entries:
            print(
                "  " + _("logged entry {id}: {length}").format(id=entry.id, length=length(entry)),
                owner(entry),
            )
        _say_unlogged(logged)
        return 0
    action = {
        "pause": ws.time.pause_timer,
        "resume": ws.time.resume_timer,
        "skip": ws.time.skip_break,
    }
    action[args.change]()
    print(_(CHANGED[args.change]))
    return 0


def timer_switch(args) -> int:
    from vaworkspace.domain.time.timer_text import parse_target

    ws = open_workspace(args)
    task_id, client = parse_target(args.target)
    logged = ws.time.switch_timer(task_id=task_id, client=client, kind=args.kind)
    for entry in logged.entries:
        print(
            _("Logged entry {id}: {length}").format(id=entry.id, length=length(entry)),
            owner(entry),
        )
    _say_unlogged(logged)
    print(_("The timer now runs on {target}").format(target=safe(args.target)))
    return 0


def _say_unlogged(logged: Logged) -> None:
    """A stretch under `timer_minimum_minutes` left no entry: say so, never silently."""
    if logged.too_short_seconds:
        from vaworkspace.domain.time.timer_text import unlogged_text

        print(f"  {unlogged_text(logged.too_short_seconds, logged.minimum_minutes)}")


def timer_status(args) -> int:
    ws = open_workspace(args)
    status = ws.time.timer_status()
    if args.json:
        print_json(status.as_json())
        return 0
    _bell_and_events(status.events)
    if not status.running:
        print(_("No timer running"))
        return 0
    left = status.remaining_seconds
    done = status.pomodoros
    line = _("{mode} {phase} on {what}: {elapsed}{remaining}{paused}; {pomodoros}").format(
        mode=_(MODES.get(status.mode, status.mode)),
        phase=_(PHASES.get(status.phase or "", status.phase or "")),
        what=target(status.task, status.client),
        elapsed=clock(status.elapsed_seconds),
        remaining=_(", {left} left").format(left=clock(left)) if left is not None else "",
        paused=_(" (paused)") if status.paused else "",
        pomodoros=ngettext("{count} pomodoro(s) done", "{count} pomodoro(s) done", done).format(
            count=done
        ),
    )
    print(line)
    return 0


def log_time(args) -> int:
    ws = open_workspace(args)
    entry = ws.time.log(args.words, args.start)
    note = " " + safe(repr(entry.note)) if entry.note else ""
    logged = _("Logged entry {id}: {length}").format(id=entry.id, length=length(entry))
    print(f"{logged} {owner(entry)} {span(ws, entry)}{note}")
    return 0


def list_entries(args) -> int:
    ws = open_workspace(args)
    start, end = _period(ws, args)
    found = ws.time.entries(start, end, client=args.client)
    if args.json:
        print_json([entry_json(e) for e in found])
        return 0
    if not found:
        print(_("No time logged in this period"))
        return 0
    rows = [
        [
            str(e.id),
            span(ws, e),
            length(e),
            owner(e),
            "" if e.billable else _("non-billable"),
            e.note,
        ]
        for e in found
    ]
    headers = [_("ID"), _("When"), _("Hours"), _("For"), "", _("Note")]
    print("\n".join(table(rows, headers, 5, terminal_width())))
    total = format_hours_minutes(sum(e.seconds for e in found), language())
    print(_("Total {length}").format(length=total))
    return 0


def edit_entry(args) -> int:
    ws = open_workspace(args)
    fields = {
        k: getattr(args, k)
        for k in ("start", "end", "duration", "note", "client", "task", "billable", "kind")
    }
    entry = ws.time.edit_entry(args.id, **fields)
    what = f"{length(entry)} {owner(entry)} {span(ws, entry)}"
    print(_("Modified entry {id}: {what}").format(id=entry.id, what=what))
    return 0


def remove_entry(args) -> int:
    ws = open_workspace(args)
    wanted = list(dict.fromkeys(args.ids))
    if not args.yes and not sys.stdin.isatty():
        raise InputError(_("refusing to delete without confirmation; add --yes"))
    ids = ", ".join(str(entry_id) for entry_id in wanted)
    question = ngettext(
        "Delete time entry {ids}? [y/N] ", "Delete {count} time entries: {ids}? [y/N] ", len(wanted)
    ).format(count=len(wanted), ids=ids)
    if not args.yes and input(question).strip().lower() not in ("y", "yes", "o", "oui"):
        print(_("Nothing deleted."))
        return 0
    for entry in ws.time.remove_entries(wanted):
        print(_("Deleted entry {id}").format(id=entry.id))
    return 0


def _period(ws, args) -> Period:
    """The period the `--day/--week/--month`, `--from` and `--to` options name."""
    from vaworkspace.cli.days import local_day

    first, last = local_day(ws, args.first), local_day(ws, args.last)
    return ws.time.period(_kind(args), first, last)


def show_report(args) -> int:
    ws = open_workspace(args)
    if args.summary is not None:
        from vaworkspace.cli.earnings import show_summary

        return show_summary(ws, args, _period)
    start, end = _period(ws, args)
    if args.csv or args.excel:
        if not args.client:
            raise InputError(_("a timesheet is for one client: add --client ID"))
        from vaworkspace.locale_format import timesheet_style

        style = timesheet_style(language(), excel=args.excel)
        write_data(ws.time.timesheet(args.client, start, end, style).encode())
        return 0
    from vaworkspace.domain.time.reports import report_json

    report = ws.time.report(start, end, args.client)
    if args.json:
        print_json(report_json(report))
        return 0
    from vaworkspace.cli.report_text import print_report

    print_report(ws, report, start, end, args.tasks)
    return 0


def _kind(args) -> str:
    return "custom" if args.last else args.period
