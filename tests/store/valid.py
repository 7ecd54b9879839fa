"""Records that pass the store's checks, for tests about storage mechanics."""

from __future__ import annotations


def task(**fields) -> dict:
    """A readable task record: the required fields, then `fields` (extra keys
    such as `who` are unknown fields, which the store keeps as they are)."""
    return {
        "uuid": "00000000-0000-4000-8000-000000000000",
        "title": "task",
        "created": "2024-01-01T00:00:00Z",
        "modified": "2024-01-01T00:00:00Z",
        **fields,
    }
