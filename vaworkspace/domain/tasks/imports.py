"""What a task import reports, and which of its clients are new.

The merge itself works on stored records by uuid (`store/task_merge.py`): a
re-import never duplicates a task; this module holds what the user is told.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vaworkspace.domain.models import Client


@dataclass(slots=True)
class ImportSummary:
    """The counts and notes of one task import, shown by both UIs."""

    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    new_clients: list[Client] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    dry_run: bool = False

    def lines(self) -> list[str]:
        out = [
            f"{'Would import' if self.dry_run else 'Imported'} {self.source}: "
            f"{self.created} created, "
            f"{self.updated} updated, {self.unchanged} unchanged"
        ]
        if self.new_clients:
            names = ", ".join(f"@{c.id}" for c in self.new_clients)
            out.append(f"  new clients: {names}")
        out += [f"  skipped: {line}" for line in self.skipped]
        out += [f"  warning: {line}" for line in self.warnings]
        return out

    def as_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "new_clients": [c.id for c in self.new_clients],
            "skipped": self.skipped,
            "warnings": self.warnings,
            "dry_run": self.dry_run,
        }


def new_clients(existing: set[str], wanted: list[Client]) -> list[Client]:
    """The imported clients whose id is not taken yet (existing ones are left as they are)."""
    seen = set(existing)
    out = []
    for client in wanted:
        if client.id not in seen:
            seen.add(client.id)
            out.append(client)
    return out
