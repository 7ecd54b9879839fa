"""CalDAV accounts: `va account add|list|rm|map|unmap` (the sync itself is `va sync`)."""

from __future__ import annotations

from vaworkspace.cli import open_workspace
from vaworkspace.cli.output import print_json
from vaworkspace.display import safe


def _account_parser(commands) -> None:
    account = commands.add_parser(
        "account",
        help="CalDAV accounts (Nextcloud, iCloud, Fastmail, Radicale…) that `va sync` syncs",
        description="The password is never stored: give --password-command (its first line "
        "of output is the password) or put the server in ~/.netrc.",
    )
    sub = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add an account and list its calendars and task lists")
    add.add_argument("name", help="a short name, like work")
    add.add_argument("url", help="the server's CalDAV address (see README: Sync)")
    add.add_argument("--user", "-u", help="the user name to log in with")
    add.add_argument(
        "--password-command", metavar="CMD", help='prints the password, e.g. "pass show dav"'
    )
    add.set_defaults(handler=add_account)
    lst = sub.add_parser("list", help="accounts and their collections (no network)")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=list_accounts)
    rm = sub.add_parser("rm", help="forget an account (its tasks and events stay)")
    rm.add_argument("name")
    rm.set_defaults(handler=remove_account)
    mapping = sub.add_parser(
        "map", help="follow a collection in `va sync`: its to-dos and events are CLIENT's"
    )
    mapping.add_argument("account")
    mapping.add_argument("collection", help="its display name or the last part of its URL")
    mapping.add_argument("--client", "-c", help="the client it belongs to (none: no client)")
    mapping.add_argument(
        "--blocks", action="store_true", help="also send the VA's work blocks to it"
    )
    mapping.set_defaults(handler=map_collection)
    unmap = sub.add_parser(
        "unmap", help="stop following a collection (its tasks and events stay here)"
    )
    unmap.add_argument("account")
    unmap.add_argument("collection", help="its display name or the last part of its URL")
    unmap.set_defaults(handler=unmap_collection)


PARSERS = {"account": _account_parser}


def _kinds(components: tuple[str, ...]) -> str:
    names = {"VEVENT": "events", "VTODO": "to-dos", "VJOURNAL": "journal"}
    return "+".join(names.get(c, c.lower()) for c in components) or "?"


def add_account(args) -> int:
    ws = open_workspace(args)
    found = ws.accounts.add(args.name, args.url, args.user, args.password_command)
    print(f"Added account {safe(args.name)}: {len(found)} collection(s)")
    for collection in found:
        print(f"  {safe(collection.name)} ({_kinds(collection.components)}) {safe(collection.url)}")
    if found:
        print(f"Map one to a client: va account map {safe(args.name)} NAME --client ID")
    return 0


def list_accounts(args) -> int:
    ws = open_workspace(args)
    accounts = ws.accounts.all()
    collections = ws.accounts.collections()
    pending = ws.accounts.pending()
    if args.json:
        print_json(
            [
                {
                    "name": a.name,
                    "url": a.url,
                    "user": a.user,
                    "password_command": a.password_command,
                    "collections": [
                        {
                            "name": c.name,
                            "url": c.url,
                            "components": list(c.components),
                            "mapped": c.mapped,
                            "client": c.client,
                            "blocks": c.blocks,
                            "conflicts": pending.get(c.url, 0),
                        }
                        for c in collections
                        if c.account == a.name
                    ],
                }
                for a in accounts
            ]
        )
        return 0
    if not accounts:
        print("No accounts. Add one: va account add NAME URL --user USER --password-command CMD")
    for account in accounts:
        user = f" as {safe(account.user)}" if account.user else ""
        print(f"{safe(account.name)}: {safe(account.url)}{user}")
        for c in (c for c in collections if c.account == account.name):
            if c.mapped:
                whose = f"@{safe(c.client)}" if c.client else "no client"
                state = f"synced for {whose}{' + work blocks' if c.blocks else ''}"
            else:
                state = "not synced"
            waiting = f", {pending[c.url]} conflict(s) waiting" if pending.get(c.url) else ""
            print(f"  {safe(c.name)} ({_kinds(c.components)}): {state}{waiting}")
    return 0


def remove_account(args) -> int:
    ws = open_workspace(args)
    gone = ws.accounts.remove(args.name)
    print(f"Removed account {safe(args.name)} ({gone} collection(s) no longer synced)")
    return 0


def map_collection(args) -> int:
    ws = open_workspace(args)
    client = None if (args.client or "").lower() in ("", "none") else args.client
    found = ws.accounts.map(args.account, args.collection, client, args.blocks)
    whose = f"@{safe(found.client)}" if found.client else "no client"
    extra = " and your work blocks" if found.blocks else ""
    print(f"{safe(found.label)} is synced for {whose}{extra} by `va sync`")
    return 0


def unmap_collection(args) -> int:
    ws = open_workspace(args)
    gone = ws.accounts.unmap(args.account, args.collection)
    print(f"{safe(gone.label)} is no longer synced (its tasks and events stay here)")
    return 0
