"""CalDAV accounts: `va account add|list|rm|map|unmap` (the sync itself is `va sync`)."""

from __future__ import annotations

from vaworkspace.cli import open_workspace
from vaworkspace.cli.output import print_json
from vaworkspace.display import safe
from vaworkspace.i18n import N_, _, ngettext


def _account_parser(commands) -> None:
    account = commands.add_parser(
        "account",
        help=_("CalDAV accounts (Nextcloud, iCloud, Fastmail, Radicale…) that `va sync` syncs"),
        description=_(
            "The password is never stored: give --password-command (its first line "
            "of output is the password) or put the server in ~/.netrc."
        ),
    )
    sub = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help=_("add an account and list its calendars and task lists"))
    add.add_argument("name", help=_("a short name, like work"))
    add.add_argument("url", help=_("the server's CalDAV address (see README: Sync)"))
    add.add_argument("--user", "-u", help=_("the user name to log in with"))
    add.add_argument(
        "--password-command", metavar="CMD", help=_('prints the password, e.g. "pass show dav"')
    )
    add.set_defaults(handler=add_account)
    lst = sub.add_parser("list", help=_("accounts and their collections (no network)"))
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=list_accounts)
    rm = sub.add_parser("rm", help=_("forget an account (its tasks and events stay)"))
    rm.add_argument("name")
    rm.set_defaults(handler=remove_account)
    mapping = sub.add_parser(
        "map", help=_("follow a collection in `va sync`: its to-dos and events are CLIENT's")
    )
    mapping.add_argument("account")
    mapping.add_argument("collection", help=_("its display name or the last part of its URL"))
    mapping.add_argument("--client", "-c", help=_("the client it belongs to (none: no client)"))
    mapping.add_argument(
        "--blocks", action="store_true", help=_("also send the VA's work blocks to it")
    )
    mapping.set_defaults(handler=map_collection)
    unmap = sub.add_parser(
        "unmap", help=_("stop following a collection (its tasks and events stay here)")
    )
    unmap.add_argument("account")
    unmap.add_argument("collection", help=_("its display name or the last part of its URL"))
    unmap.set_defaults(handler=unmap_collection)


PARSERS = {"account": _account_parser}


COMPONENTS = {"VEVENT": N_("events"), "VTODO": N_("to-dos"), "VJOURNAL": N_("journal")}
"""What a collection holds, as `va account list` says it."""


def _kinds(components: tuple[str, ...]) -> str:
    return "+".join(_(COMPONENTS[c]) if c in COMPONENTS else c.lower() for c in components) or "?"


def add_account(args) -> int:
    ws = open_workspace(args)
    found = ws.accounts.add(args.name, args.url, args.user, args.password_command)
    text = ngettext(
        "Added account {name}: {count} collection(s)",
        "Added account {name}: {count} collection(s)",
        len(found),
    )
    print(text.format(name=safe(args.name), count=len(found)))
    for collection in found:
        print(f"  {safe(collection.name)} ({_kinds(collection.components)}) {safe(collection.url)}")
    if found:
        text = _("Map one to a client: va account map {name} NAME --client ID")
        print(text.format(name=safe(args.name)))
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
        print(_("No accounts. Add one: va account add NAME URL --user USER --password-command CMD"))
    for account in accounts:
        user = _(" as {user}").format(user=safe(account.user)) if account.user else ""
        print(f"{safe(account.name)}: {safe(account.url)}{user}")
        for c in (c for c in collections if c.account == account.name):
            print(f"  {safe(c.name)} ({_kinds(c.components)}): {_state(c, pending.get(c.url))}")
    return 0


def _state(collection, conflicts: int | None) -> str:
    """`synced for @dental + work blocks, 2 conflict(s) waiting`, `not synced`."""
    if not collection.mapped:
        state = _("not synced")
    else:
        whose = f"@{safe(collection.client)}" if collection.client else _("no client")
        if collection.blocks:
            state = _("synced for {whose} + work blocks").format(whose=whose)
        else:
            state = _("synced for {whose}").format(whose=whose)
    if not conflicts:
        return state
    waiting = ngettext(", {count} conflict(s) waiting", ", {count} conflict(s) waiting", conflicts)
    return state + waiting.format(count=conflicts)


def remove_account(args) -> int:
    ws = open_workspace(args)
    gone = ws.accounts.remove(args.name)
    text = ngettext(
        "Removed account {name} ({count} collection(s) no longer synced)",
        "Removed account {name} ({count} collection(s) no longer synced)",
        gone,
    )
    print(text.format(name=safe(args.name), count=gone))
    return 0


def map_collection(args) -> int:
    ws = open_workspace(args)
    client = None if (args.client or "").lower() in ("", "none") else args.client
    found = ws.accounts.map(args.account, args.collection, client, args.blocks)
    whose = f"@{safe(found.client)}" if found.client else _("no client")
    if found.blocks:
        text = _("{label} is synced for {whose} and your work blocks by `va sync`")
    else:
        text = _("{label} is synced for {whose} by `va sync`")
    print(text.format(label=safe(found.label), whose=whose))
    return 0


def unmap_collection(args) -> int:
    ws = open_workspace(args)
    gone = ws.accounts.unmap(args.account, args.collection)
    text = _("{label} is no longer synced (its tasks and events stay here)")
    print(text.format(label=safe(gone.label)))
    return 0
