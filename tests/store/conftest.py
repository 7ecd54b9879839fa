"""Fixtures shared by the storage tests."""

from __future__ import annotations

import pytest

from vaworkspace.store import source as store_source


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The tables parsed from laid-out bytes, in order (but the writer's own
    small `client_index`, which every write that changes items brings up to date)."""
    names: list[str] = []
    real = store_source.Source.table

    def counting(self, name):
        if name not in self.parsed and name != "client_index":
            names.append(name)
        return real(self, name)

    monkeypatch.setattr(store_source.Source, "table", counting)
    return names
