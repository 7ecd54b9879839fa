"""What a task import hands over (`TaskColumns`), what it reports, and which of its
clients are new.

The merge itself works on stored records by uuid (`store/task_merge.py`): a
re-import never duplicates a task; this module holds what the adapters produce and
what the user is told.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime

from vaworkspace.domain.models import Client, DateOrInstant, Task


@dataclass(frozen=True, slots=True)
class TaskColumns:
    """Imported tasks as one list per `Task` field (item k of every list is task k),
    in `Task`'s field order, without ids: the service numbers them, the store
    writes them (`store/task_columns.py`).

    Columns rather than `Task`s: a 10,000-task import has a budget of tens of
    milliseconds, and building 10,000 dataclasses, then encoding each again, cost
    four times the whole conversion. An adapter fills a column at C speed (`map`
    over a field of every item), shares equal values between tasks (one `datetime`
    per distinct date, so the store encodes each once), and the store writes each
    column with `map` too. `tasks()` is the same content as `Task`s, for whoever
    has the time (tests, a few tasks). The lists are the caller's to read only.
    """

    uuid: list[str]
    title: list[str]
    created: list[datetime]
    modified: list[datetime]
    client: list[str | None]
    tags: list[list[str]]
    priority: list[str | None]
    status: list[str]
    due: list[DateOrInstant | None]
    wait: list[DateOrInstant | None]
    scheduled: list[DateOrInstant | None]
    estimate_minutes: list[int | None]
    recurrence: list[str | None]
    recur_from_completion: list[bool]
    notes: list[str]
    completed: list[datetime | None]
    source: list[str]
    depends: list[list[str]]

    def __post_init__(self) -> None:
        sizes = {name: len(getattr(self, name)) for name in COLUMN_NAMES}
        if len(set(sizes.values())) > 1:
            raise ValueError(f"task columns of different lengths: {sizes}")

    def __len__(self) -> int:
        return len(self.uuid)

    def columns(self) -> tuple[list[object], ...]:
        """Every column, in `Task`'s field order (after `id`)."""
        return tuple(getattr(self, name) for name in COLUMN_NAMES)

    def tasks(self, first_id: int = 0) -> list[Task]:
        """The same tasks as `Task`s, numbered from `first_id` (slow: see above)."""
        rows = zip(*self.columns(), strict=True)
        return [Task(first_id + n, *row) for n, row in enumerate(rows)]


COLUMN_NAMES = tuple(f.name for f in fields(Task) if f.name != "id")
"""The fields `TaskColumns` holds a column of: every `Task` field but the id."""


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

    def headline(self) -> str:
        """The counts on one line: created, updated, unchanged, and how many new
        clients, skipped items and warnings `details` lists."""
        from vaworkspace.i18n import _, ngettext

        clients, skipped, warnings = len(self.new_clients), len(self.skipped), len(self.warnings)
        notes = [
            ngettext("{count} new client", "{count} new clients", clients).format(count=clients),
            ngettext("{count} skipped", "{count} skipped", skipped).format(count=skipped),
            ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        ]
        notes = [note for note, n in zip(notes, (clients, skipped, warnings), strict=True) if n]
        noted = ", ".join(notes)
        if self.dry_run:
            head = _(
                "Would import {source}: {created} created, {updated} updated, {unchanged} unchanged"
            )
        else:
            head = _(
                "Imported {source}: {created} created, {updated} updated, {unchanged} unchanged"
            )
        head = head.format(
            source=self.source, created=self.created, updated=self.updated, unchanged=self.unchanged
        )
        return f"{head}; {noted}" if noted else head

    def details(self) -> list[str]:
        """The new clients, then a line per skipped item and per warning. A 10k
        export with a thousand recurring templates has a skipped line and a
        warning for each: the CLI shows them on request (`va import --verbose`)."""
        from vaworkspace.i18n import _

        out = []
        if self.new_clients:
            names = ", ".join(f"@{c.id}" for c in self.new_clients)
            out.append(_("  new clients: {names}").format(names=names))
        out += [_("  skipped: {line}").format(line=line) for line in self.skipped]
        out += [_("  warning: {line}").format(line=line) for line in self.warnings]
        return out

    def lines(self) -> list[str]:
        """The headline, then every detail."""
        return [self.headline(), *self.details()]

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
