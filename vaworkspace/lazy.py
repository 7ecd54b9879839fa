"""A module imported on first attribute use: commands that never need it never pay.

Every `va` command imports the service package; a module used by only some of
its use cases (the timer, the agenda) is bound through `lazy()` so `va list`
keeps its import budget.
"""

from __future__ import annotations


class _Lazy:
    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str):
        from importlib import import_module

        return getattr(import_module(self._name), attribute)


def lazy(module: str):
    """`timer = lazy("vaworkspace.domain.time.timer")`, then `timer.start(...)` as usual."""
    return _Lazy(module)
