"""Calendar subscriptions (a file or a client's secret https address).

`va sync` re-imports every subscribed source and removes the events that
disappeared from it, so a source counts only when it arrived whole: a download
cut short, a chunked body that ends early or a calendar without its closing
END:VCALENDAR fails that source and changes nothing (see `service/download.py`
for the deadline, the size cap and malformed HTTP). Each failure is one
`SyncFailed` line naming the calendar, and the other sources still sync.
Publishing (`[[publish]]`) lives in `publishing.py`.
"""

from __future__ import annotations

import os
import re

from vaworkspace.config import DEFAULT_DEADLINE
from vaworkspace.domain.calendar.subscriptions import Subscription
from vaworkspace.errors import ImportFileError, InputError, NotFoundError, VaError
from vaworkspace.i18n import _
from vaworkspace.service.context import Context, Service
from vaworkspace.service.lookup import client_for_write
from vaworkspace.store import state_records

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from vaworkspace.service.calendar import CalendarService

_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class SyncFailed(ImportFileError):
    """One source was not synced; its events are as they were."""


class SubscriptionService(Service):
    """`ws.subscriptions`: calendars followed by `va sync`."""

    def __init__(self, ctx: Context, calendar: CalendarService) -> None:
        super().__init__(ctx)
        self.calendar = calendar

    def all(self) -> list[Subscription]:
        found = state_records.subscriptions(self.file.read()["state"])
        return sorted(found, key=lambda s: s.name)

    def add(self, name: str, source: str, client: str | None = None) -> Subscription:
        name = name.strip()
        if not name:
            raise InputError(_("a calendar needs a name"))
        source = checked_source(source)
        with self.file.transaction() as db:
            if state_records.has_subscription(db, name):
                raise InputError(_("there is already a calendar named '{name}'").format(name=name))
            client_id = client_for_write(db, client)[1].id if client else None
            subscription = Subscription(name, source, client_id)
            state_records.add_subscription(db, subscription)
        return subscription

    def remove(self, name: str) -> int:
        """Forget a calendar and its events; returns how many events went."""
        with self.file.transaction() as db:
            gone = state_records.remove_subscription(db, name)
        if gone is None:
            raise NotFoundError(
                _("no calendar named '{name}'; `va calendar list` shows them").format(name=name)
            )
        return gone

    def sync(
        self, starting: Callable[[Subscription], None] | None = None
    ) -> list[tuple[Subscription, object]]:
        """(subscription, CalendarImport or its `SyncFailed`) for each source, by name.

        `starting` is told of each source before it is fetched (the TUI's progress)."""
        deadline = self.config.sync_deadline  # checked when the config was loaded
        results: list[tuple[Subscription, object]] = []
        for subscription in self.all():
            if starting is not None:
                starting(subscription)
            try:
                data = fetch(subscription.source, deadline=deadline)
                found: object = self.calendar.import_file(
                    data, subscription.name, subscription.client, calendar=subscription.name
                )
            except VaError as error:
                why = _("calendar '{name}' not synced: {error}; nothing changed")
                found = SyncFailed(why.format(name=subscription.name, error=error))
            results.append((subscription, found))
        return results


def checked_source(source: str) -> str:
    """A subscribable source as it will be stored: an http(s)/webcal address, or
    the absolute path of a regular file; else `InputError` saying what is wrong."""
    from vaworkspace.service.inputs import kind_of, not_a_file

    if not source.strip():
        raise InputError(_("a calendar needs a file path or an https:// address"))
    if _ADDRESS.match(source):
        return _checked_address(source)
    path = os.path.abspath(os.path.expanduser(source))
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputError(_("no calendar file at {path}").format(path=path)) from None
    except OSError as error:
        why = _("cannot read {path}: {error}").format(path=path, error=error.strerror)
        raise InputError(why) from None
    kind = kind_of(mode)
    if kind is not None:
        raise InputError(not_a_file(path, kind))
    return path


def _checked_address(source: str) -> str:
    from urllib.parse import urlsplit

    scheme = source.split("://", 1)[0].lower()
    if scheme not in ("http", "https", "webcal"):
        raise InputError(
            _("only http://, https:// and webcal:// addresses or calendar files can be subscribed")
        )
    if any(char.isspace() or not char.isprintable() for char in source):
        raise InputError(
            _(
                "the address has spaces or control characters; "
                "copy it again from the calendar's sharing settings"
            )
        )
    parts = urlsplit(source)
    if not parts.hostname:
        raise InputError(_("{source} has no host").format(source=source))
    try:
        port = parts.port
    except ValueError:  # not a number, or over 65535
        port = 0
    if port == 0:
        raise InputError(_("{source} has a bad port number").format(source=source))
    return scheme + source[len(scheme) :]


def fetch(source: str, max_bytes: int | None = None, deadline: float = DEFAULT_DEADLINE) -> bytes:
    """The whole of a calendar file or address, within the size cap and deadline."""
    from vaworkspace.ical.reader import MAX_BYTES

    cap = max_bytes or MAX_BYTES
    if _ADDRESS.match(source):
        from vaworkspace.service.download import download

        if source.lower().startswith("webcal://"):
            source = "https://" + source[len("webcal://") :]
        return download(source, cap, deadline)
    from vaworkspace.service.inputs import read_capped

    return read_capped(source, cap, "one calendar file")
