"""Only store/ reads the workspace file's records (issue #8), as far as a
static check can say it precisely:

- outside `vaworkspace/store/` and `vaworkspace/service/`, no module indexes
  anything by the name of a workspace table (`doc["events"]`,
  `doc.get("state")`): the adapters, the domain and the UIs never hold the
  document. (The service still reads a table to hand it to a store function.)
- outside store/, no module names the fields in which the store keeps derived
  calendar text (`rendered.TEXT_FIELD`, `rendered.FACTS_KIND`): ical/ renders
  it, the store decides where it lives.
- outside store/, no module reads a record's `kind` by its stored name
  (`record["kind"]`, `record.get("kind")`): which kind of record a dict is (a
  work block, a preference, a running timer) is the store's to say, by typed
  functions (`block_records.py`, `state_records.py`).

Together with the layers contract (ical/ and taskwarrior/ import nothing of
store/, with no exception listed), this holds the feed pipeline and the
Taskwarrior adapter to typed values.
"""

from __future__ import annotations

import ast
from pathlib import Path

import vaworkspace
from vaworkspace.store import rendered

PACKAGE = Path(vaworkspace.__file__).resolve().parent
TABLES = {
    "clients",
    "tasks",
    "closed_tasks",
    "entries",
    "events",
    "state",
    "synced_todos",
    "meta",
    "client_index",
}
KEPT_TEXT = {rendered.TEXT_FIELD, rendered.FACTS_KIND}


def modules(*outside: str) -> list[Path]:
    skipped = [PACKAGE / name for name in outside]
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if not any(path.is_relative_to(folder) for folder in skipped)
    ]


def table_reads(tree: ast.AST) -> list[int]:
    """Lines that read something by a table's name: `x["events"]`, `x.get("events")`."""
    return key_reads(tree, TABLES)


def key_reads(tree: ast.AST, names: set[str]) -> list[int]:
    """Lines that read something by one of `names`: `x[name]`, `x.get(name)`."""
    found = []
    for node in ast.walk(tree):
        key = None
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
            key = node.slice
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("get", "pop", "setdefault")
            and node.args
        ):
            key = node.args[0]
        if isinstance(key, ast.Constant) and key.value in names:
            found.append(node.lineno)
    return found


def test_only_the_store_and_the_service_read_the_document_by_table() -> None:
    found = {}
    for path in modules("store", "service"):
        lines = table_reads(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[str(path.relative_to(PACKAGE))] = lines
    assert found == {}


def test_only_the_store_names_where_rendered_text_is_kept() -> None:
    found = {}
    for path in modules("store"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        lines = [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and node.value in KEPT_TEXT
        ]
        if lines:
            found[str(path.relative_to(PACKAGE))] = lines
    assert found == {}


def test_only_the_store_reads_which_kind_a_record_is() -> None:
    found = {}
    for path in modules("store"):
        lines = key_reads(ast.parse(path.read_text(encoding="utf-8")), {"kind"})
        if lines:
            found[str(path.relative_to(PACKAGE))] = lines
    assert found == {}


def test_the_checks_see_a_table_read_and_a_kept_field() -> None:
    """The checks can fail: they find what they look for."""
    tree = ast.parse('doc["events"]\nstate = doc.get("state", {})\nx = {"ics": 1}\n')
    assert table_reads(tree) == [1, 2]
    assert [
        n.lineno for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in KEPT_TEXT
    ] == [3]
    kinds = ast.parse('record.get("kind") == "block"\nx = rec["kind"]\nrec["kind"] = 1\n')
    assert sorted(key_reads(kinds, {"kind"})) == [1, 2]
