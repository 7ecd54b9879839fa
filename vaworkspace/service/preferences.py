"""The user's preferences kept in the workspace file (`state` table), e.g. the theme."""

from __future__ import annotations

from typing import Any

from vaworkspace.service.context import Service
from vaworkspace.store import state_records


class Preferences(Service):
    """`ws.preferences`: small named values that travel with the workspace."""

    def get(self, name: str, default: Any = None) -> Any:
        return state_records.preference(self.file.read()["state"], name, default)

    def set(self, name: str, value: Any) -> None:
        with self.file.transaction() as db:
            state_records.set_preference(db, name, value)
