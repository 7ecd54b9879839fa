"""One account's connection: discovery, changes since a sync token, batch fetch,
and conditional writes. Every failure is a `ServerError` naming the account and URL.

Hrefs are absolute URLs (the server's path joined to the collection's address),
so a stored href can be used as is by the next run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from xml.sax.saxutils import escape

from vaworkspace.dav.errors import ServerError, reason_of_status

BATCH = 500
"""Resources asked for in one calendar-multiget: large enough that a full sync of a
few thousand items is a handful of requests, small enough for any server."""

_CALDAV = "urn:ietf:params:xml:ns:caldav"
_SYNC_BODY = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<D:sync-collection xmlns:D="DAV:"><D:sync-token>{token}</D:sync-token>'
    "<D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>"
)
_LIST_BODY = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<D:propfind xmlns:D="DAV:"><D:prop><D:getetag/><D:resourcetype/></D:prop></D:propfind>'
)
_MULTIGET_HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>'
    f'<C:calendar-multiget xmlns:D="DAV:" xmlns:C="{_CALDAV}">'
    "<D:prop><D:getetag/><C:calendar-data/></D:prop>"
)
_ICS = {"Content-Type": "text/calendar; charset=utf-8"}


@dataclass(frozen=True, slots=True)
class Collection:
    """A calendar or task list on the server: its address, the name its owner gave
    it (else the last part of the address) and the components it holds."""

    url: str
    name: str
    components: tuple[str, ...]

    @property
    def segment(self) -> str:
        return self.url.rstrip("/").rsplit("/", 1)[-1]


@dataclass(slots=True)
class Changes:
    """What changed in a collection since `token` was handed out.

    `changed`: href -> ETag of every resource added or modified. `deleted`: the
    hrefs removed. `complete` is True when the server listed everything (no token
    yet, or it forgot ours): a stored href missing from `changed` is then gone.
    """

    token: str | None
    changed: dict[str, str] = field(default_factory=dict)
    deleted: list[str] = field(default_factory=list)
    complete: bool = False


class Precondition(Exception):
    """A conditional write was refused (HTTP 412): the resource changed on the
    server since its ETag was read, or it already exists."""


class Connection:
    """Requests to one account's server. `password` is the one the account's
    password command or netrc entry gave; it lives only in this object."""

    def __init__(
        self, account: str, url: str, user: str | None, password: str | None, timeout: float
    ) -> None:
        from caldav import DAVClient

        self.account, self.url = account, url
        self._client = DAVClient(url, username=user, password=password, timeout=int(timeout) or 1)

    # -- discovery ---------------------------------------------------------------------

    def collections(self) -> list[Collection]:
        """Every calendar and task list of the account's principal (principal ->
        calendar-home-set -> its collections), by name."""
        found = []
        with self._failing(self.url):
            principal = self._client.principal()
            for calendar in principal.calendars():
                url = str(calendar.url)
                components = tuple(calendar.get_supported_components())
                name = calendar.name or url.rstrip("/").rsplit("/", 1)[-1]
                found.append(Collection(url, str(name), components))
        return sorted(found, key=lambda c: (c.name.casefold(), c.url))

    # -- reading -----------------------------------------------------------------------

    def changes(self, collection: str, token: str | None) -> Changes:
        """Changes since `token` (RFC 6578); a full listing when there is no token,
        the server forgot it, or it does not support sync tokens (then ETags
        tell the caller what changed)."""
        from caldav.lib.error import AuthorizationError, ReportError

        if token:
            try:
                return self._sync_report(collection, token, ("AuthorizationError", "ReportError"))
            except (AuthorizationError, ReportError):  # 403 valid-sync-token: start over
                pass
        try:
            listing = self._sync_report(collection, "", ("ReportError",))
        except ReportError:  # no RFC 6578 on this server: list the ETags
            listing = self._etag_listing(collection)
        listing.complete = True
        return listing

    def fetch(self, collection: str, hrefs: list[str]) -> dict[str, tuple[str, str]]:
        """href -> (ETag, iCalendar text) for each resource still there."""
        from caldav.elements import cdav, dav

        out: dict[str, tuple[str, str]] = {}
        for start in range(0, len(hrefs), BATCH):
            paths = "".join(
                f"<D:href>{escape(urlsplit(h).path)}</D:href>" for h in hrefs[start : start + BATCH]
            )
            body = f"{_MULTIGET_HEAD}{paths}</C:calendar-multiget>"
            with self._failing(collection):
                response = self._client.report(collection, body, depth=1)
                self._check(response.status, collection, ok=(207,))
                found = response.expand_simple_props([dav.GetEtag(), cdav.CalendarData()])
            for href, props in found.items():
                data = props.get(cdav.CalendarData.tag)
                if data:
                    out[urljoin(collection, href)] = (props.get(dav.GetEtag.tag) or "", data)
        return out

    # -- writing -----------------------------------------------------------------------

    def put(self, href: str, text: str, etag: str | None) -> str | None:
        """Write a resource: over the version `etag` names, or (None) only if it
        does not exist yet. Returns the new ETag when the server gives one;
        raises `Precondition` when the server's copy is not the one expected."""
        condition = {"If-Match": etag} if etag else {"If-None-Match": "*"}
        with self._failing(href):
            response = self._client.request(href, "PUT", text, {**_ICS, **condition})
        self._check(response.status, href, ok=(200, 201, 204))
        return response.headers.get("ETag")

    def delete(self, href: str, etag: str | None) -> None:
        """Delete a resource if it is still the version `etag` names; gone already is fine."""
        headers = {"If-Match": etag} if etag else {}
        with self._failing(href):
            response = self._client.request(href, "DELETE", "", headers)
        if response.status != 404:
            self._check(response.status, href, ok=(200, 204))

    # -- internals ---------------------------------------------------------------------

    def _sync_report(self, collection: str, token: str, passing: tuple[str, ...]) -> Changes:
        """A sync-collection REPORT; the errors named in `passing` are the caller's."""
        from caldav.elements import dav

        body = _SYNC_BODY.format(token=escape(token))
        with self._failing(collection, passing):
            response = self._client.report(collection, body, depth=1)
            if response.status in (400, 403, 405, 409, 412, 415, 501):
                from caldav.lib.error import ReportError  # no RFC 6578, or a stale token

                raise ReportError(str(response.status))
            self._check(response.status, collection, ok=(207,))
            props = response.expand_simple_props([dav.GetEtag()])
        changes = Changes(getattr(response, "sync_token", None))
        base = urlsplit(collection).path.rstrip("/")
        for href, values in props.items():
            if urlsplit(href).path.rstrip("/") == base:
                continue  # some servers list the collection itself
            absolute = urljoin(collection, href)
            if "404" in (response.statuses.get(href) or ""):
                changes.deleted.append(absolute)
            else:
                changes.changed[absolute] = values.get(dav.GetEtag.tag) or ""
        return changes

    def _etag_listing(self, collection: str) -> Changes:
        from caldav.elements import dav

        with self._failing(collection):
            response = self._client.propfind(collection, _LIST_BODY, depth=1)
            self._check(response.status, collection, ok=(207,))
            props = response.expand_simple_props([dav.GetEtag()])
        changes = Changes(None)
        base = urlsplit(collection).path.rstrip("/")
        for href, values in props.items():
            if urlsplit(href).path.rstrip("/") != base:
                changes.changed[urljoin(collection, href)] = values.get(dav.GetEtag.tag) or ""
        return changes

    def _check(self, status: int, url: str, ok: tuple[int, ...]) -> None:
        if status == 412:
            raise Precondition(url)
        if status not in ok:
            raise ServerError(self.account, url, reason_of_status(status), status)

    def _failing(self, url: str, passing: tuple[str, ...] = ()) -> _Failing:
        return _Failing(self.account, url, passing)


class _Failing:
    """Turns what `requests` and `caldav` raise into one `ServerError` line;
    exceptions named in `passing` go through for the caller to handle."""

    def __init__(self, account: str, url: str, passing: tuple[str, ...]) -> None:
        self.account, self.url, self.passing = account, url, passing

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, _: object):
        if error is None or isinstance(error, ServerError | Precondition):
            return False
        if type(error).__name__ in self.passing:
            return False
        reason = _reason(error)
        if reason is None:
            return False
        status = 401 if reason.startswith("401") else 403 if reason.startswith("403") else 0
        raise ServerError(self.account, self.url, reason, status) from None


def _reason(error: BaseException) -> str | None:
    """One line for a failure of the network or the server; None for our own bugs."""
    import requests
    from caldav.lib import error as dav_error

    if isinstance(error, dav_error.AuthorizationError):
        said = f"{getattr(error, 'reason', '')}"
        return reason_of_status(401 if "unauthorized" in said.lower() else 403)
    if isinstance(error, dav_error.NotFoundError):
        return reason_of_status(404)
    if isinstance(error, dav_error.DAVError):
        return f"the server's answer could not be used ({error})".replace("\n", " ")
    if isinstance(error, requests.exceptions.SSLError):
        return "TLS error: the server's certificate was refused (wrong host, expired, self-signed)"
    if isinstance(error, requests.exceptions.Timeout):
        return "timed out waiting for the server"
    if isinstance(error, requests.exceptions.ConnectionError):
        return "cannot connect: the server is down or the address is wrong"
    if isinstance(error, requests.exceptions.RequestException):
        return f"request failed: {type(error).__name__}"
    return None
