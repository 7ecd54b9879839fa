"""`va` task commands end to end in-process: arguments in, text/JSON and file out."""

from __future__ import annotations

import json
import os

import pytest

from vaworkspace.cli import main

NOW = "2026-12-01T19:00:00Z"  # Tuesday 14:00 in Montreal


@pytest.fixture
def clients(va):
    va(
        "client",
        "add",
        "Évelyne",
        "Couture",
        "--rate",
        "45",
        "--currency",
        "CAD",
        "--budget",
        "15h/week",
        "--weight",
        "5",
        "--tz",
        "America/Montreal",
    )
    va("client", "add", "Dental clinic", "--id", "dental", "--weight", "4")
    return va


def listed(va, *extra: str) -> list[dict]:
    return json.loads(va("list", "--json", *extra))


def test_add_echoes_every_understood_field(clients) -> None:
    out = clients("add", "Book hotel in Vancouver @evelyne !high due:fri 17:00 ~45m #travel")
    assert out.splitlines()[0] == "Created task 1: Book hotel in Vancouver"
    assert "@evelyne (Évelyne Couture)" in out
    assert "priority:  high" in out
    assert "due:       2026-12-04 17:00" in out
    assert "estimate:  45m" in out
    assert "#travel" in out
    [task] = listed(clients)
    assert task["due"] == "2026-12-04T22:00:00Z"
    assert task["client"] == "evelyne"
    assert task["status"] == "todo"
    assert task["estimate_minutes"] == 45
    assert isinstance(task["urgency"], float)


def test_list_json_has_the_documented_keys(clients) -> None:
    clients("add", "Confirm appointments @dental due:tomorrow")
    [task] = listed(clients)
    for key in (
        "id",
        "uuid",
        "title",
        "client",
        "tags",
        "priority",
        "status",
        "due",
        "estimate_minutes",
        "urgency",
    ):
        assert key in task
    assert task["priority"] is None
    assert task["due"] == "2026-12-02"


def test_without_client_task_lands_in_inbox(va) -> None:
    va("add", "Idea for a newsletter")
    [task] = listed(va)
    assert task["status"] == "inbox"


def test_unknown_client_lists_close_matches_and_writes_nothing(clients, isolated_env) -> None:
    path = isolated_env / "data" / "workspace.json"
    before = path.read_bytes()
    err = clients("add", "Call @evelyn3 about fabric", code=1)
    assert "evelyne" in err
    assert path.read_bytes() == before
    out = clients("add", "Quote @acme", "--new-client")
    assert "Created client @acme" in out


def test_list_ranks_overdue_first_and_hides_done_and_snoozed(clients) -> None:
    clients("add", "Later thing @dental due:in-3-weeks")
    clients("add", "Late invoice @dental due:2026-11-25")
    clients("add", "Snoozed @evelyne")
    clients("add", "Finished @evelyne")
    clients("wait", "3", "next", "monday")
    clients("done", "4")
    titles = [t["title"] for t in listed(clients)]
    assert titles == ["Late invoice", "Later thing"]
    every = {t["title"]: t["status"] for t in listed(clients, "--all")}
    assert every == {
        "Late invoice": "todo",
        "Later thing": "todo",
        "Snoozed": "waiting",
        "Finished": "done",
    }
    assert [t["title"] for t in listed(clients, "--status", "waiting")] == ["Snoozed"]


def test_filters(clients) -> None:
    clients("add", "A @evelyne #travel")
    clients("add", "B @dental #mail")
    clients("add", "C @dental #travel note")
    assert sorted(t["title"] for t in listed(clients, "--client", "den")) == ["B", "C note"]
    assert sorted(t["title"] for t in listed(clients, "--tag", "travel")) == ["A", "C note"]
    assert [t["title"] for t in listed(clients, "--search", "NOTE")] == ["C note"]
    assert len(listed(clients, "--limit", "1")) == 1


def test_text_list_is_a_table(clients) -> None:
    clients("add", "Book hotel @evelyne due:tomorrow ~1h #travel")
    out = clients("list")
    header, row = out.splitlines()[:2]
    assert header.split() == ["ID", "Urg", "Client", "Title", "Due", "Est", "Tags"]
    assert "@evelyne" in row and "tomorrow" in row and "1h" in row and "#travel" in row


def test_edit_changes_only_named_fields(clients) -> None:
    clients("add", "Book hotel @evelyne due:fri #travel #urgent")
    out = clients("edit", "1", "due:mon", "!h", "-#urgent")
    assert "Modified task 1: Book hotel" in out
    [task] = listed(clients)
    assert task["due"] == "2026-12-07"
    assert task["priority"] == "high"
    assert task["tags"] == ["travel"]
    assert task["title"] == "Book hotel"
    clients("edit", "1", "Book", "a", "cheaper", "hotel")
    assert listed(clients)[0]["title"] == "Book a cheaper hotel"


def test_done_recurring_spawns_next(clients) -> None:
    clients("add", "Weekly newsletter @dental every monday due:2026-11-30")
    out = clients("done", "1")
    assert "Completed task 1" in out
    assert "next occurrence: task 2" in out
    [nxt] = listed(clients)
    assert nxt["id"] == 2 and nxt["due"] == "2026-12-07"
    assert nxt["recurrence"] == "FREQ=WEEKLY;BYDAY=MO"
    assert listed(clients, "--status", "done")[0]["id"] == 1


def test_done_is_all_or_nothing(clients, isolated_env) -> None:
    clients("add", "One @dental")
    path = isolated_env / "data" / "workspace.json"
    before = path.read_bytes()
    err = clients("done", "1", "99", code=1)
    assert "no task 99" in err
    assert path.read_bytes() == before


def test_ids_are_never_reused(clients) -> None:
    clients("add", "One @dental")
    clients("add", "Two @dental")
    clients("rm", "2", "--yes")
    out = clients("add", "Three @dental")
    assert out.startswith("Created task 3:")


def test_rm_without_yes_refuses_when_not_interactive(clients, monkeypatch) -> None:
    clients("add", "One @dental")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert "--yes" in clients("rm", "1", code=1)
    assert len(listed(clients)) == 1


def test_why_lists_every_term(clients) -> None:
    clients("add", "Late invoice @evelyne !h due:2026-11-25 #next")
    out = clients("why", "1")
    for name in ("due", "overdue", "priority", "next", "client", "urgency"):
        assert name in out
    assert "@evelyne weighs 5/5" in out


def test_show_and_show_json(clients) -> None:
    clients("add", "Book hotel @evelyne due:fri every week")
    out = clients("show", "1")
    assert "Task 1: Book hotel" in out and "uuid:" in out and "repeats:" in out
    data = json.loads(clients("show", "1", "--json"))
    assert data["id"] == 1 and data["recurrence"] == "FREQ=WEEKLY"


def test_bad_input_is_one_line_and_exit_1(clients) -> None:
    err = clients("add", "Thing due:frday", code=1)
    assert err.count("\n") == 1 and err.startswith("va: ")
    assert "frday" in err
    assert "no task 42" in clients("show", "42", code=1)


def test_usage_error_exits_2(va) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["done", "abc"])
    assert raised.value.code == 2


def test_no_command_prints_the_inbox(clients) -> None:
    clients("add", "Book hotel @evelyne")
    assert "Book hotel" in clients()


def test_file_is_created_private(clients, isolated_env) -> None:
    path = isolated_env / "data" / "workspace.json"
    assert os.stat(path).st_mode & 0o777 == 0o600


def test_undo_brings_back_a_deleted_task_and_again_redoes(clients) -> None:
    """`va undo` is the TUI's `u`: the last change kept in the file, undone."""
    clients("add", "One @dental")
    clients("rm", "1", "--yes")
    assert clients("undo") == "Undone: delete task 1: One\n"
    assert [t["title"] for t in listed(clients)] == ["One"]
    assert clients("undo") == "Redone: delete task 1: One\n"
    assert listed(clients) == []


def test_undo_with_nothing_to_undo_is_one_line_and_exit_1(va) -> None:
    assert "nothing to undo" in va("undo", code=1)
