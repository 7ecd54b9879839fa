"""Which client fields an edit may empty, and what a filled-in form changes.

A client always has a name, a rate, a currency, a weight, a budget ("none" is a
value) and billing settings; its zone, colour, notes and rates by kind of work
are optional and may be cleared by emptying them. A form (the TUI's client form)
sends back every field as text: only those that differ from what it showed are
changes, so a field the VA did not touch never overwrites what another terminal
saved meanwhile; an emptied required field is no change (the form shows the
stored value again).
"""

from __future__ import annotations

CLEARABLE_FIELDS = frozenset({"timezone", "color", "notes", "kind_rates"})
"""Client fields that an empty value clears."""


def form_changes(shown: dict[str, str], typed: dict[str, str]) -> dict[str, str]:
    """The fields of `typed` (stripped) that differ from `shown` and may take their
    new value: any non-empty text, or empty for a `CLEARABLE_FIELDS` field."""
    changes = {}
    for name, text in typed.items():
        value = text.strip()
        if value == shown.get(name, "").strip():
            continue
        if value or name in CLEARABLE_FIELDS:
            changes[name] = value
    return changes
