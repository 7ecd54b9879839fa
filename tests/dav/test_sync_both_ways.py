"""`va sync` against a real CalDAV server (Radicale): to-dos both ways.

Each test has its own task list on the module's server; the "phone" edits the
server directly, as another CalDAV client would.
"""

from __future__ import annotations

from datetime import datetime, timezone


def test_first_sync_sends_the_clients_tasks_and_brings_the_servers(synced) -> None:
    synced.ws.tasks.add("Book flights @acme due:fri !h")
    synced.ws.tasks.add("Call the bank")  # no client: stays here
    synced.phone.add("phone-1", "Renew passport", priority="1")

    result = synced.sync()

    assert (result.pushed, result.pulled) == (1, 1)
    on_server = {todo["SUMMARY"] for todo in synced.phone.todos().values()}
    assert on_server == {"Book flights", "Renew passport"}
    passport = synced.task("Renew passport")
    assert (passport.client, passport.priority, passport.status) == ("acme", "high", "todo")
    book = synced.task("Book flights")
    assert synced.phone.todos()[book.uuid]["PRIORITY"] == "1"
    assert "Call the bank" not in on_server


def test_a_second_sync_with_nothing_changed_moves_nothing(synced) -> None:
    synced.ws.tasks.add("Book flights @acme")
    synced.phone.add("phone-1", "Renew passport")
    synced.sync()
    before = synced.phone.todos()

    again = synced.sync()

    assert (again.pulled, again.pushed, again.deleted_here, again.deleted_there) == (0, 0, 0, 0)
    assert again.conflicts == []
    assert synced.phone.todos() == before


def test_incremental_sync_brings_only_what_changed(synced, monkeypatch) -> None:
    for n in range(20):
        synced.phone.add(f"phone-{n}", f"Task {n}")
    synced.sync()
    synced.phone.edit("phone-7", summary="Task seven")
    from vaworkspace.dav.client import Connection

    asked: list[list[str]] = []
    fetch = Connection.fetch
    monkeypatch.setattr(
        Connection, "fetch", lambda self, url, hrefs: asked.append(hrefs) or fetch(self, url, hrefs)
    )

    result = synced.sync()

    assert result.pulled == 1
    assert [len(hrefs) for hrefs in asked] == [1]
    assert "Task seven" in synced.titles() and "Task 7" not in synced.titles()


def test_a_todo_completed_on_the_server_and_another_here(synced) -> None:
    synced.ws.tasks.add("Send invoice @acme")
    synced.ws.tasks.add("Book hotel @acme")
    synced.sync()
    invoice, hotel = synced.task("Send invoice"), synced.task("Book hotel")

    synced.phone.edit(
        invoice.uuid, status="COMPLETED", completed=datetime(2026, 3, 2, 15, tzinfo=timezone.utc)
    )
    synced.ws.tasks.complete([hotel.id])
    result = synced.sync()

    assert (result.pulled, result.pushed) == (1, 1)
    assert synced.task("Send invoice").status == "done"
    assert synced.task("Send invoice").completed == datetime(2026, 3, 2, 15, tzinfo=timezone.utc)
    server = synced.phone.todos()
    assert server[hotel.uuid]["STATUS"] == "COMPLETED"
    assert server[invoice.uuid]["STATUS"] == "COMPLETED"


def test_a_deletion_on_each_side_reaches_the_other(synced) -> None:
    synced.ws.tasks.add("Gone here @acme")
    synced.ws.tasks.add("Gone there @acme")
    synced.sync()
    here, there = synced.task("Gone here"), synced.task("Gone there")

    synced.ws.tasks.remove([here.id])
    synced.phone.delete(there.uuid)
    result = synced.sync()

    assert (result.deleted_here, result.deleted_there) == (1, 1)
    assert synced.phone.todos() == {}
    assert synced.titles() == set()
    assert synced.sync().pushed == 0  # a deleted task is not sent again


def test_an_edit_here_reaches_the_server_and_one_there_comes_back(synced) -> None:
    synced.ws.tasks.add("Draft newsletter @acme")
    synced.sync()
    task = synced.task("Draft newsletter")

    synced.ws.tasks.edit(task.id, "due:2026-04-01")
    synced.phone.edit(task.uuid, description="Use the spring template")
    result = synced.sync()

    assert (result.pulled, result.pushed, result.conflicts) == (1, 1, [])
    mine = synced.task("Draft newsletter")
    assert mine.notes == "Use the spring template"
    server = synced.phone.todos()[task.uuid]
    assert server["DUE"].startswith("20260401")
    assert server["DESCRIPTION"] == "Use the spring template"


def test_a_field_changed_on_both_sides_is_a_conflict_showing_both_values(synced) -> None:
    synced.ws.tasks.add("Quarterly report @acme")
    synced.sync()
    task = synced.task("Quarterly report")
    synced.ws.tasks.edit(task.id, "Quarterly report v2")
    synced.phone.edit(task.uuid, summary="Quarterly report FINAL")

    first = synced.sync()
    again = synced.sync()  # reported until the VA chooses; nothing moves

    for result in (first, again):
        assert len(result.conflicts) == 1
        assert "'Quarterly report v2'" in result.conflicts[0]
        assert "'Quarterly report FINAL'" in result.conflicts[0]
        assert result.pushed == result.pulled == 0
    assert synced.task("Quarterly report v2")
    assert synced.phone.todos()[task.uuid]["SUMMARY"] == "Quarterly report FINAL"

    chosen = synced.sync("theirs")

    assert chosen.conflicts == []
    assert synced.task("Quarterly report FINAL").id == task.id
    assert synced.sync().conflicts == []


def test_mine_settles_a_conflict_by_sending_the_local_value(synced) -> None:
    synced.ws.tasks.add("Pay rent @acme")
    synced.sync()
    task = synced.task("Pay rent")
    synced.ws.tasks.edit(task.id, "Pay office rent")
    synced.phone.edit(task.uuid, summary="Pay the rent")
    assert synced.sync().conflicts

    result = synced.sync("mine")

    assert (result.conflicts, result.pushed) == ([], 1)
    assert synced.phone.todos()[task.uuid]["SUMMARY"] == "Pay office rent"
    assert synced.sync().conflicts == []


def test_the_servers_events_come_into_the_agenda_for_the_client(synced) -> None:
    synced.phone.add_event("ev-1", "Board meeting", "20260310T140000Z", "20260310T150000Z")
    synced.sync()

    events = [e for e in synced.ws.calendar.events() if e.summary == "Board meeting"]

    assert len(events) == 1
    assert (events[0].client, events[0].calendar) == ("acme", f"work/Tasks {synced.slug}")


def test_work_blocks_go_to_the_collection_mapped_for_them(synced) -> None:
    synced.ws.accounts.map("work", synced.slug, "acme", blocks=True)
    synced.ws.tasks.add("Write the report @acme")
    task = synced.task("Write the report")
    start = datetime(2026, 3, 10, 14, tzinfo=timezone.utc)
    block = synced.ws.agenda.schedule_block(task.id, start, 60)

    first = synced.sync()
    events = [i for i in synced.phone.calendar.events()]
    assert first.blocks == 1
    assert [e.icalendar_component["SUMMARY"] for e in events] == [block.summary]
    assert not [e for e in synced.ws.calendar.events() if e.kind != "block"]  # not read back

    synced.ws.agenda.move_block(block.id, datetime(2026, 3, 10, 16, tzinfo=timezone.utc))
    assert synced.sync().blocks == 1
    moved = synced.phone.calendar.events()[0].icalendar_component
    assert moved["DTSTART"].dt == datetime(2026, 3, 10, 16, tzinfo=timezone.utc)

    synced.ws.agenda.remove_block(block.id)
    assert synced.sync().blocks == 1
    assert synced.phone.calendar.events() == []
    assert synced.sync().blocks == 0


def test_a_recurring_task_completed_on_the_server_comes_back_as_its_next_occurrence(
    synced,
) -> None:
    synced.ws.tasks.add("Weekly report @acme due:2026-03-06 every:week")
    synced.sync()
    first = synced.task("Weekly report")
    assert first.recurrence

    synced.phone.edit(first.uuid, status="COMPLETED")
    result = synced.sync()

    tasks = [t for t in synced.ws.snapshot().tasks() if t.title == "Weekly report"]
    assert sorted(t.status for t in tasks) == ["done", "todo"]
    following = next(t for t in tasks if t.status == "todo")
    assert following.due > first.due and following.due.weekday() == first.due.weekday()
    assert result.pushed == 1  # the next occurrence, sent at once
    assert synced.phone.todos()[following.uuid]["STATUS"] == "NEEDS-ACTION"
