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
