"""`va import` of a Taskwarrior export: what reaches the file, and re-imports by uuid."""

from __future__ import annotations

import json
import os

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "fixtures", "taskwarrior")
EXPORT = os.path.join(FIXTURES, "export-2.6.2.json")
# What the import of EXPORT stores, in the `va` fixture's zone and at its clock:
# generated once by the item-by-item conversion (`Task`s encoded by
# `store.records`) that the column-at-a-time one replaced, and kept as is.
STORED = os.path.join(FIXTURES, "export-2.6.2.stored.json")


def workspace() -> dict:
    with open(os.environ["VAWORKSPACE_DB"], encoding="utf-8") as handle:
        return json.load(handle)


def stored_tasks(doc: dict) -> dict:
    """Every task record of the file: the open ones, then the closed ones."""
    return {**doc["tasks"], **doc.get("closed_tasks", {})}


def table_of(doc: dict, key: str) -> str:
    """The table that holds task `key` (`tasks` or `closed_tasks`)."""
    return "tasks" if key in doc["tasks"] else "closed_tasks"


def write_workspace(doc: dict) -> None:
    with open(os.environ["VAWORKSPACE_DB"], "w", encoding="utf-8") as handle:
        json.dump(doc, handle)


def export_with(tmp_path, change) -> str:
    with open(EXPORT, encoding="utf-8") as handle:
        items = json.load(handle)
    change(items)
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    return str(path)


def test_the_summary_is_one_line_of_counts_and_verbose_lists_the_notes(va, tmp_path) -> None:
    out = va("import", export_with(tmp_path, lambda items: None))
    assert out.splitlines() == [
        f"Imported {tmp_path / 'changed.json'}: 15 created, 0 updated, 0 unchanged; "
        "5 new clients, 3 skipped, 1 warning (--verbose lists them)"
    ]
    lines = va("import", "--verbose", EXPORT).splitlines()
    counts = "0 created, 0 updated, 15 unchanged; 3 skipped, 1 warning"  # the same notes again
    assert lines[0] == f"Imported {EXPORT}: {counts}"
    skipped = [line for line in lines if line.startswith("  skipped: ")]
    warnings = [line for line in lines if line.startswith("  warning: ")]
    assert len(skipped) == 3 and len(warnings) == 1 and len(lines) == 1 + 3 + 1
    assert all("recurring template" in line for line in skipped)
    assert "ignored Taskwarrior attributes (UDAs)" in warnings[0]


def test_verbose_names_the_new_clients(va) -> None:
    lines = va("import", "-v", EXPORT).splitlines()
    assert lines[0].endswith("; 5 new clients, 3 skipped, 1 warning")
    assert lines[1] == "  new clients: @acme, @dental, @coach, @bakery, @realtor"
    assert len(lines) == 2 + 3 + 1


def test_the_file_holds_the_tasks_of_the_real_export(va) -> None:
    out = va("import", EXPORT)
    assert "15 created, 0 updated, 0 unchanged" in out
    assert "; 5 new clients, 3 skipped, 1 warning (--verbose lists them)" in out
    with open(STORED, encoding="utf-8") as handle:
        stored = json.load(handle)
    assert (stored["zone"], stored["now"]) == ("America/Montreal", "2026-12-01T19:00:00Z")
    doc = workspace()
    expected = [list(record.items()) for record in stored["tasks"]]  # key order too
    tasks = dict(sorted(stored_tasks(doc).items(), key=lambda item: int(item[0])))
    assert list(tasks) == [str(n) for n in range(1, 16)]  # numbered in entry order
    assert [list(record.items()) for record in tasks.values()] == expected
    assert doc["meta"]["1"]["next_task_id"] == 16
    assert [c["id"] for c in doc["clients"].values()] == stored["clients"]


def test_reimport_is_unchanged_and_an_edit_keeps_its_id(va, tmp_path) -> None:
    va("import", EXPORT)
    assert "0 created, 0 updated, 15 unchanged" in va("import", EXPORT)

    def edit(items: list[dict]) -> None:
        items[0]["description"] = "Renamed in Taskwarrior"
        items.append({"uuid": "0b82f4df-9428-4d74-9dcc-07e763be5aba", "description": "New one"})

    summary = json.loads(va("import", "--json", export_with(tmp_path, edit)))[0]
    assert (summary["created"], summary["updated"], summary["unchanged"]) == (1, 1, 14)
    assert summary["new_clients"] == []
    tasks = stored_tasks(workspace())
    with open(EXPORT, encoding="utf-8") as handle:
        renamed_uuid = json.load(handle)[0]["uuid"]
    (renamed_id,) = [i for i, t in tasks.items() if t["uuid"] == renamed_uuid]
    assert tasks[renamed_id]["title"] == "Renamed in Taskwarrior"
    assert int(renamed_id) <= 15  # kept its short id
    # Written in import order (no entry sorts first), a replaced task moving to the
    # end of its table (both are open: `tasks`).
    assert list(workspace()["tasks"])[-2:] == ["16", renamed_id]
    assert tasks["16"]["title"] == "New one"


def test_a_default_spelled_out_by_an_older_writer_still_counts_as_unchanged(va) -> None:
    va("import", EXPORT)
    doc = workspace()
    first = doc[table_of(doc, "1")]["1"]
    first.setdefault("notes", "")  # defaults written out: the same task as read back
    first.setdefault("recur_from_completion", False)
    first["created"] = first["created"].replace("Z", "+00:00")
    write_workspace(doc)
    assert "0 created, 0 updated, 15 unchanged" in va("import", EXPORT)
    assert stored_tasks(workspace())["1"] == first  # unchanged: not rewritten either


def test_a_bad_export_writes_nothing(va, tmp_path) -> None:
    va("import", EXPORT)
    before = workspace()

    def spoil(items: list[dict]) -> None:
        items[-1]["due"] = "20261305T000000Z"

    error = va("import", export_with(tmp_path, spoil), code=1)
    assert f"item {len(stored_tasks(before)) + 3} (uuid " in error  # 18 items, 3 of them templates
    assert "bad date due '20261305T000000Z'" in error
    assert workspace() == before


def test_a_damaged_task_in_the_workspace_stops_the_import(va) -> None:
    va("import", EXPORT)
    doc = workspace()
    table = table_of(doc, "3")
    del doc[table]["3"]["created"]
    write_workspace(doc)
    assert f'task 3 (table "{table}") has no "created"' in va("import", EXPORT, code=1)
    assert workspace() == doc
