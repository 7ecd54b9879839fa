"""Time commands: `va timer …`, `va log`, `va entries`, `va entry …`, `va report`."""

from __future__ import annotations

import sys

from vaworkspace.cli import open_workspace
from vaworkspace.cli.output import print_json, table, terminal_width, write_data
from vaworkspace.display import safe
from vaworkspace.errors import InputError
from vaworkspace.formats import clock, hours_minutes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vaworkspace.service.results import Logged, Period


def _period_options(parser, default: str) -> None:
    group = parser.add_mutually_exclusive_group()
    for kind in ("day", "week", "month"):
        group.add_argument(
            f"--{kind}",
            dest="period",
            action="store_const",
            const=kind,
            help=f"this {kind} (or the {kind} containing --from)",
        )
    parser.set_defaults(period=default)
    parser.add_argument("--from", dest="first", metavar="DATE", help="first day (2026-11-02, mon)")
    parser.add_argument("--to", dest="last", metavar="DATE", help="last day, included")


def _timer_parser(commands) -> None:
    timer = commands.add_parser("timer", help="focus timer: start, pause, resume, stop, status")
    sub = timer.add_subparsers(dest="timer_command", metavar="ACTION", required=True)
    start = sub.add_parser("start", help="start on a task (12) or a client alone (@acme)")
    start.add_argument("target", metavar="ID|@CLIENT")
    start.add_argument("kind", nargs="?", metavar="#KIND", help="kind of work, e.g. '#seo'")
    mode = start.add_mutually_exclusive_group()
    mode.add_argument(
        "--pomodoro",
        dest="mode",
        action="store_const",
        const="pomodoro",
        help="25 min focus / 5 min break, long break every 4 (default)",
    )
    mode.add_argument("--for", dest="duration", metavar="DURATION", help="a countdown: 45m, 1h")
    mode.add_argument(
        "--stopwatch",
        dest="mode",
        action="store_const",
        const="stopwatch",
        help="count up until you stop",
    )
    start.set_defaults(handler=timer_start, mode="pomodoro")
    for name, text in (
        ("pause", "pause the running timer"),
        ("resume", "resume it"),
        ("stop", "stop it; the focus time becomes an entry"),
        ("skip", "skip the current break"),
    ):
        sub.add_parser(name, help=text).set_defaults(handler=timer_change, change=name)
    switch = sub.add_parser("switch", help="log the current stretch, go on with another task")
    switch.add_argument("target", metavar="ID|@CLIENT")
    switch.set_defaults(handler=timer_switch)
    status = sub.add_parser("status", help="what runs, elapsed and remaining time")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=timer_status)


def _log_parser(commands) -> None:
    log = commands.add_parser(
        "log",
        help="log time by hand",
        description="Log time: va log 1h30m @acme task:12 '#seo' yesterday \"call with supplier\" "
        "(quote #kind in a shell, where # starts a comment)",
    )
    log.add_argument("words", nargs="+", help="DURATION [@client] [task:N] [#kind] [DATE] [NOTE…]")
    log.add_argument("--start", metavar="TIME", help="when it started, e.g. 14:00")
    log.set_defaults(handler=log_time)


def _entries_parser(commands) -> None:
    entries = commands.add_parser("entries", help="time entries of a period")
    _period_options(entries, "week")
    entries.add_argument("--client", "-c")
    entries.add_argument("--json", action="store_true")
    entries.set_defaults(handler=list_entries)


def _entry_parser(commands) -> None:
    entry = commands.add_parser("entry", help="edit or remove a time entry")
    esub = entry.add_subparsers(dest="entry_command", metavar="ACTION", required=True)
    edit = esub.add_parser("edit", help="change an entry")
    edit.add_argument("id", type=int)
    for name, text in (
        ("start", "new start, e.g. 14:00 or 'yesterday 9:30'"),
        ("end", "new end"),
        ("duration", "new length from the start: 45m"),
        ("note", "new note"),
        ("client", "client id"),
        ("task", "task id"),
        ("billable", "yes or no"),
    ):
        edit.add_argument(f"--{name}", help=text)
    edit.set_defaults(handler=edit_entry)
    rm = esub.add_parser("rm", help="delete entries (all or none)")
    rm.add_argument("ids", type=int, nargs="+", metavar="ID")
    rm.add_argument("--yes", "-y", action="store_true")
    rm.set_defaults(handler=remove_entry)


def _report_parser(commands) -> None:
    report = commands.add_parser(
        "report",
        help="hours, amounts and budgets per client",
        description="Per client: hours, billable hours, amount, budget used. Amounts use each "
        "client's rounding (va client edit --rounding 15 --round-per entry|total).",
    )
    _period_options(report, "week")
    report.add_argument("--client", "-c")
    report.add_argument("--tasks", action="store_true", help="break each client down by task")
    report.add_argument(
        "--summary",
        nargs="?",
        const="",
        metavar="PERIOD",
        help="what you really earn per hour (day, week, month): billed / every hour worked",
    )
    fmt = report.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--csv", action="store_true", help="a timesheet for one --client")
    fmt.add_argument(
        "--excel", action="store_true", help="a timesheet CSV for Excel: ; between cells, a BOM"
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
    from vaworkspace.domain.time.timer import parse_target

    mode = "countdown" if args.duration else args.mode
    minutes = parse_duration(args.duration) if args.duration else None
    task_id, client = parse_target(args.target)
    started = ws.time.start_timer(
        task_id=task_id, client=client, mode=mode, minutes=minutes, kind=args.kind
    )
    _bell_and_events(started.events)
    what = f"task {started.task}" if started.task is not None else f"@{safe(started.client)}"
    print(f"Started a {mode} timer on {what}")
    return 0


def timer_change(args) -> int:
    ws = open_workspace(args)
    if args.change == "stop":
        logged = ws.time.stop_timer()
        print("Stopped the timer")
        for entry in logged.entries:
            print(f"  logged entry {entry.id}: {hours_minutes(entry.seconds)} {_owner(entry)}")
        _say_unlogged(logged)
        return 0
    action = {
        "pause": ws.time.pause_timer,
        "resume": ws.time.resume_timer,
        "skip": ws.time.skip_break,
    }
    action[args.change]()
    print({"pause": "Paused", "resume": "Resumed", "skip": "Break skipped"}[args.change])
    return 0


def timer_switch(args) -> int:
    from vaworkspace.domain.time.timer import parse_target

    ws = open_workspace(args)
    task_id, client = parse_target(args.target)
    logged = ws.time.switch_timer(task_id=task_id, client=client)
    for entry in logged.entries:
        print(f"Logged entry {entry.id}: {hours_minutes(entry.seconds)} {_owner(entry)}")
    _say_unlogged(logged)
    print(f"The timer now runs on {safe(args.target)}")
    return 0


def _say_unlogged(logged: Logged) -> None:
    """A stretch under `timer_minimum_minutes` left no entry: say so, never silently."""
    if logged.too_short_seconds:
        from vaworkspace.domain.time.timer import unlogged_text

        print(f"  {unlogged_text(logged.too_short_seconds, logged.minimum_minutes)}")


def timer_status(args) -> int:
    ws = open_workspace(args)
    status = ws.time.timer_status()
    if args.json:
        print_json(status.as_json())
        return 0
    _bell_and_events(status.events)
    if not status.running:
        print("No timer running")
        return 0
    client = safe(status.client or "")
    what = f"task {status.task}" if status.task is not None else f"@{client}"
    left = status.remaining_seconds
    remaining = f", {clock(left)} left" if left is not None else ""
    paused = " (paused)" if status.paused else ""
    print(
        f"{status.mode} {status.phase} on {what}: {clock(status.elapsed_seconds)}"
        f"{remaining}{paused}; {status.pomodoros} pomodoro(s) done"
    )
    return 0


def log_time(args) -> int:
    ws = open_workspace(args)
    entry = ws.time.log(args.words, args.start)
    print(
        f"Logged entry {entry.id}: {hours_minutes(entry.seconds)} {_owner(entry)} "
        f"{_span(ws, entry)}{' ' + safe(repr(entry.note)) if entry.note else ''}"
    )
    return 0


def list_entries(args) -> int:
    ws = open_workspace(args)
    start, end = _period(ws, args)
    found = ws.time.entries(start, end, client=args.client)
    if args.json:
        print_json([_entry_json(e) for e in found])
        return 0
    if not found:
        print("No time logged in this period")
        return 0
    rows = [
        [
            str(e.id),
            _span(ws, e),
            hours_minutes(e.seconds),
            _owner(e),
            "" if e.billable else "non-billable",
            e.note,
        ]
        for e in found
    ]
    print("\n".join(table(rows, ["ID", "When", "Hours", "For", "", "Note"], 5, terminal_width())))
    print(f"Total {hours_minutes(sum(e.seconds for e in found))}")
    return 0


def edit_entry(args) -> int:
    ws = open_workspace(args)
    fields = {
        k: getattr(args, k)
        for k in ("start", "end", "duration", "note", "client", "task", "billable")
    }
    entry = ws.time.edit_entry(args.id, **fields)
    what = f"{hours_minutes(entry.seconds)} {_owner(entry)} {_span(ws, entry)}"
    print(f"Modified entry {entry.id}: {what}")
    return 0


def remove_entry(args) -> int:
    ws = open_workspace(args)
    wanted = list(dict.fromkeys(args.ids))
    if not args.yes and not sys.stdin.isatty():
        raise InputError("refusing to delete without confirmation; add --yes")
    what = f"time entry {wanted[0]}" if len(wanted) == 1 else f"{len(wanted)} time entries: "
    what += ", ".join(str(entry_id) for entry_id in wanted) if len(wanted) > 1 else ""
    if not args.yes and input(f"Delete {what}? [y/N] ").strip().lower() not in ("y", "yes"):
        print("Nothing deleted.")
        return 0
    for entry in ws.time.remove_entries(wanted):
        print(f"Deleted entry {entry.id}")
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
            raise InputError("a timesheet is for one client: add --client ID")
        from vaworkspace.i18n import language
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


def _entry_json(entry) -> dict:
    return {
        "id": entry.id,
        "start": entry.start,
        "end": entry.end,
        "seconds": entry.seconds,
        "client": entry.client,
        "task": entry.task,
        "billable": entry.billable,
        "note": entry.note,
        "source": entry.source,
        "kind": entry.kind,
        "rate_cents": entry.rate_cents,
    }


def _owner(entry) -> str:
    who = f"@{safe(entry.client)}" if entry.client else "no client"
    if entry.kind:
        who += f" #{safe(entry.kind)}"
    return f"{who} task {entry.task}" if entry.task is not None else who


def _span(ws, entry) -> str:
    start, end = entry.start.astimezone(ws.tz), entry.end.astimezone(ws.tz)
    return f"{start:%a %d %b %H:%M}–{end:%H:%M}"
