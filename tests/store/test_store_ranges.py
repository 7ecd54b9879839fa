"""A read fetches only the tables it parses, by range from the file it opened
(`source.OpenFile`): a `va list` neither reads nor holds the events of a
10k-task workspace, and every table it parses is of the version it opened."""

from __future__ import annotations

import os

from tests.store.test_store_layout import add, event
from tests.store.valid import task
from vaworkspace.store import WorkspaceFile, tables
from vaworkspace.store import source as store_source


def with_events(path, count: int) -> None:
    add(path, "Book hotel")
    with WorkspaceFile(path).transaction() as db:
        tables.put_many(db, "events", {str(n): event(n) for n in range(1, count + 1)})


def counting_reads(monkeypatch) -> list[int]:
    sizes: list[int] = []
    pread = os.pread

    def counted(fd: int, size: int, at: int) -> bytes:
        data = pread(fd, size, at)
        sizes.append(len(data))
        return data

    monkeypatch.setattr(store_source.os, "pread", counted)
    return sizes


def test_the_tasks_are_read_without_the_events(tmp_path, monkeypatch) -> None:
    path = tmp_path / "ws.json"
    with_events(path, 2000)
    size = path.stat().st_size
    events = WorkspaceFile(path).read().source.slices["events"]
    assert events.end - events.start > size / 2
    sizes = counting_reads(monkeypatch)
    doc = WorkspaceFile(path).read()
    assert [r["title"] for r in doc["tasks"].values()] == ["Book hotel"]
    assert sum(sizes) < size - (events.end - events.start)
    assert len(doc["events"]) == 2000  # read when asked for
    assert sum(sizes) > size / 2


def test_a_table_parsed_later_is_of_the_version_opened(tmp_path) -> None:
    path = tmp_path / "ws.json"
    add(path, "Book hotel")
    opened = WorkspaceFile(path).read()
    add(path, "Call the dentist")  # another process: a new file renamed over this one
    assert [r["title"] for r in opened["tasks"].values()] == ["Book hotel"]
    fresh = WorkspaceFile(path).read()
    assert [r["title"] for r in fresh["tasks"].values()] == ["Book hotel", "Call the dentist"]


def test_a_foreign_write_in_place_is_caught_by_the_crc(tmp_path) -> None:
    """A program writing into the file (plain TinyDB does) changes the bytes a
    read has yet to parse: the CRC does not match, and the whole file as it is
    now is parsed and checked instead, never the mix of two versions' bytes."""
    path = tmp_path / "ws.json"
    add(path, "Book hotel")
    opened = WorkspaceFile(path).read()
    data = path.read_bytes()
    with open(path, "r+b") as handle:  # the same length, in place: only the CRC can tell
        handle.write(data.replace(b"Book hotel", b"Book motel"))
    assert [r["title"] for r in opened["tasks"].values()] == ["Book motel"]
    assert opened.source.slices is None  # parsed whole


def test_a_write_after_a_read_cuts_the_tables_from_the_bytes_it_read(tmp_path, monkeypatch) -> None:
    """A transaction reads the whole file (its backup copies it); finding it
    unchanged since the read, it copies the tables it did not change from those
    bytes, not by reading each again."""
    path = tmp_path / "ws.json"
    with_events(path, 500)
    wf = WorkspaceFile(path)
    assert [r["title"] for r in wf.read()["tasks"].values()] == ["Book hotel"]
    sizes = counting_reads(monkeypatch)
    with wf.transaction() as db:
        tables.put(db, "tasks", 2, task(title="Call the dentist"))
    assert sum(sizes) == 0
    assert len(WorkspaceFile(path).read()["tasks"]) == 2
    assert len(WorkspaceFile(path).read()["events"]) == 500
