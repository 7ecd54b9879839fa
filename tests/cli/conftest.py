"""`va(...)` runs the CLI in-process at a fixed moment and returns what it printed."""

from __future__ import annotations

import pytest

from vaworkspace.cli import main

NOW = "2026-12-01T19:00:00Z"  # Tuesday 14:00 in Montreal


@pytest.fixture
def va(monkeypatch, capsys):
    """Call with the arguments; returns stdout, or stderr when `code` is non-zero."""
    monkeypatch.setenv("VAWORKSPACE_NOW", NOW)

    def run(*argv: str, code: int = 0) -> str:
        result = main(list(argv))
        out, err = capsys.readouterr()
        assert result == code, (out, err)
        return out if code == 0 else err

    return run
