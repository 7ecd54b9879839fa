"""The user's preferences kept in the workspace file (`state` table), e.g. the theme."""

from __future__ import annotations

from typing import Any

from vaworkspace.service.context import Service
from vaworkspace.store import tables


class Preferences(Service):
    """`ws.preferences`: small named values that travel with the workspace."""

    def get(self, name: str, default: Any = None) -> Any:
        for record in self.file.read()["state"].values():
            if record.get("kind") == "preference" and record.get("name") == name:
                return record.get("value", default)
        return default

    def set(self, name: str, value: Any) -> None:
        with self.file.transaction() as db:
            state = tables.records(db, "state")
            doc_id = next(
                (
                    i
                    for i, r in state.items()
                    if r.get("kind") == "preference" and r.get("name") == name
                ),
                max(state, default=0) + 1,
            )
            tables.put(db, "state", doc_id, {"kind": "preference", "name": name, "value": value})
