"""The dataclasses that write their own methods (`domain/field_methods.py`)
behave as the ones `@dataclass` would generate: each is held to a twin made by
`make_dataclass` from its own fields."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from vaworkspace.config import Config, PublishTarget
from vaworkspace.domain.models import Budget, Client, Task, TimeEntry
from vaworkspace.domain.tasks.quickadd import QuickAdd

WRITTEN = [Budget, Client, TimeEntry, Task, QuickAdd, Config, PublishTarget]
FROZEN = {Budget, PublishTarget}


def twin(cls: type) -> type:
    specs = []
    for f in dataclasses.fields(cls):
        spec = dataclasses.field(default=f.default, default_factory=f.default_factory)
        specs.append((f.name, f.type, spec))
    return dataclasses.make_dataclass(cls.__name__, specs, frozen=cls in FROZEN, slots=True)


def required(cls: type) -> dict[str, str]:
    missing = dataclasses.MISSING
    return {
        f.name: f"<{f.name}>"
        for f in dataclasses.fields(cls)
        if f.default is missing and f.default_factory is missing
    }


def values(cls: type) -> dict[str, str]:
    return {f.name: f"value of {f.name}" for f in dataclasses.fields(cls)}


def attributes(value: object) -> dict[str, object]:
    return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}


@pytest.mark.parametrize("cls", WRITTEN, ids=lambda cls: cls.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls):
    other = twin(cls)
    names = list(inspect.signature(cls).parameters)
    assert names == [f.name for f in dataclasses.fields(cls)]
    assert attributes(cls(**required(cls))) == attributes(other(**required(cls)))
    assert attributes(cls(*values(cls).values())) == values(cls)
    assert attributes(cls(**values(cls))) == values(cls)


@pytest.mark.parametrize("cls", WRITTEN, ids=lambda cls: cls.__name__)
def test_mutable_defaults_are_fresh_for_each_value(cls):
    first, second = cls(**required(cls)), cls(**required(cls))
    for f in dataclasses.fields(cls):
        if f.default_factory is not dataclasses.MISSING:
            assert getattr(first, f.name) is not getattr(second, f.name)


@pytest.mark.parametrize("cls", WRITTEN, ids=lambda cls: cls.__name__)
def test_repr_equality_and_hash_as_generated(cls):
    other = twin(cls)
    mine, theirs = cls(**values(cls)), other(**values(cls))
    assert repr(mine) == repr(theirs)
    assert repr(cls(**required(cls))) == repr(other(**required(cls)))
    assert mine == cls(**values(cls))
    assert mine != theirs  # another class: NotImplemented both ways, then identity
    assert mine.__eq__(theirs) is NotImplemented
    for name in values(cls):
        changed = dict(values(cls), **{name: "something else"})
        assert mine != cls(**changed)
    if cls in FROZEN:
        assert hash(mine) == hash(theirs)
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field"):
            mine.__setattr__(next(iter(values(cls))), "x")
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field"):
            mine.__delattr__(next(iter(values(cls))))
    else:
        with pytest.raises(TypeError, match="unhashable"):
            hash(mine)


@pytest.mark.parametrize("cls", WRITTEN, ids=lambda cls: cls.__name__)
def test_replace_and_asdict_still_work(cls):
    value = cls(**values(cls))
    name = next(iter(values(cls)))
    assert getattr(dataclasses.replace(value, **{name: "new"}), name) == "new"
    assert dataclasses.asdict(value) == values(cls)
    assert not hasattr(value, "__dict__")  # still slotted


def test_a_repr_of_itself_does_not_recurse():
    task = Task(1, "u", "t", None, None)  # type: ignore[arg-type]
    task.tags = [task]  # type: ignore[list-item]
    assert "tags=[...]" in repr(task)
