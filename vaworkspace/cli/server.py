"""The workspace server: runs relayed `va` commands in one long-lived process.

Started on demand by `relay.py` (never by hand), it listens on a Unix socket in
a folder only its user can enter, serves one command at a time and exits after
`IDLE` seconds without one. Each command runs through the very same
`cli.main` as in a short process, with that process's environment, working
folder, umask and terminal facts; only what a fresh process would have to
rebuild is kept: the imported modules, the argument parser and the open
`Workspace`s (their cached document is re-checked against the file's
signature before every use, so changes by the TUI, another terminal or an
editor are always seen, and every write is the usual locked atomic
transaction).

If its own code changes on disk (an upgrade, a developer's edit), it declines
the next command without running it (the relay then runs it locally) and exits.
"""

from __future__ import annotations

import gc
import os
import socket
import sys
import time
import traceback
from contextlib import suppress

from vaworkspace.relay import peer

IDLE = 600.0
"""Seconds without a command after which the server exits."""
QUIET = 1.0
"""Seconds without a command after which the cyclic garbage collector runs."""

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def code_stamp() -> int:
    """The newest modification time among vaworkspace's own source files."""
    newest = 0
    for folder, dirs, files in os.walk(_PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)
    return newest


def execute(request: dict, fds: list[int], parser) -> int:
    """Run one command as the client process would have, printing to its stdout and
    stderr (`fds`, closed on return); returns the exit code."""
    from vaworkspace import cli

    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()
    os.umask(request["umask"])
    encoding, errors = request["encoding"]
    out_fd, err_fd = fds
    # The client's streams, closed in `finally` once the command is over.
    out = open(out_fd, "w", 1 if os.isatty(out_fd) else -1, encoding, errors)  # noqa: SIM115
    err = open(err_fd, "w", 1, encoding, "backslashreplace")  # noqa: SIM115
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = open(os.devnull, encoding="utf-8"), out, err  # noqa: SIM115
    try:
        os.chdir(request["cwd"])
        code = cli.main(request["argv"], parser=parser)
    except SystemExit as leaving:  # argparse: usage errors
        code = leaving.code if isinstance(leaving.code, int) else 1
        if not isinstance(leaving.code, (int, type(None))):
            print(leaving.code, file=sys.stderr)
    except OSError as error:  # the working folder vanished, …
        print(f"va: {error}", file=sys.stderr)
        code = 1
    except Exception:  # a bug: report it as a crashed process would
        traceback.print_exc()
        code = 1
    finally:
        for stream in (sys.stdin, out, err):
            with suppress(OSError):  # the reader left (`va list | head`): nothing to flush
                stream.close()
        sys.stdin, sys.stdout, sys.stderr = saved
    return code or 0


def _receive(conn: socket.socket) -> dict | None:
    """The request: an 8-byte length, then a marshalled dict; None if unusable."""
    import marshal

    conn.settimeout(5.0)  # a stuck client must not stall everyone else
    size = int.from_bytes(conn.recv(8), "little")
    chunks, got = [], 0
    while got < size:
        chunk = conn.recv(min(1 << 16, size - got))
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    try:
        request = marshal.loads(b"".join(chunks))
    except (EOFError, ValueError, TypeError):
        return None
    if type(request) is not dict:
        return None
    shape = {"argv": list, "cwd": str, "env": dict, "umask": int, "encoding": tuple}
    if any(type(request.get(key)) is not kind for key, kind in shape.items()):
        return None
    return request


def _go(conn: socket.socket) -> list[int] | None:
    """The client's `!` and the stdout and stderr descriptors sent with it; None if
    it gave up waiting (it runs the command itself)."""
    import array

    fds = array.array("i")
    data, ancillary, _, _ = conn.recvmsg(1, socket.CMSG_SPACE(2 * fds.itemsize))
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(payload[: len(payload) - len(payload) % fds.itemsize])
    if data == b"!" and len(fds) == 2:
        return list(fds)
    _close(list(fds))
    return None


def serve(path: str) -> None:
    """Listen on `path` until idle; only one server per path (a lock decides)."""
    import fcntl

    lock = os.open(path + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return  # another server owns this socket
    import vaworkspace.service  # noqa: F401  (what every command needs, loaded once)
    from vaworkspace import cli

    cli.WORKSPACES = {}
    parser = cli.build_parser()
    stamp = code_stamp()
    if os.path.exists(path):
        os.unlink(path)  # a crashed server's: we hold the lock, nobody else listens
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    os.umask(0o077)
    listener.bind(path)
    listener.listen(64)
    gc.collect()
    gc.freeze()  # modules and parser: never rescanned by the collector
    gc.disable()  # see below
    litter = False
    try:
        while True:
            # The cyclic collector only runs after a quiet second: scanning a kept
            # 10k-task workspace takes tens of ms that no command should wait for
            # (and the workspace's records and tasks hold no cycles to find).
            listener.settimeout(QUIET if litter else IDLE)
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                if not litter:
                    break
                gc.collect()
                litter = False
                continue
            with conn:
                if not _serve_one(conn, parser, stamp):
                    break
            litter = True
    finally:
        os.unlink(path)
        os.close(lock)


def _serve_one(conn: socket.socket, parser, stamp: int) -> bool:
    """Answer one connection; False when the server must stop (its code changed)."""
    try:
        if peer(conn)[1] != os.getuid():
            return True
        request = _receive(conn)
        if request is None:
            return True
        if code_stamp() != stamp:
            return False  # closing without a word: the relay runs the command itself
        conn.sendall(b"?")  # free to run it; the client may have given up waiting
        fds = _go(conn)
        if fds is None:
            return True  # it gave up and runs the command itself
        conn.settimeout(None)
        code = execute(request, fds, parser)  # owns and closes fds
        conn.sendall(str(code).encode())
    except OSError:
        pass  # the client left: before `!` nothing ran; after it, the command is done
    return True


def _close(fds: list[int]) -> None:
    for fd in fds:
        with suppress(OSError):
            os.close(fd)


def main() -> None:
    """`python -c relay.SERVE SOCKET`: how `relay.start_server` runs it."""
    serve(sys.argv[1])
