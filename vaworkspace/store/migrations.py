"""The workspace document's schema: its shape, its version, and upgrades.

`decode` turns a file's bytes into a validated current-schema document or a
one-line `StoreError` that names the file and what to do; it never writes.

A file records the schema it was written with in `meta["1"]["schema"]`. Reading a
file with an older schema upgrades it in memory; the next transaction writes the
upgraded document (after backing up the old bytes), so merely looking at a
workspace never rewrites it. `MIGRATIONS[n]` turns a schema-`n` document into a
schema-`n + 1` one; `migrate` sets the version after each step so a migration only
has to reshape data.

`SCHEMA` is read from this module at call time (`migrations.SCHEMA`), so tests can
monkeypatch it together with a fake `MIGRATIONS` entry.
"""

from __future__ import annotations

import gc
import json

from vaworkspace.errors import StoreError
from vaworkspace.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:  # the runtime never pays for `typing`/`collections.abc`
    from collections.abc import Callable

APP = "vaworkspace"
"""`meta["1"]["app"]` of every workspace file: tells ours from other JSON."""

TABLES = (
    "clients",
    "tasks",
    "closed_tasks",
    "entries",
    "events",
    "state",
    "synced_todos",
    "client_index",
    "dav",
    "open_facts",
    "meta",
)
"""`tasks` holds the open tasks, `closed_tasks` the done and cancelled ones (`place_tasks`);
`client_index` where each client's records lie, for feeds (derived: `client_index.py`);
`dav` the CalDAV collections and what their last sync agreed on (`dav_records.py`):
a table of its own, so the commands that never sync (every `va add` reads `state`
for its undo record) never parse it. A file without it reads as an empty one;
`synced_todos` what the last import of each calendar to-do agreed on
(`state_records.SyncedTodos`): hundreds of records, apart from `state` for the same reason;
`open_facts` what ranking reads of the open tasks, for `va list` (derived: `facts_index.py`)."""
_TABLE_SET = frozenset(TABLES)
META_ID = "1"
CLOSED_STATUSES = frozenset({"done", "cancelled"})
"""The statuses `domain.models` does not count as open, without importing the
domain to open a file (a test holds the two together)."""


SCHEMA = 3
"""The schema this build writes; files with a newer one are refused."""


def place_tasks(doc: dict) -> str | None:
    """File every task by its status: open ones in `tasks`, closed ones in
    `closed_tasks`; in place on `doc`, whose two table dicts are replaced (never
    changed) if a record must move. Returns what is wrong if an id is in both.

    Our writer keeps tasks where they belong (`tables.put_many`), so a command
    about open tasks parses `tasks` alone and never the years of closed ones;
    this runs on every file parsed whole (another writer's, a hand edit, an
    older schema) and after a transaction wrote through TinyDB's own API.
    """
    tasks, closed = doc.get("tasks"), doc.get("closed_tasks")
    if type(tasks) is not dict or type(closed) is not dict:
        return None  # `decode` names the malformed table
    both = tasks.keys() & closed.keys()
    if both:
        first = min(both, key=lambda key: (len(key), key))
        return f'has task {first} in both tables "tasks" and "closed_tasks"'
    leaving = [
        k for k, r in tasks.items() if type(r) is dict and r.get("status") in CLOSED_STATUSES
    ]
    back = [
        k for k, r in closed.items() if type(r) is dict and r.get("status") not in CLOSED_STATUSES
    ]
    if leaving or back:
        gone, returning = set(leaving), set(back)
        new_tasks = {k: r for k, r in tasks.items() if k not in gone}
        new_tasks.update((k, closed[k]) for k in back)
        new_closed = {k: r for k, r in closed.items() if k not in returning}
        new_closed.update((k, tasks[k]) for k in leaving)
        doc["tasks"], doc["closed_tasks"] = new_tasks, new_closed
    return None


def _split_closed_tasks(doc: dict) -> dict:
    """Schema 1 → 2: closed tasks move from `tasks` to their own table `closed_tasks`."""
    doc.setdefault("closed_tasks", {})
    place_tasks(doc)
    return doc


def _synced_todos_apart(doc: dict) -> dict:
    """Schema 2 → 3: the records of imported to-dos (kind "ical-task") move from
    `state` to their own table `synced_todos`, ids and fields as they were."""
    state = doc.get("state")
    if type(state) is not dict or "synced_todos" in doc:
        return doc  # `decode` names a malformed table; one already there is kept
    moved = {k: r for k, r in state.items() if type(r) is dict and r.get("kind") == "ical-task"}
    doc["synced_todos"] = moved
    if moved:
        doc["state"] = {k: r for k, r in state.items() if k not in moved}
    return doc


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _split_closed_tasks, 2: _synced_todos_apart}
"""Version N → a function taking a schema-N document and returning schema N + 1."""


def migrate(doc: dict) -> tuple[dict, bool]:
    """Upgrade a document to `SCHEMA`; return it and whether it changed.

    Only its meta record has been checked: steps must cope with the old shape.
    Raises `StoreError` if a step is missing, which only a broken build can
    cause; `decode` adds the file name.
    """
    changed = False
    version = doc["meta"]["1"]["schema"]
    while version < SCHEMA:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreError(f"no migration from schema {version} to {version + 1}")
        doc = step(doc)
        version += 1
        doc["meta"]["1"]["schema"] = version
        changed = True
    return doc, changed


def skeleton() -> dict:
    """The document of a workspace that does not exist yet."""
    doc: dict = {name: {} for name in TABLES}
    doc["meta"][META_ID] = {"app": APP, "schema": SCHEMA, "next_task_id": 1}
    return doc


def _parse(raw: bytes) -> object:
    """Parse with orjson, with the cyclic GC paused (it would rescan the growing
    document again and again: ~20% of a 3 MB parse).

    Only what orjson accepts is a workspace: it is what writes the file, so a
    document it cannot read could not be written back as it was read. `json`
    accepts more (`NaN`, `Infinity`, `1e999`, unpaired surrogates), which the
    next write would silently turn into `null` or refuse; such a file is
    refused here instead. `json` still parses a rejected file, to point at the
    error with line and column. orjson reads an integer beyond 64 bits as a
    float: `schema.check_document` refuses a float in any known field.
    """
    import orjson

    enabled = gc.isenabled()
    gc.disable()
    try:
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            json.loads(raw)  # the better message for plain syntax errors
            raise _NotOurs(str(exc)) from None
    finally:
        if enabled:
            gc.enable()


class _NotOurs(ValueError):
    """Valid to `json` but not to orjson: NaN, Infinity, unpaired surrogates."""


def _advice(path: str) -> str:
    """What to do with a broken file: the newest backup if there is one."""
    from vaworkspace.store.backup import backup_dir, newest_backup

    newest = newest_backup(path)
    if newest is not None:
        return _("restore the newest backup {backup} or move it away").format(backup=newest)
    return _("move it away; no backup found in {folder}").format(folder=backup_dir(path))


def bad_file(path: str, problem: str, real: str | None = None) -> StoreError:
    """The one-line refusal of a file that cannot be used; `real` (the resolved
    path, where the backups are) defaults to `path`, which the message shows.
    `problem` is translated already (`is empty`, `est vide`)."""
    return StoreError(
        _("workspace {path} {problem}; {advice}").format(
            path=path, problem=problem, advice=_advice(real or path)
        )
    )


def _well_formed(table: dict) -> bool:
    """Ids TinyDB can turn into ints and records that are objects, at C speed."""
    ids = "".join(table)
    return (
        ids.isascii()
        and ids.isdigit()
        and "" not in table
        and all(type(record) is dict for record in table.values())
    )


def decode(
    path: str, raw: bytes, *, checked: bool = False, real: str | None = None
) -> tuple[dict, int | None]:
    """Parse, migrate and validate; return the document and the schema it was
    migrated from (None if current). Raises a one-line `StoreError`; never writes.

    Every record is checked (`schema.check_document`) unless `checked` says
    these very bytes were checked when they were written (see `stamp.py`).
    `path` is shown in messages; `real` is where the file and its backups are.
    """

    def bad(problem: str) -> StoreError:
        return bad_file(path, problem, real)

    if not raw.strip():
        raise bad(_("is empty"))
    try:
        doc = _parse(raw)
    except json.JSONDecodeError as exc:
        where = _("{why} at line {line} column {column}").format(
            why=exc.msg, line=exc.lineno, column=exc.colno
        )
        raise bad(_("is not valid JSON ({why})").format(why=where)) from None
    except _NotOurs as exc:
        raise bad(_("is not valid JSON ({why})").format(why=exc)) from None
    except UnicodeDecodeError as exc:
        utf8 = _("is not UTF-8 text (bad byte at offset {offset})").format(offset=exc.start)
        raise bad(utf8) from None
    except RecursionError:
        raise bad(_("is not valid JSON ({why})").format(why=_("nested too deeply"))) from None
    if type(doc) is not dict:
        if type(doc) is list:
            raise bad(_("is not a vaworkspace file (its top level is an array, not an object)"))
        raise bad(_("is not a vaworkspace file (its top level is a single value, not an object)"))
    meta = doc.get("meta")
    head = meta.get(META_ID) if type(meta) is dict else None
    if type(head) is not dict or head.get("app") != APP:
        raise bad(
            _('is not a vaworkspace file (no "meta" record with "app": "{app}")').format(app=APP)
        )
    schema = head.get("schema")
    if type(schema) is not int or schema < 1:
        raise bad(_("has an invalid schema version {version}").format(version=repr(schema)))
    if schema > SCHEMA:
        raise StoreError(
            _(
                "workspace {path} was written by a newer vaworkspace "
                "(schema {version} > {ours}); upgrade vaworkspace"
            ).format(path=path, version=schema, ours=SCHEMA)
        )
    migrated_from = None
    if schema < SCHEMA:
        try:
            doc, _changed = migrate(doc)
        except Exception as exc:
            raise StoreError(
                _(
                    "workspace {path} cannot be upgraded from schema {version} ({why}); "
                    "the file is unchanged; report this bug"
                ).format(path=path, version=schema, why=exc)
            ) from None
        migrated_from = schema
        checked = False
    if len(doc) > len(TABLES) or not doc.keys() <= _TABLE_SET:
        unknown = sorted(doc.keys() - _TABLE_SET)[0]
        raise bad(
            _("has an unknown table {name} (a damaged table name?)").format(name=repr(unknown))
        )
    for name in TABLES:
        if name not in doc:
            doc[name] = {}
            continue
        table = doc[name]
        if type(table) is not dict:
            raise bad(_('has a malformed "{name}" table (not a JSON object)').format(name=name))
        if table and not _well_formed(table):
            raise bad(
                _(
                    'has a malformed record in table "{name}" '
                    "(ids must be whole numbers and records objects)"
                ).format(name=name)
            )
    misplaced = place_tasks(doc)
    if misplaced is not None:
        raise bad(misplaced)
    if not checked:
        from vaworkspace.store.schema import BadRecord, check_document

        try:
            check_document(doc)
        except BadRecord as exc:
            raise bad(_("cannot be read: {why}").format(why=exc)) from None
    return doc, migrated_from
