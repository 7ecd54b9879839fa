"""How a change kept for undo reads in the UI's language: what `va undo` and `u`
say they undid (`Undone: delete task 12: Call Bob`, `Annulé : suppression de la
tâche 12 : Call Bob`), and what their refusal names.

The file keeps what a change did as an action and its arguments
(`store/undo_records.py`), never as words, so a change made in English reads in
French and the other way round. A record written by an older version kept an
English label instead: it is shown as it was written. Titles are the VA's own
text, quoted as typed; the caller neutralises them for its terminal.
"""

from __future__ import annotations

from datetime import date

from vaworkspace.errors import UndoRefused
from vaworkspace.i18n import N_, _, language, ngettext
from vaworkspace.locale_format import format_day_month

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from vaworkspace.store.undo_records import LastChange

    Said = Any  # `[12, "Call Bob"]`: an id (None: a block without task) and a title

_ONE_TASK = {
    "add-task": N_("add task {id}: {title}"),
    "edit-task": N_("edit task {id}: {title}"),
    "complete-tasks": N_("complete task {id}: {title}"),
    "snooze-task": N_("snooze task {id}: {title}"),
    "delete-tasks": N_("delete task {id}: {title}"),
    "prioritize-task": N_("change the priority of task {id}: {title}"),
    "book-task": N_("book task {id}: {title}"),
}
"""The actions on one task (or on a list of them holding one), as each says it."""

_OF_CLIENT = {
    "add-client": N_("add client @{client}"),
    "edit-client": N_("edit client @{client}"),
}
_OF_ENTRY = {
    "log-entry": N_("log time entry {id}"),
    "edit-entry": N_("edit time entry {id}"),
}
_SHOWN_IDS = 5
"""A change of many tasks names this many of their ids, then `…`."""


def change_label(change: LastChange) -> str:
    """What `change` did, in the UI's language (an older file's English label as
    it was written)."""
    if change.action is None:
        return str(change.label)
    return _WORDS[change.action](change.action, **change.args)


def worded(refused: UndoRefused) -> UndoRefused:
    """The store's refusal of an undo, again, with the change in words."""
    return UndoRefused(refused.change, refused.moved, change_label(refused.change))


def days_text(first: date, days: int) -> str:
    """The days a plan covers: `Mon 07 Dec`, `Mon 07 Dec + 6 days`; French
    `lun. 7 déc. + 6 jours`."""
    day = format_day_month(first, language())
    if days == 1:
        return day
    return ngettext("{day} + {count} day", "{day} + {count} days", days - 1).format(
        day=day, count=days - 1
    )


def _tasks(action: str, task: Said = None, tasks: list[Said] | None = None) -> str:
    tasks = tasks or [task]
    if len(tasks) == 1:
        [(task_id, title)] = tasks
        return _(_ONE_TASK[action]).format(id=task_id, title=title)
    ids = ", ".join(str(task_id) for task_id, _title in tasks[:_SHOWN_IDS])
    ids += ", …" if len(tasks) > _SHOWN_IDS else ""
    if action == "complete-tasks":
        many = ngettext(
            "complete {count} task ({ids})", "complete {count} tasks ({ids})", len(tasks)
        )
    else:
        many = ngettext("delete {count} task ({ids})", "delete {count} tasks ({ids})", len(tasks))
    return many.format(count=len(tasks), ids=ids)


def _client_and_task(action: str, client: str, task: Said) -> str:
    task_id, title = task
    said = _("add client @{client} and task {id}: {title}")
    return said.format(client=client, id=task_id, title=title)


def _block(action: str, block: Said) -> str:
    task_id, title = block
    if action == "remove-block":
        if task_id is None:
            return _("remove the work block {title}").format(title=title)
        return _("remove the work block of task {id}: {title}").format(id=task_id, title=title)
    if task_id is None:
        return _("move the work block {title}").format(title=title)
    return _("move the work block of task {id}: {title}").format(id=task_id, title=title)


def _plan(action: str, first: str, days: int) -> str:
    said = days_text(date.fromisoformat(first), days)
    if action == "plan":
        return _("plan {days}").format(days=said)
    return _("clear the plan of {days}").format(days=said)


def _client(action: str, client: str) -> str:
    return _(_OF_CLIENT[action]).format(client=client)


def _entry(action: str, entry: int) -> str:
    return _(_OF_ENTRY[action]).format(id=entry)


def _entries(action: str, entries: list[int]) -> str:
    said = ngettext("delete time entry {ids}", "delete time entries {ids}", len(entries))
    return said.format(ids=", ".join(str(entry_id) for entry_id in entries))


_WORDS: dict[str, Callable[..., str]] = {
    **dict.fromkeys(_ONE_TASK, _tasks),
    "add-client-and-task": _client_and_task,
    "remove-block": _block,
    "move-block": _block,
    **dict.fromkeys(_OF_CLIENT, _client),
    "plan": _plan,
    "clear-plan": _plan,
    **dict.fromkeys(_OF_ENTRY, _entry),
    "delete-entries": _entries,
}
"""Every action of `undo_records.ACTIONS`, and how it is said (a test holds the
two together)."""
