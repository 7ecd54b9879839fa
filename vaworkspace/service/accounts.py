"""CalDAV accounts (`va account`): where they are, what they hold, which is whose.

The account itself (address, user, password command) is a setting kept in
`accounts.toml` beside the config (`config/accounts.py`); the collections found
on it and which client each belongs to are the workspace's, kept in its file
(`store/dav_records.py`). Adding an account discovers its collections first, so
a wrong address or password is refused before anything is written.
"""

from __future__ import annotations

from vaworkspace.domain.calendar.accounts import Account, Collection
from vaworkspace.errors import InputError, NotFoundError
from vaworkspace.i18n import _
from vaworkspace.service.context import Context, Service
from vaworkspace.service.lookup import client_for_write
from vaworkspace.store import dav_records

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

    from vaworkspace.dav.client import Connection


class AccountService(Service):
    """`ws.accounts`: add, list, remove and map CalDAV accounts."""

    def __init__(self, ctx: Context, env: Mapping[str, str] | None = None) -> None:
        super().__init__(ctx)
        from vaworkspace.config.accounts import accounts_path

        self.env = env
        self.accounts_file = accounts_path(env)

    def all(self) -> list[Account]:
        from vaworkspace.config.accounts import load_accounts

        return load_accounts(self.accounts_file)

    def get(self, name: str) -> Account:
        for account in self.all():
            if account.name == name:
                return account
        raise NotFoundError(_no_account(name))

    def collections(self, account: str | None = None) -> list[Collection]:
        """The collections known in this workspace (of one account), by name."""
        found = dav_records.collections(self.file.read())
        mine = [c for c in found if account is None or c.account == account]
        return sorted(mine, key=lambda c: (c.account, c.name.casefold(), c.url))

    def pending(self) -> dict[str, int]:
        """Per collection address: how many to-dos wait for `--theirs`/`--mine`."""
        return dav_records.pending_counts(self.file.read())

    def add(
        self, name: str, url: str, user: str | None, password_command: str | None
    ) -> list[Collection]:
        """Check the account by discovering its collections, then save it; the
        collections found (none is followed until mapped)."""
        from vaworkspace.config.accounts import save_accounts

        name = name.strip()
        if not name or any(c.isspace() or not c.isprintable() for c in name):
            raise InputError(_("an account needs a name without spaces, like 'work'"))
        url = checked_url(url)
        accounts = self.all()
        if any(a.name == name for a in accounts):
            raise InputError(_("there is already an account named '{name}'").format(name=name))
        account = Account(name, url, user or None, password_command or None)
        found = self.discover(account)
        save_accounts(self.accounts_file, [*accounts, account])
        return found

    def discover(self, account: Account) -> list[Collection]:
        """Ask the server for the account's collections and remember them."""
        connection = self.connect(account)
        found = [
            Collection(account.name, c.url, c.name, c.components) for c in connection.collections()
        ]
        with self.file.transaction() as db:
            dav_records.discovered(db, account.name, found)
        return self.collections(account.name)

    def remove(self, name: str) -> int:
        """Forget an account and its collections (tasks and events stay); how many
        collections went."""
        from vaworkspace.config.accounts import save_accounts

        accounts = self.all()
        if not any(a.name == name for a in accounts):
            raise NotFoundError(_no_account(name))
        with self.file.transaction() as db:
            gone = dav_records.forget_account(db, name)
        save_accounts(self.accounts_file, [a for a in accounts if a.name != name])
        return gone

    def map(self, account: str, ref: str, client: str | None, blocks: bool = False) -> Collection:
        """Follow collection `ref` (its name or the last part of its address) of
        `account` for `client`; a collection not known yet is looked for on the
        server first."""
        known = self.collections(self.get(account).name)
        matches = [c for c in known if c.answers_to(ref)]
        if not matches:
            known = self.discover(self.get(account))
            matches = [c for c in known if c.answers_to(ref)]
        if not matches:
            names = ", ".join(c.name for c in known) or _("none")
            raise NotFoundError(
                _("account '{account}' has no collection '{ref}' (it has: {names})").format(
                    account=account, ref=ref, names=names
                )
            )
        if len(matches) > 1:
            raise InputError(_several(ref))
        chosen = matches[0]
        with self.file.transaction() as db:
            client_id = client_for_write(db, client)[1].id if client else None
            dav_records.set_mapping(db, chosen.url, client_id, blocks)
        return next(c for c in self.collections(account) if c.url == chosen.url)

    def unmap(self, account: str, ref: str) -> Collection:
        """Stop following collection `ref` of `account` (the inverse of `map`).
        The tasks and events it brought stay; its sync state goes, so mapping it
        again starts with a full comparison. Nothing is written for a collection
        that is unknown or not followed."""
        known = self.collections(self.get(account).name)
        matches = [c for c in known if c.answers_to(ref) and c.mapped]
        if not matches:
            followed = ", ".join(c.name for c in known if c.mapped) or _("none")
            if any(c.answers_to(ref) for c in known):
                why = _("'{ref}' is not synced on account '{account}' (synced there: {followed})")
            else:
                why = _(
                    "'{ref}' is no collection of it on account '{account}' "
                    "(synced there: {followed})"
                )
            raise NotFoundError(why.format(ref=ref, account=account, followed=followed))
        if len(matches) > 1:
            raise InputError(_several(ref))
        with self.file.transaction() as db:
            dav_records.unset_mapping(db, matches[0].url)
        return matches[0]

    def connect(self, account: Account) -> Connection:
        """A connection with the account's password (asked of its command or netrc)."""
        from vaworkspace.config.accounts import password_for
        from vaworkspace.dav.client import Connection

        password = password_for(account, self.env)
        return Connection(
            account.name, account.url, account.user, password, self.config.sync_deadline
        )


def _no_account(name: str) -> str:
    return _("no account named '{name}'; `va account list` shows them").format(name=name)


def _several(ref: str) -> str:
    return _("'{ref}' names several collections; use the last part of its URL").format(ref=ref)


def checked_url(url: str) -> str:
    """An http(s) address with a host, else `InputError` saying what is wrong."""
    from urllib.parse import urlsplit

    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(
            _("'{url}' is not an http:// or https:// address of a CalDAV server").format(url=url)
        )
    if any(c.isspace() or not c.isprintable() for c in url):
        raise InputError(_("the address has spaces or control characters"))
    return url if url.endswith("/") else url + "/"
