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


def defer_import(name: str) -> None:
    """Let `import <name>` bind a stand-in that imports the real module on first
    attribute use, for a module our dependencies import eagerly but rarely use.

    The case it exists for: `dataclasses` imports `inspect` (with ast, dis,
    tokenize and linecache: about as much import time as the dataclasses of
    `va add` themselves) only to write a signature into the docstring of a
    class that has none. The first attribute read imports the real module, which
    then replaces the stand-in in `sys.modules`, and copies its namespace into
    the stand-in, so code that bound the stand-in works as with the real module.
    Does nothing if the module is already loaded.
    """
    import sys

    if name not in sys.modules:
        sys.modules[name] = _deferred(name)


def _deferred(name: str):
    import types  # already loaded by argparse and enum: free here

    class Deferred(types.ModuleType):
        def __getattr__(self, attribute: str):
            import sys
            from importlib import import_module

            if sys.modules.get(name) is self:
                del sys.modules[name]
            real = import_module(name)
            self.__dict__.update(real.__dict__)
            return getattr(real, attribute)

    return Deferred(name)
