"""`va import X.ics`, `va export`, `va agenda`: identity, conflicts, round trip."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ical.calendars import WEEKLY, write


def test_reimport_changes_nothing_and_updates_by_uid(va, tmp_path) -> None:
    first = write(tmp_path, "cal.ics", WEEKLY)
    out = va("import", first)
    assert "2 created, 0 updated, 0 unchanged" in out and "1 task created" in out
    assert "0 created, 0 updated, 2 unchanged" in va("import", first)
    changed = WEEKLY.replace("SEQUENCE:0", "SEQUENCE:1").replace("with the models", "(moved)")
    assert "0 created, 1 updated, 1 unchanged" in va("import", write(tmp_path, "b.ics", changed))


def test_agenda_expands_recurrences_and_lists_tasks(va, tmp_path) -> None:
    va("import", write(tmp_path, "cal.ics", WEEKLY))
    items = json.loads(va("agenda", "--from", "2026-11-30", "--days", "14", "--json"))
    fittings = [i for i in items if i["title"] == "Fitting with the models"]
    assert [i["start"] for i in fittings] == ["2026-11-30T15:00:00Z", "2026-12-07T15:00:00Z"]
    assert all(
        set(i) >= {"type", "title", "client", "start", "end", "all_day", "uid"} for i in items
    )
    fair = next(i for i in items if i["title"] == "Fabric fair")
    assert fair["all_day"] and fair["start"] == "2026-12-03" and fair["end"] == "2026-12-04"
    task = next(i for i in items if i["type"] == "task")
    assert task["title"] == "Send the fabric samples" and task["client"] == "evelyne"


def test_local_edit_is_a_conflict_unless_theirs(va, tmp_path) -> None:
    va("import", write(tmp_path, "cal.ics", WEEKLY))
    [task] = json.loads(va("list", "--json"))
    va("edit", str(task["id"]), "!low")
    newer = WEEKLY.replace("Send the fabric samples", "Send the fabric samples today")
    path = write(tmp_path, "new.ics", newer.replace("PRIORITY:1", "PRIORITY:1\r\nSEQUENCE:1"))
    assert "conflict: task" in va("import", path)
    assert json.loads(va("list", "--json"))[0]["title"] == "Send the fabric samples"
    va("import", path, "--theirs")
    assert json.loads(va("list", "--json"))[0]["title"] == "Send the fabric samples today"


def test_dry_run_and_bad_files_write_nothing(va, tmp_path, isolated_env) -> None:
    db = isolated_env / "data" / "workspace.json"
    before = db.read_bytes()
    assert "Would import" in va("import", write(tmp_path, "cal.ics", WEEKLY), "--dry-run")
    html = write(tmp_path, "login.ics", "<!DOCTYPE html><html><body>Sign in</body></html>")
    assert "HTML" in va("import", html, code=1)
    assert db.read_bytes() == before


def test_export_then_import_round_trips(va, tmp_path, monkeypatch) -> None:
    va("import", write(tmp_path, "cal.ics", WEEKLY))
    va("add", "Book hotel @evelyne !h due:fri 17:00 #travel")
    out_path = tmp_path / "out.ics"
    va("export", "-o", str(out_path))
    data = out_path.read_bytes()
    assert b"\r\n" in data and b"ATTENDEE" in data and b"X-GOOGLE-CONFERENCE" in data
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:America/Montreal" in data
    monkeypatch.setenv("VAWORKSPACE_DB", str(tmp_path / "other.json"))
    va("client", "add", "Évelyne Couture", "--id", "evelyne")
    summary = va("import", str(out_path))
    assert "2 created" in summary and "2 tasks created" in summary
    titles = sorted(t["title"] for t in json.loads(va("list", "--json")))
    assert titles == ["Book hotel", "Send the fabric samples"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cuts=st.lists(st.integers(0, 40), max_size=4), junk=st.binary(max_size=12))
def test_mutated_calendar_is_imported_or_rejected_leaving_the_file_alone(
    va, tmp_path, isolated_env, cuts, junk
) -> None:
    """Only our documented error escapes, and a rejected file writes nothing."""
    from vaworkspace.config import Config
    from vaworkspace.errors import ImportFileError
    from vaworkspace.service import Workspace

    lines = WEEKLY.split("\r\n")
    for cut in cuts:
        if lines:
            del lines[cut % len(lines)]
    data = "\r\n".join(lines).encode() + junk
    ws = Workspace(str(isolated_env / "data" / "workspace.json"), Config())
    before = (isolated_env / "data" / "workspace.json").read_bytes()
    try:
        ws.calendar.import_file(data, "mutated.ics")
    except ImportFileError:
        assert (isolated_env / "data" / "workspace.json").read_bytes() == before


def test_import_export_import_changes_no_record(va, tmp_path, isolated_env) -> None:
    """Every producer's fixture in, our export out, and back in: nothing changes."""
    from pathlib import Path

    fixtures = sorted((Path(__file__).parent / "fixtures").glob("*.ics"))
    for path in fixtures:
        main_code = main_import(va, str(path))
        assert main_code in (0, 1)
    db = isolated_env / "data" / "workspace.json"
    records_before = json.loads(db.read_text())
    out = tmp_path / "out.ics"
    va("export", "-o", str(out))
    summary = va("import", str(out))
    assert " 0 created, 0 updated," in summary and "0 tasks created, 0 updated" in summary
    after = json.loads(db.read_text())
    for table in ("events", "tasks", "clients"):
        assert after[table] == records_before[table], table


def main_import(va, path: str) -> int:
    """Import one fixture; the deliberately broken ones are refused (exit 1)."""
    from vaworkspace.cli import main

    return main(["import", path])


def test_this_and_future_override_moves_every_later_instance(va) -> None:
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "this-and-future.ics"
    va("import", str(path))
    items = json.loads(va("agenda", "--from", "2026-11-02", "--days", "40", "--json"))
    starts = [(i["start"], i["title"]) for i in items if i["type"] == "event"]
    assert starts[:3] == [
        ("2026-11-02T15:00:00Z", "Weekly sync"),
        ("2026-11-09T15:00:00Z", "Weekly sync"),
        ("2026-11-16T19:00:00Z", "Weekly sync (afternoons now)"),
    ]
    assert starts[3:] == [
        ("2026-11-23T19:00:00Z", "Weekly sync (afternoons now)"),
        ("2026-11-30T19:00:00Z", "Weekly sync (afternoons now)"),
        ("2026-12-07T19:00:00Z", "Weekly sync (afternoons now)"),
    ]
