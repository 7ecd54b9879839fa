"""TinyDB stays the engine: plain `tinydb.TinyDB(path)` opens the workspace and
reads every table with TinyDB's own API.

Whatever layout the store chooses for speed (byte ranges, sealed slices, closed
tasks apart), a user, a script or a future version must be able to open the one
JSON file with stock TinyDB and find their data. The workspace here is filled
through the CLI so every table holds what real commands write.
"""

from __future__ import annotations

import os
from pathlib import Path

from tinydb import TinyDB

from vaworkspace.store.migrations import TABLES

FIXTURES = Path(__file__).parent.parent / "ical" / "fixtures"


def test_every_table_reads_with_plain_tinydb(va) -> None:
    va("client", "add", "Acme Corp", "--rate", "45")
    va("add", "Book the Lisbon flights @acme !h due:fri ~45m #travel")
    va("add", "Send the November invoice @acme")
    va("done", "2")
    va("import", str(FIXTURES / "google.ics"), "--client", "acme")
    va("log", "1", "30m")
    va("timer", "start", "1")  # the running timer lives in the state table

    path = os.environ["VAWORKSPACE_DB"]
    before = Path(path).read_bytes()
    db = TinyDB(path, access_mode="r")
    try:
        assert set(TABLES) <= db.tables()
        seen = {name: db.table(name).all() for name in TABLES}
        assert all(isinstance(doc.doc_id, int) for docs in seen.values() for doc in docs)
        assert [c["name"] for c in seen["clients"]] == ["Acme Corp"]
        titles = {d["title"] for name in TABLES if "task" in name for d in seen[name]}
        assert titles == {"Book the Lisbon flights", "Send the November invoice"}
        assert seen["entries"] and seen["events"] and seen["state"]
        assert db.table("meta").get(doc_id=1)["app"] == "vaworkspace"
    finally:
        db.close()
    assert Path(path).read_bytes() == before  # reading never rewrites the file
