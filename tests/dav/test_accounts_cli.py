"""`va account` and `va sync` on the command line, against a real server: the
password stays out of every file, and a failing server is one clear line with
nothing written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.dav.radicale import USERS
from vaworkspace.cli import main


@pytest.fixture
def va(capsys):
    def run(*argv: str, code: int = 0) -> tuple[str, str]:
        result = main(list(argv))
        out, err = capsys.readouterr()
        assert result == code, (out, err)
        return out, err

    return run


def add_account(
    va, url: str, password_command: str = f"echo {USERS['ann']}", code: int = 0
) -> tuple[str, str]:
    """`va account add work URL --user ann --password-command CMD`, as every test adds it."""
    return va(
        "account",
        "add",
        "work",
        url,
        "--user",
        "ann",
        "--password-command",
        password_command,
        code=code,
    )


def _workspace_bytes() -> bytes:
    return Path(os.environ["VAWORKSPACE_DB"]).read_bytes()


def test_add_lists_the_collections_and_keeps_no_password(
    va, radicale, fresh_slug, tmp_path
) -> None:
    radicale.make_collection("ann", fresh_slug, "Acme to-dos", ["VTODO"])
    va("client", "add", "Acme", "--id", "acme")
    secret = tmp_path / "secret"
    secret.write_text(USERS["ann"] + "\n")

    out, _ = add_account(va, radicale.url, f"cat {secret}")
    assert "Acme to-dos (to-dos)" in out
    va("account", "map", "work", fresh_slug, "--client", "acme")
    listed, _ = va("account", "list")

    assert "Acme to-dos (to-dos): synced for @acme" in listed
    config = Path(os.environ["VAWORKSPACE_CONFIG"]).parent / "accounts.toml"
    va("sync")
    for path in (config, Path(os.environ["VAWORKSPACE_DB"])):
        assert USERS["ann"] not in path.read_text()
    assert oct(config.stat().st_mode & 0o777) == "0o600"


def test_a_wrong_password_is_one_line_and_writes_nothing(va, radicale, fresh_slug) -> None:
    radicale.make_collection("ann", fresh_slug, "Acme to-dos", ["VTODO"])
    va("add", "Book flights")
    before = _workspace_bytes()

    _, err = add_account(va, radicale.url, "echo wrong", code=1)

    assert err.count("\n") == 1
    assert f"account 'work' ({radicale.url})" in err and "401" in err
    assert _workspace_bytes() == before
    assert not (Path(os.environ["VAWORKSPACE_CONFIG"]).parent / "accounts.toml").exists()


def test_a_password_changed_later_fails_the_sync_and_writes_nothing(
    va, radicale, fresh_slug, tmp_path
) -> None:
    radicale.make_collection("ann", fresh_slug, "Acme to-dos", ["VTODO"])
    secret = tmp_path / "secret"
    secret.write_text(USERS["ann"] + "\n")
    va("client", "add", "Acme", "--id", "acme")
    add_account(va, radicale.url, f"cat {secret}")
    va("account", "map", "work", fresh_slug, "--client", "acme")
    va("add", "Book flights @acme")
    secret.write_text("not-it\n")
    before = _workspace_bytes()

    _, err = va("sync", code=1)

    assert err == (
        f"va: account 'work' ({radicale.url}ann/{fresh_slug}/): 401 wrong user name or password; "
        "check --user and the password command\n"
    )
    assert _workspace_bytes() == before


def test_a_server_that_is_down_is_one_line(va, private_radicale, tmp_path) -> None:
    private_radicale.make_collection("ann", "acme", "Acme", ["VTODO"])
    va("client", "add", "Acme", "--id", "acme")
    add_account(va, private_radicale.url)
    va("account", "map", "work", "Acme", "--client", "acme")
    private_radicale.stop()
    before = _workspace_bytes()

    _, err = va("sync", code=1)

    assert err.strip() == (
        f"va: account 'work' ({private_radicale.url}ann/acme/): "
        "cannot connect: the server is down or the address is wrong"
    )
    assert _workspace_bytes() == before


def test_netrc_gives_the_password(va, radicale, fresh_slug, tmp_path, monkeypatch) -> None:
    radicale.make_collection("ann", fresh_slug, "Acme to-dos", ["VTODO"])
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login ann password {USERS['ann']}\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))

    out, _ = va("account", "add", "work", radicale.url, "--user", "ann")

    assert "Acme to-dos" in out


def test_rm_forgets_the_account_and_keeps_the_tasks(va, radicale, fresh_slug) -> None:
    radicale.make_collection("ann", fresh_slug, "Acme to-dos", ["VTODO"])
    va("client", "add", "Acme", "--id", "acme")
    add_account(va, radicale.url)
    va("account", "map", "work", fresh_slug, "--client", "acme")
    va("add", "Book flights @acme")
    va("sync")

    va("account", "rm", "work")

    assert "No accounts" in va("account", "list")[0]
    assert "Book flights" in va("list")[0]
    assert "Nothing to sync" in va("sync")[0]


def test_map_names_what_the_account_holds_when_the_name_is_wrong(va, radicale, fresh_slug) -> None:
    radicale.make_collection("ann", fresh_slug, "Acme to-dos", ["VTODO"])
    add_account(va, radicale.url)

    _, err = va("account", "map", "work", "Nope", code=1)

    assert "account 'work' has no collection 'Nope'" in err and "Acme to-dos" in err


def test_sync_prints_a_conflict_with_both_values_and_theirs_settles_it(
    va, radicale, fresh_slug
) -> None:
    from tests.dav.phone import Phone

    url = radicale.make_collection("ann", fresh_slug, fresh_slug, ["VTODO"])
    va("client", "add", "Acme", "--id", "acme")
    add_account(va, radicale.url)
    va("account", "map", "work", fresh_slug, "--client", "acme")
    va("add", "Pay rent @acme")
    va("sync")
    uid = next(iter(Phone(radicale.url, "ann", url).todos()))
    va("edit", "1", "Pay office rent")
    Phone(radicale.url, "ann", url).edit(uid, summary="Pay the rent")

    out, _ = va("sync")

    assert "  conflict: task 1 (Pay office rent) changed here and on the server: " in out
    assert "title: here 'Pay office rent' · server 'Pay the rent'" in out
    va("sync", "--theirs", "--account", "work")
    assert "Pay the rent" in va("list")[0]
    (row,) = json.loads(va("sync", "--json")[0])
    assert (row["account"], row["ok"], row["summary"]["conflicts"]) == ("work", True, [])
    _, err = va("sync", "--account", "nope", code=1)
    assert "no account named 'nope'" in err


def test_unmap_stops_following_a_collection_and_keeps_its_tasks(
    va, radicale, fresh_slug, tmp_path
) -> None:
    from tests.dav.phone import Phone

    url = radicale.make_collection("ann", fresh_slug, "Acme to-dos", ["VTODO"])
    Phone(radicale.url, "ann", url).add("phone-1", "Renew passport")
    va("client", "add", "Acme", "--id", "acme")
    add_account(va, radicale.url)
    va("account", "map", "work", fresh_slug, "--client", "acme")
    va("sync")

    out, _ = va("account", "unmap", "work", "Acme to-dos")

    assert "Acme to-dos" in out and "no longer synced" in out
    listed, _ = va("account", "list")
    assert "synced for @acme" not in listed and "Acme to-dos" in listed
    Phone(radicale.url, "ann", url).add("phone-2", "Book hotel")
    va("add", "Call the bank @acme")
    synced, _ = va("sync")
    assert "Nothing to sync" in synced
    titles, _ = va("list", "--json")
    assert "Renew passport" in titles and "Book hotel" not in titles
    assert set(Phone(radicale.url, "ann", url).todos()) == {"phone-1", "phone-2"}


def test_unmap_of_a_collection_not_followed_says_so_and_writes_nothing(
    va, radicale, fresh_slug
) -> None:
    radicale.make_collection("ann", fresh_slug, "Acme to-dos", ["VTODO"])
    add_account(va, radicale.url)
    config = Path(os.environ["VAWORKSPACE_CONFIG"]).parent / "accounts.toml"
    before, config_before = _workspace_bytes(), config.read_bytes()

    _, not_mapped = va("account", "unmap", "work", fresh_slug, code=1)
    _, unknown = va("account", "unmap", "work", "Holidays", code=1)
    _, no_account = va("account", "unmap", "home", fresh_slug, code=1)

    assert "work" in not_mapped and fresh_slug in not_mapped and "not synced" in not_mapped
    assert "'Holidays'" in unknown and "work" in unknown
    assert "home" in no_account
    assert (_workspace_bytes(), config.read_bytes()) == (before, config_before)


def test_a_certificate_no_authority_signed_is_one_line_and_nothing_written(
    va, tmp_path, monkeypatch
) -> None:
    from tests.dav.radicale import RadicaleServer, self_signed

    server = RadicaleServer(tmp_path / "radicale", tls=self_signed(tmp_path / "tls")).start()
    try:
        url = server.make_collection("ann", "acme", "Acme", ["VTODO"])
        va("client", "add", "Acme", "--id", "acme")
        # Added while the certificate was trusted (as after a VA accepted it once)…
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(server.tls[0]))
        add_account(va, server.url)
        va("account", "map", "work", "Acme", "--client", "acme")
        va("add", "Book flights @acme")
        monkeypatch.delenv("REQUESTS_CA_BUNDLE")  # …and no longer
        before = _workspace_bytes()

        out, err = va("sync", code=1)
    finally:
        server.remove()

    assert url.startswith("https://")
    assert err == (
        f"va: account 'work' ({url}): TLS error: the server's certificate was refused "
        "(wrong host, expired, self-signed)\n"
    )
    assert "Synced" not in out
    assert _workspace_bytes() == before
