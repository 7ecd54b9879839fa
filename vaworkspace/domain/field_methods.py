"""The `__repr__` and `__eq__` (and, for a frozen value, `__setattr__`,
`__delattr__` and `__hash__`) that `@dataclass` would generate, written once.

`@dataclass` writes these methods, and `__init__`, for each class as source
text and compiles it when the module is imported: in every process, since a
`va` command is one. The classes every command builds (a task, a client, the
config) stay dataclasses, so `fields()`, `replace()` and `asdict()` work as
before, but are declared `@dataclass(init=False, repr=False, eq=False)`: each
writes its own `__init__` (compiled once, into its .pyc) and inherits the rest
from `FieldMethods` (or `FrozenFieldMethods`), which behave as the generated
ones do: the repr lists the fields that ask for it, in order; two values are
equal when they are of the same class and their compared fields are equal as
tuples (so `NotImplemented` for another class); a class that defines `__eq__`
is unhashable unless frozen, and a frozen one hashes its compared fields and
refuses assignment with `FrozenInstanceError`.
`tests/domain/test_field_methods.py` holds every such class to its dataclass twin.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields
from reprlib import recursive_repr

_SHOWN: dict[type, tuple[str, ...]] = {}
_COMPARED: dict[type, tuple[str, ...]] = {}


def _shown(cls: type) -> tuple[str, ...]:
    names = _SHOWN.get(cls)
    if names is None:
        names = _SHOWN[cls] = tuple(f.name for f in fields(cls) if f.repr)
    return names


def _compared(cls: type) -> tuple[str, ...]:
    names = _COMPARED.get(cls)
    if names is None:
        names = _COMPARED[cls] = tuple(f.name for f in fields(cls) if f.compare)
    return names


class FieldMethods:
    """Base of a dataclass declared with `repr=False, eq=False`: its repr and equality."""

    __slots__ = ()

    @recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _shown(type(self)))
        return f"{self.__class__.__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        names = _compared(type(self))
        return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)


class FrozenFieldMethods(FieldMethods):
    """`FieldMethods` for a value that cannot change once built (`frozen=True`):
    its `__init__` sets the fields with `object.__setattr__`."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, name) for name in _compared(type(self))))
