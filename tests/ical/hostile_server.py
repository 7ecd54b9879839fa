"""A calendar server on 127.0.0.1 that misbehaves exactly as a test asks.

A raw socket server (not `http.server`) in a thread of the test process, so a
test can cut a body short of its Content-Length, end a chunked body early,
trickle bytes, or break the protocol in ways a real HTTP library refuses to.
Each path is served by a "behaviour": a function that gets the connected socket
and writes whatever it likes. Every connection has its own thread; `stop()` ends
them all (trickles included) and closes every socket it opened.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable

Behaviour = Callable[[socket.socket, threading.Event], None]


def feed(events: int, name: str = "Acme") -> bytes:
    """A calendar with `events` one-hour events, one a day from 1 Dec 2026."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//test//hostile//EN",
        f"X-WR-CALNAME:{name}",
    ]
    for n in range(events):
        day = 1 + n % 28
        lines += [
            "BEGIN:VEVENT",
            f"UID:{name.lower()}-{n}@example.com",
            "DTSTAMP:20261120T120000Z",
            f"DTSTART:202612{day:02d}T{14 + n % 5:02d}0000Z",
            f"DTEND:202612{day:02d}T{15 + n % 5:02d}0000Z",
            f"SUMMARY:{name} meeting {n}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def _head(status: str = "200 OK", extra: tuple[str, ...] = ()) -> bytes:
    lines = [f"HTTP/1.1 {status}", "Content-Type: text/calendar", "Connection: close", *extra]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def whole(body: bytes) -> Behaviour:
    def send(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(_head(extra=(f"Content-Length: {len(body)}",)) + body)

    return send


def cut_short(body: bytes, fraction: float) -> Behaviour:
    """Announce the whole body, send `fraction` of it, close."""

    def send(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(_head(extra=(f"Content-Length: {len(body)}",)))
        conn.sendall(body[: int(len(body) * fraction)])

    return send


def chunked(body: bytes, fraction: float = 1.0, size_line: bytes | None = None) -> Behaviour:
    """A chunked body: `fraction` of it in 1 KB chunks, then the last chunk only when
    all of it was sent; `size_line` replaces the second chunk's size line."""

    def send(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(_head(extra=("Transfer-Encoding: chunked",)))
        part = body[: int(len(body) * fraction)]
        for n, at in enumerate(range(0, len(part), 1024)):
            piece = part[at : at + 1024]
            size = size_line if (size_line is not None and n == 1) else b"%x" % len(piece)
            conn.sendall(size + b"\r\n" + piece + b"\r\n")
        if fraction >= 1.0:
            conn.sendall(b"0\r\n\r\n")

    return send


def drip(data: bytes, every: float, give_up: float) -> Behaviour:
    """One byte of `data` every `every` seconds, for at most `give_up` seconds."""

    def send(conn: socket.socket, stop: threading.Event) -> None:
        end = time.monotonic() + give_up
        for byte in data:
            if stop.wait(every) or time.monotonic() > end:
                return
            conn.sendall(bytes([byte]))

    return send


def trickle(body: bytes, every: float, give_up: float) -> Behaviour:
    """Headers at once, then the body one byte every `every` seconds."""

    def send(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(_head(extra=(f"Content-Length: {len(body)}",)))
        drip(body, every, give_up)(conn, stop)

    return send


def raw(data: bytes) -> Behaviour:
    """Exactly these bytes, then close: for broken status lines and headers."""

    def send(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(data)

    return send


class HostileServer:
    """`routes[path] = behaviour`; `url(path)` is its address."""

    def __init__(self) -> None:
        self.routes: dict[str, Behaviour] = {}
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.stopping = threading.Event()
        self.threads: list[threading.Thread] = []
        self.requests: list[str] = []
        self.accepting = threading.Thread(target=self._accept, daemon=True)
        self.accepting.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.listener.accept()
            except (TimeoutError, OSError):
                continue
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                request = b""
                while b"\r\n\r\n" not in request and len(request) < 65536:
                    got = conn.recv(4096)
                    if not got:
                        return
                    request += got
                path = request.split(b" ", 2)[1].decode()
                self.requests.append(path)
                behaviour = self.routes.get(path, raw(b"HTTP/1.1 404 Not Found\r\n\r\n"))
                behaviour(conn, self.stopping)
            except OSError:  # the client gave up first: what some tests want
                return

    def stop(self) -> None:
        self.stopping.set()
        self.accepting.join(timeout=5)
        self.listener.close()
        for thread in self.threads:
            thread.join(timeout=5)
