"""The weight of each urgency term (`[urgency]` in the config), apart from the
terms themselves (`urgency`) because the config reads them without ranking."""

from __future__ import annotations

from collections import namedtuple

from vaworkspace.errors import InputError
from vaworkspace.i18n import _

TYPE_CHECKING = False

# Coefficients an older version had: a config written for it still opens. The
# `estimate` term is now part of slack (working time left minus the estimate).
RETIRED = frozenset({"estimate"})

_COEFFICIENTS = {
    "due": 24.0,
    "at_risk": 40.0,
    "overdue": 50.0,
    "priority_high": 6.0,
    "priority_medium": 3.9,
    "priority_low": 1.8,
    "age": 2.0,
    "next_tag": 15.0,
    "waiting": -3.0,
    "blocked": -5.0,
    "client_weight": 1.0,
    "budget": 3.0,
}
"""Each urgency term's default weight, in `Coefficients`' order."""

# A named tuple, not a dataclass: `va list` and `va add` import this module, and
# a dataclass costs each process the compiling of its generated methods.
# Read-only, equal by value and hashable all the same; mypy reads the class below.
if TYPE_CHECKING:
    from typing import NamedTuple

    class _CoefficientValues(NamedTuple):
        due: float = 24.0
        at_risk: float = 40.0
        overdue: float = 50.0
        priority_high: float = 6.0
        priority_medium: float = 3.9
        priority_low: float = 1.8
        age: float = 2.0
        next_tag: float = 15.0
        waiting: float = -3.0
        blocked: float = -5.0
        client_weight: float = 1.0
        budget: float = 3.0

else:
    _CoefficientValues = namedtuple(
        "Coefficients", tuple(_COEFFICIENTS), defaults=tuple(_COEFFICIENTS.values())
    )


class Coefficients(_CoefficientValues):
    """The weight of each urgency term; `[urgency]` in the config file overrides them."""

    __slots__ = ()

    @classmethod
    def from_config(cls, table: dict[str, object]) -> Coefficients:
        """Build from a config table, refusing unknown names and non-numbers."""
        known = set(cls._fields)
        values = {}
        for key, value in table.items():
            if key in RETIRED:
                continue
            if key not in known:
                raise InputError(
                    _("unknown urgency coefficient '{key}' in the config; known: {known}").format(
                        key=key, known=", ".join(sorted(known))
                    )
                )
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InputError(
                    _("urgency coefficient '{key}' must be a number, not {value}").format(
                        key=key, value=repr(value)
                    )
                )
            values[key] = float(value)
        return cls(**values)
