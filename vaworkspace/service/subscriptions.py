"""Calendar subscriptions (a file or a client's secret https address).

`va sync` re-imports every subscribed source: each fetch has a timeout and a
size cap, a failing source is reported while the others still sync, and events
that disappeared from a source are removed from the agenda. Publishing
(`[[publish]]`) lives in `publishing.py`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from vaworkspace.errors import ImportFileError, InputError, NotFoundError, VaError
from vaworkspace.store import tables

CALENDAR = "calendar"
FETCH_TIMEOUT = 15.0


@dataclass(slots=True)
class Subscription:
    name: str
    source: str
    client: str | None = None


class SubscriptionChanges:
    """Subscription and sync use cases of `Workspace`."""

    def subscriptions(self) -> list[Subscription]:
        found = [
            Subscription(r["name"], r["source"], r.get("client"))
            for r in self.file.read()["state"].values()
            if r.get("kind") == CALENDAR
        ]
        return sorted(found, key=lambda s: s.name)

    def add_subscription(self, name: str, source: str, client: str | None = None):
        name = name.strip()
        if not name:
            raise InputError("a calendar needs a name")
        if not source.startswith(("http://", "https://", "webcal://")):
            source = os.path.abspath(os.path.expanduser(source))
            if not os.path.isfile(source):
                raise InputError(f"no calendar file at {source}")
        with self.file.transaction() as db:
            state = tables.records(db, "state")
            if any(r.get("kind") == CALENDAR and r["name"] == name for r in state.values()):
                raise InputError(f"there is already a calendar named '{name}'")
            client_id = self._client_for_write(db, client)[1].id if client else None
            record = {"kind": CALENDAR, "name": name, "source": source, "client": client_id}
            tables.put(db, "state", max(state, default=0) + 1, record)
        return Subscription(name, source, client_id)

    def remove_subscription(self, name: str) -> int:
        """Forget a calendar and its events; returns how many events went."""
        with self.file.transaction() as db:
            state = tables.records(db, "state")
            doc = next(
                (i for i, r in state.items() if r.get("kind") == CALENDAR and r["name"] == name),
                None,
            )
            if doc is None:
                raise NotFoundError(f"no calendar named '{name}'; `va calendar list` shows them")
            tables.delete(db, "state", [doc])
            events = tables.records(db, "events")
            gone = [i for i, r in events.items() if r.get("calendar") == name]
            tables.delete(db, "events", gone)
        return len(gone)

    def sync(self) -> list[tuple[Subscription, object]]:
        """(subscription, CalendarImport or the error) for each source, in name order."""
        results = []
        for subscription in self.subscriptions():
            try:
                data = fetch(subscription.source)
                found = self.import_calendar(
                    data, subscription.name, subscription.client, calendar=subscription.name
                )
                results.append((subscription, found))
            except VaError as error:
                results.append((subscription, error))
        return results


def fetch(source: str, max_bytes: int | None = None) -> bytes:
    """The bytes of a calendar file or URL, with a timeout and a size cap."""
    from vaworkspace.ical.reader import MAX_BYTES

    cap = max_bytes or MAX_BYTES
    if not source.startswith(("http://", "https://", "webcal://")):
        try:
            with open(source, "rb") as handle:
                data = handle.read(cap + 1)
        except OSError as error:
            raise ImportFileError(f"cannot read {source}: {error.strerror}") from None
    else:
        data = _download(source.replace("webcal://", "https://", 1), cap)
    if len(data) > cap:
        raise ImportFileError(f"{source} is larger than {cap // (1024 * 1024)} MB; not imported")
    return data


def _download(url: str, cap: int) -> bytes:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "vaworkspace"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            return response.read(cap + 1)
    except urllib.error.HTTPError as error:
        raise ImportFileError(f"{url} answered {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise ImportFileError(f"{url} could not be fetched ({reason})") from None
