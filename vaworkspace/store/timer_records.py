"""The running timer as stored: one `state` record `{"kind": "timer", "timer": {...}}`.

The timer's fields are kept flat, instants as UTC text (`2026-12-01T14:25:00Z`), so
a crash, a dropped SSH session or a reboot loses nothing: the timer is computed from
these instants and `now` (`domain/time/timer.py`). Reading is strict: a record that
could not have been written (a phase a countdown never has, an instant that is not
one) is an `InputError` naming the field, never a timer that ticks wrongly. The
schema check (`schema.py`) reads it on every open, so a damaged timer is found
before any command runs. `has_timer` is asked every second by the TUI's top bar,
before Textual is imported: this module imports the timer itself only to read one.
"""

from __future__ import annotations

from datetime import datetime

from vaworkspace.errors import InputError
from vaworkspace.store.instants import decode_value, encode_instant

TYPE_CHECKING = False
if TYPE_CHECKING:  # the top bar asks `has_timer` before anything heavy is imported
    from collections.abc import Callable, Mapping
    from typing import Any

    from vaworkspace.domain.time.timer import TimerState

TIMER_KIND = "timer"
"""The `kind` of the state record that holds the running timer."""


def timer_to_record(state: TimerState) -> dict[str, Any]:
    """The stored form of a timer (the value under "timer"); `timer_from_record`
    reads it back exactly."""
    record: dict[str, Any] = {name: getattr(state, name) for name in _CHECKS}
    for name in _INSTANTS:
        record[name] = encode_instant(record[name]) if record[name] else None
    if record["kind"] is None:
        del record["kind"]  # a timer without a kind is stored as before kinds existed
    return record


def timer_from_record(record: object) -> TimerState:
    """Read a stored timer; anything damaged is an `InputError` naming the field."""
    from vaworkspace.domain.time.timer import TimerState

    if not isinstance(record, dict):
        raise InputError(f"the saved timer is damaged: expected a table, not {record!r}")
    values: dict[str, Any] = {}
    for name, valid in _CHECKS.items():
        raw = record.get(name)
        values[name] = _read_instant(raw) if name in _INSTANTS else raw
        if not valid(values[name]):
            _damaged(name, raw)
    state = TimerState(**values)
    if (state.target_seconds is None) != (state.mode == "stopwatch"):
        _damaged("target_seconds", state.target_seconds)
    if state.phase != "focus" and state.mode != "pomodoro":
        _damaged("phase", state.phase)
    if (state.entry_start is None) != (state.phase != "focus"):
        _damaged("entry_start", record["entry_start"])
    return state


def find_timer(state_table: Mapping[Any, Mapping[str, Any]]) -> TimerState | None:
    """The running timer of a `state` table (raw documents by id), or None."""
    for record in state_table.values():
        if record.get("kind") == TIMER_KIND:
            return timer_from_record(record["timer"])
    return None


def has_timer(state_table: Mapping[Any, Mapping[str, Any]]) -> bool:
    """Whether a timer is stored, without reading it."""
    return any(record.get("kind") == TIMER_KIND for record in state_table.values())


def save_timer(db: Any, state: TimerState | None) -> None:
    """Inside a transaction: store `state` as the running timer (None: no timer)."""
    from vaworkspace.store import tables

    existing = tables.records(db, "state")
    doc_id = next((i for i, r in existing.items() if r.get("kind") == TIMER_KIND), None)
    if state is None:
        if doc_id is not None:
            tables.delete(db, "state", [doc_id])
        return
    record = {"kind": TIMER_KIND, "timer": timer_to_record(state)}
    tables.put(db, "state", doc_id or max(existing, default=0) + 1, record)


def _damaged(name: str, value: object) -> None:
    raise InputError(f"the saved timer is damaged: '{name}' cannot be {value!r}")


def _is_mode(value: object) -> bool:
    from vaworkspace.domain.time.timer import MODES

    return value in MODES


def _is_phase(value: object) -> bool:
    from vaworkspace.domain.time.timer import PHASES

    return value in PHASES


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _positive_or_none(value: object) -> bool:
    return value is None or (_count(value) and value != 0)


def _instant_or_none(value: object) -> bool:
    return value is None or isinstance(value, datetime)


def _read_instant(raw: object) -> object:
    """The stored instant, or the raw value when it is not one (the check refuses it)."""
    try:
        return decode_value(raw) if isinstance(raw, str) else raw
    except ValueError:
        return raw


_INSTANTS = frozenset({"phase_started", "paused_at", "entry_start"})
_CHECKS: dict[str, Callable[[object], bool]] = {  # every stored field and a sound value
    "mode": _is_mode,
    "task": _positive_or_none,
    "client": lambda v: v is None or isinstance(v, str),
    "phase": _is_phase,
    "phase_started": lambda v: isinstance(v, datetime),
    "paused_at": _instant_or_none,
    "paused_seconds": _count,
    "target_seconds": _positive_or_none,
    "pomodoros": _count,
    "entry_start": _instant_or_none,
    "entry_paused_seconds": _count,
    "kind": lambda v: v is None or isinstance(v, str),
}
