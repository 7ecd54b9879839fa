"""What the server can do wrong, each one line naming the account and address,
with nothing written locally."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from vaworkspace.dav.errors import ServerError


def _file() -> bytes:
    return Path(os.environ["VAWORKSPACE_DB"]).read_bytes()


def test_a_collection_removed_on_the_server_is_a_404_line(synced) -> None:
    synced.ws.tasks.add("Book flights @acme")
    synced.sync()
    shutil.rmtree(synced.server.storage / "collection-root" / "ann" / synced.slug)
    before = Path(synced.ws.path).read_bytes()

    error = synced.ws.dav.sync()[0][1]

    assert isinstance(error, ServerError)
    assert str(error) == (
        f"account 'work' ({synced.url}): 404 not found: the address is wrong "
        "or the collection was removed"
    )
    assert Path(synced.ws.path).read_bytes() == before


def test_a_server_that_never_answers_times_out_in_one_line() -> None:
    from vaworkspace.dav.client import Connection

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts connections, never says a word
    url = f"http://127.0.0.1:{silent.getsockname()[1]}/ann/acme/"
    try:
        with pytest.raises(ServerError) as raised:
            Connection("work", url, "ann", "pw", timeout=0.5).changes(url, None)
    finally:
        silent.close()

    assert str(raised.value) == f"account 'work' ({url}): timed out waiting for the server"


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (403, "403 forbidden: this user may not use that address"),
        (500, "500 server error; try again later"),
        (503, "503 server error; try again later"),
    ],
)
def test_a_refusing_or_failing_server_is_one_line_with_its_status(status, reason) -> None:
    """Radicale answers neither 403 (its rights here let any user in) nor 5xx on
    demand, so a bare HTTP server stands in for a proxy or a server that refuses."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from vaworkspace.dav.client import Connection

    class Refuse(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_OPTIONS = _answer

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Refuse)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/ann/acme/"
    try:
        with pytest.raises(ServerError) as raised:
            Connection("work", url, "ann", "pw", timeout=5).changes(url, None)
    finally:
        server.shutdown()
        server.server_close()

    assert raised.value.status == status
    assert str(raised.value) == f"account 'work' ({url}): {reason}"
