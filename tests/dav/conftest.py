"""Fixtures of the CalDAV tests: one real Radicale server for the module, and a
private one for a test that kills its server."""

from __future__ import annotations

import itertools

import pytest

from tests.dav.radicale import RadicaleServer

_slugs = itertools.count(1)


@pytest.fixture(scope="module")
def radicale(tmp_path_factory):
    """One server for the module (starting one costs about a second); each test
    makes collections of its own (`fresh_slug`), so tests do not see each other's."""
    server = RadicaleServer(tmp_path_factory.mktemp("radicale")).start()
    yield server
    server.remove()


@pytest.fixture
def private_radicale(tmp_path):
    """A server of this test's own, to stop, kill and start again."""
    server = RadicaleServer(tmp_path / "radicale").start()
    yield server
    server.remove()


@pytest.fixture
def fresh_slug():
    """A collection name no other test of the session uses."""
    return f"list{next(_slugs)}"


class Synced:
    """A workspace with client @acme whose task list `slug` lives on the server."""

    def __init__(self, server: RadicaleServer, path, slug: str, user: str = "ann") -> None:
        from tests.dav.phone import Phone
        from tests.dav.radicale import USERS
        from vaworkspace.service import Workspace

        self.server, self.slug = server, slug
        self.url = server.make_collection(user, slug, f"Tasks {slug}", ["VTODO", "VEVENT"])
        self.ws = Workspace.open(str(path))
        self.ws.clients.add("Acme", id="acme")
        self.ws.accounts.add("work", server.url, user, f"echo {USERS[user]}")
        self.ws.accounts.map("work", slug, "acme")
        self.phone = Phone(server.url, user, self.url)

    def sync(self, prefer: str | None = None):
        """The one collection's result (raises its error, if any)."""
        results = self.ws.dav.sync(prefer)
        assert len(results) == 1
        result = results[0][1]
        if isinstance(result, Exception):
            raise result
        return result

    def task(self, title: str):
        found = [t for t in self.ws.snapshot().tasks() if t.title == title]
        assert len(found) == 1, [t.title for t in self.ws.snapshot().tasks()]
        return found[0]

    def titles(self) -> set[str]:
        return {t.title for t in self.ws.snapshot().tasks()}


@pytest.fixture
def synced(radicale, fresh_slug, tmp_path):
    return Synced(radicale, tmp_path / "ws.json", fresh_slug)
