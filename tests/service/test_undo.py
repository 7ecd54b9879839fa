"""`ws.undo`: the last change, kept in the file, undone whole or refused whole.

Each change a VA may regret keeps its records before and after
(`store/undo_records.py`); an undo puts the before back only if every record is
still as the change left it, and a second undo redoes.
"""

from __future__ import annotations

import pytest
from tinydb import TinyDB

from tests.tui.conftest import make_ws
from vaworkspace.change_text import change_label, worded
from vaworkspace.errors import InputError, UndoRefused


@pytest.fixture
def ws(tmp_path):
    ws = make_ws(tmp_path / "ws.json")
    ws.clients.add("Acme")
    ws.tasks.add("Call supplier @acme due:fri ~30m")
    ws.tasks.add("Book hotel @acme !h")
    return ws


def file_bytes(ws) -> bytes:
    with open(ws.path, "rb") as handle:
        return handle.read()


def test_nothing_to_undo_in_a_new_workspace(tmp_path) -> None:
    fresh = make_ws(tmp_path / "new.json")
    assert fresh.undo.last() is None
    with pytest.raises(InputError, match="nothing to undo"):
        fresh.undo.undo()


def test_undo_a_delete_then_redo_it(ws) -> None:
    ws.tasks.remove([1])
    assert change_label(ws.undo.last()) == "delete task 1: Call supplier"
    undone = ws.undo.undo()
    assert (change_label(undone), undone.undone) == ("delete task 1: Call supplier", False)
    assert ws.tasks.get(1).title == "Call supplier"
    assert ws.undo.last().undone
    redone = ws.undo.undo()
    assert redone.undone
    assert [t.id for t in ws.tasks.all()] == [2]


@pytest.mark.parametrize(
    ("change", "label"),
    [
        (lambda ws: ws.tasks.edit(1, "due:mon !l"), "edit task 1: Call supplier"),
        (lambda ws: ws.tasks.update(1, {"estimate": "1h"}), "edit task 1: Call supplier"),
        (lambda ws: ws.tasks.cycle_priority(1), "change the priority of task 1: Call supplier"),
        (lambda ws: ws.tasks.wait(1, "next monday"), "snooze task 1: Call supplier"),
        (lambda ws: ws.tasks.complete([1, 2]), "complete 2 tasks (1, 2)"),
    ],
)
def test_every_task_change_is_undone_exactly(ws, change, label) -> None:
    before = [ws.tasks.get(1), ws.tasks.get(2)]
    change(ws)
    assert change_label(ws.undo.undo()) == label
    assert [ws.tasks.get(1), ws.tasks.get(2)] == before


def test_undo_an_add_removes_the_task_and_never_reuses_its_id(ws) -> None:
    ws.tasks.add("Draft newsletter")
    ws.undo.undo()
    assert [t.id for t in ws.tasks.all()] == [1, 2]
    assert ws.tasks.add("Another").task.id == 4


def test_undo_a_completion_drops_the_occurrence_it_spawned(ws) -> None:
    ws.tasks.add("Timesheet @acme due:fri every week")
    [done] = ws.tasks.complete([3])
    assert done.spawned is not None
    ws.undo.undo()
    assert ws.tasks.get(3).is_open
    assert [t.id for t in ws.tasks.all()] == [1, 2, 3]


def test_time_entries_and_clients_are_undone_too(ws) -> None:
    entry = ws.time.log(["1h", "@acme", "task:1"], "09:00")
    ws.time.edit_entry(entry.id, duration="45m")
    ws.undo.undo()
    assert ws.time.entries()[0].seconds == 3600
    ws.time.remove_entry(entry.id)
    ws.undo.undo()
    assert [e.id for e in ws.time.entries()] == [entry.id]
    ws.clients.edit("acme", rate_cents="50")
    ws.undo.undo()
    assert ws.clients.get("acme").rate_cents == 0


def test_undo_is_refused_whole_when_a_record_changed_since(ws) -> None:
    """Another program wrote a task 1 after the delete: restoring the deleted one
    would overwrite it, so nothing at all is written (task 2 stays deleted)."""
    from tinydb.table import Document

    ws.tasks.remove([1, 2])
    theirs = {"uuid": "y", "title": "Theirs", "created": "2026-12-01T00:00:00Z"}
    with TinyDB(ws.path) as db:
        db.table("tasks").insert(Document({**theirs, "modified": theirs["created"]}, doc_id=1))
    before = file_bytes(ws)
    with pytest.raises(UndoRefused) as refused:
        ws.undo.undo()
    assert refused.value.moved == (("tasks", 1),)
    assert str(worded(refused.value)) == (
        "cannot undo 'delete 2 tasks (1, 2)': task 1 changed since (another change or "
        "terminal); nothing was changed"
    )
    assert file_bytes(ws) == before


def test_a_change_that_is_not_kept_leaves_the_previous_one(ws) -> None:
    """The timer keeps no change: `u` after it still undoes the delete before it."""
    ws.tasks.remove([2])
    ws.time.start_timer(task_id=1)
    assert change_label(ws.undo.undo()) == "delete task 2: Book hotel"


def test_the_kept_change_is_plain_tinydb_in_the_state_table(ws) -> None:
    ws.tasks.cycle_priority(1)
    with TinyDB(ws.path) as db:
        [kept] = db.table("state").search(lambda r: r.get("kind") == "undo")
    assert (kept["action"], kept["args"]) == ("prioritize-task", {"task": [1, "Call supplier"]})
    assert "label" not in kept  # words are the UI's, in its language: `change_text`
    [change] = kept["changes"]
    assert (change["table"], change["id"]) == ("tasks", 1)
    assert "priority" not in change["before"] and change["after"]["priority"] == "high"


def test_a_task_that_creates_its_client_is_one_change(ws) -> None:
    added = ws.tasks.add(
        "Call the notary @notary due:fri 10:00",
        client_fields={"name": "Maître Dubois", "rate_cents": "60", "timezone": "Europe/Paris"},
    )
    notary = ws.clients.get("notary")
    assert (notary.name, notary.rate_cents) == ("Maître Dubois", 6000)
    assert added.new_client == notary
    assert added.task.due.utcoffset().total_seconds() == 0  # stored in UTC…
    assert added.task.due.hour == 9  # …10:00 in Paris, the new client's zone
    assert change_label(ws.undo.last()) == "add client @notary and task 3: Call the notary"
    ws.undo.undo()
    assert [t.id for t in ws.tasks.all()] == [1, 2]
    assert "notary" not in {c.id for c in ws.clients.all(include_archived=True)}


def test_client_fields_for_a_client_that_exists_are_refused(ws) -> None:
    before = file_bytes(ws)
    with pytest.raises(InputError, match="already a client '@acme'"):
        ws.tasks.add("Invoice @acme", client_fields={"name": "Acme again"})
    assert file_bytes(ws) == before


def test_a_bad_field_of_the_new_client_writes_nothing(ws) -> None:
    before = file_bytes(ws)
    with pytest.raises(InputError):
        ws.tasks.add("Call @notary", client_fields={"name": "Notary", "rate_cents": "lots"})
    assert file_bytes(ws) == before
