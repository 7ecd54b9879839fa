"""Subscribed calendars over real HTTP on 127.0.0.1, sync, and published files."""

from __future__ import annotations

import functools
import http.server
import json
import threading
import time

import pytest

from tests.ical.calendars import WEEKLY, write

SECOND = WEEKLY.replace("BEGIN:VEVENT\r\nUID:lunch-2", "BEGIN:VEVENT\r\nUID:gone-2")


class Slow(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/slow"):
            time.sleep(3)
        return super().do_GET()

    def log_message(self, *args) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A client that gave up (the sync deadline) makes the handler's late answer
    fail with a broken pipe: expected here, and its traceback would land in
    whichever test captures stderr next."""

    def handle_error(self, request, client_address) -> None:
        pass


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(Slow, directory=str(root))
    httpd = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_sync_over_http_updates_and_removes_vanished_events(va, server) -> None:
    root, base = server
    (root / "evelyne.ics").write_bytes(WEEKLY.encode())
    va("calendar", "add", "Evelyne", f"{base}/evelyne.ics", "--client", "evelyne")
    assert "2 created" in va("sync")
    assert "0 created, 0 updated, 2 unchanged" in va("sync")
    (root / "evelyne.ics").write_bytes(SECOND.encode())
    out = va("sync")
    assert "1 created" in out and "1 removed" in out
    items = json.loads(va("agenda", "--from", "2026-11-30", "--days", "14", "--json"))
    titles = {i["title"] for i in items if i["type"] == "event"}
    assert titles == {"Fitting with the models", "Fabric fair"}
    assert all(i["client"] == "evelyne" for i in items if i["type"] == "event")
    assert json.loads(va("calendar", "list", "--json"))[0]["name"] == "Evelyne"


def test_a_failing_source_is_reported_and_the_others_still_sync(
    va,
    server,
    tmp_path,
    monkeypatch,
) -> None:
    root, base = server
    monkeypatch.setattr("vaworkspace.service.download.READ_TIMEOUT", 0.5)
    (root / "good.ics").write_bytes(WEEKLY.encode())
    va("calendar", "add", "A-missing", f"{base}/missing.ics")
    va("calendar", "add", "B-good", f"{base}/good.ics")
    va("calendar", "add", "C-slow", f"{base}/slow.ics")
    err = va("sync", code=1)
    assert "va: calendar 'A-missing' not synced: the server answered 404 File not found" in err
    assert "va: calendar 'C-slow' not synced: the server sent nothing for 0.5 s" in err
    assert (
        len([i for i in json.loads(va("agenda", "--days", "7", "--json")) if i["type"] == "event"])
        >= 1
    )


def test_unsubscribe_removes_its_events(va, tmp_path) -> None:
    path = write(tmp_path, "cal.ics", WEEKLY)
    va("calendar", "add", "Evelyne", path)
    va("sync")
    assert "2 events removed" in va("calendar", "rm", "Evelyne")
    assert [i for i in json.loads(va("agenda", "--json")) if i["type"] == "event"] == []


def test_published_file_follows_every_change(va, tmp_path, isolated_env) -> None:
    target = tmp_path / "sync" / "evelyne.ics"
    config = isolated_env / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f'[[publish]]\nclient = "evelyne"\npath = "{target}"\n')
    va("add", "Book hotel @evelyne due:fri")
    assert b"SUMMARY:Book hotel" in target.read_bytes()
    va("add", "Confirm fitting @evelyne due:thu")
    assert b"SUMMARY:Confirm fitting" in target.read_bytes()
