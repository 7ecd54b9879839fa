"""Changes made while the server is unreachable wait in the workspace file and
go at the next sync that reaches it."""

from __future__ import annotations

from tests.dav.conftest import Synced


def test_changes_made_offline_go_at_the_next_sync(private_radicale, tmp_path) -> None:
    synced = Synced(private_radicale, tmp_path / "ws.json", "acme")
    synced.ws.tasks.add("Book flights @acme")
    synced.ws.tasks.add("Send invoice @acme")
    synced.sync()
    flights, invoice = synced.task("Book flights"), synced.task("Send invoice")
    private_radicale.stop()

    synced.ws.tasks.complete([flights.id])
    synced.ws.tasks.remove([invoice.id])
    synced.ws.tasks.add("Renew domain @acme")
    failed = synced.ws.dav.sync()[0][1]
    assert "cannot connect" in str(failed)

    private_radicale.start()
    result = synced.sync()

    assert (result.pushed, result.deleted_there) == (2, 1)
    server = {todo["SUMMARY"]: todo["STATUS"] for todo in synced.phone.todos().values()}
    assert server == {"Book flights": "COMPLETED", "Renew domain": "NEEDS-ACTION"}
