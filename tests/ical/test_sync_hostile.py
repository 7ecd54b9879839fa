"""`va sync` against a server that cuts, trickles and breaks HTTP on purpose.

Whatever one source does, its events stay as they were, it costs one line on
stderr naming the calendar and the reason, the other sources still sync, and
the exit code says something failed. The per-source deadline comes from the
config (`[sync] deadline`), set small here so the trickle test is quick.
"""

from __future__ import annotations

import json
import os
import time

import pytest

from tests.ical.hostile_server import (
    chunked,
    cut_short,
    drip,
    feed,
    raw,
    trickle,
    whole,
)

ACME = feed(60)
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\n"


@pytest.fixture
def deadline(isolated_env):
    """Every source gets 1 s in all (the default is far longer)."""
    config = isolated_env / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[sync]\ndeadline = 1\n")


def events(calendar: str) -> dict:
    with open(os.environ["VAWORKSPACE_DB"], encoding="utf-8") as handle:
        stored = json.load(handle)["events"]
    return {i: r for i, r in stored.items() if r.get("calendar") == calendar}


def subscribed(va, hostile) -> dict:
    """acme (60 events) and bakery (3) synced once; acme's events as stored."""
    hostile.routes["/acme.ics"] = whole(ACME)
    hostile.routes["/bakery.ics"] = whole(feed(3, "Bakery"))
    va("calendar", "add", "acme", hostile.url("/acme.ics"))
    va("calendar", "add", "bakery", hostile.url("/bakery.ics"))
    assert "60 created" in va("sync")
    hostile.routes["/bakery.ics"] = whole(feed(4, "Bakery"))  # the good one moves on
    return events("acme")


NO_END = ACME.replace(b"END:VCALENDAR\r\n", b"")
CASES = {
    "cut at 45 % of Content-Length": (
        cut_short(ACME, 0.45),
        f"the server sent 45 % of the announced {len(ACME) // 1024} KB",
    ),
    "chunked body that ends early": (chunked(ACME, 0.5), "cut short"),
    "no END:VCALENDAR": (whole(NO_END), "no END:VCALENDAR"),
    "more than 100 headers": (
        raw(HEAD + b"".join(b"X-Pad-%d: 1\r\n" % n for n in range(150)) + b"\r\n" + ACME),
        "more than 100 headers",
    ),
    "bad status line": (raw(b"HTTP/1.1 two-hundred OK\r\n\r\n" + ACME), "status line"),
    "200 KB header line": (
        raw(HEAD + b"X-Long: " + b"a" * 200_000 + b"\r\n\r\n" + ACME),
        "the server sent a header line longer than 64 KB; nothing changed",
    ),
    "bad chunk size": (chunked(ACME, size_line=b"zz"), "chunk"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_broken_download_changes_nothing_and_the_others_sync(va, hostile, case) -> None:
    before = subscribed(va, hostile)
    behaviour, reason = CASES[case]
    hostile.routes["/acme.ics"] = behaviour
    err = va("sync", code=1)
    assert err.splitlines() == [err.strip()], err  # one line
    assert err.startswith("va: calendar 'acme' not synced: "), err
    assert reason in err and err.rstrip().endswith("; nothing changed"), err
    assert events("acme") == before
    assert len(events("bakery")) == 4


def test_a_trickling_server_meets_the_deadline(va, hostile, deadline) -> None:
    before = subscribed(va, hostile)
    hostile.routes["/acme.ics"] = trickle(ACME, every=0.05, give_up=12)
    started = time.monotonic()
    err = va("sync", code=1)
    assert time.monotonic() - started < 6
    assert err.strip() == (
        "va: calendar 'acme' not synced: no complete answer within the 1 s deadline "
        "([sync] deadline in the config); nothing changed"
    )
    assert events("acme") == before
    assert len(events("bakery")) == 4


def test_a_trickle_of_headers_meets_the_deadline_too(va, hostile, deadline) -> None:
    before = subscribed(va, hostile)
    headers = HEAD + b"".join(b"X-Pad-%d: 1\r\n" % n for n in range(90)) + b"\r\n"
    hostile.routes["/acme.ics"] = drip(headers, every=0.05, give_up=12)
    started = time.monotonic()
    err = va("sync", code=1)
    assert time.monotonic() - started < 6
    assert "1 s deadline" in err and events("acme") == before


def test_a_body_over_the_size_cap_is_refused_before_reading_it(va, hostile) -> None:
    before = subscribed(va, hostile)
    huge = HEAD + b"Content-Length: 3000000000\r\n\r\n" + ACME
    hostile.routes["/acme.ics"] = raw(huge)
    err = va("sync", code=1)
    assert "announced 2861 MB; the limit is 10 MB" in err
    assert events("acme") == before


def test_a_cut_short_file_source_is_not_synced(va, tmp_path) -> None:
    path = tmp_path / "acme.ics"
    path.write_bytes(ACME)
    va("calendar", "add", "acme", str(path))
    va("sync")
    before = events("acme")
    path.write_bytes(ACME[: len(ACME) // 2])
    err = va("sync", code=1)
    assert err.startswith("va: calendar 'acme' not synced: ") and "END:VCALENDAR" in err
    assert events("acme") == before


def test_an_http_error_names_the_calendar_not_its_secret_address(va, hostile) -> None:
    secret = "/private-9f3c1e/basic.ics"
    va("calendar", "add", "acme", hostile.url(secret))
    hostile.routes[secret] = raw(b"HTTP/1.1 403 Forbidden\x1b[2J\r\nContent-Length: 0\r\n\r\n")
    err = va("sync", code=1)
    assert err.startswith("va: calendar 'acme' not synced: the server answered 403 Forbidden")
    assert "private-9f3c1e" not in err and "\x1b" not in err


def test_a_redirect_is_followed_without_reading_its_body(va, hostile, deadline) -> None:
    hostile.routes["/acme.ics"] = whole(ACME)
    moved = b"HTTP/1.1 302 Found\r\nLocation: /acme.ics\r\nContent-Length: 99999999\r\n\r\n"

    def moved_with_an_endless_body(conn, stop) -> None:
        conn.sendall(moved)
        drip(b"x" * 1000, every=0.05, give_up=12)(conn, stop)

    hostile.routes["/old.ics"] = moved_with_an_endless_body
    va("calendar", "add", "acme", hostile.url("/old.ics"))
    assert "60 created" in va("sync")
    assert hostile.requests == ["/old.ics", "/acme.ics"]


@pytest.mark.parametrize("value", ['"soon"', "0", "-5", "true", "99999"])
def test_a_bad_deadline_in_the_config_is_one_line(va, isolated_env, value) -> None:
    config = isolated_env / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    va("calendar", "add", "acme", "https://example.com/acme.ics")
    config.write_text(f"[sync]\ndeadline = {value}\n")
    # checked when the config is loaded: every command stops before it runs (exit 2)
    line = f"va: {config}: [sync] deadline must be a number of seconds, at most 3600\n"
    assert va("sync", code=2) == line
    assert va("calendar", "list", code=2) == line


def test_the_default_deadline_is_under_a_minute() -> None:
    from vaworkspace.config import sync_deadline

    assert 30 <= sync_deadline({}) <= 60
    assert sync_deadline({"sync": {"deadline": 2.5}}) == 2.5


def test_a_stored_address_that_cannot_work_is_one_reason() -> None:
    from vaworkspace.service.download import DownloadError
    from vaworkspace.service.subscriptions import fetch

    for address, reason in [
        ("http://127.0.0.1:80x/acme.ics", "the address is not valid"),
        ("http://127.0.0.1:1/acme.ics", "the server refused the connection"),
    ]:
        with pytest.raises(DownloadError) as raised:
            fetch(address, deadline=5)
        assert str(raised.value).startswith(reason), raised.value
