"""Calendar tests run the CLI in-process at a fixed moment, with client @evelyne."""

from __future__ import annotations

import pytest

from vaworkspace.cli import main


@pytest.fixture
def va(monkeypatch, capsys):
    monkeypatch.setenv("VAWORKSPACE_NOW", "2026-12-01T19:00:00Z")

    def run(*argv: str, code: int = 0) -> str:
        result = main(list(argv))
        out, err = capsys.readouterr()
        assert result == code, (out, err)
        return out if code == 0 else err

    run("client", "add", "Évelyne Couture", "--id", "evelyne")
    return run


@pytest.fixture
def hostile():
    """A misbehaving HTTP server on 127.0.0.1 (`hostile_server.py`), stopped after the test."""
    from tests.ical.hostile_server import HostileServer

    server = HostileServer()
    try:
        yield server
    finally:
        server.stop()
