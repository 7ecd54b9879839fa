"""A calendar followed by `va sync`: a name, where it comes from, and whose it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Subscription:
    """`source` is a file path or an address (a client's secret https link);
    `client` is the id of the client its events belong to, if any."""

    name: str
    source: str
    client: str | None = None
