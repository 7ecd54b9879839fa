"""`[[publish]]`: which files are written, when, and how problems come back."""

from __future__ import annotations

from vaworkspace.config import Config
from vaworkspace.service import Workspace
from vaworkspace.service.publishing import PublishTarget, publish_targets


def configure(isolated_env, text: str) -> None:
    config = isolated_env / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text)


def test_a_failing_file_is_a_warning_and_the_change_is_kept(va, tmp_path, isolated_env) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    good = tmp_path / "good.ics"
    configure(
        isolated_env,
        f'[[publish]]\npath = "{blocker / "x.ics"}"\n[[publish]]\npath = "{good}"\n',
    )
    out = va("add", "Book hotel @evelyne due:fri")
    assert "Book hotel" in out
    assert b"SUMMARY:Book hotel" in good.read_bytes()
    assert "Book hotel" in va("list")


def test_the_warning_names_the_file(tmp_path, isolated_env, capsys, monkeypatch) -> None:
    from vaworkspace.cli import main

    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    configure(isolated_env, f'[[publish]]\npath = "{blocker / "x.ics"}"\n')
    assert main(["add", "Book hotel"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("va: warning: publishing ") and str(blocker) in err
    assert err.count("\n") == 1


def test_commands_that_change_nothing_publish_nothing(va, tmp_path, isolated_env) -> None:
    target = tmp_path / "all.ics"
    configure(isolated_env, f'[[publish]]\npath = "{target}"\n')
    va("list")
    va("export")
    assert not target.exists()
    va("add", "Book hotel")
    assert target.exists()


def test_bad_entries_are_problems_not_crashes() -> None:
    raw = {"publish": [{"client": "x"}, "nope", {"path": "~/a.ics", "client": 3}, {"path": "b"}]}
    targets, problems = publish_targets(raw)
    assert len(problems) == 3 and all("[[publish]] entry" in p for p in problems)
    assert [t.path.endswith("/b") for t in targets] == [True]
    assert publish_targets({"publish": "x"})[1]
    assert publish_targets({"publish": {"path": "/tmp/a.ics"}})[0] == [PublishTarget("/tmp/a.ics")]


def test_publish_reports_an_unknown_client(tmp_path) -> None:
    config = Config(publish=(PublishTarget(str(tmp_path / "a.ics"), "nobody"),))
    ws = Workspace(str(tmp_path / "ws.json"), config)
    ws.tasks.add("Something")
    assert ws.publishing.unpublished
    report = ws.publishing.publish()
    assert not ws.publishing.unpublished
    assert report.written == [] and len(report.problems) == 1
    assert "nobody" in report.problems[0]


def test_a_record_the_writer_cannot_write_is_a_problem_not_a_crash(tmp_path) -> None:
    from vaworkspace.store import tables

    config = Config(publish=(PublishTarget(str(tmp_path / "a.ics")),))
    ws = Workspace(str(tmp_path / "ws.json"), config)
    ws.tasks.add("Something")
    with ws.file.transaction() as db:  # an old or hand-edited record
        record = {**tables.record(db, "tasks", 1), "recurrence": "FREQ=SOMETIMES"}
        tables.put(db, "tasks", 1, record)
    report = ws.publishing.publish()
    assert len(report.problems) == 1 and "a.ics" in report.problems[0]


def test_va_publish_rebuilds_every_feed(va, tmp_path, isolated_env) -> None:
    target = tmp_path / "all.ics"
    va("add", "Book hotel")  # no [[publish]] yet: nothing written
    assert "No [[publish]] entries" in va("publish")
    configure(isolated_env, f'[[publish]]\npath = "{target}"\n')
    assert va("publish") == f"Published {target}\n"
    assert b"SUMMARY:Book hotel" in target.read_bytes()
    assert va("publish") == f"Unchanged {target}\n"
