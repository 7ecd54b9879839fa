"""A to-do changed here keeps what a phone added that the workspace does not own.

The workspace rewrites only the properties it models (title, dates, status,
priority, tags, notes, recurrence); an alarm, an attachment or a phone app's X-
properties on the server's copy survive the push.
"""

from __future__ import annotations

PHONE_LINES = [
    "X-APPLE-SORT-ORDER:42",
    "ATTACH:https://files.example.com/passport-form.pdf",
    "CLASS:PRIVATE",
    "URL:https://example.com/renew",
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    "DESCRIPTION:Passport!",
    "TRIGGER:-PT30M",
    "END:VALARM",
]


def test_a_title_changed_here_keeps_the_phones_alarm_and_x_properties(synced) -> None:
    synced.phone.add_text("phone-1", "Renew passport", PHONE_LINES)
    synced.sync()
    task = synced.task("Renew passport")

    synced.ws.tasks.edit(task.id, "Renew passport today !h")
    result = synced.sync()

    assert result.pushed == 1
    text = synced.phone.text("phone-1")
    assert "SUMMARY:Renew passport today" in text
    assert "PRIORITY:1" in text
    for line in PHONE_LINES:
        assert line in text, line
    assert text.count("BEGIN:VALARM") == 1 and text.count("BEGIN:VTODO") == 1


def test_a_task_completed_here_keeps_them_too_and_a_field_removed_here_goes(synced) -> None:
    synced.phone.add_text("phone-2", "File taxes", ["DESCRIPTION:Ask for the forms", *PHONE_LINES])
    synced.sync()
    task = synced.task("File taxes")

    synced.ws.tasks.update(task.id, {"notes": ""})
    synced.ws.tasks.complete([task.id])
    synced.sync()

    text = synced.phone.text("phone-2")
    assert "STATUS:COMPLETED" in text
    assert "DESCRIPTION:Ask for the forms" not in text  # the workspace owns the notes
    for line in PHONE_LINES:
        assert line in text, line


def test_an_alarm_added_on_the_phone_after_the_first_sync_survives_an_edit_here(synced) -> None:
    synced.ws.tasks.add("Book flights @acme")
    synced.sync()
    task = synced.task("Book flights")
    synced.phone.edit(task.uuid, x_phone_flag="starred")
    synced.sync()

    synced.ws.tasks.edit(task.id, "Book flights to Lisbon")
    synced.sync()

    text = synced.phone.text(task.uuid)
    assert "SUMMARY:Book flights to Lisbon" in text
    assert "X-PHONE-FLAG:starred" in text


def test_a_todo_synced_before_its_text_was_kept_is_read_once_and_keeps_them(synced) -> None:
    from tinydb import TinyDB

    synced.phone.add_text("phone-3", "Renew visa", PHONE_LINES)
    synced.sync()
    task = synced.task("Renew visa")
    with TinyDB(synced.ws.path) as db:  # the state an earlier version wrote
        for doc in db.table("dav").all():
            items = {
                h: {k: v for k, v in i.items() if k != "text"} for h, i in doc["items"].items()
            }
            db.table("dav").update({"items": items}, doc_ids=[doc.doc_id])

    synced.ws.tasks.edit(task.id, "Renew visa online")
    synced.sync()

    text = synced.phone.text("phone-3")
    assert "SUMMARY:Renew visa online" in text
    for line in PHONE_LINES:
        assert line in text, line


def test_a_work_block_moved_here_keeps_the_alarm_a_phone_added_to_it(synced) -> None:
    from datetime import datetime, timezone

    synced.ws.accounts.map("work", synced.slug, "acme", blocks=True)
    synced.ws.tasks.add("Write the report @acme")
    task = synced.task("Write the report")
    block = synced.ws.agenda.schedule_block(
        task.id, datetime(2026, 3, 10, 14, tzinfo=timezone.utc), 60
    )
    synced.sync()
    event = synced.phone.calendar.events()[0]
    added = ["X-PHONE-COLOUR:teal", "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Focus"]
    added += ["TRIGGER:-PT10M", "END:VALARM", "END:VEVENT"]
    event.data = str(event.data).replace("END:VEVENT", "\r\n".join(added))
    event.save()

    synced.ws.agenda.move_block(block.id, datetime(2026, 3, 10, 16, tzinfo=timezone.utc))
    result = synced.sync()

    assert result.blocks == 1 and result.notes == []
    moved = synced.phone.calendar.events()[0]
    assert moved.icalendar_component["DTSTART"].dt == datetime(2026, 3, 10, 16, tzinfo=timezone.utc)
    text = str(moved.data)
    assert "DESCRIPTION:Focus" in text and "TRIGGER:-PT10M" in text
    assert "X-PHONE-COLOUR:teal" in text
