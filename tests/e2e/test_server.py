"""The workspace server: the installed `va` relays commands to one long-lived process.

Every test here starts real servers through the real `va` script, in a private
runtime folder, and kills them at teardown. "Served" checks go through
`relay.ask` in a child process: it returns None (exit 99 here) unless a server
really ran the command, so a test cannot pass by silently running in place.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

import pytest

from vaworkspace import relay
from vaworkspace.relay import server_pid

VA = shutil.which("va") or pytest.fail("the `va` script is not installed; pip install '.[test]'")
with open(VA) as _script:
    PYTHON = _script.readline()[2:].strip()  # the interpreter the script runs with
NOW = "2026-12-01T19:00:00Z"
ASK = (
    "import sys\n"
    "sys.path.pop(0)\n"  # not the working folder's copy: the installed one, as `va` runs
    "from vaworkspace import relay\n"
    "code = relay.ask(relay.socket_path(), relay.request(sys.argv[1:]))\n"
    "sys.exit(99 if code is None else code)\n"
)


class Served:
    """The installed `va` with the server on, in a private runtime folder."""

    def __init__(self, runtime: str) -> None:
        self.runtime = runtime

    def run(self, *argv: str, env: dict | None = None, **options) -> subprocess.CompletedProcess:
        """The `va` script as a user runs it (served if a server is up)."""
        return subprocess.run(
            [VA, *argv], capture_output=True, text=True, timeout=60, env=env, **options
        )

    def local(self, *argv: str, env: dict | None = None, **options):
        """The same command, run in place."""
        env = dict(env or os.environ, VAWORKSPACE_SERVER="off")
        return self.run(*argv, env=env, **options)

    def ask(self, *argv: str, env: dict | None = None, **options):
        """The command run by the server; exit 99 means no server ran it."""
        return subprocess.run(
            [PYTHON, "-c", ASK, *argv],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            **options,
        )

    def sockets(self) -> list[str]:
        return glob.glob(os.path.join(self.runtime, "vaworkspace-*", "server-*.sock"))

    def server_pid(self, timeout: float = 15.0) -> int:
        """Wait until a server listens; its process id (from the socket's peer)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for path in self.sockets():
                pid = server_pid(path)
                if pid:
                    return pid
            time.sleep(0.05)
        raise AssertionError(f"no server listening in {self.runtime}")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(")")[-1].split()[0] != "Z"


@pytest.fixture
def served(isolated_env, monkeypatch):
    runtime = tempfile.mkdtemp(prefix="va-run-", dir="/tmp")  # socket paths must be short
    monkeypatch.setenv("XDG_RUNTIME_DIR", runtime)
    monkeypatch.delenv("VAWORKSPACE_SERVER")
    monkeypatch.setenv("VAWORKSPACE_NOW", NOW)
    monkeypatch.setenv("COLUMNS", "100")
    helper = Served(runtime)
    try:
        yield helper
    finally:
        for path in helper.sockets():
            pid = server_pid(path)
            if pid:
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(runtime, ignore_errors=True)


def seed(served: Served) -> None:
    assert served.run("client", "add", "Acme Bakery", "--id", "acme").returncode == 0
    for text in ("Order flour @acme !h due:fri ~30m #supplies", "Post the menu @acme due:mon"):
        assert served.run("add", text).returncode == 0


def test_the_first_command_starts_a_server_and_the_next_ones_are_served(served) -> None:
    first = served.run("add", "Call the bank @acme", "--new-client")
    assert first.returncode == 0, first.stderr
    assert "Created task 1" in first.stdout
    pid = served.server_pid()
    listing = served.ask("list", "--json")
    assert listing.returncode == 0, listing.stderr
    assert [t["title"] for t in json.loads(listing.stdout)] == ["Call the bank"]
    second = served.run("add", "Send the invoice @acme")
    assert second.returncode == 0 and "Created task 2" in second.stdout
    assert served.server_pid() == pid  # the same server took it


COMMANDS = [
    ("list",),
    ("list", "--all", "--json"),
    ("show", "1"),
    ("why", "1"),
    ("client", "list", "--json"),
    ("agenda", "--json"),
    ("show", "99"),  # a user error: exit 1, one line on stderr
    ("list", "--bogus"),  # a usage error: exit 2, argparse's message
]


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_served_commands_print_and_exit_exactly_as_in_place(served, argv) -> None:
    seed(served)
    served.server_pid()
    here = served.local(*argv)
    there = served.ask(*argv)
    assert (there.returncode, there.stdout, there.stderr) == (
        here.returncode,
        here.stdout,
        here.stderr,
    )
    assert there.stdout or there.stderr


def test_the_server_sees_every_other_writer_at_once(served) -> None:
    seed(served)
    served.server_pid()
    before = json.loads(served.ask("list", "--json").stdout)
    assert served.local("add", "Renew the domain @acme").returncode == 0  # another process
    from vaworkspace.store import tables
    from vaworkspace.store.file import WorkspaceFile

    with WorkspaceFile(os.environ["VAWORKSPACE_DB"]).transaction() as db:  # like the TUI
        record = dict(tables.record(db, "tasks", 1))
        record["title"] = "Order rye flour"
        tables.put(db, "tasks", 1, record)
    after = json.loads(served.ask("list", "--json").stdout)
    assert len(after) == len(before) + 1
    assert {t["title"] for t in after} >= {"Renew the domain", "Order rye flour"}


def test_each_command_runs_with_its_own_folder_environment_and_settings(served, tmp_path) -> None:
    seed(served)
    served.server_pid()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, VAWORKSPACE_DB="", TZ="Asia/Tokyo", VAWORKSPACE_NOW=NOW)
    add = served.ask("--db", "mine.json", "add", "Book a table @acme due:today", "--new-client",
                     env=env, cwd=elsewhere)  # fmt: skip
    assert add.returncode == 0, add.stderr
    assert (elsewhere / "mine.json").exists()  # relative to the command's folder
    assert "2026-12-02" in add.stdout  # 19:00Z is already Wednesday in Tokyo
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir(exist_ok=True)
    before = served.ask("list", "--json")
    config.write_text("[urgency]\npriority_high = 40.0\n")  # settings apply at once
    after = served.ask("list", "--json")
    assert json.loads(after.stdout)[0]["urgency"] > json.loads(before.stdout)[0]["urgency"] + 30
    assert after.stdout == served.local("list", "--json").stdout


@pytest.mark.slow
def test_concurrent_served_and_local_writers_lose_nothing(served) -> None:
    served.run("client", "add", "Acme", "--id", "acme")
    served.server_pid()
    script = (
        "import subprocess, sys\n"
        "for i in range(25):\n"
        "    subprocess.run([sys.argv[1], 'add', f'task {sys.argv[2]}-{i} @acme'], check=True,\n"
        "                   stdout=subprocess.DEVNULL)\n"
    )
    workers = [subprocess.Popen([sys.executable, "-c", script, VA, str(n)]) for n in range(4)]
    local_env = dict(os.environ, VAWORKSPACE_SERVER="off")
    workers.append(subprocess.Popen([sys.executable, "-c", script, VA, "local"], env=local_env))
    assert [w.wait(timeout=180) for w in workers] == [0] * 5
    tasks = json.loads(served.local("list", "--all", "--json").stdout)
    assert sorted(t["id"] for t in tasks) == list(range(1, 126))
    assert len({t["title"] for t in tasks}) == 125


def test_the_server_never_imports_code_from_the_working_folder(served, tmp_path) -> None:
    trap = tmp_path / "vaworkspace"
    trap.mkdir()
    (trap / "__init__.py").write_text("raise SystemExit('imported from the working folder')\n")
    started = served.run("list", cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    served.server_pid()
    listing = served.ask("list", cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr


@pytest.mark.slow
def test_a_busy_server_does_not_stall_other_terminals(served, tmp_path) -> None:
    seed(served)
    served.server_pid()
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:e{n}@test\r\nDTSTAMP:20261101T000000Z\r\n"
        f"DTSTART:20261201T{10 + n % 8:02d}0000Z\r\nDTEND:20261201T{11 + n % 8:02d}0000Z\r\n"
        f"SUMMARY:Meeting {n}\r\nEND:VEVENT\r\n"
        for n in range(12_000)
    )
    big = tmp_path / "big.ics"
    big.write_text(
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n{events}END:VCALENDAR\r\n"
    )
    importing = subprocess.Popen([VA, "import", str(big)], stdout=subprocess.PIPE, text=True)
    time.sleep(0.5)  # the server is now busy reading 12,000 events (seconds)
    started = time.monotonic()
    listing = served.run("list", "--json")  # waits relay.BUSY, then runs in place
    took = time.monotonic() - started
    assert importing.poll() is None, f"the import ended too soon to test anything ({took:.1f} s)"
    assert listing.returncode == 0, listing.stderr
    assert [t["title"] for t in json.loads(listing.stdout)] == ["Order flour", "Post the menu"]
    out, _ = importing.communicate(timeout=120)
    assert importing.returncode == 0
    assert "12000 created" in out


def test_a_malformed_request_is_dropped_and_the_server_carries_on(served) -> None:
    import marshal

    served.run("list")
    pid = served.server_pid()
    (path,) = served.sockets()
    not_marshal = (5).to_bytes(8, "little") + b"hello"
    wrong_shape = marshal.dumps({"argv": "list"})
    for junk in (not_marshal, len(wrong_shape).to_bytes(8, "little") + wrong_shape):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.connect(path)
            probe.sendall(junk)
            probe.shutdown(socket.SHUT_WR)
            assert probe.recv(16) == b""  # no "?": nothing will run
    assert served.ask("list").returncode == 0
    assert served.server_pid() == pid


def test_a_closed_reader_is_not_an_error(served) -> None:
    from vaworkspace.store import tables
    from vaworkspace.store.file import WorkspaceFile

    seed(served)
    with WorkspaceFile(os.environ["VAWORKSPACE_DB"]).transaction() as db:  # far beyond a pipe
        made = "2026-11-30T12:00:00Z"
        filler = {"uuid": "", "title": "Filler", "created": made, "modified": made}
        tables.put_many(db, "tasks", {n: dict(filler, uuid=f"u{n}") for n in range(10, 3010)})
    pid = served.server_pid()
    assert served.ask("list", "--limit", "1").returncode == 0
    descriptors = len(os.listdir(f"/proc/{pid}/fd"))
    for _ in range(3):
        piped = subprocess.run(
            ["/bin/bash", "-c", f"set -o pipefail; {VA} list --all --json | head -c 100"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert piped.returncode == 0, piped.stderr
        assert piped.stderr == ""
        assert piped.stdout.startswith("[")
    assert served.ask("list", "--limit", "1").returncode == 0  # the server carries on
    assert len(os.listdir(f"/proc/{pid}/fd")) == descriptors  # and leaks no descriptor


def test_a_server_whose_code_changed_declines_and_leaves(served) -> None:
    served.run("list")
    pid = served.server_pid()
    where = "import sys; sys.path.pop(0); import vaworkspace; print(vaworkspace.__file__)"
    source = subprocess.run(  # the installed copy the server runs (CI installs a wheel)
        [PYTHON, "-c", where], capture_output=True, text=True, check=True
    ).stdout.strip()
    st = os.stat(source)
    try:
        later = time.time_ns() + 60 * 10**9  # the newest file of the package: an upgrade
        os.utime(source, ns=(st.st_atime_ns, later))
        declined = served.ask("list")
        assert declined.returncode == 99  # nothing ran there: the relay runs it itself
        deadline = time.monotonic() + 10
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(pid)
        again = served.run("list")  # in place, and it starts a fresh server
        assert again.returncode == 0
        assert served.server_pid() != pid
    finally:
        os.utime(source, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_an_idle_server_exits_and_removes_its_socket(tmp_path) -> None:
    path = f"/tmp/va-idle-{os.getpid()}.sock"
    code = f"from vaworkspace.cli import server\nserver.IDLE = 0.5\nserver.serve({path!r})\n"
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", code], timeout=30, check=True)
    assert time.monotonic() - started < 20
    assert not os.path.exists(path)
    os.unlink(path + ".lock")


def test_only_a_private_folder_is_used_for_the_socket(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    path = relay.socket_path()
    assert path is not None and path.startswith(str(tmp_path / f"vaworkspace-{os.getuid()}"))
    assert os.stat(os.path.dirname(path)).st_mode & 0o777 == 0o700
    os.chmod(os.path.dirname(path), 0o755)  # readable by others: never talk through it
    assert relay.socket_path() is None
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/" + "x" * 120)  # too long for a socket address
    assert relay.socket_path() is None


@pytest.mark.parametrize(
    ("argv", "relayed"),
    [
        (["list"], True),
        (["--db", "w.json", "add", "x"], True),
        (["--db=w.json", "done", "3"], True),
        (["import", "tasks.json"], True),
        ([], False),  # the TUI needs this process's terminal
        (["--demo"], False),
        (["rm", "3"], False),  # may prompt
        (["import", "-"], False),  # reads standard input
        (["list", "--help"], False),
        (["--version"], False),
    ],
)
def test_what_may_be_relayed(argv, relayed, monkeypatch) -> None:
    monkeypatch.delenv("VAWORKSPACE_SERVER", raising=False)
    assert relay.relayable(argv) is relayed
    monkeypatch.setenv("VAWORKSPACE_SERVER", "off")
    assert relay.relayable(argv) is False


def fake_server(path: str, script: list) -> threading.Thread:
    """Take one command and play `script`: bytes are sent, a number is a pause in
    seconds, None reads one byte from the client (kept in `thread.heard`, b"" when
    it hung up); then hang up."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(1)

    def serve_once() -> None:
        conn, _ = listener.accept()
        _, ancillary, _, _ = conn.recvmsg(1 << 16, socket.CMSG_SPACE(8))
        for _, _, data in ancillary:
            for fd in struct.unpack(f"{len(data) // 4}i", data):
                os.close(fd)
        for step in script:
            if step is None:
                thread.heard.append(conn.recv(1))
            elif isinstance(step, float):
                time.sleep(step)
            else:
                with contextlib.suppress(OSError):
                    conn.sendall(step)
        conn.close()
        listener.close()

    thread = threading.Thread(target=serve_once)
    thread.heard = []
    thread.start()
    return thread


def test_a_command_runs_in_the_server_only_after_the_client_says_go(
    tmp_path, capfd, monkeypatch
) -> None:
    path = str(tmp_path / "s.sock")
    ask = relay.request(["add", "x"])

    def play(script: list) -> tuple[int | None, list[bytes]]:
        thread = fake_server(path, script)
        code = relay.ask(path, ask)
        thread.join()
        os.unlink(path)
        return code, thread.heard

    assert play([b"?", None, b"3"]) == (3, [b"!"])  # the normal exchange
    assert play([]) == (None, [])  # declined without a word: run it here
    assert play([b"?", None]) == (1, [b"!"])  # it started, then died: never retried
    assert "server stopped while running the command" in capfd.readouterr().err
    monkeypatch.setattr(relay, "BUSY", 0.2)
    # Busy past BUSY: the client runs it itself; the server, once free, hears no go.
    assert play([0.6, b"?", None]) == (None, [b""])
    assert relay.ask(str(tmp_path / "none.sock"), b"") is None  # no server at all
