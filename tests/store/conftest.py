"""Fixtures shared by the storage tests."""

from __future__ import annotations

import pytest

from vaworkspace.store import document as store_document


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The tables parsed from laid-out bytes, in order."""
    names: list[str] = []
    real = store_document.Source.table

    def counting(self, name):
        if name not in self.parsed:
            names.append(name)
        return real(self, name)

    monkeypatch.setattr(store_document.Source, "table", counting)
    return names
