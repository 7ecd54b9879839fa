"""A published feed, rebuilt when a change touches it, is byte for byte a full export.

The property: after any sequence of changes, each published by the round that
follows it (the one `va add` runs), each published file equals what
`export_calendar` writes for its client at the moment the file was written,
and a feed whose content did not change is not rewritten at all.
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.ical.calendars import RAW_MEETING, WEEKLY
from vaworkspace.config import parse_config
from vaworkspace.errors import VaError
from vaworkspace.service import Workspace
from vaworkspace.store import tables

UTC = timezone.utc
START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
FEEDS = [("evelyne", "evelyne.ics"), (None, "all.ics"), ("dental", "dental.ics")]


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def workspace(folder: str, clock: Clock) -> Workspace:
    publish = [{"path": os.path.join(folder, "feeds", name)} for _, name in FEEDS]
    for entry, (client, _) in zip(publish, FEEDS, strict=True):
        if client:
            entry["client"] = client
    config = parse_config({"timezone": "America/Montreal", "publish": publish})
    ws = Workspace(os.path.join(folder, "ws.json"), config, clock=clock)
    ws.clients.add("Évelyne Couture", id="evelyne")
    ws.clients.add("Dental, clinic; Inc", id="dental")
    return ws


def expected(ws: Workspace, clock: Clock, client: str | None, moment: datetime) -> bytes:
    saved, clock.now = clock.now, moment
    try:
        return ws.calendar.export(client)
    finally:
        clock.now = saved


def signature(path: str):
    st_ = os.stat(path)
    return st_.st_mtime_ns, st_.st_ino


def task_ids(ws: Workspace) -> list[int]:
    doc = ws.file.read()
    return sorted(int(k) for k in {**doc["tasks"], **doc["closed_tasks"]})


TEXTS = st.sampled_from(
    [
        "Book hotel @evelyne due:fri 17:00 #travel !h",
        "Call the bank @dental due:thu",
        "Idea for the blog",
        "Fitting, notes; and \\ more @evelyne due:2026-12-24",
        "Invoice @dental every month due:2026-12-15",
        "Café ☕ @evelyne scheduled:mon due:wed",
        "Long " + "word " * 30 + "@evelyne",
    ]
)
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), TEXTS),
        st.tuples(st.just("edit"), st.integers(0, 20), TEXTS),
        st.tuples(st.just("done"), st.integers(0, 20)),
        st.tuples(st.just("remove"), st.integers(0, 20)),
        st.tuples(st.just("log"), st.sampled_from(["@evelyne", "@dental", ""]), st.integers(0, 20)),
        st.tuples(st.just("rename"), st.sampled_from(["evelyne", "dental"]), TEXTS),
        st.tuples(
            st.just("import"),
            st.sampled_from([WEEKLY, RAW_MEETING]),
            st.sampled_from(["evelyne", None]),
        ),
        st.tuples(st.just("block"), st.integers(0, 20), st.integers(1, 40)),
        st.tuples(st.just("later"), st.integers(1, 5000)),
        st.tuples(
            st.just("stale-text"),
        ),
    ),
    min_size=1,
    max_size=7,
)


def apply(ws: Workspace, clock: Clock, step: tuple, folder: str) -> None:
    kind, *args = step
    ids = task_ids(ws)
    pick = ids[args[0] % len(ids)] if ids and kind in ("edit", "done", "remove", "block") else None
    try:
        if kind == "add":
            ws.tasks.add(args[0])
        elif kind == "edit" and pick:
            ws.tasks.edit(pick, args[1])
        elif kind == "done" and pick:
            ws.tasks.complete([pick])
        elif kind == "remove" and pick:
            ws.tasks.remove([pick])
        elif kind == "log":
            where = f"task:{ids[args[1] % len(ids)]}" if ids and not args[0] else args[0]
            ws.time.log(["25m", where, "notes, here"], start=f"{8 + args[1] % 9}:00")
        elif kind == "rename":
            ws.clients.edit(args[0], name=args[1][:30])
        elif kind == "import":
            ws.calendar.import_file(args[0].encode(), "cal.ics", args[1])
        elif kind == "block" and pick:
            ws.agenda.schedule_block(pick, START + timedelta(days=1, minutes=15 * args[1]), 30)
        elif kind == "later":
            clock.now += timedelta(minutes=args[0])
        elif kind == "stale-text":  # kept text another icalendar wrote
            with ws.file.transaction() as db:
                for key, record in tables.records(db, "events").items():
                    if "ics" in record:
                        tables.put(db, "events", key, {**record, "ics": {"fp": "other"}})
    except VaError:
        pass  # refused changes (an overlap, a closed task) are changes too: none


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=STEPS)
# What a component shows from other records: a client's new name, a task's title,
# a block's task removed; and imported text with its own VTIMEZONE.
@example(
    steps=[
        ("log", "@evelyne", 1),
        ("rename", "evelyne", "Renamed"),
        ("log", "", 0),
        ("later", 60),
        ("edit", 0, "Other title @evelyne"),
        ("block", 0, 2),
        ("import", RAW_MEETING, "evelyne"),
        ("remove", 0),
    ]
)
def test_every_published_feed_is_the_full_export(steps) -> None:
    clock = Clock()
    with tempfile.TemporaryDirectory() as folder:
        ws = workspace(folder, clock)
        paths = {client: os.path.join(folder, "feeds", name) for client, name in FEEDS}
        written_at: dict = {}
        for step in [("add", "First @evelyne due:fri"), *steps]:
            apply(ws, clock, step, folder)
            before = {c: signature(p) for c, p in paths.items() if os.path.exists(p)}
            report = ws.publishing.publish_pending()
            assert report.problems == []
            for client, path in paths.items():
                if path in report.written:
                    written_at[client] = clock.now
                else:
                    assert path in report.unchanged or not report.unchanged
                    assert signature(path) == before[client]  # not rewritten
                with open(path, "rb") as handle:
                    published = handle.read()
                assert published == expected(ws, clock, client, written_at[client]), step


def test_a_change_for_one_client_rewrites_only_its_feed(tmp_path) -> None:
    clock = Clock()
    ws = workspace(str(tmp_path), clock)
    for n in range(30):
        ws.tasks.add(f"Task {n} @{'evelyne' if n % 2 else 'dental'} due:fri")
    ws.calendar.import_file(WEEKLY.encode(), "cal.ics", "evelyne")
    first = ws.publishing.publish()
    assert len(first.written) == 3
    clock.now += timedelta(hours=1)
    ws.tasks.add("Only dental @dental")
    report = ws.publishing.publish()
    dental, everyone = (str(tmp_path / "feeds" / n) for n in ("dental.ics", "all.ics"))
    assert sorted(report.written) == sorted([dental, everyone])
    assert report.unchanged == [str(tmp_path / "feeds" / "evelyne.ics")]
    assert (tmp_path / "feeds" / "dental.ics").read_bytes() == ws.calendar.export("dental")


def test_nothing_changed_nothing_written_and_a_replaced_file_is_restored(tmp_path) -> None:
    clock = Clock()
    ws = workspace(str(tmp_path), clock)
    ws.tasks.add("Book hotel @evelyne due:fri")
    ws.publishing.publish()
    again = ws.publishing.publish()
    assert again.written == [] and len(again.unchanged) == 3
    feed = tmp_path / "feeds" / "evelyne.ics"
    feed.write_bytes(b"someone else's text")
    assert ws.publishing.publish().written == [str(feed)]
    assert feed.read_bytes() == ws.calendar.export("evelyne")
    feed.unlink()
    assert ws.publishing.publish().written == [str(feed)]
    assert feed.exists()


def test_publishing_leaves_nothing_but_the_published_files(tmp_path) -> None:
    """No cache: a round writes the feeds (and takes turns through an empty lock
    file); everything else it needs is read from the workspace file itself."""
    clock = Clock()
    ws = workspace(str(tmp_path), clock)
    ws.tasks.add("Book hotel @evelyne due:fri 17:00")
    ws.calendar.import_file(RAW_MEETING.encode(), "cal.ics", "evelyne")
    ws.publishing.publish_pending()  # renders the imported text, keeps it in the workspace file
    before = {p for p in tmp_path.rglob("*")}
    for round_ in range(3):
        clock.now += timedelta(hours=1)
        ws.tasks.add(f"Call the bank {round_} @evelyne due:thu")
        ws.publishing.publish_pending()
    ws.publishing.publish()
    feeds = {tmp_path / "feeds" / name for _, name in FEEDS} | {tmp_path / "feeds"}
    new = {p for p in tmp_path.rglob("*")} - before - feeds
    assert not (tmp_path / "cache").exists()
    assert {p.name for p in new} <= {"ws.json.publish.lock"}, new
    assert all(p.stat().st_size == 0 for p in new)
    assert {p for p in before if p.parent == tmp_path and p.suffix == ".json"} == {
        tmp_path / "ws.json"
    }


def test_a_change_that_touches_no_feed_reads_none(tmp_path, monkeypatch) -> None:
    """A timer or a preference is no feed's content: nothing is built at all."""
    from vaworkspace.ical import feed

    clock = Clock()
    ws = workspace(str(tmp_path), clock)
    ws.tasks.add("Book hotel @evelyne due:fri")
    ws.publishing.publish_pending()

    def refuse(*args, **kwargs):
        raise AssertionError("a feed was built")

    monkeypatch.setattr(feed, "build", refuse)
    ws.time.start_timer(task_id=1)
    assert not ws.publishing.unpublished
    assert ws.publishing.publish_pending().written == []


def test_a_client_feed_decodes_only_that_clients_records(tmp_path, monkeypatch) -> None:
    """The store hands the builder the feed's own items (`store/feed_source.py`),
    decoded when it needs them: another client's tasks are never decoded."""
    from vaworkspace.store import feed_source

    config = parse_config(
        {
            "timezone": "America/Montreal",
            "publish": [{"path": str(tmp_path / "evelyne.ics"), "client": "evelyne"}],
        }
    )
    ws = Workspace(str(tmp_path / "ws.json"), config, clock=Clock())
    ws.clients.add("Évelyne Couture", id="evelyne")
    ws.clients.add("Dental", id="dental")
    for n in range(6):
        ws.tasks.add(f"Task {n} @{'evelyne' if n % 2 else 'dental'} due:fri")
    decoded: list[int] = []
    decode = feed_source.task_from_record

    def counting(doc_id: int, record: dict):
        decoded.append(doc_id)
        return decode(doc_id, record)

    monkeypatch.setattr(feed_source, "task_from_record", counting)
    assert ws.publishing.publish().written == [str(tmp_path / "evelyne.ics")]
    assert sorted(decoded) == [2, 4, 6]  # tasks 1, 3 and 5 are Dental's
    assert (tmp_path / "evelyne.ics").read_bytes() == ws.calendar.export("evelyne")
