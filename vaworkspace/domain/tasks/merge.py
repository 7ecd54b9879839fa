"""Merging imported tasks into the workspace by uuid: re-imports never duplicate.

An imported task whose uuid is already present replaces the fields of the local
task but keeps its short id; if nothing differs it counts as unchanged. New uuids
get fresh ids. The caller writes the result in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter

from vaworkspace.domain.models import Client

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    Record = dict[str, object]
    """A task as stored (JSON), compared without building a `Task`."""


@dataclass(slots=True)
class ImportSummary:
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


def merge_records(
    existing: dict[str, tuple[int, Record]],
    imported: list[Record],
    next_id: int,
    summary: ImportSummary,
    same: Callable[[int, Record], bool],
) -> tuple[dict[int, Record], int]:
    """Task records to write by id (created and updated), and the next free id.

    Records, not tasks: a 10k import has no time to build and compare 10,000
    `Task`s. `existing` maps uuid → (id, stored record). Equal records are
    unchanged; `same(id, imported)` decides for records that differ as dicts but
    may describe the same task (one an older version wrote with a default
    spelled out, say). Duplicated uuids inside one import keep the last one, like
    a later line overriding an earlier one.
    """
    uuids = list(map(itemgetter("uuid"), imported))
    if len(set(uuids)) < len(imported):
        latest = dict(zip(uuids, imported, strict=True))
        uuids, imported = list(latest), list(latest.values())
    found = list(map(existing.get, uuids)) if existing else None
    if not found or not any(found):  # all new (a first import): numbered in order, at C speed
        summary.created += len(imported)
        end = next_id + len(imported)
        return dict(zip(range(next_id, end), imported, strict=True)), end
    writes: dict[int, Record] = {}
    for record, local in zip(imported, found, strict=True):
        if local is None:
            writes[next_id] = record
            next_id += 1
            summary.created += 1
        elif local[1] == record or same(local[0], record):
            summary.unchanged += 1
        else:
            writes[local[0]] = record
            summary.updated += 1
    return writes, next_id


def new_clients(existing: set[str], wanted: list[Client]) -> list[Client]:
    """The imported clients whose id is not taken yet (existing ones are left as they are)."""
    seen = set(existing)
    out = []
    for client in wanted:
        if client.id not in seen:
            seen.add(client.id)
            out.append(client)
    return out
