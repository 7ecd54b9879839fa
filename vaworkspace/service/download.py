"""Downloading a subscribed calendar: all of it, within a deadline and a size cap.

A feed that arrives incomplete must never be imported: `va sync` removes the
events a source no longer lists, so half a calendar would empty half an agenda.
So an answer counts only when it is complete by HTTP's own measure (as many
bytes as the Content-Length announced, or a chunked body up to its last chunk)
and the caller then checks the calendar ends properly (END:VCALENDAR).

Servers can be slow, broken or hostile. Each read waits at most `READ_TIMEOUT`,
and the whole download, redirects included, has one deadline: it runs in a
helper thread, and when the deadline passes the caller stops waiting and shuts
its sockets down, which wakes the thread. A size over the cap is refused from
the Content-Length before the body is read, else after `cap + 1` bytes.
Malformed HTTP (a bad status line, too many or too long headers, a broken chunk)
is one `DownloadError` sentence, never a traceback, and never shows the
address: a client's private calendar link is a password.
"""

from __future__ import annotations

import contextlib
import socket
import threading

from vaworkspace.errors import ImportFileError
from vaworkspace.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    import http.client
    import urllib.request
    from typing import IO

READ_TIMEOUT = 15.0
"""Longest wait for any single read (connect, headers, each part of the body)."""

MAX_REDIRECTS = 5
_PIECE = 64 * 1024


class DownloadError(ImportFileError):
    """The source could not be downloaded completely; the text is the reason."""


def download(url: str, cap: int, deadline: float) -> bytes:
    """The complete body at `url` (http or https), or `DownloadError`."""
    sockets = _Sockets()
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            # Each read keeps its own timeout, so a reason always tells the truth;
            # the deadline is the caller's join below.
            outcome["data"] = _get(url, cap, sockets, READ_TIMEOUT)
        except DownloadError as error:
            outcome["error"] = error
        except Exception as error:  # whatever a hostile server makes the libraries raise
            outcome["error"] = DownloadError(_reason(error))

    worker = threading.Thread(target=work, name="va-download", daemon=True)
    worker.start()
    worker.join(deadline)
    if worker.is_alive():
        sockets.shut_all()  # wakes the worker: its late result is never used
        raise DownloadError(
            _(
                "no complete answer within the {seconds} s deadline ([sync] deadline in the config)"
            ).format(seconds=f"{deadline:g}")
        )
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["data"]  # type: ignore[return-value]


class _Sockets:
    """The sockets of one download, so the caller can shut them when time is up."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.open: list[socket.socket] = []
        self.closing = False

    def add(self, sock: socket.socket) -> None:
        with self.lock:
            self.open.append(sock)
            if self.closing:
                _shut(sock)

    def shut_all(self) -> None:
        with self.lock:
            self.closing = True
            for sock in self.open:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    # The plain socket method, also on a TLS socket: it shuts the connection at the
    # OS level (a blocked read returns at once) without touching the TLS state that
    # the worker thread may be using.
    with contextlib.suppress(OSError):  # already closed: nothing to wake
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _get(url: str, cap: int, sockets: _Sockets, timeout: float) -> bytes:
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "vaworkspace"})
    with _opener(sockets).open(request, timeout=timeout) as response:
        if response.status != 200:
            raise DownloadError(_answered(response.status, response.reason))
        chunked = "chunked" in response.headers.get("Transfer-Encoding", "").lower()
        announced = None if chunked else _length(response.headers.get("Content-Length"))
        if announced is not None and announced > cap:
            raise DownloadError(
                _("the server announced {size} MB; the limit is {limit} MB").format(
                    size=announced // (1024 * 1024), limit=cap // (1024 * 1024)
                )
            )
        parts, size = [], 0
        while piece := response.read(min(_PIECE, cap + 1 - size)):
            parts.append(piece)
            size += len(piece)
            if size > cap:
                raise DownloadError(
                    _("the answer is over {limit} MB, the limit").format(limit=cap // (1024 * 1024))
                )
    if announced is not None and size < announced:
        share = min(99, round(100 * size / announced))
        raise DownloadError(
            _("the server sent {percent} of the announced {size}").format(
                percent=f"{share} %", size=_size(announced)
            )
        )
    return b"".join(parts)


def _opener(sockets: _Sockets) -> urllib.request.OpenerDirector:
    """urllib with our connections, bounded redirects, and http(s) only."""
    import http.client
    import ssl
    import urllib.request

    class Plain(http.client.HTTPConnection):
        def connect(self) -> None:
            super().connect()
            sockets.add(self.sock)

    class Secure(http.client.HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            sockets.add(self.sock)

    class PlainHandler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(Plain, req)

    class SecureHandler(urllib.request.HTTPSHandler):
        def __init__(self) -> None:
            self.context = ssl.create_default_context()
            super().__init__(context=self.context)

        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(Secure, req, context=self.context)

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def http_error_302(
            self,
            req: urllib.request.Request,
            fp: IO[bytes],
            code: int,
            msg: str,
            headers: http.client.HTTPMessage,
        ) -> http.client.HTTPResponse | None:
            fp.close()  # a redirect's body is never used: never read it (it may not end)
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        PlainHandler(),
        SecureHandler(),
        Redirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.UnknownHandler(),
    ):
        opener.add_handler(handler)
    return opener


def _reason(error: Exception) -> str:
    """One sentence for whatever went wrong, in the user's terms."""
    import http.client
    import ssl
    import urllib.error

    if isinstance(error, urllib.error.HTTPError):
        return _answered(error.code, error.reason)
    if isinstance(error, urllib.error.URLError) and isinstance(error.reason, Exception):
        error = error.reason
    if isinstance(error, urllib.error.URLError):
        return _("the address cannot be used ({why})").format(why=_clean(error.reason))
    if isinstance(error, http.client.RemoteDisconnected):
        return _("the server closed the connection without answering")
    if isinstance(error, http.client.BadStatusLine):
        return _("the server's answer does not start with an HTTP status line")
    if isinstance(error, http.client.LineTooLong):
        # args[0] is "got more than 65536 bytes when reading header line"
        what = str(error).rpartition("reading ")[2] or "line"
        return _("the server sent a {what} longer than 64 KB").format(what=_clean(what))
    if isinstance(error, http.client.IncompleteRead):
        return _("the chunked answer is cut short or has a malformed chunk")
    if isinstance(error, http.client.InvalidURL):
        return _("the address is not valid ({why})").format(why=_clean(error))
    if isinstance(error, http.client.HTTPException):
        if "more than" in str(error) and "headers" in str(error):
            return _("the server sent more than 100 headers")
        return _("the server's answer is not valid HTTP ({why})").format(why=_clean(error))
    if isinstance(error, ssl.SSLCertVerificationError):
        return _("the server's certificate is not valid ({why})").format(
            why=_clean(error.verify_message)
        )
    if isinstance(error, ssl.SSLError):
        return _("the secure connection failed ({why})").format(why=_clean(error.reason))
    if isinstance(error, TimeoutError):
        return _("the server sent nothing for {seconds} s").format(seconds=f"{READ_TIMEOUT:g}")
    if isinstance(error, socket.gaierror):
        return _("the server's name cannot be found (offline, or a mistyped address?)")
    if isinstance(error, ConnectionRefusedError):
        return _("the server refused the connection")
    if isinstance(error, OSError):
        return _("the connection failed ({why})").format(why=_clean(error.strerror or error))
    return _("the address cannot be used ({why})").format(why=_clean(error))


def _answered(status: int, reason: object) -> str:
    return _("the server answered {status} {reason}").format(status=status, reason=_clean(reason))


def _length(value: str | None) -> int | None:
    try:
        length = int(value) if value is not None else None
    except ValueError:
        return None
    return length if length is not None and length >= 0 else None


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return _("{size} MB").format(size=f"{count / (1024 * 1024):.1f}")
    if count >= 1024:
        return _("{size} KB").format(size=count // 1024)
    return _("{size} bytes").format(size=count)


def _clean(text: object, limit: int = 80) -> str:
    """Server-supplied text, made safe for one line on a terminal."""
    shown = "".join(c if c.isprintable() else "?" for c in str(text))
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
