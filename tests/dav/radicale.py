"""A real CalDAV server for the tests: Radicale on 127.0.0.1, with passwords.

`RadicaleServer` runs `python -m radicale` in its own process on a free port,
with htpasswd authentication (plain text: test passwords only) and a storage
folder of its own. It can be stopped, killed (SIGKILL, as a crash) and started
again on the same port and storage, which is what the "server killed in the
middle of a push" test needs. Radicale is in the `test` extra: a missing one is
a failure that says how to install it, never a skip.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

USERS = {"ann": "ann-secret", "bob": "bob-secret", "agency": "agency-secret"}
"""Accounts every server knows (user -> password)."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def require_radicale() -> None:
    try:
        import radicale  # noqa: F401
    except ImportError:
        pytest.fail(
            "Radicale is not installed, and the CalDAV tests need a real server: "
            "pip install '.[test]' (or pip install radicale)",
            pytrace=False,
        )


def _fast_folder(folder: Path) -> Path:
    """Where the server keeps its collections: in memory (/dev/shm) when the
    machine has it, since Radicale fsyncs every write (tens of milliseconds each
    on a busy disk) and the tests kill the process, never the machine."""
    import tempfile

    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        return Path(tempfile.mkdtemp(prefix="va-radicale-", dir=shm))
    return folder


class RadicaleServer:
    """One Radicale process; `url` is its root, `storage` its folder of collections."""

    def __init__(self, folder: Path, tls: tuple[Path, Path] | None = None) -> None:
        """`tls`: (certificate, key) files to serve https with, else plain http."""
        require_radicale()
        self.folder, self.tls = folder, tls
        self.storage = _fast_folder(folder) / "storage"
        self.port = free_port()
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}/"
        self.process: subprocess.Popen[bytes] | None = None
        folder.mkdir(parents=True, exist_ok=True)
        users = folder / "users"
        users.write_text("".join(f"{user}:{pw}\n" for user, pw in USERS.items()))
        self.config = folder / "config"
        # rights "authenticated": any logged-in user may use any collection, so two
        # VAs of one agency can share a task list kept under the agency's user.
        self.config.write_text(
            f"[server]\nhosts = 127.0.0.1:{self.port}\n"
            + (f"ssl = True\ncertificate = {tls[0]}\nkey = {tls[1]}\n" if tls else "")
            + f"[auth]\ntype = htpasswd\nhtpasswd_filename = {users}\n"
            "htpasswd_encryption = plain\ndelay = 0\n"
            f"[storage]\nfilesystem_folder = {self.storage}\n"
            "use_mtime_and_size_for_item_cache = True\n"
            "[rights]\ntype = authenticated\n"
            "[logging]\nlevel = warning\n"
        )

    def start(self) -> RadicaleServer:
        log = open(self.folder / "server.log", "ab")  # noqa: SIM115 - the child keeps it
        self.process = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(self.config)],
            stdout=log,
            stderr=log,
            env={k: v for k, v in os.environ.items() if k != "RADICALE_CONFIG"},
        )
        log.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log_text = (self.folder / "server.log").read_text(errors="replace")
                pytest.fail(f"Radicale exited at start:\n{log_text}", pytrace=False)
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.05)
        self.kill()
        pytest.fail(f"Radicale did not listen on port {self.port} within 30 s", pytrace=False)

    def kill(self) -> None:
        """SIGKILL: the server dies as in a crash, in the middle of whatever it did."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None

    def remove(self) -> None:
        """Stop, and delete the collections (they may live outside the test's folder)."""
        import shutil

        self.stop()
        shutil.rmtree(self.storage.parent, ignore_errors=True)

    # -- setting up collections, as a VA would in the server's web page ---------------

    def make_collection(self, user: str, slug: str, name: str, components: list[str]) -> str:
        """Create a calendar or task list under `user`'s home; its URL."""
        import caldav

        trusted = str(self.tls[0]) if self.tls else True
        client = caldav.DAVClient(
            self.url, username=user, password=USERS[user], ssl_verify_cert=trusted
        )
        principal = client.principal()
        made = principal.make_calendar(
            name=name, cal_id=slug, supported_calendar_component_set=components
        )
        return str(made.url)

    def resources(self, user: str, slug: str) -> list[Path]:
        """The .ics files the server stores in a collection (read from its disk)."""
        folder = self.storage / "collection-root" / user / slug
        return sorted(p for p in folder.glob("*") if p.is_file() and not p.name.startswith("."))


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no authority signed, and its key (openssl)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    folder.mkdir(parents=True, exist_ok=True)
    request = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
    names = ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
    subprocess.run(
        [*request, "-keyout", str(key), "-out", str(cert), *names],
        check=True,
        capture_output=True,
    )
    return cert, key
