"""Calendar commands: `va export` (iCalendar out) and `va agenda`."""

from __future__ import annotations

import sys

from vaworkspace.cli import open_workspace
from vaworkspace.cli.output import print_json, table, terminal_width, write_data
from vaworkspace.display import safe
from vaworkspace.errors import InputError
from vaworkspace.i18n import N_, _, ngettext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _export_parser(commands) -> None:
    export = commands.add_parser(
        "export",
        help=_("write an iCalendar file (tasks, events, logged time)"),
        description=_(
            "Tasks as VTODO, imported events as they came, time entries as VEVENT; "
            "RFC 5545, one VTIMEZONE per zone used. Without --tasks/--events/--entries: "
            "all three."
        ),
    )
    export.add_argument("--client", "-c", help=_("only this client's"))
    export.add_argument("--tasks", action="store_true")
    export.add_argument("--events", action="store_true")
    export.add_argument("--entries", action="store_true")
    export.add_argument("--from", dest="first", metavar="DATE")
    export.add_argument("--to", dest="last", metavar="DATE", help=_("last day, included"))
    export.add_argument("-o", "--output", default="-", metavar="FILE|-")
    export.set_defaults(handler=export_ics)


def _calendar_parser(commands) -> None:
    cal = commands.add_parser("calendar", help=_("subscribed calendars (files or URLs)"))
    sub = cal.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help=_("subscribe to a calendar file or https address"))
    add.add_argument("name")
    add.add_argument("source", help=_("a file path, or a client's shared https:// address"))
    add.add_argument("--client", "-c", help=_("the client whose agenda this is"))
    add.set_defaults(handler=calendar_add)
    lst = sub.add_parser("list", help=_("the subscribed calendars"))
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=calendar_list)
    rm = sub.add_parser("rm", help=_("unsubscribe and remove its events"))
    rm.add_argument("name")
    rm.set_defaults(handler=calendar_rm)


def _sync_parser(commands) -> None:
    sync = commands.add_parser(
        "sync",
        help=_("re-import every subscribed calendar, and sync every CalDAV account both ways"),
    )
    sync.add_argument("--json", action="store_true")
    sync.add_argument("--account", help=_("only this CalDAV account (no subscription)"))
    side = sync.add_mutually_exclusive_group()
    side.add_argument(
        "--theirs", action="store_true", help=_("a conflict takes the server's values")
    )
    side.add_argument("--mine", action="store_true", help=_("a conflict keeps and sends yours"))
    sync.set_defaults(handler=sync_all)


def _publish_parser(commands) -> None:
    publish = commands.add_parser(
        "publish",
        help=_("rebuild every [[publish]] calendar file now"),
        description=_(
            "A change rewrites the files it concerns by itself; this rebuilds them all: "
            "after editing the config (a new entry, another time zone) or restoring a backup."
        ),
    )
    publish.set_defaults(handler=publish_all)


def _agenda_parser(commands) -> None:
    agenda = commands.add_parser("agenda", help=_("events and tasks due, day by day"))
    agenda.add_argument("--from", dest="first", metavar="DATE", help=_("first day (default today)"))
    agenda.add_argument("--days", type=int, default=7)
    agenda.add_argument("--client", "-c")
    agenda.add_argument("--json", action="store_true")
    agenda.set_defaults(handler=show_agenda)


PARSERS = {
    "export": _export_parser,
    "calendar": _calendar_parser,
    "sync": _sync_parser,
    "publish": _publish_parser,
    "agenda": _agenda_parser,
}
"""The parser of each command this module runs: `va CMD` builds only its own."""


def export_ics(args) -> int:
    ws = open_workspace(args)
    kinds = tuple(k for k in ("tasks", "events", "entries") if getattr(args, k))
    start = end = None
    if args.first or args.last:
        from vaworkspace.cli.days import local_day

        first, last = args.first or args.last, args.last or args.first
        start, end = ws.time.period("custom", local_day(ws, first), local_day(ws, last))
    data = ws.calendar.export(args.client, kinds or ("tasks", "events", "entries"), start, end)
    if args.output == "-":
        write_data(data)
        return 0
    from vaworkspace.service.files import write_private_file

    write_private_file(args.output, data)  # 0600, atomic, through a symlink
    print(_("Wrote {path} ({size} bytes)").format(path=safe(args.output), size=len(data)))
    return 0


def show_agenda(args) -> int:
    ws = open_workspace(args)
    if args.days < 1 or args.days > 366:
        raise InputError(_("--days must be between 1 and 366"))
    from vaworkspace.cli.days import local_day

    # not `ws.time.period`: its module is bigger than the agenda's
    start = ws.agenda.start_of(local_day(ws, args.first))
    items, warnings = ws.agenda.items(start, args.days, args.client)
    for warning in warnings:
        print("va: " + _("warning: {text}").format(text=safe(warning)), file=sys.stderr)
    if args.json:
        print_json([item.as_json() for item in items])
        return 0
    if not items:
        print(_("Nothing on the agenda"))
        return 0
    rows = [
        [_when(ws, item), _(KINDS.get(item.kind, item.kind)), _at(item.client), item.title]
        for item in items
    ]
    headers = [_("When"), _("Type"), _("Client"), _("Title")]
    print("\n".join(table(rows, headers, 3, terminal_width())))
    return 0


KINDS = {"event": N_("event"), "task": N_("task"), "block": N_("block")}
"""An agenda item's kind as the Type column says it (`va agenda --json` keeps the key)."""


def _at(client: str | None) -> str:
    return f"@{client}" if client else ""


def _when(ws, item) -> str:
    """`Tue 01 Dec 10:00–11:00`, `Tue 01 Dec 17:00 due`, `Tue 01 Dec all day`; French
    `mar. 1 déc. 10:00–11:00`: the day in the locale's form, the hours a column
    of fixed width."""
    from datetime import datetime

    from vaworkspace.i18n import language
    from vaworkspace.locale_format import format_day_year_if_needed

    start, end = item.start, item.end
    if not isinstance(start, datetime):
        day = format_day_year_if_needed(start, ws.tz, ws.now(), language())
        return _("{day} all day").format(day=day)
    local = start.astimezone(ws.tz)
    day = format_day_year_if_needed(local.date(), ws.tz, ws.now(), language())
    if item.kind == "task":
        return _("{day} {time} due").format(day=day, time=f"{local:%H:%M}")
    return f"{day} {local:%H:%M}–{end.astimezone(ws.tz):%H:%M}"


def calendar_add(args) -> int:
    ws = open_workspace(args)
    found = ws.subscriptions.add(args.name, args.source, args.client)
    text = _("Subscribed to {name}: {source} (run `va sync` to import it)")
    print(text.format(name=safe(found.name), source=safe(found.source)))
    return 0


def calendar_list(args) -> int:
    ws = open_workspace(args)
    found = ws.subscriptions.all()
    if args.json:
        print_json([{"name": s.name, "source": s.source, "client": s.client} for s in found])
        return 0
    if not found:
        print(_("No calendars. Subscribe: va calendar add NAME FILE|https://…"))
        return 0
    rows = [[s.name, _at(s.client), s.source] for s in found]
    headers = [_("Name"), _("Client"), _("Source")]
    print("\n".join(table(rows, headers, 2, terminal_width())))
    return 0


def calendar_rm(args) -> int:
    ws = open_workspace(args)
    gone = ws.subscriptions.remove(args.name)
    text = ngettext(
        "Unsubscribed from {name}; {count} event removed",
        "Unsubscribed from {name}; {count} events removed",
        gone,
    )
    print(text.format(name=safe(args.name), count=gone))
    return 0


def publish_all(args) -> int:
    """Rebuild every feed; a file that cannot be written is an error (exit 1)."""
    report = open_workspace(args).publishing.publish()
    for path in report.written:
        print(_("Published {path}").format(path=safe(path)))
    for path in report.unchanged:
        print(_("Unchanged {path}").format(path=safe(path)))
    if not report.written and not report.unchanged and not report.problems:
        print(_('No [[publish]] entries in the config; see README "Publishing".'))
    for problem in report.problems:
        print(f"va: {safe(problem)}", file=sys.stderr)
    return 1 if report.problems else 0


def sync_all(args) -> int:
    """Every subscribed calendar, then every mapped CalDAV collection; a failing
    one is reported on its own line and the exit code says so (1)."""
    from vaworkspace.plan_text import summary_lines

    ws = open_workspace(args)
    results = [] if args.account else ws.subscriptions.sync()
    prefer = "theirs" if args.theirs else "mine" if args.mine else None
    synced = ws.dav.sync(prefer, args.account) if args.account or ws.accounts.all() else []
    rows: list[tuple[str, str | None, Any]] = [(s.name, None, r) for s, r in results]
    rows += [(c.label, c.account, r) for c, r in synced]
    failed = [name for name, _account, found in rows if isinstance(found, Exception)]
    if args.json:
        print_json(
            [
                {
                    "name": name,
                    **({"account": account} if account else {}),
                    "ok": not isinstance(r, Exception),
                    "error": str(r) if isinstance(r, Exception) else None,
                    "summary": None if isinstance(r, Exception) else r.as_json(),
                }
                for name, account, r in rows
            ]
        )
    else:
        if not rows:
            print(
                _(
                    "Nothing to sync. Subscribe: va calendar add NAME FILE|https://…, or map a "
                    "CalDAV collection: va account map ACCOUNT NAME --client ID"
                )
            )
        for _name, _account, result in rows:
            if isinstance(result, Exception):
                print(f"va: {safe(str(result))}", file=sys.stderr)
            else:
                for line in summary_lines(result):
                    print(safe(line))
    return 1 if failed else 0
