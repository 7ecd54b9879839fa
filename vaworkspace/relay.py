"""The `va` console script: hand the command to the workspace server, or run it here.

A short `va` process pays ~35 ms before it does any work (Python, then the
imports: argparse, dataclasses, orjson…) and ~15 ms more to parse the workspace
file. `cli/server.py` is a background process that has paid both once: it keeps
the modules loaded and the parsed workspace (checked against the file's
signature before every use, exactly like the TUI's). This module imports only
`os`, `sys`, `socket` and `marshal`; it sends the command line, working folder,
environment and umask over a Unix socket and prints what comes back.

Nothing depends on the server: if none answers, the command runs in this
process as before and a server is started for the next command. Commands that
need the terminal or standard input (the TUI, prompts, `-`), help and `--demo`
always run here. `VAWORKSPACE_SERVER=off` turns the server off.
"""

from __future__ import annotations

import os
import sys

PROTOCOL = 2
BUSY = 1.0
"""Seconds to wait for a busy server before running the command here instead."""
RELAYED = frozenset(
    {"add", "agenda", "client", "done", "edit", "entries", "import", "list", "log", "report",
     "show", "timer", "wait", "why"}
)  # fmt: skip
"""Commands that may run in the server: none reads standard input or prompts."""
SERVE = "import sys; sys.path.pop(0); from vaworkspace.cli.server import main; main()"
"""The server's program: `-c` with the working folder taken off the path, so it runs
the vaworkspace this script runs, never a `vaworkspace/` folder where `va` was typed."""


def socket_path() -> str | None:
    """The server's socket, in a folder only this user can enter; None if unsafe.

    One server per Python executable, installed copy and version of vaworkspace
    (an upgrade or another virtualenv gets its own); the server also restarts
    itself when its code changes.
    """
    from vaworkspace import __version__

    base = os.environ.get("XDG_RUNTIME_DIR") or "/tmp"
    folder = os.path.join(base, f"vaworkspace-{os.getuid()}")
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        st = os.lstat(folder)
    except OSError:
        return None
    if st.st_uid != os.getuid() or st.st_mode & 0o170077 != 0o040000:
        return None  # not a folder (a link?), someone else's, or open to others
    import zlib

    here = os.path.dirname(__file__)
    tag = zlib.crc32(f"{sys.executable}\0{here}\0{__version__}".encode("utf-8", "surrogatepass"))
    path = os.path.join(folder, f"server-{PROTOCOL}-{tag:08x}.sock")
    return path if len(path.encode()) < 100 else None  # the limit of a socket address


def relayable(argv: list[str]) -> bool:
    """Whether this command line may run in the server (see RELAYED)."""
    if os.environ.get("VAWORKSPACE_SERVER", "").lower() in ("0", "off", "no", "false"):
        return False
    at = 0
    while at < len(argv) and argv[at].startswith("-"):
        if argv[at] != "--db" and not argv[at].startswith("--db="):
            return False  # --help, --version, --demo, typos: argparse answers here
        at += 2 if argv[at] == "--db" else 1
    if at >= len(argv) or argv[at] not in RELAYED:
        return False
    rest = argv[at + 1 :]
    if "-h" in rest or "--help" in rest:
        return False
    return not (argv[at] == "import" and "-" in rest)


def request(argv: list[str]) -> bytes:
    """What the server needs to run the command as this process would (its output
    descriptors travel beside it, see `ask`)."""
    import marshal

    mask = os.umask(0o077)
    os.umask(mask)
    return marshal.dumps(
        {
            "argv": argv,
            "cwd": os.getcwd(),
            "env": dict(os.environ),
            "umask": mask,
            "encoding": (sys.stdout.encoding, sys.stdout.errors),
        }
    )


def ask(path: str, payload: bytes) -> int | None:
    """Have the server run one command; its exit code, or None if it did not run.

    The server writes straight to this process's stdout and stderr (their
    descriptors are passed over the socket), so output streams as it is made and
    `isatty` and the terminal width are the real ones.

    The exchange: the command goes out; the server says `?` when it is free to
    run it; only our `!` lets it start. So None (run it here instead) is only
    returned when the command certainly did not run: no server, a server that
    declined (its code changed), or one still busy after `BUSY` seconds with
    another command (a long calendar import must not stall every terminal). Once
    `!` is sent, a failure is reported, never retried, so nothing runs twice.
    """
    import _socket  # `socket` would add ~3 ms of enums and selectors

    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.settimeout(BUSY)
        fds = b"".join(fd.to_bytes(4, sys.byteorder) for fd in (1, 2))
        try:
            sock.connect(path)
            sock.sendall(len(payload).to_bytes(8, "little") + payload)
            if sock.recv(1) != b"?":
                return None  # declined without a word
            # The descriptors travel with the go, never before: a command left
            # waiting must not keep our stdout open (a reader would never see EOF).
            sock.sendmsg([b"!"], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, fds)])
        except OSError:  # no server, or busy past BUSY: it will find us gone and skip it
            return None
        sock.settimeout(None)
        reply = b""
        while True:
            try:
                chunk = sock.recv(64)
            except OSError:
                break
            if not chunk:
                break
            reply += chunk
    finally:
        sock.close()
    if not reply.isdigit():  # it started the command but never said how it ended
        os.write(2, b"va: the vaworkspace server stopped while running the command; "
                 b"check the result (va list) before trying again\n")  # fmt: skip
        return 1
    return int(reply)


def peer(sock) -> tuple[int, int]:
    """(pid, uid) of the process at the other end of a connected Unix socket."""
    import _socket

    creds = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_PEERCRED, 12)  # pid, uid, gid
    return int.from_bytes(creds[:4], sys.byteorder), int.from_bytes(creds[4:8], sys.byteorder)


def server_pid(path: str) -> int | None:
    """The process id of the server listening at `path`, or None; for the tests and
    the benchmark, which stop it."""
    import _socket

    probe = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        probe.connect(path)
        return peer(probe)[0]
    except OSError:
        return None
    finally:
        probe.close()


def start_server(path: str) -> None:
    """Start a detached server for the next commands (it exits after 10 idle minutes)."""
    try:
        pid = os.fork()
    except OSError:
        return
    if pid:
        return
    try:  # the child: a new session, no inherited descriptors, then the server
        os.setsid()
        os.chdir("/")  # hold no user folder; and never import code from one (below)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.closerange(3, 65536)
        os.execv(sys.executable, [sys.executable, "-c", SERVE, path])
    finally:
        os._exit(127)


def run() -> None:
    """Entry point of the `va` and `vaworkspace` scripts."""
    argv = sys.argv[1:]
    path = socket_path() if relayable(argv) else None
    if path is not None:
        try:
            code = ask(path, request(argv))
        except KeyboardInterrupt:  # ctrl+c: the server finishes what it started
            os._exit(130)
        if code is not None:
            os._exit(code)
        start_server(path)
    from vaworkspace.cli import run as run_here

    run_here()
