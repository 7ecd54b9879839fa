"""A CalDAV account and the collections of it the workspace follows.

An account says where the server is and who logs in; the password is never held
here: `password_command` (as khal and vdirsyncer do) or a netrc entry gives it
when a sync runs. A collection (a calendar or a task list) is followed once it is
mapped: its events come into the agenda, its to-dos are tasks of `client`, and
with `blocks` the VA's work blocks go to it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    url: str
    user: str | None = None
    password_command: str | None = None


@dataclass(frozen=True, slots=True)
class Collection:
    """A collection of an account, as discovery found it and the VA mapped it.

    `components`: "VEVENT", "VTODO" (what the server says it holds). `mapped`:
    whether `va sync` follows it; `client` and `blocks` say how."""

    account: str
    url: str
    name: str
    components: tuple[str, ...]
    mapped: bool = False
    client: str | None = None
    blocks: bool = False

    @property
    def segment(self) -> str:
        """The last part of its address, which `va account map` accepts too."""
        return self.url.rstrip("/").rsplit("/", 1)[-1]

    @property
    def label(self) -> str:
        """`account/name`: how its events are labelled in the agenda."""
        return f"{self.account}/{self.name}"

    def answers_to(self, ref: str) -> bool:
        """Whether `ref` (as typed after `va account map ACCOUNT`) names it."""
        folded = ref.strip().casefold()
        return folded in (self.name.casefold(), self.segment.casefold())
