"""Calendar commands: `va export` (iCalendar out) and `va agenda`."""

from __future__ import annotations

import os
import sys

from vaworkspace.cli import open_workspace
from vaworkspace.cli.output import print_json, table, terminal_width
from vaworkspace.errors import InputError


def register(commands) -> None:
    export = commands.add_parser(
        "export", help="write an iCalendar file (tasks, events, logged time)",
        description="Tasks as VTODO, imported events as they came, time entries as VEVENT; "
        "RFC 5545, one VTIMEZONE per zone used. Without --tasks/--events/--entries: all three.",
    )  # fmt: skip
    export.add_argument("--client", "-c", help="only this client's")
    export.add_argument("--tasks", action="store_true")
    export.add_argument("--events", action="store_true")
    export.add_argument("--entries", action="store_true")
    export.add_argument("--from", dest="first", metavar="DATE")
    export.add_argument("--to", dest="last", metavar="DATE", help="last day, included")
    export.add_argument("-o", "--output", default="-", metavar="FILE|-")
    export.set_defaults(handler=export_ics)

    agenda = commands.add_parser("agenda", help="events and tasks due, day by day")
    agenda.add_argument("--from", dest="first", metavar="DATE", help="first day (default today)")
    agenda.add_argument("--days", type=int, default=7)
    agenda.add_argument("--client", "-c")
    agenda.add_argument("--json", action="store_true")
    agenda.set_defaults(handler=show_agenda)


def export_ics(args) -> int:
    ws = open_workspace(args)
    kinds = tuple(k for k in ("tasks", "events", "entries") if getattr(args, k))
    start = end = None
    if args.first or args.last:
        start, end = ws.period("custom", args.first or args.last, args.last or args.first)
    data = ws.export_calendar(args.client, kinds or ("tasks", "events", "entries"), start, end)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    from vaworkspace.store.atomic import write_atomic

    try:
        write_atomic(os.path.abspath(args.output), data, 0o644, 0)
    except OSError as error:
        raise InputError(f"cannot write {args.output}: {error.strerror}") from None
    print(f"Wrote {args.output} ({len(data)} bytes)")
    return 0


def show_agenda(args) -> int:
    ws = open_workspace(args)
    if args.days < 1 or args.days > 366:
        raise InputError("--days must be between 1 and 366")
    start, _ = ws.period("day", args.first)
    items, warnings = ws.agenda(start, args.days, args.client)
    for warning in warnings:
        print(f"va: warning: {warning}", file=sys.stderr)
    if args.json:
        print_json(items)
        return 0
    if not items:
        print("Nothing on the agenda")
        return 0
    rows = [[_when(ws, item), item["type"], f"@{item['client']}" if item["client"] else "",
             item["title"]] for item in items]  # fmt: skip
    print("\n".join(table(rows, ["When", "Type", "Client", "Title"], 3, terminal_width())))
    return 0


def _when(ws, item) -> str:
    from datetime import datetime

    start, end = item["start"], item["end"]
    if not isinstance(start, datetime):
        return f"{start:%a %d %b} all day"
    local = start.astimezone(ws.tz)
    if item["type"] == "task":
        return f"{local:%a %d %b %H:%M} due"
    return f"{local:%a %d %b %H:%M}–{end.astimezone(ws.tz):%H:%M}"
