"""Client commands: `va client add|list|edit|archive`."""

from __future__ import annotations

from vaworkspace.cli import open_workspace
from vaworkspace.cli.output import client_json, print_json, table, terminal_width
from vaworkspace.display import safe
from vaworkspace.i18n import _, ngettext


def _fields(parser, creating: bool) -> None:
    if not creating:
        parser.add_argument("--name", help=_("display name"))
    parser.add_argument(
        "--rate",
        action="append",
        default=[],
        metavar="[KIND=]RATE",
        help=_("hourly rate: 45 or 45.50 (default), seo=60 (a kind of work), seo=none; repeatable"),
    )
    parser.add_argument("--currency", help=_("ISO code, e.g. CAD, EUR"))
    parser.add_argument("--budget", help=_("hours bought per period: 10h/week, 40h/month, none"))
    parser.add_argument("--weight", help=_("importance 1-5 for the urgency score (3 = neutral)"))
    parser.add_argument("--tz", help=_("the client's time zone, e.g. America/Montreal"))
    parser.add_argument("--hours", help=_("business hours in the client's zone: 09:00-17:00, none"))
    parser.add_argument("--color", help=_("#rrggbb or a colour name"))
    parser.add_argument("--notes", help=_("free text"))
    parser.add_argument("--billable", metavar="YES|NO", help=_("default for this client's time"))
    parser.add_argument(
        "--rounding", metavar="MIN", help=_("bill in blocks of N minutes: 6, 15, 0")
    )
    parser.add_argument(
        "--round-per", choices=["entry", "total"], help=_("round each entry, or the period total")
    )


def _client_parser(commands) -> None:
    client = commands.add_parser(
        "client", help=_("manage clients"), description=_("Add, list, edit and archive clients.")
    )
    sub = client.add_subparsers(dest="client_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", help=_("add a client"))
    add.add_argument("name", nargs="+", help=_("the client's name"))
    add.add_argument("--id", help=_("short id typed after @ (default: from the name)"))
    _fields(add, creating=True)
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=add_client)

    lst = sub.add_parser("list", help=_("list clients"))
    lst.add_argument("--all", "-a", action="store_true", help=_("include archived clients"))
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=list_clients)

    edit = sub.add_parser("edit", help=_("change a client"))
    edit.add_argument("ref", metavar="ID", help=_("client id or unambiguous prefix"))
    _fields(edit, creating=False)
    edit.add_argument(
        "--reprice-from",
        metavar="DATE",
        help=_("re-fix the rates of this client's entries from DATE on (2026-12-01)"),
    )
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(handler=edit_client)

    archive = sub.add_parser("archive", help=_("hide a client from pickers (tasks are kept)"))
    archive.add_argument("ref", metavar="ID")
    archive.add_argument("--undo", action="store_true", help=_("bring an archived client back"))
    archive.set_defaults(handler=archive_client)


PARSERS = {
    "client": _client_parser,
}
"""The parser of each command this module runs: `va CMD` builds only its own."""


def _changes(args) -> dict:
    return {
        "currency": args.currency,
        "budget": args.budget,
        "weight": args.weight,
        "timezone": args.tz,
        "color": args.color,
        "notes": args.notes,
        "billable": args.billable,
        "rounding_minutes": args.rounding,
        "round_per": args.round_per,
        "hours": args.hours,
    }


def add_client(args) -> int:
    ws = open_workspace(args)
    client = ws.clients.add(" ".join(args.name), rates=args.rate, id=args.id, **_changes(args))
    return _report(client, _("Created client @{client}: {name}"), args.json)


def edit_client(args) -> int:
    ws = open_workspace(args)
    since = _day(args.reprice_from, ws) if args.reprice_from else None
    change = ws.clients.change(
        args.ref, rates=args.rate, reprice_from=since, name=args.name, **_changes(args)
    )
    status = _report(change.client, _("Modified client @{client}: {name}"), args.json)
    if args.json:
        return status
    if change.repriced is not None:
        repriced = ngettext(
            "Repriced {count} time entry from {day} on at the current rates",
            "Repriced {count} time entries from {day} on at the current rates",
            change.repriced,
        )
        print(repriced.format(count=change.repriced, day=since))
    elif args.rate:
        from vaworkspace.domain.kind_rates import format_rate_table

        print(_("Rates: {rates}").format(rates=safe(format_rate_table(change.client))))
        kept = _(
            "Past entries keep the rate they were logged at; to reprice from a day on, "
            "add --reprice-from DATE (va client edit {client} --reprice-from 2026-12-01)"
        )
        print(kept.format(client=safe(change.client.id)))
    return status


def _day(text: str, ws):
    """A `--reprice-from` day: any date `va` reads (2026-12-01, mon, dec 1)."""
    from datetime import datetime

    from vaworkspace.domain.dates import parse_when

    found = parse_when(text, ws.now(), ws.tz)
    return found.astimezone(ws.tz).date() if isinstance(found, datetime) else found


def _report(client, said: str, as_json: bool) -> int:
    """`said`: the echo, translated, with `{client}` and `{name}` to fill."""
    if as_json:
        print_json(client_json(client))
    else:
        print(said.format(client=safe(client.id), name=safe(client.name)))
    return 0


def archive_client(args) -> int:
    ws = open_workspace(args)
    client = ws.clients.archive(args.ref, archived=not args.undo)
    archived, again = _("Client @{client} is archived"), _("Client @{client} is active again")
    print((archived if client.archived else again).format(client=safe(client.id)))
    return 0


def list_clients(args) -> int:
    ws = open_workspace(args)
    found = ws.clients.all(include_archived=args.all)
    if args.json:
        print_json([client_json(c) for c in found])
        return 0
    if not found:
        print(
            _('No clients yet. Add one: va client add "Évelyne Couture" --rate 45 --currency CAD')
        )
        return 0
    from vaworkspace.describe import client_cells, client_headers

    counts = ws.inbox.open_counts()
    rows = [client_cells(c, counts.get(c.id, 0)) for c in found]
    print("\n".join(table(rows, client_headers(), flexible=1, width=terminal_width())))
    return 0
