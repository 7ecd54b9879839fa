"""What goes wrong talking to a server, as one line naming the account and address."""

from __future__ import annotations

from vaworkspace.errors import VaError


class ServerError(VaError):
    """The server refused, failed or could not be reached; nothing was written locally.

    `status` is the HTTP status when there was one (401, 404, 503…), else 0 (a
    timeout, a refused connection, a TLS failure)."""

    def __init__(self, account: str, url: str, reason: str, status: int = 0) -> None:
        self.account, self.url, self.status = account, url, status
        super().__init__(f"account '{account}' ({url}): {reason}")


def reason_of_status(status: int) -> str:
    """The user's next step for an HTTP status a CalDAV request may get."""
    if status == 401:
        return "401 wrong user name or password; check --user and the password command"
    if status == 403:
        return "403 forbidden: this user may not use that address"
    if status == 404:
        return "404 not found: the address is wrong or the collection was removed"
    if status >= 500:
        return f"{status} server error; try again later"
    return f"unexpected HTTP status {status}"
