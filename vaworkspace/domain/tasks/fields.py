"""Task fields typed one by one (the TUI's task form), read with quick add's rules.

The form and `va edit` must accept the same values and fail with the same
messages, so each field goes through the parser quick add uses for it, and the
result is a `QuickAdd` that `tasks.apply_edit` applies like any edit line.
An empty field clears it (the title excepted).

A form edits a copy that may be stale: another terminal can change the task
while the form is open. `changed_fields` and `conflicting_fields` say which
fields an edit really changes and which of those another writer changed too,
comparing stored values (not texts), so the service writes only the VA's own
changes and refuses to silently overwrite anyone else's.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from vaworkspace.domain.date_words import fold
from vaworkspace.domain.models import PRIORITIES, Task
from vaworkspace.domain.tasks.quickadd import QuickAdd
from vaworkspace.errors import InputError
from vaworkspace.i18n import N_, _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    Reader = Callable[[QuickAdd, str, Task, datetime, tzinfo], None]
    """Reads one field's text into the QuickAdd."""

FORM_FIELDS = (
    *(N_("title"), N_("client"), N_("priority"), N_("due"), N_("wait"), N_("scheduled")),
    *(N_("estimate"), N_("tags"), N_("recurrence"), N_("notes")),
)
FIELD_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "client": ("client",),
    "priority": ("priority",),
    "due": ("due",),
    "wait": ("wait",),
    "scheduled": ("scheduled",),
    "estimate": ("estimate_minutes",),
    "tags": ("tags",),
    "recurrence": ("recurrence", "recur_from_completion"),
    "notes": ("notes",),
}
"""Each form field and the `Task` attributes it stands for."""
_PRIORITY_WORDS = {
    **{"h": "high", "m": "medium", "l": "low", "1": "high", "2": "medium", "3": "low"},
    **{"haute": "high", "moyenne": "medium", "basse": "low"},
}
_NONE = ("", "none", "aucune", "aucun")
"""What empties a field, in English and French (as quick add's `due:aucune`)."""
_EVERY = {"every": False, "every!": True, "chaque": False, "chaque!": True}
"""The words a repetition may start with, and whether it counts from completion;
`tous les` / `toutes les` (French's two-word `every`) too."""


def parse_fields(texts: dict[str, str], current: Task, now: datetime, tz: tzinfo) -> QuickAdd:
    """A QuickAdd naming every field present in `texts` (keys from FORM_FIELDS)."""
    unknown = set(texts) - set(FORM_FIELDS)
    if unknown:
        raise InputError(
            _("unknown task field(s): {fields}").format(fields=", ".join(sorted(unknown)))
        )
    qa = QuickAdd()
    for name, raw in texts.items():
        _READERS[name](qa, raw.strip(), current, now, tz)
        qa.given.add(_GIVEN.get(name, name))
    return qa


def field_value(task: Task, name: str) -> tuple[object, ...]:
    """The stored value(s) behind form field `name`, comparable with `==`."""
    return tuple(getattr(task, attribute) for attribute in FIELD_ATTRIBUTES[name])


def changed_fields(
    before: Task, after: Task, names: Collection[str] = FORM_FIELDS
) -> tuple[str, ...]:
    """The fields among `names` whose stored values differ, in form order."""
    return tuple(
        name
        for name in FORM_FIELDS
        if name in names and field_value(before, name) != field_value(after, name)
    )


def conflicting_fields(
    base: Task, current: Task, edited: Task, names: Collection[str]
) -> tuple[str, ...]:
    """Fields of `names` that someone else changed since `base` (current differs from
    base) and that this edit would set to yet another value (edited differs from
    current). Both sides writing the same value is no conflict."""
    theirs = set(changed_fields(base, current, names))
    return tuple(name for name in changed_fields(current, edited, names) if name in theirs)


def _title(qa: QuickAdd, text: str, current: Task, now: datetime, tz: tzinfo) -> None:
    if not text:
        raise InputError(_("a task needs a title"))
    qa.title = text


def _client(qa: QuickAdd, text: str, current: Task, now: datetime, tz: tzinfo) -> None:
    qa.client = text.lstrip("@") or None


def _priority(qa: QuickAdd, text: str, current: Task, now: datetime, tz: tzinfo) -> None:
    word = fold(text).lstrip("!")
    if word in (*_NONE, "0"):
        qa.priority = None
        return
    word = _PRIORITY_WORDS.get(word, word)
    if word not in PRIORITIES:
        raise InputError(
            _("priority '{text}' must be high, medium, low or none (or h, m, l)").format(text=text)
        )
    qa.priority = word


def _when(name: str) -> Reader:
    def read(qa: QuickAdd, text: str, current: Task, now: datetime, tz: tzinfo) -> None:
        from vaworkspace.domain.dates import parse_when

        if fold(text) in _NONE:
            setattr(qa, name, None)
            return
        setattr(qa, name, parse_when(text, now, tz))

    return read


def _estimate(qa: QuickAdd, text: str, current: Task, now: datetime, tz: tzinfo) -> None:
    from vaworkspace.domain.dates import parse_duration

    raw = text.lstrip("~")
    qa.estimate_minutes = None if fold(raw) in _NONE else parse_duration(raw)


def _tags(qa: QuickAdd, text: str, current: Task, now: datetime, tz: tzinfo) -> None:
    words = [w.strip().lstrip("#") for w in text.replace(",", " ").split()]
    qa.tags = [w for w in words if w]
    qa.remove_tags = [tag for tag in current.tags if tag not in qa.tags]


def _recurrence(qa: QuickAdd, text: str, current: Task, now: datetime, tz: tzinfo) -> None:
    """`every week`, `every! 2 weeks`, `week`, `chaque semaine`, `toutes les 2
    semaines`, or RRULE text; empty (or `none`, `aucune`) stops repeating."""
    from vaworkspace.domain.tasks.every import parse_every
    from vaworkspace.domain.tasks.recurrence import validate_rrule

    # `every 2-weeks` reads as `every 2 weeks`; RRULE text keeps its `-1` (the last day)
    words = (text if "=" in text else text.replace("-", " ")).split()
    if not words or fold(words[0]) in _NONE:
        qa.recurrence, qa.recur_from_completion = None, False
        return
    first = fold(words[0])
    qa.recur_from_completion = _EVERY.get(first, False)
    if first in _EVERY:
        words = words[1:]
    elif first in ("tous", "toutes") and len(words) > 1 and fold(words[1]) == "les":
        words = words[2:]
    if "=" in text:
        qa.recurrence = validate_rrule(" ".join(words))
        return
    found = parse_every(words)
    if found is None or found[1] != len(words):
        raise InputError(
            _(
                "can't read the recurrence '{text}': try every day, every weekday, every week, "
                "every 2 weeks, every monday, every month, or an RRULE like FREQ=WEEKLY;BYDAY=MO"
            ).format(text=text)
        )
    qa.recurrence = found[0]


def _notes(qa: QuickAdd, text: str, current: Task, now: datetime, tz: tzinfo) -> None:
    qa.notes = text


_READERS: dict[str, Reader] = {
    "title": _title,
    "client": _client,
    "priority": _priority,
    "due": _when("due"),
    "wait": _when("wait"),
    "scheduled": _when("scheduled"),
    "estimate": _estimate,
    "tags": _tags,
    "recurrence": _recurrence,
    "notes": _notes,
}
_GIVEN = {"estimate": "estimate_minutes"}
