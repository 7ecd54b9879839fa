"""What `va undo` and `u` say a change was, in the UI's language: the file keeps
an action and its arguments (`store/undo_records.py`), `change_text` words them;
English reads as it always did, French in French, an older file's English label
as it was written."""

from __future__ import annotations

from datetime import date

import pytest

from vaworkspace.change_text import change_label, days_text, worded
from vaworkspace.errors import UndoRefused
from vaworkspace.i18n import use_language
from vaworkspace.store.undo_records import ACTIONS, LastChange

SAMPLES = {
    "task": [12, "Call Bob"],
    "tasks": [[4, "One"], [7, "Two"], [9, "Three"]],
    "block": [12, "Call Bob"],
    "client": "acme",
    "entry": 5,
    "entries": [5, 6],
    "first": "2026-12-07",
    "days": 7,
}


def kept(action: str | None, label: str | None = None, **args) -> LastChange:
    return LastChange(action, args, label, False, ())


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_every_action_is_worded_in_english_and_in_french(action) -> None:
    change = kept(action, **{name: SAMPLES[name] for name in ACTIONS[action]})
    english = change_label(change)
    use_language("fr_CA")
    french = change_label(change)
    assert english != french
    assert english.split()[0] not in french.split()  # the verb, at least, is French


@pytest.mark.parametrize(
    ("change", "english", "french"),
    [
        (
            kept("delete-tasks", tasks=[[12, "Call Bob"]]),
            "delete task 12: Call Bob",
            "suppression de la tâche 12 : Call Bob",
        ),
        (
            kept("complete-tasks", tasks=[[n, "x"] for n in range(1, 8)]),
            "complete 7 tasks (1, 2, 3, 4, 5, …)",
            "achèvement de 7 tâches (1, 2, 3, 4, 5, …)",
        ),
        (
            kept("add-client-and-task", client="notary", task=[3, "Call the notary"]),
            "add client @notary and task 3: Call the notary",
            "ajout du client @notary et de la tâche 3 : Call the notary",
        ),
        (
            kept("remove-block", block=[None, "Standup"]),
            "remove the work block Standup",
            "retrait du bloc de travail Standup",
        ),
        (
            kept("plan", first="2026-12-07", days=7),
            "plan Mon 07 Dec + 6 days",
            "planification du lun. 7 déc. + 6 jours",
        ),
        (
            kept("clear-plan", first="2026-12-07", days=1),
            "clear the plan of Mon 07 Dec",
            "effacement du plan du lun. 7 déc.",
        ),
        (
            kept("delete-entries", entries=[5]),
            "delete time entry 5",
            "suppression de la saisie de temps 5",
        ),
        (
            kept("delete-entries", entries=[5, 6]),
            "delete time entries 5, 6",
            "suppression des saisies de temps 5, 6",
        ),
        (
            kept(None, label="delete task 1: Call supplier"),
            "delete task 1: Call supplier",
            "delete task 1: Call supplier",  # an older file's label, as it was written
        ),
    ],
)
def test_a_change_in_both_languages(change, english, french) -> None:
    assert change_label(change) == english
    use_language("fr_CA")
    assert change_label(change) == french


def test_a_plan_of_two_days_says_one_more_day() -> None:
    assert days_text(date(2026, 12, 7), 2) == "Mon 07 Dec + 1 day"
    use_language("fr_FR")
    assert days_text(date(2026, 12, 7), 2) == "lun. 7 déc. + 1 jour"


def test_a_refused_undo_names_the_change_and_the_records_in_french() -> None:
    use_language("fr_CA")
    change = kept("delete-tasks", tasks=[[1, "Un"], [2, "Deux"]])
    refused = UndoRefused(change, (("tasks", 1), ("clients", 3)))
    assert "delete-tasks" in str(refused)  # the store's, which cannot word it
    assert str(worded(refused)) == (
        "impossible d'annuler « suppression de 2 tâches (1, 2) » : tâche 1, client 3 ont "
        "changé depuis (une autre modification ou un autre terminal) ; rien n'a été modifié"
    )
