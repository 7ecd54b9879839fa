"""Whose a task or a time entry is: the one rule behind every client filter and count.

A task and an entry name their client by id, or by nothing (`None` or `""`: stored
files hold both). "No client" is a client filter of its own, beside "all" and a
given id: the TUI's sidebar offers it, and its count is the one of `count_by_client`.

- `wanted` None: everything; `NO_CLIENT` (""): only what has no client; an id:
  exactly that client's (ids are compared as stored, never by prefix: resolve a
  typed prefix to an id first).
- `count_by_client` counts under the client's id, or `NO_CLIENT`; a client without
  any item has no key.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Protocol, TypeVar

    class Owned(Protocol):
        @property
        def client(self) -> str | None: ...

    T = TypeVar("T", bound=Owned)

NO_CLIENT = ""
"""The client filter (and count key) of tasks and entries without a client."""


def owner(item: Owned) -> str:
    """The client id of `item`, or `NO_CLIENT`."""
    return item.client or NO_CLIENT


def of_client(items: Iterable[T], wanted: str | None) -> list[T]:
    """The items that pass the client filter `wanted`, in their order."""
    if wanted is None:
        return list(items)
    return [item for item in items if (item.client or NO_CLIENT) == wanted]


def count_by_client(items: Iterable[Owned]) -> dict[str, int]:
    """How many items each client has (`NO_CLIENT` for those without one)."""
    counts: dict[str, int] = {}
    for item in items:
        key = item.client or NO_CLIENT
        counts[key] = counts.get(key, 0) + 1
    return counts
